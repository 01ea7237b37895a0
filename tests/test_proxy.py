"""The production edge: Debian's nginx running deploy/nginx/ in front of the live server.

What the outside scan found there: every client behind the proxy shared its address, so five
bad log-ins locked a username for everyone; oversized bodies reached gunicorn; static files
came from the app. The slow-client timing is measured by bench/slow_clients.py, not here.
"""

import gzip
import http.client
import re
import socket
import ssl
import subprocess
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

from conftest import PASSWORD
from tests.support.proxy import Proxy

pytestmark = [pytest.mark.proxy, pytest.mark.django_db(transaction=True)]

# What TRUSTED_PROXY=1 sets (hotseat/settings.py), as docker-compose.yml runs the app.
BEHIND_PROXY = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """The static files as production collects them: hashed names, gzipped copies."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def proxy(live_server, static_root):
    upstream = urlsplit(live_server.url).netloc.replace("localhost", "127.0.0.1")
    proxy = Proxy(upstream=upstream, static_root=static_root).start()
    yield proxy
    proxy.stop()


def self_signed_certificate(folder):
    """fullchain.pem and privkey.pem in `folder`, as tls.conf.template reads them."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-keyout", str(folder / "privkey.pem")]
        + ["-out", str(folder / "fullchain.pem")],
        check=True,
        capture_output=True,
    )


class Visitor:
    """One browser at its own loopback address (127.0.0.x), talking to the proxy only."""

    def __init__(self, proxy, address: str, *, port=None, connection_class=None):
        self.proxy, self.address = proxy, address
        self.port = port or proxy.port
        self.connection_class = connection_class or http.client.HTTPConnection
        self.cookies: dict[str, str] = {}

    def request(self, method, path, *, body=b"", headers=None):
        connection = self.connection_class(
            "127.0.0.1", self.port, timeout=10, source_address=(self.address, 0)
        )
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            **(headers or {}),
        }
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def log_in(self, username, password, **extra_headers):
        page = self.request("GET", "/accounts/login/").body.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        form = {"csrfmiddlewaretoken": token, "username": username, "password": password}
        return self.request(
            "POST",
            "/accounts/login/",
            body=urlencode(form).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", **extra_headers},
        )


def test_nginx_accepts_the_configuration_with_and_without_tls(tmp_path):
    self_signed_certificate(tmp_path)
    for tls_dir in ("", tmp_path):
        proxy = Proxy(upstream="127.0.0.1:8000", tls_dir=tls_dir)
        try:
            result = proxy.test_config()
        finally:
            proxy.stop()
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("trusted", [True, False])
def test_two_clients_behind_the_proxy_do_not_lock_each_other_out(proxy, user, settings, trusted):
    """Five bad passwords from one address pause that username from that address only. The
    proxy writes each client's own address in X-Forwarded-For; without TRUSTED_PROXY the app
    would see the proxy's address for everyone, and the pause would hit every client."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = BEHIND_PROXY if trusted else ("REMOTE_ADDR",)
    mallory, ada = Visitor(proxy, "127.0.0.2"), Visitor(proxy, "127.0.0.3")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        # Whatever address the attacker claims, the proxy puts the real one in its place.
        mallory.log_in("ada", "wrong", **{"X-Forwarded-For": f"10.0.0.{attempt}"})
    assert mallory.log_in("ada", PASSWORD).status == 429

    response = ada.log_in("ada", PASSWORD)
    if trusted:
        assert response.status == 302 and response.headers["Location"] == "/dashboard/"
        assert ada.request("GET", "/dashboard/").status == 200
    else:
        assert response.status == 429  # the finding: one client locked everyone out


def test_a_body_over_the_limit_gets_the_413_page_in_the_sites_layout(proxy, user):
    visitor = Visitor(proxy, "127.0.0.2")
    assert visitor.log_in("ada", PASSWORD).status == 302
    body = urlencode({"answer": "x" * 2_000_000, "draft_version": "1"}).encode()
    response = visitor.request(
        "POST",
        "/interviews/1/turns/0/draft/",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 413
    page = response.body.decode()
    assert "That was more than Hotseat takes at once" in page
    assert 'class="site-header"' in page and ">ada</a>" in page  # the layout, signed in


def test_static_files_come_from_the_proxy_with_long_cache_headers(proxy, static_root):
    visitor = Visitor(proxy, "127.0.0.2")
    hashed = next((static_root / "css").glob("app.*.css"))
    assert re.fullmatch(r"app\.[0-9a-f]{12}\.css", hashed.name)

    response = visitor.request("GET", f"/static/css/{hashed.name}")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.body == hashed.read_bytes()

    squeezed = visitor.request(
        "GET", f"/static/css/{hashed.name}", headers={"Accept-Encoding": "gzip"}
    )
    assert squeezed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(squeezed.body) == hashed.read_bytes()

    plain = visitor.request("GET", "/static/css/app.css")
    assert plain.headers["Cache-Control"] == "public, max-age=3600"


def test_the_proxy_passes_on_the_host_and_scheme_the_browser_used(
    live_server, static_root, user, tmp_path
):
    """Django checks a POST's Origin against the scheme and host it was sent to (CSRF): over
    TLS the page's own https origin is accepted, which only works if X-Forwarded-Proto and
    the Host with its port come through; over plain HTTP the same claim is refused."""
    self_signed_certificate(tmp_path)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE

    def https(*args, **kwargs):
        return http.client.HTTPSConnection(*args, context=context, **kwargs)

    upstream = urlsplit(live_server.url).netloc.replace("localhost", "127.0.0.1")
    proxy = Proxy(upstream=upstream, static_root=static_root, tls_dir=tmp_path).start()
    try:
        secure = Visitor(proxy, "127.0.0.2", port=proxy.tls_port, connection_class=https)
        plain = Visitor(proxy, "127.0.0.3")
        over_tls = secure.log_in("ada", PASSWORD, Origin=f"https://127.0.0.1:{proxy.tls_port}")
        claimed = plain.log_in("ada", PASSWORD, Origin=f"https://127.0.0.1:{proxy.port}")
        honest = plain.log_in("ada", PASSWORD, Origin=f"http://127.0.0.1:{proxy.port}")
    finally:
        proxy.stop()
    assert over_tls.status == 302 and over_tls.headers["Location"] == "/dashboard/"
    assert claimed.status == 403
    assert honest.status == 302


def test_clients_stuck_in_their_headers_do_not_hold_up_anyone_else(proxy):
    """A handful of connections that never finish their headers cost nginx nothing; straight
    at gunicorn's sync workers, three of them stalled every request (bench/slow_clients.py
    measures both)."""
    stuck = []
    for _ in range(10):
        sock = socket.create_connection(("127.0.0.1", proxy.port))
        sock.sendall(b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        stuck.append(sock)
    try:
        time.sleep(0.5)
        response = Visitor(proxy, "127.0.0.4").request("GET", "/livez")
        assert response.status == 200
    finally:
        for sock in stuck:
            sock.close()
