"""grade_session through a real Celery worker on Redis, including a worker killed mid-grade.

Needs REDIS_URL and a PostgreSQL DATABASE_URL (the worker is another process); the fixture
skips without them, and fails in CI.
"""

import time

import pytest

from scoring import services
from scoring.graders import grade_transcript
from scoring.models import GRADED, GRADING, Grading
from scoring.tests import calibration as c

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, timeout, interval=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def status_of(grading):
    return Grading.objects.values_list("status", flat=True).get(pk=grading.pk)


def test_worker_grades_a_queued_row(celery_worker_process, user):
    transcript = c.transcript(c.FEED, c.TOXICITY)
    grading = services.create_grading(user=user, transcript=transcript)
    assert wait_for(lambda: status_of(grading) == GRADED, timeout=30)
    grading.refresh_from_db()
    assert grading.report == grade_transcript(transcript)
    assert grading.attempts == 1


def test_killing_the_worker_mid_grade_still_yields_one_report(user, monkeypatch, request):
    # The worker reads this at start: a claim older than 2 s belongs to a dead worker.
    monkeypatch.setenv("CELERY_VISIBILITY_TIMEOUT", "2")
    worker = request.getfixturevalue("celery_worker_process")
    # A genuinely long transcript, so that the kill lands while the worker is grading.
    transcript = c.transcript(*[c.FEED, c.TOXICITY] * 500)
    grading = services.create_grading(user=user, transcript=transcript)

    assert wait_for(lambda: status_of(grading) == GRADING, timeout=30)
    worker.kill()
    grading.refresh_from_db()
    assert (grading.status, grading.report, grading.attempts) == (GRADING, None, 1)

    time.sleep(2.5)  # let the dead worker's claim go stale
    worker.start()  # its start-up sweep queues the row again
    assert wait_for(lambda: status_of(grading) == GRADED, timeout=60)
    grading.refresh_from_db()
    graded_at = grading.graded_at
    assert grading.report == grade_transcript(transcript)
    assert grading.attempts >= 2

    time.sleep(3)  # a redelivered copy of the first message must not grade it again
    grading.refresh_from_db()
    assert (grading.status, grading.graded_at) == (GRADED, graded_at)
    assert Grading.objects.count() == 1
