"""What bench/slow_clients.py and bench/edge_probes.py share: gunicorn started as production
runs it, and their sections of docs/EDGE.md."""

import http.client
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_gunicorn(port: int, env: dict) -> subprocess.Popen:
    """gunicorn as production runs it (gunicorn.conf.py) on 127.0.0.1:`port`, once /livez
    answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hotseat.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/livez")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /livez within 30 s")


def write_section(name: str, text: str) -> None:
    """Put `text` between <!-- name:start --> and <!-- name:end --> in docs/EDGE.md."""
    path = ROOT / "docs" / "EDGE.md"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    path.write_text(pattern.sub(lambda _: f"{start}\n{text}\n{end}", path.read_text()))
