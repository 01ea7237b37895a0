"""A round with a peer interviewer: the invite, the peer's moves, and a peer who drops.

With a peer the round is planned as usual, but only the framework questions are put on it;
the engine's picks wait on each project as the peer's suggestions. Whatever the peer sends
becomes the candidate's next question (after any the peer queued before it), marked as asked
by the peer. The round cannot start before the peer joins. If the peer's console stops
polling, the candidate's page pauses the round (the clocks stop); the peer's return resumes
it, or the candidate carries on with the engine, which then asks the suggestions itself.

Every move locks the session row first (`rows.lock`), as the candidate's own writes do.
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from interviews.models import (
    CHALLENGE,
    ENGINE,
    PEER,
    RUNNING,
    MockSession,
    PeerInvite,
    SessionProject,
    Turn,
)
from interviews.services import rows
from interviews.services.errors import InterviewError, SessionClosed, closed_message
from interviews.services.turns import advance, as_suggestion, planned_pick
from scoring.framework import SECTION_KEYS

TOKEN_BYTES = 32  # 256 bits: not guessable, and short enough for a URL
INVITE_LIFETIME = timedelta(hours=24)
# The console polls every 1.5 s; this long without a poll is a dropped peer, not a slow one.
DROP_AFTER = timedelta(seconds=10)
# Noting every poll would write the invite's row every 1.5 s per open console, each write
# waiting for the disk; noting at most this often is plenty to tell a drop (bench/load.py).
SEEN_EVERY = timedelta(seconds=3)
# "More time" adds this much to the open answer (and its project), up to the most per answer.
MORE_TIME_SECONDS = 30
MORE_TIME_MAX_SECONDS = 120
QUESTION_MAX_CHARS = 1000


class InviteClosed(InterviewError):
    """The invite is revoked, expired, used by someone else, or its round is over."""


# --- The invite -------------------------------------------------------------------------------


def create_invite(session: MockSession) -> PeerInvite:
    return PeerInvite.objects.create(
        session=session,
        token=secrets.token_urlsafe(TOKEN_BYTES),
        expires_at=timezone.now() + INVITE_LIFETIME,
    )


def invite_is_open(invite: PeerInvite, now) -> bool:
    """Nobody has used it (a peer who deleted their account used it all the same), and it is
    neither revoked, expired, handed to the engine, nor its round over."""
    return (
        invite.accepted_at is None
        and invite.revoked_at is None
        and invite.engine_at is None
        and invite.expires_at > now
        and invite.session.status == RUNNING
    )


def accept_invite(*, invite: PeerInvite, user) -> PeerInvite:
    """Bind the peer to the round and start it. Accepting again (a reload) changes nothing."""
    now = timezone.now()
    session = invite.session
    with transaction.atomic():
        rows.lock(session)
        invite.refresh_from_db()
        if invite.peer_id == user.pk and invite.revoked_at is None:
            return invite
        if not invite_is_open(invite, now):
            raise InviteClosed("This invite is no longer open.")
        if user.pk == session.user_id:
            raise InterviewError(
                "This is your own round: send the link to the person who will interview you."
            )
        invite.peer = user
        invite.accepted_at = invite.last_seen_at = now
        invite.revision += 1
        invite.save(update_fields=["peer", "accepted_at", "last_seen_at", "revision"])
        advance(session, now)
    return invite


def revoke_invite(*, session: MockSession) -> None:
    """Close the link for good. A peer already in the round is shown out, and the engine asks
    the rest; before anyone joined, the candidate starts without a peer or abandons."""
    invite = session.peer_invite
    with transaction.atomic():
        rows.lock(session)
        invite.refresh_from_db()
        if invite.revoked_at is not None:
            return
        invite.revoked_at = timezone.now()
        invite.revision += 1
        invite.save(update_fields=["revoked_at", "revision"])
        if invite.accepted_at is not None and session.status == RUNNING:
            _hand_to_engine(session, invite, invite.revoked_at)


def carry_on_with_engine(*, session: MockSession) -> None:
    """Go on without the peer: the engine asks the suggestions left, after each project's
    framework questions, and a round still waiting for its peer starts now."""
    invite = session.peer_invite
    with transaction.atomic():
        rows.lock(session)
        if session.status != RUNNING:
            raise SessionClosed(closed_message(session))
        invite.refresh_from_db()
        if invite.engine_at is None:
            _hand_to_engine(session, invite, timezone.now())


def _hand_to_engine(session: MockSession, invite: PeerInvite, now) -> None:
    _resume(session, invite, now)
    invite.engine_at = now
    invite.revision += 1
    invite.save(update_fields=["engine_at", "revision"])
    for project in session.projects.exclude(suggestions=[]):
        picks = sorted(project.suggestions, key=lambda pick: SECTION_KEYS.index(pick["section"]))
        last = Turn.objects.filter(session_project=project).aggregate(last=Max("index"))["last"]
        if last is None or last < session.current_index:
            continue  # a project already behind the round
        turns = [_suggested_turn(session, project, p, p["question"], ENGINE) for p in picks]
        project.suggestions = []
        _insert(session, project, last + 1, turns)
    advance(session, now)


# --- The peer's moves -------------------------------------------------------------------------


def _peer_turn(invite: PeerInvite, now) -> Turn:
    """With the session locked: the open turn, if the peer may still move the round."""
    invite.refresh_from_db()
    session = invite.session
    if invite.revoked_at is not None or invite.engine_at is not None:
        raise InviteClosed("The candidate carried on without you.")
    if session.status != RUNNING:
        raise SessionClosed("The round is over.")
    turn = advance(session, now)
    if turn is None:
        raise SessionClosed("The round is over.")
    return turn


def send_question(*, invite: PeerInvite, text: str, slug: str = "") -> Turn:
    """Queue a question as the candidate's next turn: a suggestion as it stands or edited
    (`slug` names it), or the peer's own (no slug)."""
    text = text.strip()
    if not text:
        raise InterviewError("Write the question you want to ask.")
    if len(text) > QUESTION_MAX_CHARS:
        raise InterviewError(f"Keep a question under {QUESTION_MAX_CHARS:,} characters.")
    session = invite.session
    with transaction.atomic():
        rows.lock(session)
        turn = _peer_turn(invite, timezone.now())
        project = turn.session_project
        pick = next((p for p in project.suggestions if slug and p["slug"] == slug), None)
        if slug and pick is None:
            raise InterviewError("That suggestion was already asked; pick another.")
        if pick is None:
            pick = {"slug": "", "section": turn.section, "persona": "", "reason": ""}
        else:
            project.suggestions = [p for p in project.suggestions if p is not pick]
        queued = _queued_after(turn).count()
        new = _suggested_turn(session, project, pick, text, PEER)
        _insert(session, project, turn.index + 1 + queued, [new])
        _bump(invite)
    return new


