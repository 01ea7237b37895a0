"""The production edge on loopback, probed by hand as the outside scan did (issue 17).

    .venv/bin/python bench/edge_probes.py            # run the probes, print the table
    .venv/bin/python bench/edge_probes.py --write    # ... and put it into docs/EDGE.md
    .venv/bin/python bench/edge_probes.py --serve    # keep the stack up for wapiti/sqlmap

Needs PostgreSQL and Redis on 127.0.0.1 and Debian's nginx. It creates (and drops first) the
database `hotseat_edge` (in Redis: database 7, a fresh key prefix, the queue `hotseat_edge`),
seeds two users (`owner` and `other`, each with the example projects, a running and a graded
mock onsite and a mentor link), collects the static files, and starts
gunicorn as production runs it (gunicorn.conf.py, DEBUG=0, TRUSTED_PROXY=1) behind nginx with
deploy/nginx/. Every probe goes through nginx; nothing but 127.0.0.x is contacted. It exits 1
if any probe did not get what it expects. `--serve` prints the address, the owner's session
cookie and the mentor link, and waits for Ctrl-C (docs/EDGE.md has the scanner commands).
"""

import argparse
import datetime
import http.client
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _edge import start_gunicorn, write_section  # noqa: E402

from tests.support.proxy import Proxy, free_port, nginx_available  # noqa: E402

DATABASE = "hotseat_edge"
PASSWORD = "edge-probe-password-42"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

SEED = """
import json
from django.contrib.auth import get_user_model
from interviews.services import finish_session, start_session
from projects.services import load_example_projects
from scoring import review_services
from scoring.selectors import review_for
from scoring.services import run_grading

world = {}
for name in ("owner", "other"):
    user = get_user_model().objects.create_user(name, password=THE_PASSWORD)
    projects = load_example_projects(user=user)
    running = start_session(
        user=user, projects=[projects[0]], pressure="warmup", answer_mode="typed", seed=1
    )
    finished = start_session(
        user=user, projects=[projects[1]], pressure="warmup", answer_mode="typed", seed=2
    )
    grading = run_grading(grading_id=finish_session(session=finished).pk)
    link = review_services.create_share_link(grading=grading)
    world[name] = {
        "project": projects[0].pk, "running": running.pk, "turn": running.current_index,
        "finished": finished.pk, "grading": grading.pk, "token": link.token,
        "comment_turn": review_for(grading).turns[0].number,
    }
print(json.dumps(world))
""".replace("THE_PASSWORD", repr(PASSWORD))


def server_env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hotseat.settings",
        "SECRET_KEY": "edge-probes-only-secret-key-0123456789-abcdefghijklmnop",
        "DEBUG": "0",
        "HTTPS": "0",
        "TRUSTED_PROXY": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": "redis://127.0.0.1:6379/7",
        "CACHE_KEY_PREFIX": f"edge-{uuid.uuid4().hex[:8]}",
        "CELERY_QUEUE": "hotseat_edge",  # nothing consumes it: the seed grades inline
        "LOG_LEVEL": "WARNING",
    }


