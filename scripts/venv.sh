# Sourced by scripts/build and scripts/test: make .venv and install the package when needed.
# Usage: ensure_venv [EXTRAS]   e.g. ensure_venv test
# A stamp file remembers what was installed, so the second run installs nothing.
ensure_venv() {
  local extras="${1:-}" spec="." stamp=".venv/.kg-installed" want
  [ -n "$extras" ] && spec=".[$extras]"
  if [ ! -x .venv/bin/python ]; then
    echo "creating .venv" >&2
    python3 -m venv .venv
  fi
  want="$extras $(cat setup.cfg pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || ! grep -qxF "$want" "$stamp"; then
    echo "installing kg into .venv ($spec)" >&2
    if ! { .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip &&
           .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"; } \
         > .venv/install.log 2>&1; then
      cat .venv/install.log >&2
      echo "installing kg failed (log above, also in .venv/install.log)" >&2
      return 1
    fi
    echo "$want" >> "$stamp"
  fi
}
