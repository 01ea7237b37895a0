import re

import pytest
from django.urls import reverse

from scoring.models import ReviewComment
from scoring.tests.review_data import make_grading

pytestmark = pytest.mark.django_db


def _page(client, grading) -> str:
    page = client.get(reverse("scoring:review", args=[grading.pk])).content.decode()
    return re.sub(r'(nonce=|csrfmiddlewaretoken" value=|x-csrftoken": )"[^"]*"', "", page)


def test_review_cached_report_shows_a_comment_added_later(client_user, user):
    grading = make_grading(user, turns=12)
    assert "Tighten the numbers" not in _page(client_user, grading)
    ReviewComment.objects.create(grading=grading, turn=2, author="Mo", text="Tighten the numbers")
    assert "Tighten the numbers" in _page(client_user, grading)


def test_review_second_visit_renders_the_same_without_the_snapshot(
    client_user, user, django_assert_max_num_queries
):
    grading = make_grading(user, turns=40)
    first = _page(client_user, grading)
    # session, user, grading (no snapshot columns), comments, share links, regrade links
    with django_assert_max_num_queries(6):
        second = _page(client_user, grading)
    assert second == first and "Fix these first" in second
