"""A round with a peer interviewer, through the services: invite, join, the peer's moves,
a dropped peer, and the scorecard the finished round opens."""

from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.models import CHALLENGE, ENGINE, PEER, PROMPT, MockSession, PeerInvite
from interviews.services import finish_session, peers, submit_answer, sync_session
from interviews.tests.conftest import STRONG, warmup_round
from scoring.models import PeerScorecard

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(user, projects):
    return warmup_round(user, projects, with_peer=True)


def joined(session, peer) -> PeerInvite:
    return peers.accept_invite(invite=session.peer_invite, user=peer)


def test_a_peer_round_plans_only_the_framework_questions_and_waits_for_the_peer(round_):
    assert set(round_.turns.values_list("kind", flat=True)) == {PROMPT}
    assert round_.turns.filter(opened_at__isnull=False).count() == 0
    first = round_.projects.first()
    assert first.suggestions and {"persona", "reason", "key_points"} <= set(first.suggestions[0])
    invite = round_.peer_invite
    assert len(invite.token) >= 40 and invite.is_waiting
    assert invite.expires_at - timezone.now() > timedelta(hours=23)


def test_joining_starts_the_round_and_binds_the_link_to_one_peer(round_, peer, other_user, user):
    with pytest.raises(peers.InterviewError):
        peers.accept_invite(invite=round_.peer_invite, user=user)  # the candidate themself
    invite = joined(round_, peer)
    assert invite.peer == peer and not invite.is_waiting
    assert sync_session(session=round_).index == 0
    assert joined(round_, peer).peer == peer  # a reload of the join page
    with pytest.raises(peers.InviteClosed):
        peers.accept_invite(invite=round_.peer_invite, user=other_user)


@pytest.mark.parametrize("closing", ["revoked", "expired", "used by a deleted account"])
def test_a_revoked_expired_or_used_invite_cannot_be_accepted(round_, peer, other_user, closing):
    if closing == "revoked":
        peers.revoke_invite(session=round_)
    elif closing == "expired":
        PeerInvite.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    else:
        joined(round_, other_user)
        other_user.delete()
    with pytest.raises(peers.InviteClosed):
        peers.accept_invite(invite=PeerInvite.objects.get(), user=peer)


def test_what_the_peer_sends_is_the_candidates_next_turn_in_the_order_sent(round_, peer):
    invite = joined(round_, peer)
    suggestion = round_.projects.first().suggestions[0]
    peers.send_question(
        invite=invite, text="Edited: " + suggestion["question"], slug=suggestion["slug"]
    )
    peers.send_question(invite=invite, text="Why that team size?")
    turn = sync_session(session=round_)
    submit_answer(session=round_, index=turn.index, text=STRONG["problem"])
    asked = sync_session(session=round_)
    assert asked.question.startswith("Edited: ") and asked.asked_by == PEER
    assert asked.kind == CHALLENGE and asked.key_points == suggestion["key_points"]
    assert asked.persona == suggestion["persona"]
    submit_answer(session=round_, index=asked.index, text="Because of the p99 budget.")
    own = sync_session(session=round_)
    assert own.question == "Why that team size?" and own.asked_by == PEER and own.key_points == []
    submit_answer(session=round_, index=own.index, text="Four people.")
    assert sync_session(session=round_).section == "ownership"
    # A suggestion is asked once.
    assert suggestion["slug"] not in [s["slug"] for s in round_.projects.first().suggestions]
    with pytest.raises(peers.InterviewError):
        peers.send_question(invite=invite, text="again", slug=suggestion["slug"])


def test_sending_is_refused_when_empty_or_too_long(round_, peer):
    invite = joined(round_, peer)
    for text in ("   ", "x" * (peers.QUESTION_MAX_CHARS + 1)):
        with pytest.raises(peers.InterviewError):
            peers.send_question(invite=invite, text=text)


def test_moving_on_closes_the_answer_with_its_draft_and_asks_the_peers_queue_next(round_, peer):
    invite = joined(round_, peer)
    turn = sync_session(session=round_)
    turn.draft = "Half an answer"
    turn.save()
    peers.send_question(invite=invite, text="Queued for this section")
    assert peers.next_section(invite=invite) == []  # nothing dropped
    turn.refresh_from_db()
    assert turn.answer == "Half an answer" and turn.is_answered
    round_.refresh_from_db()
    now_open = sync_session(session=round_)
    assert now_open.question == "Queued for this section" and now_open.index == 1
    submit_answer(session=round_, index=now_open.index, text="An answer.")
    assert sync_session(session=round_).section == "ownership"


