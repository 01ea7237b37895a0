import pytest
from django.test import Client
from django.urls import reverse

from scoring.models import ReviewComment, ShareLink
from scoring.tests.review_data import make_grading

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(client_user, user):
    grading = make_grading(user)
    client_user.post(reverse("scoring:share-create", args=[grading.pk]))
    link = ShareLink.objects.get(grading=grading)
    return grading, link


def test_share_link_token_is_unguessable(shared):
    _, link = shared
    assert len(link.token) >= 40


def test_owner_sees_the_share_link_on_the_review(client_user, shared):
    grading, link = shared
    page = client_user.get(reverse("scoring:review", args=[grading.pk])).content.decode()
    assert reverse("scoring:shared", args=[link.token]) in page


def test_shared_review_works_logged_out_and_is_noindex(shared):
    grading, link = shared
    response = Client().get(reverse("scoring:shared", args=[link.token]))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex' in page
    assert "Fraud scoring" in page and 'id="turn-6"' in page


def test_shared_review_is_read_only(shared):
    grading, link = shared
    page = Client().get(reverse("scoring:shared", args=[link.token])).content.decode()
    for name in ("retry", "regrade", "share-create", "export-markdown"):
        assert reverse(f"scoring:{name}", args=[grading.pk]) not in page
    assert "Revoke" not in page and "Create a mentor link" not in page
    # The mentor's only write is a comment; the owner-only actions need the owner's login.
    response = Client().post(reverse("scoring:share-create", args=[grading.pk]))
    assert response.status_code == 302 and ShareLink.objects.count() == 1


def test_revoked_link_is_404(client_user, shared):
    grading, link = shared
    client_user.post(reverse("scoring:share-revoke", args=[grading.pk, link.pk]))
    assert Client().get(reverse("scoring:shared", args=[link.token])).status_code == 404
    response = Client().post(
        reverse("scoring:shared-comment", args=[link.token, 0]), {"author": "Mo", "text": "Hi"}
    )
    assert response.status_code == 404


def test_someone_else_cannot_revoke_a_link(other_client, shared):
    grading, link = shared
    response = other_client.post(reverse("scoring:share-revoke", args=[grading.pk, link.pk]))
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_unknown_token_is_404():
    assert Client().get(reverse("scoring:shared", args=["nope"])).status_code == 404


def test_mentor_comment_shows_on_the_candidates_review(client_user, shared):
    grading, link = shared
    mentor = Client(enforce_csrf_checks=True)
    mentor.get(reverse("scoring:shared", args=[link.token]))
    response = mentor.post(
        reverse("scoring:shared-comment", args=[link.token, 6]),
        {
            "author": "Grace",
            "text": "Bring the <b>confidence interval</b> here.",
            "csrfmiddlewaretoken": mentor.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#turn-6")
    comment = ReviewComment.objects.get()
    assert (comment.turn, comment.author, comment.share_link) == (6, "Grace", link)
    page = client_user.get(reverse("scoring:review", args=[grading.pk])).content.decode()
    assert "Bring the &lt;b&gt;confidence interval&lt;/b&gt; here." in page


def test_mentor_comment_needs_csrf(shared):
    _, link = shared
    mentor = Client(enforce_csrf_checks=True)
    response = mentor.post(
        reverse("scoring:shared-comment", args=[link.token, 0]), {"author": "G", "text": "x"}
    )
    assert response.status_code == 403 and not ReviewComment.objects.exists()


def test_mentor_comment_over_the_limit_is_refused_and_kept(shared):
    _, link = shared
    response = Client().post(
        reverse("scoring:shared-comment", args=[link.token, 0]),
        {"author": "Grace", "text": "x" * 2001},
    )
    assert response.status_code == 400 and not ReviewComment.objects.exists()
    page = response.content.decode()
    assert "at most 2000 characters" in page and "x" * 2001 in page


def test_mentor_comment_with_htmx_returns_the_turns_comments(shared):
    _, link = shared
    response = Client().post(
        reverse("scoring:shared-comment", args=[link.token, 2]),
        {"author": "Grace", "text": "Name the queue."},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "<html" not in body and 'id="comments-2"' in body and "Name the queue." in body
    assert response["X-Robots-Tag"].startswith("noindex")


def test_mentor_comment_on_a_missing_turn_is_404(shared):
    _, link = shared
    response = Client().post(
        reverse("scoring:shared-comment", args=[link.token, 99]), {"author": "G", "text": "x"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("turns", [1, 40])
def test_shared_review_runs_in_bounded_queries(user, turns, django_assert_max_num_queries):
    grading = make_grading(user, turns=turns)
    link = ShareLink.objects.create(grading=grading, token="s" * 43)
    ReviewComment.objects.create(grading=grading, turn=0, author="Mo", text="Good start")
    with django_assert_max_num_queries(3):
        response = Client().get(reverse("scoring:shared", args=[link.token]))
    assert "Good start" in response.content.decode()


def test_mentor_comment_sent_twice_is_kept_once(shared):
    _, link = shared
    url = reverse("scoring:shared-comment", args=[link.token, 2])
    for _ in range(2):
        Client().post(url, {"author": "Grace", "text": "Name the queue."})
    assert ReviewComment.objects.count() == 1
