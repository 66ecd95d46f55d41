"""A build never touches the network: run with every socket refused, it still succeeds."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Loaded before kg by the interpreter (sitecustomize): any attempt to resolve a name or
# open a connection is written down and refused.
GUARD = '''
import socket, os
LOG = os.environ["KG_NETWORK_LOG"]
def refuse(*args, **kwargs):
    with open(LOG, "a") as fh:
        fh.write(repr(args[:2]) + "\\n")
    raise OSError("network disabled for this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
'''


def test_build_runs_with_the_network_disabled(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {"PYTHONPATH": f"{guard}:{ROOT}", "KG_NETWORK_LOG": str(log), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    article = ROOT / "data" / "articles"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(article), "-o", str(tmp_path / "out")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "timeline.html").exists() and (tmp_path / "out" / "graph.trig").exists()
    assert not log.exists(), log.read_text()
    # the guard works: the same interpreter cannot reach the network
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('example.org', 80))"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and log.exists()