def next_section(*, invite: PeerInvite, drop_queued: bool = False) -> list[str]:
    """Close the open answer as it stands and open the next question.

    The peer's queued questions are theirs: they come next, unless the peer drops them too
    (`drop_queued`), which skips straight to the next framework question. Returns the
    questions dropped, so the peer is told what will not be asked."""
    session = invite.session
    now = timezone.now()
    with transaction.atomic():
        rows.lock(session)
        turn = _peer_turn(invite, now)
        rows.close_now(turn, now)
        dropped = (
            list(_queued_after(turn).only("id", "question", "budget_seconds"))
            if drop_queued
            else []
        )
        if dropped:
            _remove(session, turn.session_project, turn.index, dropped)
        session.current_index += 1
        session.save(update_fields=["current_index"])
        advance(session, now)
        _bump(invite)
    return [queued.question for queued in dropped]


def withdraw_question(*, invite: PeerInvite, pk: int) -> str:
    """Take back one of the peer's queued questions before it is asked: its time goes back to
    the project, and a suggestion goes back among the suggestions, as the peer last worded it.
    Returns the question."""
    session = invite.session
    with transaction.atomic():
        rows.lock(session)
        turn = _peer_turn(invite, timezone.now())
        queued = _queued_after(turn).filter(pk=pk).first()
        if queued is None:
            raise InterviewError("That question is no longer queued: it was asked or taken back.")
        project = turn.session_project
        if queued.challenge_slug:
            project.suggestions = [*project.suggestions, _as_suggestion(queued)]
            project.save(update_fields=["suggestions"])
        _remove(session, project, queued.index, [queued])
        _bump(invite)
    return queued.question


def give_more_time(*, invite: PeerInvite) -> Turn:
    """Add MORE_TIME_SECONDS to the open answer and its project, up to MORE_TIME_MAX_SECONDS."""
    session = invite.session
    with transaction.atomic():
        rows.lock(session)
        turn = _peer_turn(invite, timezone.now())
        if turn.extra_seconds + MORE_TIME_SECONDS > MORE_TIME_MAX_SECONDS:
            raise InterviewError(
                f"This answer already has {turn.extra_seconds} s more: "
                f"{MORE_TIME_MAX_SECONDS} s is the most one answer can get."
            )
        step = timedelta(seconds=MORE_TIME_SECONDS)
        turn.extra_seconds += MORE_TIME_SECONDS
        turn.deadline += step
        turn.save(update_fields=["extra_seconds", "deadline"])
        project = turn.session_project
        project.budget_seconds += MORE_TIME_SECONDS
        project.deadline += step
        project.save(update_fields=["budget_seconds", "deadline"])
        _bump(invite)
    return turn


