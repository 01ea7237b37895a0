"""Ending a round: finished (its transcript is frozen onto a grading row) or abandoned."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from interviews.models import ABANDONED, FINISHED, RUNNING, MockSession, PeerInvite, Turn
from interviews.selectors import build_transcript, project_records
from interviews.services import rows
from interviews.services.errors import SessionClosed, closed_message
from scoring.peer_scores import open_peer_scorecard
from scoring.services import create_grading


def close_round(session: MockSession, now: datetime):
    """Finish the session and queue its grading (after commit). Call with the session locked."""
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
    peer = PeerInvite.objects.filter(session=session, revoked_at=None, peer__isnull=False)
    peer_id = peer.values_list("peer_id", flat=True).first()
    if peer_id is not None:
        open_peer_scorecard(grading=grading, peer_id=peer_id)
    return grading


def finish_session(*, session: MockSession):
    """End the round now: the open turn keeps its draft, grading is queued after commit.

    Finishing twice returns the first grading.
    """
    now = timezone.now()
    with transaction.atomic():
        rows.lock(session)
        if session.status == FINISHED:
            return session.grading
        if session.status == ABANDONED:
            raise SessionClosed(closed_message(session))
        turn = rows.turn_at(session, session.current_index)
        if turn is not None and turn.opened_at is not None:
            rows.close_now(turn, now)
        return close_round(session, now)


def abandon_session(*, session: MockSession) -> None:
    """Stop without grading. Drafts and answers stay for the record."""
    updated = MockSession.objects.filter(pk=session.pk, status=RUNNING).update(
        status=ABANDONED, finished_at=timezone.now()
    )
    session.refresh_from_db(fields=["status", "finished_at"])
    if not updated:
        raise SessionClosed(closed_message(session))
