import json

import pytest
from django.urls import reverse

from scoring.models import FAILED, GRADING, QUEUED, Grading, ReviewComment, ShareLink
from scoring.tests.review_data import make_grading

pytestmark = pytest.mark.django_db


def review_url(grading):
    return reverse("scoring:review", args=[grading.pk])


def test_review_shows_scores_transcript_and_fixes(client_user, user):
    grading = make_grading(user)
    page = client_user.get(review_url(grading)).content.decode()
    assert f"{grading.overall:.1f}" in page
    assert "Fix these first" in page
    assert 'href="#turn-6"' in page and 'id="turn-6"' in page
    assert "<mark>Fraud losses fell from 1.2% to 0.7% of revenue" in page
    assert "The sceptical statistician" in page
    assert "picked because: Your results named no confidence interval." in page
    assert "Caved or evaded" in page and "Over time" in page
    assert "What a 4 would contain" in page
    assert "hx-trigger" not in page


@pytest.mark.parametrize("turns", [1, 40])
def test_review_runs_in_bounded_queries(client_user, user, turns, django_assert_max_num_queries):
    grading = make_grading(user, turns=turns)
    ShareLink.objects.create(grading=grading, token="t" * 20)
    ReviewComment.objects.create(grading=grading, turn=0, author="Mo", text="Good start")
    # The session row (unless Redis holds it), the user, the grading without its snapshot
    # (with its comments' count), its mentor links, its regrades; then, to render the report,
    # the snapshot and the comments.
    with django_assert_max_num_queries(7):
        response = client_user.get(review_url(grading))
    assert "Good start" in response.content.decode()


def test_review_of_someone_elses_grading_is_404(other_client, user):
    grading = make_grading(user)
    for name in ("review", "export-markdown", "export-json"):
        assert other_client.get(reverse(f"scoring:{name}", args=[grading.pk])).status_code == 404
    for name in ("retry", "share-create", "regrade"):
        assert other_client.post(reverse(f"scoring:{name}", args=[grading.pk])).status_code == 404
    assert not ShareLink.objects.exists()