def test_skipping_to_the_next_section_drops_the_peers_queue_and_gives_back_its_time(round_, peer):
    invite = joined(round_, peer)
    project = sync_session(session=round_).session_project
    budget = project.budget_seconds
    peers.send_question(invite=invite, text="First queued")
    peers.send_question(invite=invite, text="Second queued")
    project.refresh_from_db()
    assert project.budget_seconds == budget + 2 * round_.challenge_seconds
    dropped = peers.next_section(invite=invite, drop_queued=True)
    assert dropped == ["First queued", "Second queued"]
    round_.refresh_from_db()
    now_open = sync_session(session=round_)
    assert now_open.section == "ownership" and now_open.index == 1
    assert not round_.turns.filter(asked_by=PEER).exists()
    assert list(round_.turns.values_list("index", flat=True)) == list(range(round_.turns.count()))
    now_open.session_project.refresh_from_db()
    assert now_open.session_project.budget_seconds == budget


def test_more_time_is_added_within_the_servers_limit(round_, peer):
    invite = joined(round_, peer)
    before = sync_session(session=round_).deadline
    steps = peers.MORE_TIME_MAX_SECONDS // peers.MORE_TIME_SECONDS
    for _ in range(steps):
        peers.give_more_time(invite=invite)
    turn = sync_session(session=round_)
    assert turn.deadline - before == timedelta(seconds=peers.MORE_TIME_MAX_SECONDS)
    assert turn.session_project.deadline >= turn.deadline
    with pytest.raises(peers.InterviewError):
        peers.give_more_time(invite=invite)


def test_a_silent_console_pauses_the_round_and_the_peers_return_resumes_it(round_, peer):
    invite = joined(round_, peer)
    deadline = sync_session(session=round_).deadline
    assert not peers.pause_if_dropped(invite)
    quiet = timezone.now() - peers.DROP_AFTER - timedelta(seconds=5)
    PeerInvite.objects.update(last_seen_at=quiet)
    invite.refresh_from_db()
    assert peers.pause_if_dropped(invite) and invite.is_paused
    PeerInvite.objects.update(paused_at=timezone.now() - timedelta(seconds=40))
    invite.refresh_from_db()
    peers.mark_seen(invite)
    invite.refresh_from_db()
    assert not invite.is_paused
    # The clock got back the time the pause took.
    assert sync_session(session=round_).deadline - deadline >= timedelta(seconds=39)


def test_carrying_on_with_the_engine_asks_the_suggestions_itself(round_, peer):
    invite = joined(round_, peer)
    count = round_.projects.first().suggestions.__len__()
    peers.carry_on_with_engine(session=round_)
    first = round_.projects.first()
    assert first.suggestions == []
    engine_turns = round_.turns.filter(session_project=first, kind=CHALLENGE, asked_by=ENGINE)
    assert engine_turns.count() == count
    with pytest.raises(peers.InviteClosed):
        peers.send_question(invite=invite, text="Still there?")


def test_revoking_before_anyone_joined_leaves_the_round_waiting(round_):
    peers.revoke_invite(session=round_)
    round_.refresh_from_db()
    assert round_.peer_invite.revoked_at and round_.peer_invite.is_waiting
    peers.carry_on_with_engine(session=round_)
    assert sync_session(session=round_).index == 0


def test_finishing_a_peer_round_opens_the_peers_scorecard(round_, peer):
    invite = joined(round_, peer)
    peers.send_question(invite=invite, text="How did you measure it?")
    grading = finish_session(session=round_)
    scorecard = PeerScorecard.objects.get(grading=grading)
    assert scorecard.peer == peer and not scorecard.is_submitted
    turns = [t for p in grading.transcript["projects"] for t in p["turns"]]
    assert all("asked_by" not in t for t in turns)  # the queued question was never reached


def test_a_round_without_a_peer_opens_no_scorecard(session):
    assert not hasattr(MockSession.objects.get(pk=session.pk), "peer_invite")
    finish_session(session=session)
    assert not PeerScorecard.objects.exists()
