"""Writes for mock onsites, by concern:

- `starting`: planning a round (or a drill) and opening its first turn;
- `turns`: the clock, autosaved drafts and submitted answers;
- `finishing`: ending a round, which queues its grading, or abandoning it.

Every write that moves a session forward locks the session row first (`rows.lock`), so two
tabs (or a double click) cannot both answer the same turn or open the next one twice. The
clock is read only in these modules, with `timezone.now()`; see `interviews.clock` for the
rules. Callers import from here.
"""

from interviews.services.errors import (
    AnswerTooLong,
    InterviewError,
    NothingToDrill,
    SessionClosed,
    StaleDraft,
    TurnClosed,
)
from interviews.services.finishing import abandon_session, finish_session
from interviews.services.starting import (
    DEFAULT_CHALLENGE_SECONDS,
    DEFAULT_WALKTHROUGH_SECONDS,
    MAX_PROJECTS,
    PlannedTurn,
    default_budgets,
    plan_project,
    start_drill,
    start_session,
)
from interviews.services.turns import Submitted, save_draft, submit_answer, sync_session

__all__ = [
    "DEFAULT_CHALLENGE_SECONDS",
    "DEFAULT_WALKTHROUGH_SECONDS",
    "MAX_PROJECTS",
    "AnswerTooLong",
    "InterviewError",
    "NothingToDrill",
    "PlannedTurn",
    "SessionClosed",
    "StaleDraft",
    "Submitted",
    "TurnClosed",
    "abandon_session",
    "default_budgets",
    "finish_session",
    "plan_project",
    "save_draft",
    "start_drill",
    "start_session",
    "submit_answer",
    "sync_session",
]
