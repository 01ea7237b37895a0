from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from interviews.models import CHALLENGE, DRILL, MockSession
from interviews.services import abandon_session, start_drill
from interviews.tests.conftest import caved_round, play
from scoring.drills import INTERVAL_DAYS
from scoring.graders.pushback import CAVED, HELD

pytestmark = pytest.mark.django_db


def held(question: str) -> str:
    """An answer that takes the challenge up and backs it with a test and figures."""
    return (
        f"On “{question}”: I measured it in a four-week A/B test with a holdout; p95 latency "
        "fell from 92 ms to 74 ms and fraud losses from 2.1% to 1.2% (95% CI 0.7–1.1 pp), "
        "at a cost of $400 per month."
    )


def caved_questions(grading) -> list[str]:
    return [
        o["question"]
        for p in grading.report["projects"]
        for o in p["pushback"]
        if o["outcome"] == CAVED
    ]


def test_drill_reasks_the_due_challenges_about_the_original_project(client_user, user, projects):
    grading = caved_round(user, projects[0])
    due = caved_questions(grading)
    assert len(due) == 2

    response = client_user.post(reverse("interviews:drill"))

    drill = MockSession.objects.get(kind=DRILL)
    assert response.url == reverse("interviews:run", args=[drill.pk])
    [snapshot] = drill.projects.all()
    assert (snapshot.project, snapshot.title) == (projects[0], projects[0].title)
    assert snapshot.sections == grading.project_records[0]["sections"]
    turns = list(drill.turns.all())
    assert all(turn.kind == CHALLENGE for turn in turns)
    # Few are due, so each drilled challenge is followed by a bank sibling on its section.
    assert [t.question for t in turns[::2]] == due
    assert len(turns) == 4
    for drilled, sibling in zip(turns[::2], turns[1::2], strict=True):
        assert sibling.section == drilled.section
        assert sibling.question not in due and sibling.challenge_slug
        assert "caved on this" in drilled.reason and "sibling" in sibling.reason
    page = client_user.get(response.url).content.decode()
    assert "Drill · Project 1 of 1 · Question 1 of 4" in page
    assert escape(due[0]) in page


def test_a_sibling_is_never_another_due_challenge(user, projects):
    caved_round(user, projects[0])
    for seed in range(20):
        drill = start_drill(user=user, seed=seed)
        questions = [turn.question for turn in drill.turns.all()]
        assert len(questions) == len(set(questions)) == 4
        abandon_session(session=drill)


def test_drill_with_many_due_skips_siblings_and_stays_short(user, projects):
    for _ in range(3):
        caved_round(user, projects[0], days_ago=3)
    caved_round(user, projects[1], days_ago=2)
    drill = start_drill(user=user, seed=1)
    turns = list(drill.turns.all())
    assert 3 <= len(turns) <= 5
    assert all("caved on this" in turn.reason for turn in turns)
    assert drill.projects.count() >= 1


def test_drill_with_nothing_ever_caved_says_so(client_user):
    response = client_user.post(reverse("interviews:drill"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "Nothing is due for a drill right now." in response.content.decode()
    assert not MockSession.objects.exists()


def test_drill_before_anything_is_due_says_when(client_user, user, projects):
    caved_round(user, projects[0], days_ago=0)
    response = client_user.post(reverse("interviews:drill"), follow=True)
    tomorrow = timezone.localtime() + timedelta(days=1)
    assert f"The next one comes back on {tomorrow.day} {tomorrow:%b}." in (
        response.content.decode()
    )
    assert not MockSession.objects.filter(kind=DRILL).exists()


def test_drill_reads_only_my_own_history(other_client, user, projects):
    caved_round(user, projects[0])
    response = other_client.post(reverse("interviews:drill"), follow=True)
    assert "Nothing is due for a drill right now." in response.content.decode()
    assert not MockSession.objects.filter(kind=DRILL).exists()


def test_other_users_drill_is_404(other_client, user, projects):
    caved_round(user, projects[0])
    drill = start_drill(user=user, seed=1)
    run = reverse("interviews:run", args=[drill.pk])
    assert other_client.get(run).status_code == 404
    answer = reverse("interviews:submit", args=[drill.pk, 0])
    assert other_client.post(answer, {"answer": "mallory"}).status_code == 404
    assert drill.turns.get(index=0).answer == ""


def test_pressing_drill_again_resumes_the_running_drill(client_user, user, projects):
    caved_round(user, projects[0])
    first = client_user.post(reverse("interviews:drill"))
    again = client_user.post(reverse("interviews:drill"))
    assert first.url == again.url
    assert MockSession.objects.filter(kind=DRILL).count() == 1


def test_drill_needs_a_post(client_user):
    assert client_user.get(reverse("interviews:drill")).status_code == 405


def test_holding_a_drilled_challenge_spaces_it_out(client_user, user, projects):
    grading = caved_round(user, projects[0])
    drill = start_drill(user=user, seed=1)

    graded = play(drill, lambda turn: held(turn.question))

    assert graded.transcript["format"] == "hotseat.transcript/1"
    assert graded.transcript["session_kind"] == "drill"
    outcomes = {o["question"]: o["outcome"] for o in graded.report["projects"][0]["pushback"]}
    assert {outcomes[q] for q in caved_questions(grading)} == {HELD}
    # Held once: not due again for INTERVAL_DAYS[1] days, and the dashboard says so.
    response = client_user.post(reverse("interviews:drill"), follow=True)
    back = timezone.localtime() + timedelta(days=INTERVAL_DAYS[1])
    assert f"The next one comes back on {back.day} {back:%b}." in response.content.decode()
    dashboard = client_user.get(reverse("dashboard")).content.decode()
    assert "Drill my weak spots" not in dashboard
    # Sections the drill never asked about are not scored 0 on the chart or as the weakest.
    asked = {turn.section for turn in drill.turns.all()}
    assert {k for k, v in graded.summary["sections"].items() if v is not None} == asked
    assert "(0.0 / 4)" not in dashboard


def test_dashboard_and_history_offer_the_drill(client_user, user, projects):
    caved_round(user, projects[0])
    dashboard = client_user.get(reverse("dashboard")).content.decode()
    assert "Drill my weak spots" in dashboard
    assert f'action="{reverse("interviews:drill")}"' in dashboard
    start_drill(user=user, seed=1)
    history = client_user.get(reverse("interviews:history")).content.decode()
    assert "Drill my weak spots" in history
    assert '<span class="badge">Drill</span>' in history


def test_starting_a_drill_runs_in_bounded_queries(
    client_user, user, projects, django_assert_max_num_queries
):
    for days in (2, 3, 4):
        caved_round(user, projects[0], days_ago=days)
    # At most MAX_DRILLED projects, so the count is bounded however long the history is.
    with django_assert_max_num_queries(20):
        client_user.post(reverse("interviews:drill"))
