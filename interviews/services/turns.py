"""The clock and the turns: opening each turn in order, closing those whose time ran out,
autosaving drafts and recording submitted answers."""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from challenges import engine
from challenges.personas import PERSONA_LABELS
from challenges.pressure import BAR_RAISER
from interviews import clock
from interviews.models import ANSWER_MAX_CHARS, CHALLENGE, RUNNING, MockSession, Turn
from interviews.selectors import get_session_for_user
from interviews.services import rows
from interviews.services.errors import (
    STALE_DRAFT_MESSAGE,
    TIME_RAN_OUT_MESSAGE,
    AnswerTooLong,
    SessionClosed,
    StaleDraft,
    TurnClosed,
    closed_message,
    not_open_message,
    too_long_message,
)
from interviews.services.finishing import close_round


@dataclass(frozen=True)
class Submitted:
    turn: Turn
    # Text beyond the size limit when time ran out mid-answer; shown back so it can be copied.
    cut_text: str = ""


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


def advance(session: MockSession, now: datetime) -> Turn | None:
    """Open the current turn, closing any whose time ran out; finish when none is left.

    Call with the session locked (or just created). Returns the open turn, or None when the
    session is over.
    """
    while session.status == RUNNING:
        turn = rows.turn_at(session, session.current_index)
        if turn is None:
            close_round(session, now)
            return None
        if turn.opened_at is None:
            _open(turn, now)
        if not clock.is_expired(turn.deadline, now):
            return turn
        rows.record(
            turn, turn.draft, clock.close_expired(opened_at=turn.opened_at, deadline=turn.deadline)
        )
        session.current_index += 1
        session.save(update_fields=["current_index"])
    return None


def sync_session(*, session: MockSession) -> Turn | None:
    """Bring the session up to the server's clock and return the open turn (None when over).

    The common case (the open turn still has time) costs one read and no lock.
    """
    if session.status != RUNNING:
        return None
    now = timezone.now()
    turn = rows.turn_at(session, session.current_index)
    if turn is not None and turn.opened_at and not clock.is_expired(turn.deadline, now):
        return turn
    with transaction.atomic():
        rows.lock(session)
        return advance(session, now)


# --- Answers --------------------------------------------------------------------------------


def save_draft(
    *, user, session_pk: int, index: int, text: str, version: int, timing: list | None = None
) -> None:
    """Autosave the open turn's draft. Older versions (a slow request, a stale tab) lose.

    The common case is one conditional UPDATE (_save_open_draft); when it saves nothing, the
    session is read to say why. A draft that arrives after the deadline closes the turn with
    it, over time: it is the newest text the candidate wrote, and the clock has already run out.
    """
    if len(text) > ANSWER_MAX_CHARS:
        raise AnswerTooLong(too_long_message(text))
    now = timezone.now()
    timing = timing or []
    if not _save_open_draft(
        user=user,
        session_pk=session_pk,
        index=index,
        text=text,
        version=version,
        timing=timing,
        now=now,
    ):
        _refuse_draft(get_session_for_user(user=user, pk=session_pk), index, text, version, now)


# The app's one statement written as SQL, for a measured reason (docs/BENCHMARKS.md, "Autosave,
# the one statement written as SQL"): autosave is nearly every request of a live round, one at
# each pause in typing, and building this UPDATE through the ORM took 0.8 ms of CPU against
# 0.12 ms to run it as written: 2.6 -> 1.7 ms per autosave, in-process.
#
# The turn's conditions sit in the UPDATE's WHERE clause and the session's in a subquery (not
# a join), so PostgreSQL checks the turn's again against a row another autosave changed
# meanwhile: an older version never wins. On PostgreSQL the statement's own transaction does not
# wait for its commit to reach the disk (synchronous_commit off, set in the FROM clause so it
# stays one round trip): a draft is saved again at the next pause and the page keeps the text in
# its answer box, so only a crash of PostgreSQL itself can lose one saved in its last fraction
# of a second. Every other write, the submitted answer included, waits for the disk.
_SAVE_OPEN_DRAFT = """
    UPDATE interviews_turn SET draft = %s, draft_version = %s, timing = {timing} {draft_commit}
    WHERE session_id = %s AND "index" = %s AND answered_at IS NULL AND deadline > %s
      AND draft_version < %s
      AND session_id IN (
        SELECT id FROM interviews_mocksession
        WHERE id = %s AND user_id = %s AND status = %s AND current_index = %s
      )
"""
_DRAFT_COMMIT = {
    "postgresql": "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS draft_commit"
}
_TIMING = {"postgresql": "CAST(%s AS jsonb)"}  # JSONField is jsonb there, text elsewhere


def _save_open_draft(*, user, session_pk, index, text, version, timing, now) -> bool:
    """Save the draft if the turn is the user's running session's open turn, in time, with an
    older draft on record; True when it was saved."""
    if not (0 < session_pk < 2**63 and 0 <= index < 2**31):
        return False  # past the columns' range: no such turn (the ORM checks this itself)
    sql = _SAVE_OPEN_DRAFT.format(
        draft_commit=_DRAFT_COMMIT.get(connection.vendor, ""),
        timing=_TIMING.get(connection.vendor, "%s"),
    )
    params = [text, version, json.dumps(timing), session_pk, index, now, version]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, session_pk, user.pk, RUNNING, index])
        return cursor.rowcount == 1


