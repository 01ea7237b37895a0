import re
from datetime import timedelta

import pytest
from django.utils import timezone

from scoring.models import Grading, Regrading
from scoring.tests.review_data import make_grading

pytestmark = pytest.mark.django_db


def test_dashboard_without_sessions_points_to_the_first_steps(client_user):
    page = client_user.get("/dashboard/").content.decode()
    assert "Welcome, ada" in page and "Welcome back" not in page
    assert "Load the four examples" in page and "Check its readiness" in page
    assert "Your next steps" not in page
    assert "appear here once a mock onsite has been graded" in page


def test_dashboard_charts_scores_per_section_with_a_table(client_user, user):
    make_grading(user)
    make_grading(user, turns=3)
    page = client_user.get("/dashboard/").content.decode()
    assert 'role="img"' in page and '<title id="scores-chart-title">' in page
    assert "over your last 2 graded sessions" in page
    assert page.count('class="chart-line line-problem"') == 1
    assert "The same figures as a table" in page
    assert '<th scope="row">Alternatives &amp; Trade-offs</th>' in page


def test_dashboard_charts_pace_and_fillers_of_spoken_rounds_only(client_user, user):
    make_grading(user)
    page = client_user.get("/dashboard/").content.decode()
    assert "How you sound" not in page
    make_grading(user, spoken=True)
    make_grading(user)
    page = client_user.get("/dashboard/").content.decode()
    assert "How you sound" in page
    assert '<title id="pace-chart-title">' in page and '<title id="fillers-chart-title">' in page
    assert "over your last 1 spoken session, oldest first; aim for 130–170" in page
    assert 'class="chart-band"' in page
    assert re.search(r'<th scope="row">Pace</th><td>\d+</td></tr>', page)
    assert "over your last 3 graded sessions" in page


def test_dashboard_counts_pushback_outcomes_by_section(client_user, user):
    make_grading(user)
    make_grading(user)
    page = client_user.get("/dashboard/").content.decode()
    assert (
        '<tr><th scope="row">Results</th><td>0</td><td>0</td><td><strong>2</strong></td></tr>'
        in page
    )


def test_dashboard_next_steps_name_the_weakest_section_and_top_fix(client_user, user):
    grading = make_grading(user)
    page = client_user.get("/dashboard/").content.decode()
    assert "Your weakest section last time was <strong>Defense &amp; Hindsight</strong>" in page
    assert f'href="/review/{grading.pk}/"' in page


def test_a_weakest_section_that_caved_under_pushback_is_sent_to_hold_it_not_only_rewrite_it(
    client_user, user
):
    grading = make_grading(user)
    page = client_user.get("/dashboard/").text
    assert "you gave way when it was challenged" not in page  # its one challenge was on Results
    weakest = min(
        (key for key, mean in grading.summary["sections"].items() if mean is not None),
        key=grading.summary["sections"].get,
    )
    for project in grading.summary["projects"]:
        for outcome in project["pushback"]:
            outcome["section"] = weakest
    Grading.objects.filter(pk=grading.pk).update(summary=grading.summary, graded_at=timezone.now())
    page = client_user.get("/dashboard/").text
    assert "you gave way when it was challenged" in page
    assert "hold it when that challenge comes back as a drill" in page


def test_dashboard_shows_a_session_still_grading(client_user, user):
    grading = make_grading(user, graded=False)
    page = client_user.get("/dashboard/").content.decode()
    assert "Your latest session is being graded" in page and f"/review/{grading.pk}/" in page


def test_dashboard_counts_a_regraded_session_once(client_user, user):
    grading = make_grading(user)
    again = Grading.objects.create(user=user, transcript=grading.transcript, grader="llm")
    Regrading.objects.create(source=grading, grading=again)
    page = client_user.get("/dashboard/").content.decode()
    assert "over your last 1 graded session," in page


def test_dashboard_shows_only_my_sessions(client_user, other_user):
    make_grading(other_user)
    page = client_user.get("/dashboard/").content.decode()
    assert "Welcome, ada" in page and "Load the four examples" in page


def _without_tokens(page: str) -> str:
    """A page without what is new in every response: masked CSRF tokens and the CSP nonce."""
    return re.sub(r'(csrfmiddlewaretoken" value="|x-csrftoken": "|nonce=")[^"]+', r"\1", page)


@pytest.mark.parametrize("sessions", [1, 30])
def test_dashboard_runs_in_bounded_queries(
    client_user, user, sessions, django_assert_max_num_queries
):
    for _ in range(sessions):
        make_grading(user)
    # Old enough that their caved challenges are due as drills: the fullest dashboard.
    Grading.objects.update(created_at=timezone.now() - timedelta(days=2))
    # The session row (unless Redis holds it), the user, the sessions, their summaries.
    with django_assert_max_num_queries(4):
        first = client_user.get("/dashboard/").content.decode()
    # Again: the body is a cached fragment, so the summaries are not read.
    with django_assert_max_num_queries(3):
        again = client_user.get("/dashboard/").content.decode()
    assert "Recent sessions" in first and "See what you said" in first
    assert _without_tokens(again) == _without_tokens(first)


def test_dashboard_offers_a_retry_when_the_latest_grading_failed(client_user, user):
    grading = make_grading(user, graded=False)
    Grading.objects.filter(pk=grading.pk).update(status="failed", error="Timed out.")
    page = client_user.get("/dashboard/").content.decode()
    assert "Grading your latest session failed" in page and f"/review/{grading.pk}/" in page


def test_dashboard_shows_each_new_grading_at_once(client_user, user):
    first = make_grading(user)
    page = client_user.get("/dashboard/").text
    assert page.count('class="badge badge-graded"') == 1
    queued = make_grading(user, graded=False)
    page = client_user.get("/dashboard/").text
    assert page.count('class="badge badge-graded"') == 1 and f"/review/{queued.pk}/" in page
    assert "is being graded" in page
    Grading.objects.filter(pk=queued.pk).update(status="failed", error="Timed out.")
    page = client_user.get("/dashboard/").text
    assert "Grading your latest session failed" in page and f"/review/{first.pk}/" in page


def test_dashboard_shows_a_new_username_at_once(client_user, user):
    make_grading(user)
    assert "Welcome back, ada" in client_user.get("/dashboard/").text
    user.username = "ada-l"
    user.save()
    page = client_user.get("/dashboard/").text
    assert "Welcome back, ada-l" in page and ">ada-l</a>" in page
