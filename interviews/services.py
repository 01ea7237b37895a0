"""Writes for mock onsites: start (a round or a drill), autosave, submit, finish, abandon.

Every write that moves the session forward locks the session row first, so two tabs (or a
double click) cannot both answer the same turn or open the next one twice. The clock is
read only here, with `timezone.now()`; see `interviews.clock` for the rules.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from challenges import engine
from challenges.pressure import BAR_RAISER, PRESSURE_KEYS, STANDARD
from hotseat import sql
from interviews import clock
from interviews.drills import plan_drill
from interviews.models import (
    ABANDONED,
    ANSWER_MAX_CHARS,
    CHALLENGE,
    DRILL,
    FINISHED,
    MODE_CHOICES,
    PROMPT,
    RUNNING,
    SPOKEN,
    TYPED,
    MockSession,
    SessionProject,
    Turn,
)
from interviews.selectors import build_transcript, project_records, recently_seen_challenges
from scoring.framework import SECTION_KEYS, SECTIONS
from scoring.services import create_grading

MAX_PROJECTS = 4
# The real round gives about three minutes of walkthrough per project when spoken; typing
# is slower, so a typed session gets more. A pushback question gets one to two minutes.
DEFAULT_WALKTHROUGH_SECONDS = {SPOKEN: 180, TYPED: 480}
DEFAULT_CHALLENGE_SECONDS = {SPOKEN: 90, TYPED: 120}
# Live follow-ups per project when an answer lacked something; warm-up asks none.
FOLLOW_UPS_PER_PROJECT = {STANDARD: 1, BAR_RAISER: 2}
RECENT_SESSIONS = 3


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


@dataclass(frozen=True)
class PlannedTurn:
    section: str
    kind: str
    question: str
    budget_seconds: int
    persona: str = ""
    reason: str = ""
    challenge_slug: str = ""


@dataclass(frozen=True)
class Submitted:
    turn: Turn
    # Text beyond the size limit when time ran out mid-answer; shown back so it can be copied.
    cut_text: str = ""


def default_budgets(answer_mode: str) -> tuple[int, int]:
    mode = answer_mode if answer_mode in DEFAULT_WALKTHROUGH_SECONDS else SPOKEN
    return DEFAULT_WALKTHROUGH_SECONDS[mode], DEFAULT_CHALLENGE_SECONDS[mode]


def plan_project(
    *, picks: Sequence[engine.Pick], pressure: str, walkthrough_seconds: int, challenge_seconds: int
) -> list[PlannedTurn]:
    """The six framework prompts in order, each challenge after the section it targets.

    At bar-raiser pressure a challenge interrupts right after its section, before the
    walkthrough is over; below that the pushback waits until all six sections are told.
    """
    prompt_seconds = clock.prompt_budget(walkthrough_seconds)
    by_section: dict[str, list[PlannedTurn]] = {key: [] for key in SECTION_KEYS}
    for pick in picks:
        by_section[pick.section].append(
            PlannedTurn(
                section=pick.section,
                kind=CHALLENGE,
                question=pick.question,
                budget_seconds=challenge_seconds,
                persona=pick.persona,
                reason=pick.reason,
                challenge_slug=pick.slug,
            )
        )
    interrupt = pressure == BAR_RAISER
    plan: list[PlannedTurn] = []
    for section in SECTIONS:
        plan.append(PlannedTurn(section.key, PROMPT, section.prompt, prompt_seconds))
        if interrupt:
            plan.extend(by_section[section.key])
    if not interrupt:
        for key in SECTION_KEYS:
            plan.extend(by_section[key])
    return plan


def _snapshot_metrics(project) -> list[dict]:
    def number(value):
        return None if value is None else float(value)

    return [
        {
            "name": metric.name,
            "before": number(metric.before),
            "after": number(metric.after),
            "unit": metric.unit,
            "note": metric.note,
        }
        for metric in project.metrics.all()
    ]


@transaction.atomic
def start_session(
    *,
    user,
    projects: Sequence,
    pressure: str,
    answer_mode: str,
    walkthrough_seconds: int | None = None,
    challenge_seconds: int | None = None,
    seed: int | None = None,
) -> MockSession:
    """Plan every turn of the round up front and open the first one."""
    if not 1 <= len(projects) <= MAX_PROJECTS:
        raise InterviewError(f"Choose between 1 and {MAX_PROJECTS} projects.")
    if len({project.pk for project in projects}) != len(projects):
        raise InterviewError("Each project can be walked through only once per session.")
    if any(project.user_id != user.pk for project in projects):
        raise InterviewError("You can only be interviewed on your own projects.")
    if pressure not in PRESSURE_KEYS:
        raise InterviewError("Choose a pressure level.")
    if answer_mode not in dict(MODE_CHOICES):
        raise InterviewError("Choose an answer mode.")
    default_walkthrough, default_challenge = default_budgets(answer_mode)
    walkthrough_seconds = walkthrough_seconds or default_walkthrough
    challenge_seconds = challenge_seconds or default_challenge
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed

    recently_seen = recently_seen_challenges(user=user, sessions=RECENT_SESSIONS)
    session = MockSession.objects.create(
        user=user,
        pressure=pressure,
        answer_mode=answer_mode,
        walkthrough_seconds=walkthrough_seconds,
        challenge_seconds=challenge_seconds,
        seed=seed,
    )
    asked: set[str] = set()
    turns: list[Turn] = []
    for order, project in enumerate(projects):
        sections = project.section_texts()
        picks = engine.pick(
            sections=sections,
            pressure=pressure,
            recently_seen=recently_seen,
            exclude=asked,
            seed=seed + order,
        )
        asked.update(pick.slug for pick in picks)
        plan = plan_project(
            picks=picks,
            pressure=pressure,
            walkthrough_seconds=walkthrough_seconds,
            challenge_seconds=challenge_seconds,
        )
        session_project = SessionProject(
            session=session,
            project=project,
            order=order,
            title=project.title,
            role=project.role,
            sections=sections,
            metrics=_snapshot_metrics(project),
        )
        turns.extend(_add_project(session_project, plan, first_index=len(turns)))
    Turn.objects.bulk_create(turns)
    _advance(session, timezone.now())
    return session


def _add_project(
    session_project: SessionProject, plan: list[PlannedTurn], *, first_index: int
) -> list[Turn]:
    """Save the project snapshot with its time budget; return its turns, still unsaved."""
    session_project.budget_seconds = sum(planned.budget_seconds for planned in plan)
    session_project.save()
    return [
        Turn(
            session=session_project.session,
            session_project=session_project,
            index=first_index + offset,
            section=planned.section,
            kind=planned.kind,
            question=planned.question,
            persona=planned.persona,
            reason=planned.reason,
            challenge_slug=planned.challenge_slug,
            budget_seconds=planned.budget_seconds,
        )
        for offset, planned in enumerate(plan)
    ]


class NothingToDrill(InterviewError):
    pass


@transaction.atomic
def start_drill(*, user, seed: int | None = None) -> MockSession:
    """A short timed session re-asking the challenges due for a drill, project by project.

    Each challenge is asked in the words used before, about the project as it stood then,
    so grading reads a drill like any transcript and its outcome moves the spacing along.
    """
    # A double click, or the button pressed again mid-drill, resumes the drill under way.
    running = MockSession.objects.filter(user=user, kind=DRILL, status=RUNNING).first()
    if running is not None and sync_session(session=running) is not None:
        return running
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed
    plan = plan_drill(user=user, now=timezone.now(), seed=seed)
    if not plan.projects:
        when = (
            f" The next one comes back on {timezone.localtime(plan.next_due):%-d %b}."
            if plan.next_due
            else " A challenge you cave on in a mock onsite comes back here the next day."
        )
        raise NothingToDrill("Nothing is due for a drill right now." + when)
    answer_mode = plan.answer_mode if plan.answer_mode in dict(MODE_CHOICES) else SPOKEN
    _, challenge_seconds = default_budgets(answer_mode)
    session = MockSession.objects.create(
        user=user,
        kind=DRILL,
        pressure=STANDARD,
        answer_mode=answer_mode,
        walkthrough_seconds=0,
        challenge_seconds=challenge_seconds,
        seed=seed,
    )
    turns: list[Turn] = []
    for order, project in enumerate(plan.projects):
        questions = [
            PlannedTurn(
                section=q.section,
                kind=CHALLENGE,
                question=q.question,
                budget_seconds=challenge_seconds,
                persona=q.persona,
                reason=q.reason,
                challenge_slug=q.challenge_slug,
            )
            for q in project.questions
        ]
        session_project = SessionProject(
            session=session,
            project_id=project.project_id,
            order=order,
            title=project.title,
            role=project.role,
            sections=project.sections,
            metrics=project.metrics,
        )
        turns.extend(_add_project(session_project, questions, first_index=len(turns)))
    Turn.objects.bulk_create(turns)
    _advance(session, timezone.now())
    return session


# --- The clock: opening and closing turns -------------------------------------------------


def _turn_at(session: MockSession, index: int) -> Turn | None:
    return (
        Turn.objects.select_related("session_project").filter(session=session, index=index).first()
    )


def _lock(session: MockSession) -> MockSession:
    """Lock the session row and bring the caller's copy up to date with it."""
    locked = MockSession.objects.select_for_update().get(pk=session.pk)
    for field in ("status", "current_index", "finished_at", "grading_id"):
        setattr(session, field, getattr(locked, field))
    return session


