"""Writes behind the review pages: mentor links, their comments, and regrading."""

import secrets

from django.db import transaction
from django.utils import timezone

from scoring.models import GRADING, LLM, QUEUED, Grading, Regrading, ReviewComment, ShareLink
from scoring.services import create_grading

TOKEN_BYTES = 32  # 256 bits: not guessable, and short enough for a URL


def create_share_link(*, grading: Grading) -> ShareLink:
    return ShareLink.objects.create(grading=grading, token=secrets.token_urlsafe(TOKEN_BYTES))


def revoke_share_link(*, link: ShareLink) -> None:
    ShareLink.objects.filter(pk=link.pk, revoked_at=None).update(revoked_at=timezone.now())


def add_review_comment(*, link: ShareLink, turn: int, author: str, text: str) -> ReviewComment:
    """Add a mentor's comment; the same comment sent twice (a double submit) is kept once."""
    comment, _ = ReviewComment.objects.get_or_create(
        grading_id=link.grading_id, share_link=link, turn=turn, author=author, text=text
    )
    return comment


@transaction.atomic
def regrade(*, grading: Grading) -> Grading:
    """Grade the same snapshot again with the LLM grader, as a new row beside the old one.

    A regrade still queued or running is returned instead of starting another (a double click).
    """
    pending = Grading.objects.filter(
        regrade_of__source=grading, status__in=(QUEUED, GRADING)
    ).first()
    if pending:
        return pending
    again = create_grading(
        user=grading.user,
        transcript=grading.transcript,
        project_records=grading.project_records,
        grader=LLM,
    )
    Regrading.objects.create(source=grading, grading=again)
    return again
