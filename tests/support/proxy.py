"""Debian's nginx running deploy/nginx/ on loopback, in front of a server of ours.

tests/test_proxy.py puts it in front of pytest-django's live server, bench/slow_clients.py in
front of gunicorn. The templates are filled in as the official image fills them in (only the
${HOTSEAT_...} names; nginx's own $variables stay) into conf.d/ beside a minimal main
configuration of our own, where the official image has its /etc/nginx/nginx.conf.
"""

import os
import shutil
import socket
import string
import subprocess
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
TEMPLATES = BASE_DIR / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"

MAIN = """\
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include conf.d/*.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_available() -> bool:
    return Path(NGINX).exists() and Path(MIME_TYPES).exists()


class Proxy:
    """nginx on 127.0.0.1:<port> forwarding to `upstream` ("127.0.0.1:8000").

    With `tls_dir` (holding fullchain.pem and privkey.pem) it also serves HTTPS on
    127.0.0.1:<tls_port>, from tls.conf.template."""

    def __init__(self, *, upstream: str, static_root: str | Path = "", tls_dir: str | Path = ""):
        self.prefix = Path(tempfile.mkdtemp(prefix="hotseat-nginx-"))
        self.static_root = str(static_root or self.prefix / "static")
        self.tls_dir = str(tls_dir)
        self.port = free_port()
        self.tls_port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.upstream = upstream
        self.process = None

    def write_config(self) -> Path:
        values = {
            "HOTSEAT_UPSTREAM": self.upstream,
            "HOTSEAT_LISTEN": f"127.0.0.1:{self.port}",
            "HOTSEAT_STATIC_ROOT": self.static_root,
            "HOTSEAT_TLS_LISTEN": f"127.0.0.1:{self.tls_port}",
            "HOTSEAT_TLS_DIR": self.tls_dir,
        }
        conf_d = self.prefix / "conf.d"
        conf_d.mkdir(exist_ok=True)
        for template in TEMPLATES.glob("*.template"):
            if template.name.startswith("tls.") and not self.tls_dir:
                continue
            text = string.Template(template.read_text()).safe_substitute(values)
            (conf_d / template.name.removesuffix(".template")).write_text(text)
        main = self.prefix / "nginx.conf"
        main.write_text(
            MAIN.format(
                prefix=self.prefix,
                mime_types=MIME_TYPES,
                # As root nginx would hand its worker to `nobody`, who cannot read this folder.
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        return main

    def test_config(self) -> subprocess.CompletedProcess:
        """`nginx -t` on the configuration: exit status 0 when it is valid."""
        main = self.write_config()
        return subprocess.run(
            [NGINX, "-t", "-p", str(self.prefix), "-c", str(main)],
            capture_output=True,
            text=True,
        )

    def start(self, timeout: float = 10) -> "Proxy":
        main = self.write_config()
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.prefix), "-c", str(main), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not listen on {self.port} within {timeout} s")

    def log(self, name: str = "error.log") -> str:
        path = self.prefix / name
        return path.read_text() if path.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()
        shutil.rmtree(self.prefix, ignore_errors=True)