def _open(turn: Turn, now: datetime) -> None:
    project = turn.session_project
    if project.started_at is None:
        project.started_at = now
        project.deadline = now + timedelta(seconds=project.budget_seconds)
        project.save(update_fields=["started_at", "deadline"])
    turn.opened_at = now
    turn.deadline = clock.turn_deadline(
        opened_at=now, budget_seconds=turn.budget_seconds, project_deadline=project.deadline
    )
    turn.save(update_fields=["opened_at", "deadline"])


def _record(turn: Turn, answer: str, closing: clock.Closing) -> None:
    turn.answer = answer
    turn.answered_at = closing.answered_at
    turn.seconds = closing.seconds
    turn.over_time = closing.over_time
    turn.save(update_fields=["answer", "answered_at", "seconds", "over_time"])


def _advance(session: MockSession, now: datetime) -> Turn | None:
    """Open the current turn, closing any whose time ran out; finish when none is left.

    Call with the session locked (or just created). Returns the open turn, or None when the
    session is over.
    """
    while session.status == RUNNING:
        turn = _turn_at(session, session.current_index)
        if turn is None:
            _finish(session, now)
            return None
        if turn.opened_at is None:
            _open(turn, now)
        if not clock.is_expired(turn.deadline, now):
            return turn
        _record(
            turn, turn.draft, clock.close_expired(opened_at=turn.opened_at, deadline=turn.deadline)
        )
        session.current_index += 1
        session.save(update_fields=["current_index"])
    return None


