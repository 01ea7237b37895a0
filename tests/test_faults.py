"""Faults the app must survive: Redis gone at the worst moment, PostgreSQL restarting."""

import time

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from hotseat.celery import app
from interviews.models import FINISHED, MockSession
from interviews.services import start_session
from projects.services import load_example_projects
from scoring.models import GRADED, QUEUED
from scoring.services import sweep_gradings

pytestmark = pytest.mark.django_db(transaction=True)


def _start_round(user):
    project = load_example_projects(user=user)[0]
    return start_session(
        user=user, projects=[project], pressure="warmup", answer_mode="typed", seed=3
    )


@pytest.fixture
def broker_down(settings):
    """Point the Celery app at a port where no Redis listens; put it back afterwards."""
    working = app.conf.broker_url

    def use(url):
        app.conf.broker_url = url
        # Connection and producer pools are built from broker_url on first use; kombu keeps
        # one per URL, so the working URL's pools are still there when it is restored.
        app._pool = None
        app.amqp._producer_pool = None

    def restore():
        use(working)

    use("redis://127.0.0.1:1/0")

    yield restore
    restore()


@pytest.mark.worker
def test_redis_down_at_finish_keeps_the_round_and_grades_after_the_sweep(
    client_user, user, celery_worker_process, broker_down
):
    celery_worker_process.stop()  # nothing may grade while Redis is "down"
    session = _start_round(user)
    response = client_user.post(reverse("interviews:finish", args=[session.pk]), follow=True)

    session.refresh_from_db()
    assert session.status == FINISHED
    assert session.grading.status == QUEUED
    assert "Waiting for a grader" in response.text

    broker_down()  # Redis is back
    celery_worker_process.start()
    assert sweep_gradings(stale_after=0) == 1
    for _ in range(100):
        session.grading.refresh_from_db()
        if session.grading.status == GRADED:
            break
        time.sleep(0.1)
    assert session.grading.status == GRADED
    assert MockSession.objects.get(pk=session.pk).grading.report["overall"] >= 0


def test_next_request_works_after_postgresql_drops_the_connection(client, user):
    """Requests reuse one connection (CONN_MAX_AGE). When PostgreSQL drops it, as a restart
    does, the health check at the start of the next request must reconnect, not fail.

    Requests go through Django's real WSGI handler: the test client switches off the
    per-request connection handling that this is about."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: this drops server connections")
    client.force_login(user)
    handler = WSGIHandler()

    def dashboard() -> tuple[str, str]:
        environ = RequestFactory().get(reverse("dashboard")).environ
        environ["HTTP_COOKIE"] = f"sessionid={client.cookies['sessionid'].value}"
        statuses = []
        response = handler(environ, lambda status, headers: statuses.append(status))
        body = b"".join(response).decode()
        response.close()  # fires request_finished, as a WSGI server does
        return statuses[0], body

    status, body = dashboard()
    assert status.startswith("200") and "Welcome, ada" in body
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    status, body = dashboard()
    assert status.startswith("200") and "Welcome, ada" in body