# --- Presence: polls, drops, pauses -----------------------------------------------------------


def mark_seen(invite: PeerInvite) -> None:
    """The peer's console polled: note it (at most every SEEN_EVERY), and resume a round
    their drop paused."""
    now = timezone.now()
    if invite.last_seen_at is None or now - invite.last_seen_at >= SEEN_EVERY:
        # Conditional, so the console's parallel polls do not queue on the row's lock.
        stale = Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=now - SEEN_EVERY)
        PeerInvite.objects.filter(stale, pk=invite.pk).update(last_seen_at=now)
        invite.last_seen_at = now
    if invite.paused_at is not None and invite.is_peer_live:
        with transaction.atomic():
            rows.lock(invite.session)
            invite.refresh_from_db()
            _resume(invite.session, invite, now)


def has_dropped(invite: PeerInvite, now) -> bool:
    return (
        invite.is_peer_live
        and invite.last_seen_at is not None
        and now - invite.last_seen_at > DROP_AFTER
    )


def pause_if_dropped(invite: PeerInvite) -> bool:
    """Pause the round when the peer's console has gone quiet; True when it is paused."""
    now = timezone.now()
    if invite.paused_at is None and has_dropped(invite, now):
        with transaction.atomic():
            rows.lock(invite.session)
            invite.refresh_from_db()
            if invite.paused_at is None and has_dropped(invite, now):
                invite.paused_at = now
                invite.revision += 1
                invite.save(update_fields=["paused_at", "revision"])
    return invite.paused_at is not None


def _resume(session: MockSession, invite: PeerInvite, now) -> None:
    """Unpause: the open answer and its project get back the time the pause took."""
    if invite.paused_at is None:
        return
    gap = now - invite.paused_at
    turn = rows.turn_at(session, session.current_index)
    if turn is not None and turn.deadline is not None and turn.answered_at is None:
        turn.deadline += gap
        turn.save(update_fields=["deadline"])
        project = turn.session_project
        project.deadline += gap
        project.save(update_fields=["deadline"])
    invite.paused_at = None
    invite.revision += 1
    invite.save(update_fields=["paused_at", "revision"])


# --- Helpers ----------------------------------------------------------------------------------


def _bump(invite: PeerInvite) -> None:
    PeerInvite.objects.filter(pk=invite.pk).update(revision=F("revision") + 1)


def _queued_after(turn: Turn):
    """The peer's questions waiting after the open turn, in the order they will be asked."""
    return Turn.objects.filter(
        session_project=turn.session_project, index__gt=turn.index, opened_at=None, asked_by=PEER
    ).order_by("index")


def _as_suggestion(turn: Turn) -> dict:
    """A queued suggestion taken back, in the shape the engine's picks are kept in."""
    return {**as_suggestion(planned_pick(turn)), "follow_up": turn.is_follow_up}


def _suggested_turn(session, project, pick: dict, question: str, asked_by: str) -> Turn:
    return Turn(
        session=session,
        session_project=project,
        section=pick["section"],
        kind=CHALLENGE,
        question=question,
        persona=pick["persona"],
        reason=pick["reason"],
        challenge_slug=pick["slug"],
        key_points=list(pick.get("key_points") or []),
        is_follow_up=bool(pick.get("follow_up")),
        budget_seconds=session.challenge_seconds,
        asked_by=asked_by,
        index=0,  # set by _insert
    )


def _insert(session: MockSession, project: SessionProject, at: int, turns: list[Turn]) -> None:
    """Put new turns at index `at`, moving the later ones along; the project's time grows by
    their budgets, so its clock does not cut them short."""
    Turn.objects.filter(session=session, index__gte=at).update(index=F("index") + len(turns))
    for offset, turn in enumerate(turns):
        turn.index = at + offset
    Turn.objects.bulk_create(turns)
    added = sum(turn.budget_seconds for turn in turns)
    project.budget_seconds += added
    if project.deadline is not None:
        project.deadline += timedelta(seconds=added)
    project.save(update_fields=["budget_seconds", "deadline", "suggestions"])


def _remove(session: MockSession, project: SessionProject, after: int, turns: list[Turn]) -> None:
    """Take out unasked turns, moving the later ones back; the project gives back the time
    _insert added for them."""
    Turn.objects.filter(pk__in=[turn.pk for turn in turns]).delete()
    Turn.objects.filter(session=session, index__gt=after).update(index=F("index") - len(turns))
    removed = sum(turn.budget_seconds for turn in turns)
    project.budget_seconds -= removed
    if project.deadline is not None:
        project.deadline -= timedelta(seconds=removed)
    project.save(update_fields=["budget_seconds", "deadline"])
