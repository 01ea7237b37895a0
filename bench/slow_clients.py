"""Slow clients against gunicorn's sync workers, with and without the proxy in front.

    .venv/bin/python bench/slow_clients.py [--clients 50] [--seconds 20] [--write]

Starts gunicorn as production runs it (gunicorn.conf.py: 3 sync workers, DEBUG=0) on
loopback, and Debian's nginx with deploy/nginx.conf.template in front of it (apt-get install
nginx). Then, twice, it keeps `--clients` connections sending the headers of a request one
byte a second (a closed one is opened again at once), and meanwhile asks for `/livez` every
50 ms with a 2 s timeout:

1. straight at gunicorn, as docker-compose.yml published it before it had a proxy (a few
   seconds: it shows the stall);
2. through nginx, for `--seconds`.

It prints the p50/p99/max time of /livez and how many requests failed in each case, and how
long nginx let a slow client hang before closing it. It exits 1 unless every request through
nginx answered and its p99 is at most 100 ms. Nothing but 127.0.0.1 is contacted.
`--write` puts the figures into docs/EDGE.md.
"""

import argparse
import contextlib
import datetime
import http.client
import os
import platform
import selectors
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _edge import start_gunicorn, write_section  # noqa: E402

from tests.support.proxy import Proxy, free_port, nginx_available  # noqa: E402

P99_LIMIT_MS = 100.0
PROBE_EVERY = 0.05
PROBE_TIMEOUT = 2.0
DIRECT_SECONDS = 6.0
# A request line and headers that never end: one more byte goes out each second.
SLOW_REQUEST = b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-client\r\nX-Pad: "


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class SlowClients:
    """`count` connections to `port`, each sending one more header byte a second."""

    def __init__(self, port: int, count: int):
        self.port, self.count = port, count
        self.stop_event = threading.Event()
        self.opened = 0
        self.lifetimes: list[float] = []  # how long a connection lived before it was closed
        self.thread = threading.Thread(target=self.run, daemon=True)

    def connect(self, selector, sockets):
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=1)
        except OSError:
            return
        sock.setblocking(False)
        self.opened += 1
        sockets[sock] = [0, time.monotonic()]  # bytes sent, when opened
        selector.register(sock, selectors.EVENT_READ)

    def close(self, selector, sockets, sock, *, by_server: bool):
        sent, opened = sockets.pop(sock)
        if by_server:
            self.lifetimes.append(time.monotonic() - opened)
        selector.unregister(sock)
        sock.close()

    def run(self):
        selector = selectors.DefaultSelector()
        sockets: dict[socket.socket, list] = {}
        next_byte = time.monotonic()
        while not self.stop_event.is_set():
            while len(sockets) < self.count and not self.stop_event.is_set():
                self.connect(selector, sockets)
            if time.monotonic() >= next_byte:
                next_byte += 1.0
                for sock, state in list(sockets.items()):
                    byte = SLOW_REQUEST[state[0] : state[0] + 1] or b"a"
                    try:
                        sock.send(byte)
                        state[0] += 1
                    except OSError:
                        self.close(selector, sockets, sock, by_server=True)
            # The server answering (408) or closing is how a slow client learns it was dropped.
            for key, _ in selector.select(timeout=0.1):
                with contextlib.suppress(OSError):
                    key.fileobj.recv(4096)
                self.close(selector, sockets, key.fileobj, by_server=True)
        for sock in list(sockets):
            self.close(selector, sockets, sock, by_server=False)

    def __enter__(self):
        self.thread.start()
        time.sleep(1.5)  # every connection open and a byte or two in
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        self.thread.join()


def probe(port: int, seconds: float) -> tuple[list[float], int]:
    """GET /livez every PROBE_EVERY seconds for `seconds`: times in ms, and failures."""
    times, failures = [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PROBE_TIMEOUT)
            connection.request("GET", "/livez")
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                raise OSError(response.status)
            times.append((time.monotonic() - started) * 1000)
        except OSError:
            failures += 1
        time.sleep(max(0.0, PROBE_EVERY - (time.monotonic() - started)))
    return times, failures


def app_env(scratch: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hotseat.settings",
        "SECRET_KEY": "slow-clients-bench-only-secret-key-0123456789-abcdefghij",
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
    }


def summary(times: list[float], failures: int) -> dict:
    if not times:
        return {"answered": 0, "failed": failures, "p50": None, "p99": None, "max": None}
    return {
        "answered": len(times),
        "failed": failures,
        "p50": percentile(times, 0.5),
        "p99": percentile(times, 0.99),
        "max": max(times),
    }


def ms(value) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def table(rows: dict, clients: int) -> str:
    lines = [
        f"| `/livez` while {clients} clients send headers 1 byte/s | answered | failed "
        f"(> {PROBE_TIMEOUT:.0f} s or error) | p50 | p99 | max |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} | {row['answered']} | {row['failed']} | {ms(row['p50'])} | "
            f"{ms(row['p99'])} | {ms(row['max'])} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--skip-direct", action="store_true", help="only through nginx")
    parser.add_argument("--write", action="store_true", help="put the figures in docs/EDGE.md")
    args = parser.parse_args()
    if not nginx_available():
        raise SystemExit("needs Debian's nginx: apt-get install nginx")

    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        app_port = free_port()
        server = start_gunicorn(app_port, app_env(Path(scratch)))
        proxy = Proxy(upstream=f"127.0.0.1:{app_port}").start()
        try:
            probe(proxy.port, 1)  # each worker imports the app on its first request
            rows["through nginx, no slow clients"] = summary(*probe(proxy.port, 3))
            if not args.skip_direct:
                with SlowClients(app_port, args.clients):
                    rows["straight at gunicorn (3 sync workers)"] = summary(
                        *probe(app_port, DIRECT_SECONDS)
                    )
                # The stalled workers are freed by gunicorn's worker timeout, not by us.
                time.sleep(1)
                server.terminate()
                server.wait()
                server = start_gunicorn(app_port, app_env(Path(scratch)))
                probe(proxy.port, 1)
            with SlowClients(proxy.port, args.clients) as slow:
                rows["through nginx"] = summary(*probe(proxy.port, args.seconds))
        finally:
            proxy.stop()
            server.terminate()
            server.wait()

    held = slow.lifetimes
    through = rows["through nginx"]
    print(table(rows, args.clients))
    print()
    dropped = (
        f"nginx closed {len(held)} slow connections, each after "
        f"{min(held):.1f}–{max(held):.1f} s (client_header_timeout 10s); "
        f"{slow.opened} were opened in all."
        if held
        else "nginx closed no slow connection in the run (client_header_timeout is 10 s)."
    )
    print(dropped)
    ok = through["failed"] == 0 and through["p99"] is not None and through["p99"] <= P99_LIMIT_MS
    verdict = (
        f"{'PASS' if ok else 'FAIL'}: through nginx every /livez answered and p99 "
        f"{ms(through['p99'])} (limit {P99_LIMIT_MS:.0f} ms)"
        if through["failed"] == 0
        else f"FAIL: {through['failed']} requests through nginx failed"
    )
    print(verdict)
    if args.write:
        when = datetime.date.today().isoformat()
        machine = f"{os.cpu_count()} cores, Python {platform.python_version()}"
        write_section(
            "slow-clients",
            f"Measured {when} ({machine}; `{' '.join(['bench/slow_clients.py', *sys.argv[1:]])}`, "
            f"{args.clients} slow clients, {args.seconds:.0f} s through nginx):\n\n"
            f"{table(rows, args.clients)}\n\n{dropped} {verdict}.",
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
