"""The grading task, and the sweep that runs when a worker starts."""

import logging

from celery import shared_task
from celery.signals import worker_ready
from django.db import DatabaseError

from scoring import services

logger = logging.getLogger(__name__)

MAX_RETRIES = 4
BACKOFF_SECONDS = 2  # 2, 4, 8, 16 s between tries

# Errors a later try can get past: the database restarting, a dropped connection.
TRANSIENT_ERRORS = (DatabaseError, ConnectionError, TimeoutError)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def grade_session(self, grading_id: int):
    """Grade one row. A second run, a redelivery or a duplicate message does nothing."""
    try:
        services.run_grading(grading_id=grading_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            logger.exception("Grading %s failed after %s tries", grading_id, self.max_retries)
            services.fail_grading(
                grading_id=grading_id,
                error="Grading could not finish: the service was unavailable. Try again.",
            )
            return
        # Returned, not raised: a raised Retry escapes an eager (inline) run, which would turn a
        # retry into an error page; returned, both the worker and an inline run retry it.
        return self.retry(exc=exc, countdown=BACKOFF_SECONDS * 2**self.request.retries, throw=False)
    except Exception:
        # A bug, not bad luck: retrying would fail the same way.
        logger.exception("Grading %s crashed", grading_id)
        services.fail_grading(
            grading_id=grading_id, error="Grading stopped on an internal error. Try again later."
        )


@worker_ready.connect
def sweep_on_worker_start(**kwargs) -> None:
    """A worker that starts after a crash picks up what the dead one left half-done."""
    services.sweep_gradings()
