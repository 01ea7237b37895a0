"""Production settings (DEBUG=0) seen from the outside: the headers and cookies of real
requests through Django's WSGI handler, in a process configured only by its environment.

`check --deploy` is covered in test_health.py.
"""

import json
import os
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
ONE_YEAR = 365 * 24 * 3600

# Runs in the child process: migrate a scratch database, collect static files (the manifest
# storage that DEBUG=0 uses needs them), then send requests through the WSGI handler.
CHILD = r"""
import io, json, re, sys
import django
from django.conf import settings

django.setup()
settings.STATIC_ROOT = sys.argv[1]  # a scratch copy; the deployed path is not the point here

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
get_user_model().objects.create_user(username="ada", password="correct-horse-42")
handler = get_wsgi_application()


def request(method, path, *, https=True, cookies="", body=""):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "443" if https else "80",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "https" if https else "http",
        "wsgi.input": io.BytesIO(body.encode()),
        "wsgi.errors": sys.stderr,
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "HTTP_COOKIE": cookies,
    }
    if https:
        environ["HTTP_ORIGIN"] = "https://localhost"
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=headers)

    chunks = handler(environ, start_response)
    text = b"".join(chunks).decode()
    chunks.close()
    return {"status": started["status"], "headers": started["headers"], "body": text}


page = request("GET", "/accounts/login/")
cookies = [value for name, value in page["headers"] if name == "Set-Cookie"]
csrf_cookie = next(value for value in cookies if value.startswith("csrftoken="))
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page["body"])[1]
login = request(
    "POST",
    "/accounts/login/",
    cookies=csrf_cookie.split(";")[0],
    body=f"csrfmiddlewaretoken={token}&username=ada&password=correct-horse-42",
)
results = {
    "page": page,
    "login": login,
    "plain_http": request("GET", "/accounts/login/", https=False),
    "plain_http_healthz": request("GET", "/healthz", https=False),
}
for result in results.values():
    result.pop("body")
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hotseat.settings",
        "DEBUG": "0",
        "SECRET_KEY": "a-real-long-random-secret-for-the-header-check-0987654321",
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("HTTPS", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "ALLOWED_HOSTS"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(scratch / "static")],
        capture_output=True,
        text=True,
        env=env,
        cwd=BASE_DIR,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _headers(result) -> dict[str, str]:
    return {name.lower(): value for name, value in result["headers"] if name != "Set-Cookie"}


def _cookie(result, name):
    for header, value in result["headers"]:
        if header == "Set-Cookie" and value.startswith(f"{name}="):
            return SimpleCookie(value)[name]
    raise AssertionError(f"no {name} cookie set; headers: {result['headers']}")


def test_pages_carry_a_strict_content_security_policy(production):
    assert production["page"]["status"].startswith("200")
    policy = _headers(production["page"])["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_https_is_enforced_for_a_year(production):
    hsts = _headers(production["page"])["strict-transport-security"]
    max_age = int(hsts.split("max-age=")[1].split(";")[0])
    assert max_age >= ONE_YEAR
    assert "includeSubDomains" in hsts
    plain = production["plain_http"]
    assert plain["status"].startswith("301")
    assert _headers(plain)["location"] == "https://localhost/accounts/login/"


def test_health_checks_answer_over_plain_http(production):
    """A load balancer probes over HTTP inside the network; a redirect would fail it."""
    assert production["plain_http_healthz"]["status"].startswith("200")


def test_framing_sniffing_and_referrers_are_locked_down(production):
    headers = _headers(production["page"])
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_csrf_cookie_is_secure(production):
    cookie = _cookie(production["page"], "csrftoken")
    assert cookie["secure"]
    assert cookie["samesite"] == "Lax"


def test_session_cookie_is_secure_and_hidden_from_scripts(production):
    login = production["login"]
    assert login["status"].startswith("302"), login
    assert _headers(login)["location"] == "/dashboard/"
    cookie = _cookie(login, "sessionid")
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