def open_turn_in_time(*, user, session_pk: int) -> Turn | None:
    """The run page's common case in one read: the user's running session and its open turn
    (loaded as turn.session and turn.session_project), which still has time. None otherwise;
    sync_session then brings the session up to the server's clock.

    Written as SQL (see hotseat.sql): the ORM took four times as long to build this join as
    PostgreSQL took to run it.
    """
    if not 0 < session_pk < 2**63:  # past the id column's range: raw SQL gets no ORM check
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {sql.columns(Turn, 't')}, {sql.columns(MockSession, 's')}, "
            f"{sql.columns(SessionProject, 'p')} "
            f"FROM {Turn._meta.db_table} t "
            f"JOIN {MockSession._meta.db_table} s ON s.id = t.session_id "
            f"JOIN {SessionProject._meta.db_table} p ON p.id = t.session_project_id "
            "WHERE t.session_id = %s AND s.user_id = %s AND s.status = %s "
            f"AND t.{connection.ops.quote_name('index')} = s.current_index "
            "AND t.opened_at IS NOT NULL",
            [session_pk, user.pk, RUNNING],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    turn, rest = sql.instance(Turn, row)
    turn.session, rest = sql.instance(MockSession, rest)
    turn.session_project, _ = sql.instance(SessionProject, rest)
    if clock.is_expired(turn.deadline, timezone.now()):
        return None
    return turn


def sync_session(*, session: MockSession) -> Turn | None:
    """Bring the session up to the server's clock and return the open turn (None when over).

    The common case (the open turn still has time) costs one read and no lock.
    """
    if session.status != RUNNING:
        return None
    now = timezone.now()
    turn = _turn_at(session, session.current_index)
    if turn is not None and turn.opened_at and not clock.is_expired(turn.deadline, now):
        return turn
    with transaction.atomic():
        _lock(session)
        return _advance(session, now)


# --- Answers --------------------------------------------------------------------------------


def _too_long_message(text: str) -> str:
    return (
        f"Your answer is {len(text):,} characters; the limit is {ANSWER_MAX_CHARS:,}. "
        "Shorten it — nothing you typed has been thrown away."
    )


def _closed_message(session: MockSession) -> str:
    if session.status == FINISHED:
        return "This session is finished, so nothing more can be saved to it."
    return "This session was abandoned, so nothing more can be saved to it."


