"""Writes on gradings: create, claim, finish, fail, retry, sweep.

Every state change is a conditional `update()` on the row, so two workers, a redelivered message
and the sweep can all race on one grading and exactly one report is ever written: only the
holder of the current claim (its `attempts` number) may finish it.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from scoring import conf
from scoring.graders import GRADERS, grade_transcript
from scoring.models import FAILED, GRADED, GRADING, HEURISTIC, QUEUED, Grading
from scoring.summary import summarize
from scoring.transcript import TranscriptError, parse_transcript

logger = logging.getLogger(__name__)


def _enqueue(grading_id: int) -> None:
    from scoring.tasks import grade_session  # tasks import this module

    # robust: a broker hiccup must not turn the user's finished session into an error page;
    # the row stays queued and the sweep sends it again.
    transaction.on_commit(lambda: grade_session.delay(grading_id), robust=True)


def create_grading(
    *, user, transcript: dict, project_records: list[dict] | None = None, grader: str = HEURISTIC
) -> Grading:
    """Store the transcript snapshot and queue its grading once the transaction commits."""
    if grader not in GRADERS:
        raise ValueError(f"unknown grader {grader!r}")
    parse_transcript(transcript)  # refuse a malformed snapshot here, not in the worker
    grading = Grading.objects.create(
        user=user, transcript=transcript, project_records=project_records or [], grader=grader
    )
    _enqueue(grading.pk)
    return grading


def claim_grading(*, grading_id: int) -> int | None:
    """Take the row for grading; returns this claim's number, or None if someone else has it.

    A row in "grading" is only taken over once its claim is stale (its worker died).
    """
    now = timezone.now()
    stale = now - timedelta(seconds=conf.stale_after_seconds())
    with transaction.atomic():
        claimed = (
            Grading.objects.filter(pk=grading_id)
            .filter(Q(status=QUEUED) | Q(status=GRADING, claimed_at__lt=stale))
            .update(status=GRADING, claimed_at=now, attempts=F("attempts") + 1)
        )
        if not claimed:
            return None
        return Grading.objects.values_list("attempts", flat=True).get(pk=grading_id)


def _finish(grading_id: int, attempt: int, **fields) -> bool:
    return bool(
        Grading.objects.filter(pk=grading_id, status=GRADING, attempts=attempt).update(**fields)
    )


def run_grading(*, grading_id: int) -> Grading | None:
    """Claim, grade and store the report. Returns the row, or None if there was nothing to do.

    Transient errors (the database going away) propagate with the claim released, for the task
    to retry; a transcript that cannot be graded fails the row with a message instead.
    """
    attempt = claim_grading(grading_id=grading_id)
    if attempt is None:
        return None
    grading = Grading.objects.get(pk=grading_id)
    if attempt > conf.MAX_ATTEMPTS:
        _finish(grading_id, attempt, status=FAILED, error="Grading stopped halfway too often.")
        return grading
    try:
        report = grade_transcript(
            grading.transcript, grader=grading.grader, project_records=grading.project_records
        )
    except TranscriptError as exc:
        _finish(grading_id, attempt, status=FAILED, error=f"The transcript is invalid: {exc}")
    except Exception:
        release_grading(grading_id=grading_id, attempt=attempt)
        raise
    else:
        _finish(
            grading_id,
            attempt,
            status=GRADED,
            report=report,
            summary=summarize(report, grading.transcript),
            overall=report["overall"],
            error="",
            graded_at=timezone.now(),
        )
    grading.refresh_from_db()
    return grading


def release_grading(*, grading_id: int, attempt: int) -> None:
    """Give a claim back (before a retry), so the next run can take the row."""
    Grading.objects.filter(pk=grading_id, status=GRADING, attempts=attempt).update(
        status=QUEUED, queued_at=timezone.now()
    )


def fail_grading(*, grading_id: int, error: str) -> None:
    """Final failure: the row shows the message and the page offers "retry grading"."""
    Grading.objects.filter(pk=grading_id, status__in=(QUEUED, GRADING)).update(
        status=FAILED, error=error
    )


def retry_grading(*, grading: Grading) -> Grading:
    """Queue a failed grading again; does nothing to a row in any other state."""
    with transaction.atomic():
        requeued = Grading.objects.filter(pk=grading.pk, status=FAILED).update(
            status=QUEUED, error="", queued_at=timezone.now()
        )
        if requeued:
            _enqueue(grading.pk)
    grading.refresh_from_db()
    return grading


def sweep_gradings(*, stale_after: float | None = None) -> int:
    """Re-queue gradings stuck in queued (lost message) or grading (dead worker).

    Returns how many rows were queued again. Safe to run at any time and from many workers:
    each row is handed back with a conditional update, and a duplicate message only loses
    the claim race.
    """
    seconds = conf.stale_after_seconds() if stale_after is None else stale_after
    cutoff = timezone.now() - timedelta(seconds=seconds)
    stuck = list(
        Grading.objects.filter(
            Q(status=QUEUED, queued_at__lt=cutoff) | Q(status=GRADING, claimed_at__lt=cutoff)
        ).values_list("pk", "status", "attempts")
    )
    requeued = 0
    for pk, status, attempts in stuck:
        with transaction.atomic():
            moved = Grading.objects.filter(pk=pk, status=status, attempts=attempts).update(
                status=QUEUED, queued_at=timezone.now()
            )
            if moved:
                requeued += 1
                _enqueue(pk)
    if requeued:
        logger.info("Re-queued %d stuck gradings", requeued)
    return requeued