def _refuse_draft(session: MockSession, index: int, text: str, version: int, now) -> None:
    """Why a draft was not saved, as the error the candidate sees; an expired turn is closed."""
    if session.status != RUNNING:
        raise SessionClosed(closed_message(session))
    turn = session.turns.filter(index=index).only("id", "answered_at", "deadline").first()
    if turn is None or index != session.current_index or turn.is_answered:
        raise TurnClosed(not_open_message(turn))
    if clock.is_expired(turn.deadline, now):
        with transaction.atomic():
            rows.lock(session)
            turn = rows.turn_at(session, index)
            if session.current_index == index and turn is not None and not turn.is_answered:
                if version > turn.draft_version:
                    turn.draft, turn.draft_version = text, version
                    turn.save(update_fields=["draft", "draft_version"])
                advance(session, now)
        raise TurnClosed(TIME_RAN_OUT_MESSAGE)
    raise StaleDraft(STALE_DRAFT_MESSAGE)


def _listen(session: MockSession, turn: Turn) -> None:
    """After an answer, choose this project's remaining challenges again from what was just
    said (`engine.repick`): a new doubtful figure or claim is asked about next, a planned
    question the answer made moot is replaced. The turns keep their places and budgets, so the
    round's "question k of N" and the project's clock never move."""
    if session.is_drill:
        return  # a drill re-asks the challenges due, as they were asked before
    project = turn.session_project
    turns = list(Turn.objects.filter(session=session, session_project=project).order_by("index"))
    # A peer's questions are theirs; with a peer, the engine's picks wait as suggestions.
    remaining = [t for t in turns if t.kind == CHALLENGE and t.index > turn.index]
    remaining = [t for t in remaining if not t.from_peer]
    if project.suggestions:
        planned = [as_pick(suggestion) for suggestion in project.suggestions]
    elif remaining:
        planned = [planned_pick(t) for t in remaining]
    else:
        return
    answered = [t for t in turns if t.is_answered]
    other = Turn.objects.filter(session=session, kind=CHALLENGE).exclude(session_project=project)
    picks = engine.repick(
        sections=project.sections,
        answers=[
            engine.Answer(t.section, t.answer, t.challenge_slug if t.kind == CHALLENGE else "")
            for t in answered
        ],
        planned=planned,
        pressure=session.pressure,
        seed=session.seed + project.order + len(answered),
        asked=[t.challenge_slug for t in answered if t.kind == CHALLENGE],
        exclude=set(other.values_list("challenge_slug", flat=True)),
        title=project.title,
        keep_sections=session.pressure == BAR_RAISER,
    )
    if project.suggestions:
        project.suggestions = [as_suggestion(pick) for pick in picks]
        project.save(update_fields=["suggestions"])
        return
    changed = []
    for slot, pick in zip(remaining, picks, strict=False):
        if slot.challenge_slug == pick.slug:
            continue
        slot.section = pick.section
        slot.question = pick.question
        slot.persona = pick.persona
        slot.reason = pick.reason
        slot.challenge_slug = pick.slug
        slot.key_points = list(pick.key_points)
        slot.is_follow_up = pick.kind == engine.FOLLOW_UP
        changed.append(slot)
    Turn.objects.bulk_update(
        changed,
        [
            "section",
            "question",
            "persona",
            "reason",
            "challenge_slug",
            "key_points",
            "is_follow_up",
        ],
    )


def as_suggestion(pick: engine.Pick) -> dict:
    """An engine pick kept on a project for a peer interviewer (SessionProject.suggestions)."""
    return {
        "slug": pick.slug,
        "section": pick.section,
        "question": pick.question,
        "persona": pick.persona,
        "reason": pick.reason,
        "key_points": list(pick.key_points),
        "follow_up": pick.kind == engine.FOLLOW_UP,
    }


def as_pick(suggestion: dict) -> engine.Pick:
    return engine.Pick(
        slug=suggestion["slug"],
        section=suggestion["section"],
        question=suggestion["question"],
        persona=suggestion["persona"],
        persona_label=PERSONA_LABELS.get(suggestion["persona"], ""),
        reason=suggestion["reason"],
        key_points=tuple(suggestion.get("key_points") or ()),
    )


def planned_pick(turn: Turn) -> engine.Pick:
    """An unasked challenge turn as the engine's pick it was made from."""
    return engine.Pick(
        slug=turn.challenge_slug,
        section=turn.section,
        question=turn.question,
        persona=turn.persona,
        persona_label=turn.persona_label,
        reason=turn.reason,
        key_points=tuple(turn.key_points),
    )


def submit_answer(
    *, session: MockSession, index: int, text: str, timing: list | None = None
) -> Submitted:
    """Record the answer to the open turn and open the next one (or finish the session).

    Before the deadline an answer over the size limit is refused and nothing changes. After
    the deadline the answer is kept as it stands, marked over time; if it is also over the
    limit, the first part is kept and the rest handed back.
    """
    now = timezone.now()
    with transaction.atomic():
        rows.lock(session)
        if session.status != RUNNING:
            raise SessionClosed(closed_message(session))
        turn = rows.turn_at(session, index)
        if turn is None or index != session.current_index or turn.opened_at is None:
            raise TurnClosed(not_open_message(turn))
        expired = clock.is_expired(turn.deadline, now)
        if len(text) > ANSWER_MAX_CHARS and not expired:
            raise AnswerTooLong(too_long_message(text))
        kept, cut = text[:ANSWER_MAX_CHARS], text[ANSWER_MAX_CHARS:]
        if timing:
            turn.timing = timing
        rows.record(
            turn,
            kept,
            clock.close_submitted(opened_at=turn.opened_at, deadline=turn.deadline, now=now),
        )
        session.current_index += 1
        session.save(update_fields=["current_index"])
        _listen(session, turn)
        advance(session, now)
    return Submitted(turn=turn, cut_text=cut)