def test_review_requires_login(client, user):
    grading = make_grading(user)
    response = client.get(review_url(grading))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_answer_html_is_escaped_inside_highlights(client_user, user):
    grading = make_grading(user, graded=False)
    grading.transcript["projects"][0]["turns"][4]["answer"] = (
        "Fraud losses fell from 1.2% to 0.7% <script>alert(1)</script> in a 4-week A/B test."
    )
    grading.save()
    from scoring.services import run_grading

    run_grading(grading_id=grading.pk)
    page = client_user.get(review_url(grading)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_polling_fragment_keeps_polling_while_queued(client_user, user):
    grading = make_grading(user, graded=False)
    response = client_user.get(review_url(grading), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and 'id="review-body"' in body
    assert 'hx-trigger="every 1s"' in body and "Waiting for a grader" in body
    Grading.objects.filter(pk=grading.pk).update(status=GRADING)
    body = client_user.get(review_url(grading), HTTP_HX_REQUEST="true").content.decode()
    assert "Grading your answers" in body and "hx-trigger" in body


def test_polling_answers_no_content_while_the_status_is_unchanged(client_user, user):
    grading = make_grading(user, graded=False)
    assert 'hx-vals=\'{"seen": "queued"}\'' in client_user.get(review_url(grading)).content.decode()
    response = client_user.get(review_url(grading), {"seen": "queued"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response.content == b""
    Grading.objects.filter(pk=grading.pk).update(status=GRADING)
    response = client_user.get(review_url(grading), {"seen": "queued"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Grading your answers" in body and 'hx-vals=\'{"seen": "grading"}\'' in body


def test_polling_fragment_swaps_in_the_report_and_stops_when_graded(client_user, user):
    grading = make_grading(user)
    body = client_user.get(review_url(grading), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in body and 'id="review-body"' in body
    assert "hx-trigger" not in body and "Fix these first" in body


def test_failed_grading_shows_reason_and_retry_requeues_it(client_user, user):
    grading = make_grading(user, graded=False)
    Grading.objects.filter(pk=grading.pk).update(status=FAILED, error="The grader timed out.")
    page = client_user.get(review_url(grading)).content.decode()
    assert "The grader timed out." in page and "Retry grading" in page
    response = client_user.post(reverse("scoring:retry", args=[grading.pk]))
    assert response.status_code == 302
    grading.refresh_from_db()
    assert grading.status == QUEUED and grading.error == ""


def test_markdown_export_is_readable(client_user, user):
    grading = make_grading(user)
    response = client_user.get(reverse("scoring:export-markdown", args=[grading.pk]))
    assert response["Content-Type"].startswith("text/markdown")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("# Mock onsite review")
    assert "## Fraud scoring" in text and "## Top things to fix" in text
    assert "#### Turn 7 · Results · Challenge" in text


def test_json_export_holds_transcript_and_scores(client_user, user):
    grading = make_grading(user)
    response = client_user.get(reverse("scoring:export-json", args=[grading.pk]))
    data = json.loads(response.content)
    assert data["format"] == "hotseat.transcript/1"
    assert data["projects"] == grading.transcript["projects"]
    assert data["report"]["overall"] == grading.overall
    assert data["grading"]["grader"] == "heuristic"


def test_exports_wait_for_the_grading(client_user, user):
    grading = make_grading(user, graded=False)
    response = client_user.get(reverse("scoring:export-markdown", args=[grading.pk]))
    assert response.status_code == 404


def test_regrade_needs_a_configured_llm_grader(client_user, user, settings):
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_BASE_URL = None
    grading = make_grading(user)
    assert (
        "Regrade with the LLM grader" not in client_user.get(review_url(grading)).content.decode()
    )
    client_user.post(reverse("scoring:regrade", args=[grading.pk]))
    assert Grading.objects.count() == 1


def test_regrade_keeps_the_earlier_report(client_user, user, settings):
    settings.OPENAI_API_KEY = "test-key"
    settings.OPENAI_BASE_URL = "http://127.0.0.1:9/v1"  # nothing listens: the LLM falls back
    settings.OPENAI_TIMEOUT = 1
    grading = make_grading(user)
    earlier = grading.report
    assert "Regrade with the LLM grader" in client_user.get(review_url(grading)).content.decode()
    response = client_user.post(reverse("scoring:regrade", args=[grading.pk]))
    again = Grading.objects.exclude(pk=grading.pk).get()
    assert response["Location"] == review_url(again)
    assert again.grader == "llm" and again.transcript == grading.transcript
    grading.refresh_from_db()
    assert grading.report == earlier
    assert review_url(again) in client_user.get(review_url(grading)).content.decode()
    assert review_url(grading) in client_user.get(review_url(again)).content.decode()
    # A second click while that regrade is still queued opens it instead of starting another.
    response = client_user.post(reverse("scoring:regrade", args=[grading.pk]))
    assert response["Location"] == review_url(again) and Grading.objects.count() == 2


def test_review_says_when_the_llm_grader_fell_back(client_user, user):
    grading = make_grading(user)
    grading.report |= {"requested_grader": "llm", "fallback_reason": "the server timed out"}
    grading.save()
    page = client_user.get(review_url(grading)).content.decode()
    assert "did not answer (the server timed out)" in page
    assert "Scored by the heuristic grader" in page


def test_review_lists_questions_skipped_when_time_ran_out(client_user, user):
    from scoring.services import run_grading

    grading = make_grading(user, graded=False)
    for turn in grading.transcript["projects"][0]["turns"][5:]:
        turn.update(answer="", seconds=0, over_time=True, skipped=True)
    grading.save()
    run_grading(grading_id=grading.pk)
    page = client_user.get(review_url(grading)).content.decode()
    assert "2 questions skipped</a> when time ran out" in page
    assert "Skipped when time ran out" in page
    assert "Skipped: the project's time was up before this question." in page
    markdown = client_user.get(reverse("scoring:export-markdown", args=[grading.pk])).text
    assert "Skipped when time ran out:\n- Defense & Hindsight: " in markdown
