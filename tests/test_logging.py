"""Logs never carry a password, a candidate's answer text or a configured secret.

A whole journey runs through the views with every logger at DEBUG: sign up, a failed log-in,
a project whose sections hold a recognisable secret, a short mock onsite answered with it,
finishing, grading (heuristic, then an LLM regrade whose provider is down) and the review.
"""

import logging

import pytest
from django.urls import reverse

from interviews.models import MockSession
from scoring.models import GRADED, Grading
from tests.test_authorization import PROJECT

pytestmark = pytest.mark.django_db

PASSWORD = "Sup3r-Secret-Pa55-ZX41"
WRONG_PASSWORD = "Wr0ng-Secret-Pa55-QQ87"
ANSWER_SECRET = "ZEBRA-QUARTZ-7f3a churn model confidential"
API_KEY = "sk-test-hotseat-DO-NOT-LOG-91b2"
SECRET_KEY = "hotseat-log-test-secret-key-7d1e5c0a9b8f3e2d1c0b9a8f7e6d5c4b"


@pytest.fixture
def secrets_configured(settings):
    settings.SECRET_KEY = SECRET_KEY
    settings.OPENAI_API_KEY = API_KEY
    # Nothing listens here: the LLM grader fails at once and falls back (and logs why).
    settings.OPENAI_BASE_URL = "http://127.0.0.1:9/v1"
    settings.OPENAI_MAX_RETRIES = 0
    settings.OPENAI_TIMEOUT = 2.0


APPS = ("accounts", "projects", "challenges", "interviews", "scoring")


def test_django_debug_loggers_that_print_user_data_stay_quiet(settings):
    """At DEBUG, django.template logs whole template contexts (answers included) for every
    missing variable and django.db.backends logs SQL with its parameters. The logging set-up
    must keep both above DEBUG even when LOG_LEVEL=DEBUG turns the root logger up."""
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        for name in ("django.template", "django.db.backends"):
            assert logging.getLogger(name).getEffectiveLevel() > logging.DEBUG, name
    finally:
        logging.getLogger().setLevel(settings.LOGGING["root"]["level"])


def _everything_logged(caplog) -> str:
    """Formatted lines (with tracebacks) plus each record's raw message, arguments and extras."""
    raw = [repr(vars(record)) for record in caplog.records]
    return "\n".join([caplog.text, *raw])


def test_a_full_journey_logs_no_password_answer_or_secret(
    client,
    caplog,
    secrets_configured,
    celery_eager,  # grade in the request, as the embedded default does
    django_capture_on_commit_callbacks,
):
    # What LOG_LEVEL=DEBUG does in production: the root logger and every logger of ours (and
    # of celery and axes) at DEBUG. Django's own loggers keep their configured levels.
    caplog.set_level(logging.DEBUG)
    for name in (*APPS, "hotseat", "celery", "axes"):
        caplog.set_level(logging.DEBUG, logger=name)

    signup = {"username": "grace", "email": "", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post(reverse("accounts:signup"), signup).status_code == 302
    client.post(reverse("accounts:logout"))
    failed = client.post(
        reverse("accounts:login"), {"username": "grace", "password": WRONG_PASSWORD}
    )
    assert failed.status_code == 200
    client.post(reverse("accounts:login"), {"username": "grace", "password": PASSWORD})

    sections = {key: f"{value} {ANSWER_SECRET}" for key, value in PROJECT.items()}
    project = {
        **sections,
        "title": PROJECT["title"],
        "metrics-TOTAL_FORMS": "1",
        "metrics-INITIAL_FORMS": "0",
        "metrics-0-name": "p95 latency",
        "metrics-0-before": "900",
        "metrics-0-after": "240",
        "metrics-0-unit": "ms",
        "metrics-0-note": ANSWER_SECRET,
    }
    assert client.post(reverse("projects:create"), project).status_code == 302
    project_pk = client.get(reverse("projects:list")).context["rows"][0][0].pk

    setup = {"project_1": str(project_pk), "pressure": "warmup", "answer_mode": "typed"}
    assert client.post(reverse("interviews:setup"), setup).status_code == 302
    session = MockSession.objects.get(user__username="grace")
    for version in range(1, 4):
        session.refresh_from_db()
        index = session.current_index
        answer = f"I decided to cut p95 from 900 ms to 240 ms. {ANSWER_SECRET} #{version}"
        client.post(
            reverse("interviews:autosave", args=[session.pk, index]),
            {"answer": answer, "draft_version": str(version)},
            headers={"HX-Request": "true"},
        )
        client.post(reverse("interviews:submit", args=[session.pk, index]), {"answer": answer})

    with django_capture_on_commit_callbacks(execute=True):
        finished = client.post(reverse("interviews:finish", args=[session.pk]))
    grading = Grading.objects.get(user__username="grace")
    assert grading.status == GRADED
    assert finished.status_code == 302
    assert ANSWER_SECRET in str(grading.transcript)  # the answers did reach the grader

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("scoring:regrade", args=[grading.pk]))
    regraded = Grading.objects.exclude(pk=grading.pk).get(user__username="grace")
    assert regraded.status == GRADED
    assert client.get(reverse("scoring:review", args=[regraded.pk])).status_code == 200
    client.get(reverse("scoring:export-markdown", args=[grading.pk]))

    logged = _everything_logged(caplog)
    assert "AXES" in logged, "the journey logged nothing: this test would prove nothing"
    assert "fell back to the heuristic grader" in logged  # the LLM failure path did log
    for secret in (PASSWORD, WRONG_PASSWORD, "ZEBRA-QUARTZ", API_KEY, SECRET_KEY):
        assert secret not in logged, f"{secret!r} appears in the logs"
