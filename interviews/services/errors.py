"""What a request to a session can be refused for, said in the candidate's terms."""

from interviews.models import ANSWER_MAX_CHARS, FINISHED


class InterviewError(Exception):
    """A request the session cannot take; the message says why, in the candidate's terms."""


class SessionClosed(InterviewError):
    pass


class TurnClosed(InterviewError):
    """The turn posted to is not the open one: answered already, or not reached yet."""


class StaleDraft(InterviewError):
    pass


class AnswerTooLong(InterviewError):
    pass


class NothingToDrill(InterviewError):
    pass


STALE_DRAFT_MESSAGE = (
    "A newer draft of this answer is already saved (another tab?). "
    "Reload to see it; this text is still here."
)
TIME_RAN_OUT_MESSAGE = "Time ran out for that question; your latest draft was recorded."


def too_long_message(text: str) -> str:
    return (
        f"Your answer is {len(text):,} characters; the limit is {ANSWER_MAX_CHARS:,}. "
        "Shorten it — nothing you typed has been thrown away."
    )


def closed_message(session) -> str:
    if session.status == FINISHED:
        return "This session is finished, so nothing more can be saved to it."
    return "This session was abandoned, so nothing more can be saved to it."


def not_open_message(turn) -> str:
    if turn is not None and turn.is_answered:
        return "That question was already answered; the answer on record was kept."
    return "That question is not open. The page now shows the current one."
