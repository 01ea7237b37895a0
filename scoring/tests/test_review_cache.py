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
    # The session row (unless Redis holds it), the user, the grading without its snapshot
    # (with its comments' count), its mentor links and its regrades: the report is cached.
    with django_assert_max_num_queries(5) as queries:
        second = _page(client_user, grading)
    assert second == first and "Fix these first" in second
    assert not any('"transcript"' in query["sql"] for query in queries.captured_queries)


def test_review_shows_each_change_to_links_and_regrades(client_user, user):
    from scoring.models import Grading, Regrading, ShareLink

    grading = make_grading(user, turns=6)
    assert ">Revoke<" not in _page(client_user, grading)
    link = ShareLink.objects.create(grading=grading, token="t" * 43)
    assert "t" * 43 in _page(client_user, grading)
    ShareLink.objects.filter(pk=link.pk).update(revoked_at=grading.graded_at)
    assert "t" * 43 not in _page(client_user, grading)
    later = make_grading(user, turns=6)
    Regrading.objects.create(source=grading, grading=later)
    assert f'href="/review/{later.pk}/"' in _page(client_user, grading)
    assert f'href="/review/{grading.pk}/">this earlier review' in _page(client_user, later)
    Grading.objects.filter(pk=later.pk).update(overall=12.5)
    Grading.objects.filter(pk=later.pk).update(graded_at=later.graded_at.replace(year=2030))
    assert ", 12.5</a>" in _page(client_user, grading)


def test_review_counts_its_turns_in_words_fresh_and_cached(client_user, user):
    grading = make_grading(user, turns=12)
    for _ in range(2):  # rendered, then served from the cache
        assert "· 12 turns" in _page(client_user, grading)
