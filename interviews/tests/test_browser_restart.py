"""The server dies mid-answer and comes back: nothing the candidate typed is lost.

The app runs in a gunicorn subprocess against the test database, so it can be killed and
restarted while the browser stays on the page. That needs PostgreSQL: a second process cannot
see SQLite's in-memory test database.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.error import URLError

import pytest
from django.db import connection
from playwright.sync_api import expect

from challenges.pressure import WARMUP
from conftest import BASE_DIR, _require, assert_accessible, login_page
from interviews.models import Turn
from interviews.services import start_session
from interviews.tests.conftest import make_project
from tests.support.worker import database_url, die_with_parent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """gunicorn on 127.0.0.1, serving the test database; `kill` is a crash, not a shutdown."""

    def __init__(self, database_url: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            # A plain HTTP server on a loopback port, static files served by the app itself.
            "DEBUG": "1",
            "HTTPS": "0",
        }
        # Only the pytest process runs Playwright's event loop next to the ORM.
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        # Without Redis the log-in session lives in the test database alone: a Redis shared
        # with other test runs (same user and session ids) could otherwise answer for them.
        self.env.pop("REDIS_URL", None)
        self.process = None

    def start(self, timeout=30):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "hotseat.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "4",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=self.env,
            preexec_fn=die_with_parent,
            # Its own process group, so a kill takes the worker down with the master.
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/livez", timeout=1) as response:
                    if response.status == 200:
                        return self
            except (URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /livez in time")

    def kill(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


@pytest.fixture
def app_server():
    db_url = database_url(connection.settings_dict)
    if not db_url:
        _require("needs PostgreSQL: a server process cannot share the in-memory SQLite test DB")
    server = AppServer(db_url).start()
    yield server
    server.kill()


def saved_draft(turn: Turn, text: str, timeout=15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        turn.refresh_from_db(fields=["draft"])
        if turn.draft == text:
            return True
        time.sleep(0.2)
    return False


def test_server_restart_mid_turn_loses_nothing(page, app_server, user):
    project = make_project(user, "Real-time fraud scoring")
    session = start_session(
        user=user,
        projects=[project],
        pressure=WARMUP,
        answer_mode="typed",
        walkthrough_seconds=1200,
        challenge_seconds=120,
    )
    turn = session.turns.get(index=0)
    login_page(page, app_server, user)
    page.goto(f"{app_server.url}/interviews/{session.pk}/")
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    assert_accessible(page)
    box = page.get_by_label("Your answer")
    status = page.locator("#save-status")

    first = "Checkout fraud cost 2% of revenue"
    box.fill(first)
    expect(status).to_have_text("Draft saved")
    assert saved_draft(turn, first)

    # The server crashes mid-answer; the candidate keeps typing.
    app_server.kill()
    box.press("End")
    box.press_sequentially("; scoring had to answer in 50 ms at p99.")
    final = first + "; scoring had to answer in 50 ms at p99."
    expect(status).to_contain_text("Not saved yet")
    assert_accessible(page)
    turn.refresh_from_db(fields=["draft"])
    assert turn.draft == first
    kept = page.evaluate(f"localStorage.getItem('hotseat:draft:{session.pk}:0')")
    assert final in kept

    # Back up. Autosaves are held back until after the reload, so what the reloaded page shows
    # can only have come from the browser's copy (the server still has version 1).
    page.route("**/draft/", lambda route: route.abort())
    app_server.start()
    page.reload()
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    expect(page.locator("#run-panel")).to_have_attribute("data-draft-version", "1")
    expect(box).to_have_value(final)
    assert_accessible(page)

    # Once requests get through, the retry delivers it: the server ends up with the final text.
    page.unroute("**/draft/")
    assert saved_draft(turn, final)
    expect(status).to_have_text("Draft saved")
