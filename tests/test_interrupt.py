"""Nothing half-written: an interrupted, terminated or crashing build leaves the previous output whole."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset

import kg.build
import kg.views
from kg.build import OUTPUTS, _move_into_place
from kg.cli import main
from kg.errors import OutputError

ROOT = Path(__file__).parent.parent
ARTICLES = sorted(ROOT.glob("tests/articles/*/*.txt"))


def _corpus(folder: Path, copies: int) -> Path:
    """``copies`` of every test article, each copy a little different so that none is a duplicate."""
    folder.mkdir()
    for n in range(copies):
        for article in ARTICLES:
            text = article.read_text(encoding="utf-8")
            (folder / f"{article.stem}-{n}.txt").write_text(f"{text.rstrip()}\nEdition {n}.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """An output folder from a small build, and the bytes of its files."""
    base = tmp_path_factory.mktemp("interrupt")
    out = base / "out"
    small = base / "small"
    small.mkdir()
    for article in ARTICLES[:2]:
        (small / article.name).write_bytes(article.read_bytes())
    assert main(["build", str(small), "-o", str(out), "--no-validate"]) == 0
    return out, _snapshot(out)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _intact(out: Path, before: dict[str, bytes]) -> None:
    assert _snapshot(out) == before
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    assert len(ds) >= 0 and sum(1 for _ in ds.quads()) > 100
    assert not list(out.glob(".kg-build-*")), "a staging folder was left behind"


# A shell starts a background job with SIGINT ignored, a child inherits that, and Python then
# leaves it ignored: the build is started with Ctrl-C handled as from a terminal, however the
# tests were started (./scripts/test & ignores it; CI may too).
_AS_FROM_A_TERMINAL = ("import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
                       "runpy.run_module('kg.cli', run_name='__main__', alter_sys=True)")


def _start(big: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _AS_FROM_A_TERMINAL, "build", str(big), "-o", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen, signum: int) -> str:
    assert proc.poll() is None, "the build ended before it could be interrupted: make the corpus bigger"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_while_reading_and_extracting(previous, tmp_path, signum):
    out, before = previous
    proc = _start(_corpus(tmp_path / "big", copies=30), out)
    time.sleep(4)  # python and kg start; then some 1,100 articles take about 10 s (a few more on CI)
    assert not list(out.glob(".kg-build-*")), "extraction was over before the signal: make the corpus bigger"
    err = _stop(proc, signum)
    assert "kg: interrupted; no output was half-written" in err
    _intact(out, before)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_while_writing(previous, tmp_path, signum):
    out, before = previous
    proc = _start(_corpus(tmp_path / "big", copies=2), out)
    deadline = time.monotonic() + 600
    while not list(out.glob(".kg-build-*")):  # the staging folder: extraction is over, writing begun
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.01)
    _stop(proc, signum)
    _intact(out, before)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_while_workers_write_the_article_graphs(previous, tmp_path, signum):
    out, before = previous
    proc = _start(_corpus(tmp_path / "big", copies=2), out)
    deadline = time.monotonic() + 600
    while not list(out.glob(".kg-build-*/.parts")):  # kg.article_graphs' workers are at work
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.01)
    _stop(proc, signum)
    _intact(out, before)


def test_a_crash_while_writing_leaves_the_previous_output(previous, monkeypatch, tmp_path):
    out, before = previous
    small = tmp_path / "in"
    small.mkdir()
    (small / ARTICLES[3].name).write_bytes(ARTICLES[3].read_bytes())

    def broken(*args, **kwargs):
        raise RuntimeError("a writer broke")

    monkeypatch.setattr(kg.views, "write_network", broken)
    with pytest.raises(RuntimeError, match="a writer broke"):
        main(["build", str(small), "-o", str(out), "--no-validate"])
    _intact(out, before)


def _switch(tmp_path):
    """An output folder with old files and a staging folder with their new versions."""
    out, staging = tmp_path / "out", tmp_path / "out" / ".kg-build-x"
    staging.mkdir(parents=True)
    names = ("a.txt", "b.txt", "c.txt")
    for name in names:
        (out / name).write_text(f"old {name}")
        (staging / name).write_text(f"new {name}")
    return out, staging, names


def test_a_failed_rename_puts_the_earlier_files_back(tmp_path, monkeypatch):
    out, staging, names = _switch(tmp_path)
    real_replace = Path.replace

    def failing(self, target):
        if self == staging / "c.txt":
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing)
    with pytest.raises(OSError, match="No space left"):
        _move_into_place(staging, out, names)
    assert [(out / name).read_text() for name in names] == ["old a.txt", "old b.txt", "old c.txt"]


@pytest.fixture
def ctrl_c():
    """Ctrl-C raises KeyboardInterrupt in this process, as from a terminal, however the tests
    were started (see ``_AS_FROM_A_TERMINAL``)."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


@pytest.mark.parametrize("threads", [0, 1], ids=["alone", "beside-a-thread"])
def test_a_signal_during_the_switch_waits_for_its_end(tmp_path, monkeypatch, threads, ctrl_c):
    # Another thread of the process (Oxigraph's, a pool's) may be the one the signal is
    # delivered to: the switch must hold it back all the same.
    import threading

    stop = threading.Event()
    for _ in range(threads):
        threading.Thread(target=stop.wait, daemon=True).start()
    out, staging, names = _switch(tmp_path)
    real_replace = Path.replace

    def interrupted(self, target):
        if self == staging / "a.txt":
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C after the first file is in place
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            _move_into_place(staging, out, names)
    finally:
        stop.set()
    assert [(out / name).read_text() for name in names] == ["new a.txt", "new b.txt", "new c.txt"]


def test_a_failing_build_raises_an_output_error_not_a_half_output(previous, monkeypatch, tmp_path):
    out, before = previous
    small = tmp_path / "in"
    small.mkdir()
    (small / ARTICLES[3].name).write_bytes(ARTICLES[3].read_bytes())
    real_replace = Path.replace

    def full(self, target):
        if Path(target).name == "network.html":
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(OutputError, match="No space left on device"):
        kg.build.build([small], out, check=False)
    _intact(out, before)


def test_a_staging_folder_left_by_a_killed_build_is_removed_by_the_next(tmp_path):
    small, out = tmp_path / "in", tmp_path / "out"
    small.mkdir()
    (small / ARTICLES[0].name).write_bytes(ARTICLES[0].read_bytes())
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process number no longer in use (until the system hands it out again)
    left = out / f".kg-build-{gone.pid}"
    left.mkdir(parents=True)
    (left / "graph.trig").write_text("half")
    assert main(["build", str(small), "-o", str(out), "--no-validate"]) == 0
    assert not list(out.glob(".kg-build-*"))
    assert (out / "graph.trig").read_text(encoding="utf-8").startswith("@prefix")
