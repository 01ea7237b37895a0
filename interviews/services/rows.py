"""The session's rows as every write reads them: locked, the turn at an index, a turn closed."""

from interviews import clock
from interviews.models import MockSession, Turn


def lock(session: MockSession) -> MockSession:
    """Lock the session row and bring the caller's copy up to date with it."""
    locked = MockSession.objects.select_for_update().get(pk=session.pk)
    for field in ("status", "current_index", "finished_at", "grading_id"):
        setattr(session, field, getattr(locked, field))
    return session


def turn_at(session: MockSession, index: int) -> Turn | None:
    # A session has one turn at each index: get() reads it without the ORDER BY that first()
    # adds, whose building was a fifth of this query's Python.
    try:
        return Turn.objects.select_related("session_project").get(session=session, index=index)
    except Turn.DoesNotExist:
        return None


def close_now(turn: Turn, now) -> None:
    """Close the open turn with its saved draft: submitted now, or expired at its deadline."""
    if clock.is_expired(turn.deadline, now):
        closing = clock.close_expired(opened_at=turn.opened_at, deadline=turn.deadline)
    else:
        closing = clock.close_submitted(opened_at=turn.opened_at, deadline=turn.deadline, now=now)
    record(turn, turn.draft, closing)


def record(turn: Turn, answer: str, closing: clock.Closing) -> None:
    turn.answer = answer
    turn.answered_at = closing.answered_at
    turn.seconds = closing.seconds
    turn.over_time = closing.over_time
    turn.save(update_fields=["answer", "answered_at", "seconds", "over_time", "timing"])