def manage(*args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=server_env(),
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


def prepare() -> dict:
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    manage("migrate", "--noinput", "-v", "0")
    manage("collectstatic", "--noinput", "-v", "0")
    return json.loads(manage("shell", "-c", SEED, capture=True).strip().splitlines()[-1])


class Visitor:
    """A client at its own loopback address, keeping its cookies."""

    def __init__(self, port: int, address: str = "127.0.0.2"):
        self.port, self.address, self.cookies = port, address, {}

    def send(self, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {"Host": f"127.0.0.1:{self.port}", "Cookie": cookie, **(headers or {})}
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def token(self) -> str:
        return self.cookies.get("csrftoken", "")

    def post(self, path, fields, headers=None):
        fields = [("csrfmiddlewaretoken", self.token()), *fields]
        return self.send("POST", path, urlencode(fields).encode(), {**FORM, **(headers or {})})

    def log_in(self, username, password):
        self.send("GET", "/accounts/login/")
        return self.post("/accounts/login/", [("username", username), ("password", password)])


def _refused(response) -> tuple[bool, str]:
    """A token outside the alphabet never reaches a query: the app's 404, or nginx's own 400
    for a NUL in the path, which it refuses before passing anything on."""
    if response.status == 400 and response.headers.get("Server") == "nginx":
        return True, "400 from nginx (a NUL in the path)"
    return response.status == 404, str(response.status)


def probes(port: int, world: dict) -> list[tuple[str, str, str, bool]]:
    """(area, what was sent, what came back, as expected) for every probe."""
    rows = []
    me, them = world["owner"], world["other"]
    owner = Visitor(port, "127.0.0.2")
    assert owner.log_in("owner", PASSWORD).status == 302
    anonymous = Visitor(port, "127.0.0.3")
    anonymous.send("GET", "/accounts/login/")

    def row(area, sent, response, ok, shown=None):
        rows.append((area, sent, shown or str(response.status), bool(ok)))

    # A NUL (or anything else outside the alphabet) in a share token.
    for token in ("%00", "abc%00def", "a%20b", "x" * 80):
        shown = token if len(token) < 20 else f"{token[:3]}…({len(token)} chars)"
        response = anonymous.send("GET", f"/review/shared/{token}/")
        row("share token", f"GET /review/shared/{shown}/", response, *_refused(response))
    response = anonymous.post(
        f"/review/shared/%00/turns/{me['comment_turn']}/comments/", [("author", "x"), ("text", "y")]
    )
    row("share token", "POST a comment under /review/shared/%00/", response, *_refused(response))

    # Oversized bodies: the proxy stops them with the app's page; too many fields, the app.
    run, turn = me["running"], me["turn"]
    big = [
        ("10 MB autosave", f"/interviews/{run}/turns/{turn}/draft/", "answer", 10_000_000),
        ("10 MB submit", f"/interviews/{run}/turns/{turn}/answer/", "answer", 10_000_000),
        ("5 MB Markdown import", "/projects/import/", "text", 5_000_000),
    ]
    for name, path, field, size in big:
        response = owner.post(path, [(field, "x" * size)])
        ok = response.status == 413 and "more than Hotseat takes at once" in response.text
        row("body size", name, response, ok, f"{response.status}, the limit page")
    comment = f"/review/shared/{me['token']}/turns/{me['comment_turn']}/comments/"
    response = anonymous.post(comment, [("author", "x"), ("text", "z" * 10_000_000)])
    ok = response.status == 413 and "more than Hotseat takes at once" in response.text
    row("body size", "10 MB mentor comment", response, ok, f"{response.status}, the limit page")
    response = owner.post("/projects/reorder/", [("order", str(n)) for n in range(1_200)])
    ok = response.status == 400 and "too many fields" in response.text
    row("body size", "POST with 1,200 fields", response, ok, f"{response.status}, the fields page")

    # HEAD wherever GET is.
    for who, path in (
        (anonymous, "/healthz"),
        (anonymous, "/livez"),
        (anonymous, "/accounts/signup/"),
        (owner, "/challenges/"),
        (owner, "/dashboard/"),
    ):
        response = who.send("HEAD", path)
        row("HEAD", f"HEAD {path}", response, response.status == 200)

    # Cache-Control on signed-in pages and exports.
    for path, wanted in (
        ("/dashboard/", "no-cache"),
        ("/projects/", "no-cache"),
        (f"/interviews/{run}/", "no-store"),
        (f"/review/{me['grading']}/export.md", "no-store"),
        (f"/review/{me['grading']}/export.json", "no-store"),
        ("/accounts/settings/export/", "no-store"),
    ):
        response = owner.send("GET", path)
        header = response.headers.get("Cache-Control", "")
        ok = response.status == 200 and "private" in header and wanted in header
        row("Cache-Control", f"GET {path}", response, ok, header or "(none)")

    # HTML in a mentor comment, then the Markdown export.
    anonymous.post(comment, [("author", "<b>Eve</b>"), ("text", "<script>alert(1)</script>")])
    response = owner.send("GET", f"/review/{me['grading']}/export.md")
    ok = "<script" not in response.text and "&lt;script>" in response.text
    row(
        "Markdown export",
        "a `<script>` comment, then export.md",
        response,
        ok,
        "escaped" if ok else "raw",
    )

    # Another user's objects: a 404, as if they did not exist.
    for path in (
        f"/projects/{them['project']}/",
        f"/projects/{them['project']}/edit/",
        f"/interviews/{them['running']}/",
        f"/interviews/{them['finished']}/export.json",
        f"/review/{them['grading']}/",
        f"/review/{them['grading']}/export.md",
        f"/review/{them['grading']}/export.json",
    ):
        response = owner.send("GET", path)
        row("cross-user", f"GET {path} (the other user's)", response, response.status == 404)
    response = owner.post(
        f"/interviews/{them['running']}/turns/{them['turn']}/draft/",
        [("answer", "mine now"), ("draft_version", "9")],
    )
    row("cross-user", "autosave into the other user's turn", response, response.status == 404)

    # Five bad passwords from one client behind the proxy, then the owner from another.
    attacker = Visitor(port, "127.0.0.4")
    attacker.send("GET", "/accounts/login/")
    for n in range(5):
        attacker.post(
            "/accounts/login/",
            [("username", "other"), ("password", "wrong")],
            {"X-Forwarded-For": f"198.51.100.{n}"},
        )
    locked = attacker.post("/accounts/login/", [("username", "other"), ("password", PASSWORD)])
    row("throttle", "6th log-in as other from 127.0.0.4", locked, locked.status == 429)
    friend = Visitor(port, "127.0.0.5")
    response = friend.log_in("other", PASSWORD)
    row("throttle", "other logs in from 127.0.0.5", response, response.status == 302)
    return rows


def table(rows) -> str:
    lines = ["| area | sent | answer | as expected |", "| --- | --- | --- | --- |"]
    for area, sent, answer, ok in rows:
        lines.append(
            f"| {area} | {sent.replace('|', '\\|')} | {answer} | {'yes' if ok else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--serve", action="store_true", help="keep the stack up for scanners")
    parser.add_argument("--write", action="store_true", help="put the table in docs/EDGE.md")
    args = parser.parse_args()
    if not nginx_available():
        raise SystemExit("needs Debian's nginx: apt-get install nginx")
    world = prepare()
    app_port = free_port()
    server = start_gunicorn(app_port, server_env())
    proxy = Proxy(upstream=f"127.0.0.1:{app_port}", static_root=ROOT / "staticfiles").start()
    try:
        if args.serve:
            owner = Visitor(proxy.port)
            owner.log_in("owner", PASSWORD)
            print(f"Hotseat behind nginx: {proxy.url}/  (log in as owner / {PASSWORD})")
            print(
                f"owner's cookies: sessionid={owner.cookies['sessionid']}; "
                f"csrftoken={owner.cookies['csrftoken']}"
            )
            print(f"mentor link: {proxy.url}/review/shared/{world['owner']['token']}/")
            print(f"ids: {json.dumps(world['owner'])}")
            print("Ctrl-C stops it.", flush=True)
            while True:
                time.sleep(3600)
        rows = probes(proxy.port, world)
    except KeyboardInterrupt:
        return 0
    finally:
        proxy.stop()
        server.terminate()
        server.wait()
    print(table(rows))
    failed = [row for row in rows if not row[3]]
    print(f"\n{len(rows)} probes, {len(rows) - len(failed)} as expected, {len(failed)} not.")
    if args.write:
        when = datetime.date.today().isoformat()
        write_section(
            "probes",
            f"Measured {when} (`bench/edge_probes.py --write`):\n\n{table(rows)}\n\n"
            f"{len(rows)} probes, {len(failed)} not as expected.",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
