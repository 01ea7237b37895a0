"""Grading rows: create → queued → grading → graded/failed, claims, retries and the sweep."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from scoring import services
from scoring.models import FAILED, GRADED, GRADING, QUEUED, Grading
from scoring.tasks import MAX_RETRIES, grade_session, sweep_on_worker_start
from scoring.tests import calibration as c
from scoring.transcript import TranscriptError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

TRANSCRIPT = c.transcript(c.FEED)


def make_row(user, **fields):
    return Grading.objects.create(user=user, transcript=TRANSCRIPT, **fields)


def test_create_grading_grades_after_commit(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        grading = services.create_grading(user=user, transcript=TRANSCRIPT)
        assert Grading.objects.get(pk=grading.pk).status == QUEUED
    assert len(callbacks) == 1
    grading.refresh_from_db()
    assert grading.status == GRADED
    assert grading.report["grader"] == "heuristic"
    assert grading.overall == grading.report["overall"] > 80
    assert grading.graded_at is not None
    assert grading.attempts == 1


def test_create_grading_keeps_project_records_for_the_consistency_check(
    user, django_capture_on_commit_callbacks
):
    record = {
        "title": "Home feed ranking",
        "role": "Tech lead",
        "sections": {},
        "metrics": [{"name": "p95 latency", "before": 92, "after": 70, "unit": "ms"}],
    }
    with django_capture_on_commit_callbacks(execute=True):
        grading = services.create_grading(
            user=user, transcript=TRANSCRIPT, project_records=[record]
        )
    grading.refresh_from_db()
    assert grading.project_records == [record]
    assert grading.report["projects"][0]["consistency"][0]["kind"] == "number"


def test_create_grading_rejects_an_unknown_grader(user):
    with pytest.raises(ValueError, match="unknown grader"):
        services.create_grading(user=user, transcript=TRANSCRIPT, grader="oracle")
    assert not Grading.objects.exists()


def test_create_grading_rejects_a_malformed_transcript(user):
    with pytest.raises(TranscriptError):
        services.create_grading(user=user, transcript={"format": "nope"})
    assert not Grading.objects.exists()


def test_second_run_does_nothing(user):
    grading = make_row(user)
    services.run_grading(grading_id=grading.pk)
    grading.refresh_from_db()
    first_report, graded_at = grading.report, grading.graded_at
    assert services.run_grading(grading_id=grading.pk) is None
    grade_session.apply(args=[grading.pk])
    grading.refresh_from_db()
    assert (grading.report, grading.graded_at, grading.attempts) == (first_report, graded_at, 1)


def test_claim_takes_over_only_a_stale_claim(user, settings):
    settings.SCORING_STALE_AFTER_SECONDS = 60
    fresh = make_row(user, status=GRADING, claimed_at=timezone.now(), attempts=1)
    stale = make_row(
        user, status=GRADING, claimed_at=timezone.now() - timedelta(seconds=61), attempts=1
    )
    assert services.claim_grading(grading_id=fresh.pk) is None
    assert services.claim_grading(grading_id=stale.pk) == 2


def test_worker_that_lost_its_claim_writes_no_report(user, monkeypatch):
    """A slow worker whose row was taken over finishes to find it is no longer its own."""
    grading = make_row(user)
    real_grade = services.grade_transcript

    def grade_while_another_worker_takes_over(*args, **kwargs):
        services.sweep_gradings(stale_after=-1)  # the row looks abandoned...
        assert services.claim_grading(grading_id=grading.pk) == 2  # ...and is claimed again
        return real_grade(*args, **kwargs)

    monkeypatch.setattr(services, "grade_transcript", grade_while_another_worker_takes_over)
    services.run_grading(grading_id=grading.pk)
    grading.refresh_from_db()
    assert (grading.status, grading.report, grading.attempts) == (GRADING, None, 2)


def test_transient_error_is_retried_then_graded(user, monkeypatch):
    grading = make_row(user)
    real_grade = services.grade_transcript
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_grade(*args, **kwargs)

    monkeypatch.setattr(services, "grade_transcript", flaky)
    grade_session.apply(args=[grading.pk])
    grading.refresh_from_db()
    assert len(calls) == 2
    assert (grading.status, grading.attempts) == (GRADED, 2)


def test_persistent_transient_error_fails_the_row_with_a_message(user, monkeypatch):
    grading = make_row(user)
    calls = []

    def down(*args, **kwargs):
        calls.append(1)
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(services, "grade_transcript", down)
    grade_session.apply(args=[grading.pk])
    grading.refresh_from_db()
    assert len(calls) == MAX_RETRIES + 1
    assert grading.status == FAILED
    assert "unavailable" in grading.error
    assert grading.report is None


def test_a_bug_fails_the_row_without_retrying(user, monkeypatch):
    grading = make_row(user)
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise KeyError("projects")

    monkeypatch.setattr(services, "grade_transcript", broken)
    grade_session.apply(args=[grading.pk])
    grading.refresh_from_db()
    assert len(calls) == 1
    assert grading.status == FAILED
    assert "internal error" in grading.error


def test_invalid_stored_transcript_fails_with_the_reason(user):
    grading = Grading.objects.create(user=user, transcript={"format": "hotseat.transcript/1"})
    grade_session.apply(args=[grading.pk])
    grading.refresh_from_db()
    assert grading.status == FAILED
    assert "projects" in grading.error


def test_row_claimed_too_often_is_failed_not_retried_forever(user):
    grading = make_row(user, attempts=5)
    services.run_grading(grading_id=grading.pk)
    grading.refresh_from_db()
    assert grading.status == FAILED
    assert "too often" in grading.error


def test_task_for_a_deleted_row_does_nothing(user):
    grade_session.apply(args=[987654])
    assert not Grading.objects.exists()


def test_retry_grading_requeues_a_failed_row(user, django_capture_on_commit_callbacks):
    grading = make_row(user, status=FAILED, error="Grading could not finish.")
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_grading(grading=grading)
    grading.refresh_from_db()
    assert grading.status == GRADED
    assert grading.error == ""


def test_retry_grading_leaves_a_graded_row_alone(user, django_capture_on_commit_callbacks):
    grading = make_row(user)
    services.run_grading(grading_id=grading.pk)
    grading.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.retry_grading(grading=grading)
    assert callbacks == []
    assert grading.status == GRADED and grading.attempts == 1


def test_sweep_requeues_stuck_rows_only(user, django_capture_on_commit_callbacks):
    long_ago = timezone.now() - timedelta(hours=1)
    lost = make_row(user)
    Grading.objects.filter(pk=lost.pk).update(queued_at=long_ago)
    dead = make_row(user, status=GRADING, claimed_at=long_ago, attempts=1)
    waiting = make_row(user)
    working = make_row(user, status=GRADING, claimed_at=timezone.now(), attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_gradings(stale_after=600) == 2
    statuses = dict(Grading.objects.values_list("pk", "status"))
    assert statuses[lost.pk] == GRADED
    assert statuses[dead.pk] == GRADED
    assert statuses[waiting.pk] == QUEUED
    assert statuses[working.pk] == GRADING


def test_worker_start_sweeps_what_a_dead_worker_left(
    user, settings, django_capture_on_commit_callbacks
):
    settings.SCORING_STALE_AFTER_SECONDS = 60
    dead = make_row(
        user, status=GRADING, claimed_at=timezone.now() - timedelta(minutes=5), attempts=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        sweep_on_worker_start(sender=None)
    dead.refresh_from_db()
    assert (dead.status, dead.attempts) == (GRADED, 2)
