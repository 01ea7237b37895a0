"""Fixtures shared by every app's tests: people, browser set-up and a real Celery worker."""

import copy
import os
import shutil
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from tests.support.worker import WorkerProcess, database_url

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from
# live_server tests are safe here because each test owns its thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-42"
CHROMIUM = "/usr/bin/chromium"
BASE_DIR = Path(__file__).resolve().parent
# CI must run everything: a missing service there is a failure, not a skip.
SERVICES_REQUIRED = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing_tools() -> dict[str, str]:
    """Marker -> why its tests cannot run on this machine (CI installs all of them)."""
    from tests.support.nu import vnu_command
    from tests.support.proxy import nginx_available

    missing = {}
    if not shutil.which(CHROMIUM):
        missing["browser"] = f"browser test: {CHROMIUM} is not installed"
    if not nginx_available():
        missing["proxy"] = "proxy test: Debian's nginx is not installed (apt-get install nginx)"
    if vnu_command() is None:
        missing["nu"] = (
            "Nu checker: needs java (apt-get install default-jre-headless) and vnu.jar "
            "(npm install -g vnu-jar, or VNU_JAR=path)"
        )
    return missing


def pytest_collection_modifyitems(config, items):
    if SERVICES_REQUIRED:
        return
    missing = _missing_tools()
    for item in items:
        for marker, reason in missing.items():
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def challenge_bank(request):
    """The challenge bank, which a data migration loads, for every test that uses the database.

    Transactional tests (browser and worker tests) end by emptying every table, the bank
    included; without this, a later test would run its sessions without any pushback."""
    transactional = "transactional_db" in request.fixturenames or any(
        marker.kwargs.get("transaction") for marker in request.node.iter_markers("django_db")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
    elif "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    from challenges.models import Challenge
    from challenges.services import load_challenges

    if not Challenge.objects.exists():
        load_challenges()


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Each test starts with an empty cache, without flushing a Redis others may share.

    Cached fragments are keyed by row ids and times, which repeat from one test to the next,
    so a test must never read what an earlier one cached."""
    caches = copy.deepcopy(settings.CACHES)
    caches["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES = caches


def _make_user(django_user_model, username):
    return django_user_model.objects.create_user(
        username=username, email=f"{username}@example.com", password=PASSWORD
    )


@pytest.fixture
def user(django_user_model):
    return _make_user(django_user_model, "ada")


@pytest.fixture
def other_user(django_user_model):
    return _make_user(django_user_model, "mallory")


@pytest.fixture
def client_user(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def other_client(user, other_user):
    from django.test import Client

    client = Client()
    client.force_login(other_user)
    return client


@pytest.fixture
def celery_eager():
    """Run queued tasks inline even when REDIS_URL is set (as in CI) and no worker listens."""
    from hotseat.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def fake_openai(settings):
    """Start scripted OpenAI-protocol servers, with the settings pointed at the latest one.

    Call it with the client's timeout and retries: `fake_openai(timeout=0.5, max_retries=0)`.
    Every server started is stopped after the test."""
    from scoring.tests.fake_openai import FakeOpenAI

    started = []

    def start(*, timeout: float, max_retries: int):
        fake = FakeOpenAI().start()
        started.append(fake)
        settings.OPENAI_BASE_URL = fake.base_url
        settings.OPENAI_API_KEY = "test-key"
        settings.OPENAI_MODEL = "test-model"
        settings.OPENAI_TIMEOUT = timeout
        settings.OPENAI_MAX_RETRIES = max_retries
        return fake

    yield start
    for fake in started:
        fake.stop()


# --- Browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


def assert_accessible(page):
    """Fail on any serious or critical axe-core violation on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, f"{page.url} has accessibility violations:\n" + "\n".join(serious)


def login_page(page, live_server, user, password=PASSWORD):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")


# --- A real Celery worker --------------------------------------------------------------


def _require(reason):
    if SERVICES_REQUIRED:
        pytest.fail(f"{reason} (CI must run every test)")
    pytest.skip(reason)


@pytest.fixture
def celery_worker_process(transactional_db):
    """Start a real worker against Redis and the test database; stop it afterwards."""
    from django.db import connection

    from hotseat.celery import app

    if not settings.REDIS_URL:
        _require("needs Redis and a Celery worker: set REDIS_URL (see README)")
    db_url = database_url(connection.settings_dict)
    if not db_url:
        _require("needs PostgreSQL: a worker process cannot share the in-memory SQLite test DB")
    app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_QUEUE": app.conf.task_default_queue,
    }
    worker = WorkerProcess(env).start()
    yield worker
    worker.stop()
