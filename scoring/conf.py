"""Scoring's settings, read with defaults so the app works before anyone sets them."""

from django.conf import settings


def stale_after_seconds() -> float:
    """How old a claim or a queue entry must be before the sweep treats it as lost.

    Tied to the broker's visibility timeout: a task that has not been acknowledged within it
    is redelivered by Redis anyway, so a claim older than that belongs to a dead worker.
    """
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
    return float(
        getattr(settings, "SCORING_STALE_AFTER_SECONDS", options.get("visibility_timeout", 300))
    )


# A transcript that keeps killing its worker is failed after this many claims, not retried forever.
MAX_ATTEMPTS = 5