def _not_open_message(turn: Turn | None) -> str:
    if turn is not None and turn.is_answered:
        return "That question was already answered; the answer on record was kept."
    return "That question is not open. The page now shows the current one."


STALE_DRAFT_MESSAGE = (
    "A newer draft of this answer is already saved (another tab?). "
    "Reload to see it; this text is still here."
)


def _open_turn_where() -> str:
    """The user's running session, at this index, whose turn there is unanswered and in time."""
    return (
        f"WHERE session_id = %s AND {connection.ops.quote_name('index')} = %s "
        "AND answered_at IS NULL AND (deadline IS NULL OR deadline > %s) "
        f"AND session_id IN (SELECT id FROM {MockSession._meta.db_table} "
        "WHERE id = %s AND user_id = %s AND status = %s AND current_index = %s)"
    )


# A draft is saved again at every pause in typing, and the page keeps the text in its answer
# box: PostgreSQL may answer before a draft's commit is flushed to disk (synchronous_commit
# off for that statement's own transaction; every other write, the submitted answer
# included, still waits for the flush). Only a crash of PostgreSQL itself can lose a draft
# saved in its last fraction of a second, and the next save or the submit sends the text again.
_DRAFT_COMMIT = {
    "postgresql": "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS draft_commit "
}


def save_open_draft(*, user, session_pk: int, index: int, text: str, version: int) -> bool:
    """Autosave's common case in one statement: the user's running session, its open turn
    with time left, and an older draft on record. True when saved; StaleDraft when that turn
    already holds this version or a newer one; False for anything else, which save_draft
    then works out and explains.

    The turn's conditions sit on the UPDATE itself, so PostgreSQL checks them again against
    a row another autosave changed meanwhile: an older version never wins. Written as SQL:
    building this statement through the ORM cost more than everything else in the request.

    On PostgreSQL the statement's commit is not waited on to reach the disk (see
    _DRAFT_COMMIT): waiting for that flush halved how many autosaves a worker could answer.
    """
    if len(text) > ANSWER_MAX_CHARS or not (0 < session_pk < 2**63 and 0 <= index < 2**31):
        return False  # (numbers past the columns' range get no ORM check in raw SQL)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    where = [session_pk, index, now, session_pk, user.pk, RUNNING, index]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Turn._meta.db_table} SET draft = %s, draft_version = %s "
            f"{_DRAFT_COMMIT.get(connection.vendor, '')}"
            f"{_open_turn_where()} AND draft_version < %s",
            [text, version, *where, version],
        )
        if cursor.rowcount:
            return True
        cursor.execute(
            f"SELECT draft_version FROM {Turn._meta.db_table} {_open_turn_where()}", where
        )
        open_turn = cursor.fetchone()
    if open_turn is not None and open_turn[0] >= version:
        raise StaleDraft(STALE_DRAFT_MESSAGE)
    return False


def save_draft(*, session: MockSession, index: int, text: str, version: int) -> Turn:
    """Autosave the open turn's draft. Older versions (a slow request, a stale tab) lose.

    A draft that arrives after the deadline closes the turn with it, over time: it is the
    newest text the candidate wrote, and the clock has already run out.
    """
    if len(text) > ANSWER_MAX_CHARS:
        raise AnswerTooLong(_too_long_message(text))
    if session.status != RUNNING:
        raise SessionClosed(_closed_message(session))
    now = timezone.now()
    turn = (
        Turn.objects.filter(session=session, index=index)
        .only("id", "answered_at", "draft_version", "deadline")
        .first()
    )
    if turn is None or index != session.current_index or turn.is_answered:
        raise TurnClosed(_not_open_message(turn))
    if clock.is_expired(turn.deadline, now):
        with transaction.atomic():
            _lock(session)
            turn.refresh_from_db()
            if session.current_index == index and not turn.is_answered:
                if version > turn.draft_version:
                    turn.draft, turn.draft_version = text, version
                    turn.save(update_fields=["draft", "draft_version"])
                _advance(session, now)
        raise TurnClosed("Time ran out for that question; your latest draft was recorded.")
    if turn.draft_version >= version:
        raise StaleDraft(STALE_DRAFT_MESSAGE)
    # One conditional UPDATE: an older version, or a turn answered meanwhile, changes nothing.
    updated = Turn.objects.filter(
        pk=turn.pk, answered_at__isnull=True, draft_version__lt=version
    ).update(draft=text, draft_version=version)
    if not updated:
        turn.refresh_from_db(fields=["answered_at", "draft_version"])
        if turn.is_answered:
            raise TurnClosed(_not_open_message(turn))
        raise StaleDraft(STALE_DRAFT_MESSAGE)
    turn.draft, turn.draft_version = text, version
    return turn


