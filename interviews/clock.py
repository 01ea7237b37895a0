"""The session clock. Pure functions over datetimes the server stores; no Django.

Deadlines live in the database and only the server computes them. The page is told how
many seconds remain and counts down from that; nothing the client sends is read as time,
so no request can move a deadline. A turn closes in one of two ways:
- submitted: the answer is kept as it stands; after the deadline it is marked over time;
- expired: nobody submitted before the deadline (tab closed, network gone), so the next
  request to the session closes it with the saved draft, as of its deadline.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from scoring.framework import SECTIONS


@dataclass(frozen=True)
class Closing:
    answered_at: datetime
    seconds: int
    over_time: bool


def remaining_seconds(deadline: datetime | None, now: datetime) -> float:
    """Seconds left until the deadline, never negative; 0 when there is none."""
    if deadline is None:
        return 0.0
    return max(0.0, (deadline - now).total_seconds())


def is_expired(deadline: datetime | None, now: datetime) -> bool:
    return deadline is not None and now >= deadline


def turn_deadline(*, opened_at: datetime, budget_seconds: int, project_deadline: datetime | None):
    """A turn ends after its budget, or when its project's time is up, whichever is first."""
    own = opened_at + timedelta(seconds=budget_seconds)
    return min(own, project_deadline) if project_deadline else own


def close_submitted(*, opened_at: datetime, deadline: datetime, now: datetime) -> Closing:
    return Closing(
        answered_at=now,
        seconds=_elapsed(opened_at, now),
        over_time=now > deadline,
    )


def close_expired(*, opened_at: datetime, deadline: datetime) -> Closing:
    """An expired turn counts as answered at its deadline, however late we notice.

    A turn opened after its project's time was already up closes the moment it opens.
    """
    closed_at = max(opened_at, deadline)
    return Closing(answered_at=closed_at, seconds=_elapsed(opened_at, closed_at), over_time=True)


def was_skipped(*, opened_at: datetime | None, project_deadline: datetime | None) -> bool:
    """A turn opened once its project's time was up was never asked: it closed as it opened."""
    return opened_at is not None and project_deadline is not None and opened_at >= project_deadline


def prompt_budget(walkthrough_seconds: int) -> int:
    """Each framework section gets an equal share of the project's walkthrough."""
    return max(1, round(walkthrough_seconds / len(SECTIONS)))


def _elapsed(start: datetime, end: datetime) -> int:
    return max(0, round((end - start).total_seconds()))