def _maybe_follow_up(session: MockSession, turn: Turn) -> None:
    """Ask one live follow-up when a prompt's answer lacked something, within the bound."""
    allowed = FOLLOW_UPS_PER_PROJECT.get(session.pressure, 0)
    if turn.kind != PROMPT or turn.over_time or not allowed:
        return
    project = turn.session_project
    asked = Turn.objects.filter(session=session, kind=CHALLENGE)
    if asked.filter(session_project=project, is_follow_up=True).count() >= allowed:
        return
    pick = engine.follow_up(section=turn.section, answer=turn.answer)
    if pick is None or asked.filter(challenge_slug=pick.slug).exists():
        return
    Turn.objects.filter(session=session, index__gt=turn.index).update(index=F("index") + 1)
    Turn.objects.create(
        session=session,
        session_project=project,
        index=turn.index + 1,
        section=turn.section,
        kind=CHALLENGE,
        question=pick.question,
        persona=pick.persona,
        reason=pick.reason,
        challenge_slug=pick.slug,
        is_follow_up=True,
        budget_seconds=session.challenge_seconds,
    )
    # The interviewer's extra question brings its own time; the candidate's time is not cut.
    project.budget_seconds += session.challenge_seconds
    project.deadline += timedelta(seconds=session.challenge_seconds)
    project.save(update_fields=["budget_seconds", "deadline"])


def submit_answer(*, session: MockSession, index: int, text: str) -> Submitted:
    """Record the answer to the open turn and open the next one (or finish the session).

    Before the deadline an answer over the size limit is refused and nothing changes. After
    the deadline the answer is kept as it stands, marked over time; if it is also over the
    limit, the first part is kept and the rest handed back.
    """
    now = timezone.now()
    with transaction.atomic():
        _lock(session)
        if session.status != RUNNING:
            raise SessionClosed(_closed_message(session))
        turn = _turn_at(session, index)
        if turn is None or index != session.current_index or turn.opened_at is None:
            raise TurnClosed(_not_open_message(turn))
        expired = clock.is_expired(turn.deadline, now)
        if len(text) > ANSWER_MAX_CHARS and not expired:
            raise AnswerTooLong(_too_long_message(text))
        kept, cut = text[:ANSWER_MAX_CHARS], text[ANSWER_MAX_CHARS:]
        _record(
            turn,
            kept,
            clock.close_submitted(opened_at=turn.opened_at, deadline=turn.deadline, now=now),
        )
        session.current_index += 1
        session.save(update_fields=["current_index"])
        _maybe_follow_up(session, turn)
        _advance(session, now)
    return Submitted(turn=turn, cut_text=cut)


# --- Ending -----------------------------------------------------------------------------------


def _finish(session: MockSession, now: datetime):
    # Questions never reached are not part of the round that happened.
    Turn.objects.filter(session=session, opened_at__isnull=True).delete()
    session.status = FINISHED
    session.finished_at = now
    session.save(update_fields=["status", "finished_at"])
    grading = create_grading(
        user=session.user,
        transcript=build_transcript(session),
        project_records=project_records(session),
    )
    session.grading = grading
    session.save(update_fields=["grading"])
    return grading


def finish_session(*, session: MockSession):
    """End the round now: the open turn keeps its draft, grading is queued after commit.

    Finishing twice returns the first grading.
    """
    now = timezone.now()
    with transaction.atomic():
        _lock(session)
        if session.status == FINISHED:
            return session.grading
        if session.status == ABANDONED:
            raise SessionClosed(_closed_message(session))
        turn = _turn_at(session, session.current_index)
        if turn is not None and turn.opened_at is not None:
            closing = (
                clock.close_expired(opened_at=turn.opened_at, deadline=turn.deadline)
                if clock.is_expired(turn.deadline, now)
                else clock.close_submitted(
                    opened_at=turn.opened_at, deadline=turn.deadline, now=now
                )
            )
            _record(turn, turn.draft, closing)
        return _finish(session, now)


def abandon_session(*, session: MockSession) -> None:
    """Stop without grading. Drafts and answers stay for the record."""
    updated = MockSession.objects.filter(pk=session.pk, status=RUNNING).update(
        status=ABANDONED, finished_at=timezone.now()
    )
    session.refresh_from_db(fields=["status", "finished_at"])
    if not updated:
        raise SessionClosed(_closed_message(session))
