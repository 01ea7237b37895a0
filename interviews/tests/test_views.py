import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges.pressure import WARMUP
from interviews.models import FINISHED, MockSession
from interviews.services import finish_session, start_session, submit_answer
from interviews.tests.conftest import make_project

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, session, *args):
    return reverse(f"interviews:{name}", args=[session.pk, *args])


def test_setup_page_lists_projects_and_warns_about_thin_ones(client_user, projects):
    response = client_user.get(reverse("interviews:setup"))
    html = response.content.decode()
    assert "Real-time fraud scoring" in html and "Search ranking" in html
    assert "Thin or missing:" in html
    assert "First project" in html


def test_setup_starts_a_session_in_the_chosen_order(client_user, user, projects):
    response = client_user.post(
        reverse("interviews:setup"),
        {
            "project_1": projects[1].pk,
            "project_2": projects[0].pk,
            "pressure": WARMUP,
            "answer_mode": "spoken",
            "walkthrough_minutes": "2",
            "challenge_minutes": "",
        },
    )
    session = MockSession.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == url("run", session)
    assert [p.title for p in session.projects.all()] == [
        "Search ranking",
        "Real-time fraud scoring",
    ]
    assert (session.walkthrough_seconds, session.challenge_seconds) == (120, 90)


def test_setup_refuses_the_same_project_twice(client_user, projects):
    response = client_user.post(
        reverse("interviews:setup"),
        {
            "project_1": projects[0].pk,
            "project_2": projects[0].pk,
            "pressure": WARMUP,
            "answer_mode": "typed",
        },
    )
    assert response.status_code == 400
    assert "Choose each project only once." in response.content.decode()
    assert not MockSession.objects.exists()


def test_setup_cannot_pick_another_users_project(client_user, other_user, projects):
    theirs = make_project(other_user, "Mallory's secret")
    response = client_user.post(
        reverse("interviews:setup"),
        {"project_1": theirs.pk, "pressure": WARMUP, "answer_mode": "typed"},
    )
    assert response.status_code == 400
    assert not MockSession.objects.exists()


def test_run_page_shows_the_question_clocks_and_saved_draft(client_user, session):
    turn = session.turns.get(index=0)
    turn.draft, turn.draft_version = "my saved words", 3
    turn.save()
    html = client_user.get(url("run", session)).content.decode()
    assert turn.question in html
    assert "my saved words" in html
    assert 'data-draft-version="3"' in html
    assert "Project 1 of 2" in html and 'role="timer"' in html
    assert "Problem &amp; Constraints" in html


def _clock_ms(response) -> int:
    return int(response.content.decode().split('data-countdown-ms="')[1].split('"')[0])


def test_run_page_reload_keeps_the_same_deadline(client_user, session):
    first = client_user.get(url("run", session))
    deadline = session.turns.get(index=0).deadline
    second = client_user.get(url("run", session))
    assert session.turns.get(index=0).deadline == deadline
    remaining = [_clock_ms(r) for r in (first, second)]
    assert remaining[1] <= remaining[0] <= 600_000


def test_run_page_shows_the_clock_as_it_is_now(client_user, session):
    assert _clock_ms(client_user.get(url("run", session))) > 60_000
    # As if the answer's time had almost run out since the page was first shown.
    session.turns.filter(index=0).update(deadline=timezone.now() + timedelta(seconds=42))
    again = client_user.get(url("run", session))
    assert 40_000 < _clock_ms(again) <= 42_000
    assert "data-countdown-submits>42 s<" in again.content.decode()


def test_run_page_reload_shows_the_latest_autosaved_draft(client_user, session):
    client_user.get(url("run", session))
    client_user.post(
        url("autosave", session, 0), {"answer": "my newest words", "draft_version": "7"}, **HTMX
    )
    html = client_user.get(url("run", session)).content.decode()
    assert "my newest words" in html and 'data-draft-version="7"' in html


def test_client_cannot_extend_the_clock(client_user, session):
    turn = session.turns.get(index=0)
    deadline = turn.deadline
    forged = {
        "answer": "draft",
        "draft_version": "1",
        "deadline": (timezone.now() + timedelta(hours=5)).isoformat(),
        "remaining": "99999",
        "seconds": "1",
        "budget_seconds": "99999",
        "over_time": "",
    }
    client_user.post(url("autosave", session, 0), forged, **HTMX)
    turn.refresh_from_db()
    assert (turn.deadline, turn.budget_seconds) == (deadline, 600 // 6)
    # Once the server's deadline has passed, a submit is over time whatever the page says.
    turn.deadline = timezone.now() - timedelta(seconds=1)
    turn.save()
    client_user.post(url("submit", session, 0), forged, **HTMX)
    turn.refresh_from_db()
    assert turn.over_time and turn.answer == "draft"


def test_autosave_returns_the_saved_indicator_fragment(client_user, session):
    response = client_user.post(
        url("autosave", session, 0), {"answer": "typing…", "draft_version": "1"}, **HTMX
    )
    html = response.content.decode()
    assert "Draft saved" in html and 'data-saved-version="1"' in html
    assert "<html" not in html
    assert session.turns.get(index=0).draft == "typing…"


def test_autosave_from_a_stale_tab_is_ignored_with_a_message(client_user, session):
    client_user.post(
        url("autosave", session, 0), {"answer": "new tab", "draft_version": "4"}, **HTMX
    )
    response = client_user.post(
        url("autosave", session, 0), {"answer": "old tab", "draft_version": "2"}, **HTMX
    )
    assert "newer draft" in response.content.decode()
    assert session.turns.get(index=0).draft == "new tab"


def test_autosave_for_an_answered_turn_says_so(client_user, session):
    submit_answer(session=session, index=0, text="done")
    response = client_user.post(
        url("autosave", session, 0), {"answer": "late edit", "draft_version": "9"}, **HTMX
    )
    html = response.content.decode()
    assert "already answered" in html and "Go to where the session is now" in html
    assert session.turns.get(index=0).answer == "done"


def test_autosave_oversized_keeps_the_last_draft_and_explains(client_user, session):
    client_user.post(url("autosave", session, 0), {"answer": "short", "draft_version": "1"}, **HTMX)
    response = client_user.post(
        url("autosave", session, 0), {"answer": "y" * 9001, "draft_version": "2"}, **HTMX
    )
    assert "9,001 characters" in response.content.decode()
    assert session.turns.get(index=0).draft == "short"


def test_submit_swaps_in_the_next_turn(client_user, session):
    response = client_user.post(
        url("submit", session, 0), {"answer": "my answer", "draft_version": "1"}, **HTMX
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="run-panel"' in html
    assert 'data-confirmed-turn="0"' in html
    assert session.turns.get(index=1).question in html
    assert session.turns.get(index=0).answer == "my answer"


def test_submit_without_htmx_redirects_to_the_run_page(client_user, session):
    response = client_user.post(url("submit", session, 0), {"answer": "plain form"})
    assert response.status_code == 302 and response["Location"] == url("run", session)


def test_double_submit_records_once_and_shows_the_next_turn(client_user, session):
    data = {"answer": "same words", "draft_version": "1"}
    client_user.post(url("submit", session, 0), data, **HTMX)
    response = client_user.post(url("submit", session, 0), data, **HTMX)
    html = response.content.decode()
    assert session.turns.get(index=1).question in html
    assert "already answered" not in html
    session.refresh_from_db()
    assert session.current_index == 1


def test_submit_for_an_answered_turn_keeps_both_texts(client_user, session):
    client_user.post(url("submit", session, 0), {"answer": "from tab one"}, **HTMX)
    response = client_user.post(url("submit", session, 0), {"answer": "from tab two"}, **HTMX)
    html = response.content.decode()
    assert "already answered" in html
    assert "from tab two" in html  # handed back to copy
    assert session.turns.get(index=0).answer == "from tab one"


def test_oversized_submit_keeps_the_text_and_the_turn_open(client_user, session):
    text = "z" * 8500
    response = client_user.post(url("submit", session, 0), {"answer": text}, **HTMX)
    html = response.content.decode()
    assert "8,500 characters" in html
    assert text in html
    turn = session.turns.get(index=0)
    assert not turn.is_answered


def test_post_to_a_finished_session_explains_and_hands_the_text_back(client_user, session):
    finish_session(session=session)
    response = client_user.post(url("submit", session, 1), {"answer": "lost words?"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "finished" in html and "lost words?" in html


def test_last_answer_finishes_and_redirects_htmx_to_the_review(client_user, user, projects):
    session = start_session(user=user, projects=projects[:1], pressure=WARMUP, answer_mode="typed")
    last = session.turns.count() - 1
    for index in range(last):
        submit_answer(session=session, index=index, text="An answer.")
    response = client_user.post(url("submit", session, last), {"answer": "The end."}, **HTMX)
    session.refresh_from_db()
    assert session.status == FINISHED and session.grading is not None
    assert response.status_code == 200 and response["HX-Redirect"]


def test_finish_redirects_to_the_review(client_user, session):
    response = client_user.post(url("finish", session))
    session.refresh_from_db()
    assert session.status == FINISHED
    assert response.status_code == 302
    assert response["Location"] in (
        f"/review/{session.grading_id}/",
        reverse("interviews:history"),
    )


def test_abandon_then_history_shows_it(client_user, session):
    response = client_user.post(url("abandon", session), follow=True)
    html = response.content.decode()
    assert "Session abandoned" in html and "Abandoned" in html


def test_export_gives_the_transcript_json(client_user, session):
    submit_answer(session=session, index=0, text="exported words")
    finish_session(session=session)
    response = client_user.get(url("export", session))
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["format"] == "hotseat.transcript/1"
    assert data["projects"][0]["turns"][0]["answer"] == "exported words"


def test_export_of_a_running_session_says_finish_first(client_user, session):
    response = client_user.get(url("export", session), follow=True)
    assert "once it is finished" in response.content.decode()


def test_history_lists_sessions_with_score_and_resume(client_user, session, user, projects):
    done = start_session(user=user, projects=projects[:1], pressure=WARMUP, answer_mode="typed")
    finish_session(session=done)
    html = client_user.get(reverse("interviews:history")).content.decode()
    assert "Real-time fraud scoring; Search ranking" in html
    assert "Resume" in html and url("run", session) in html
    assert url("export", done) in html


@pytest.mark.parametrize(
    "method,name,args",
    [
        ("get", "run", ()),
        ("post", "autosave", (0,)),
        ("post", "submit", (0,)),
        ("post", "finish", ()),
        ("post", "abandon", ()),
        ("get", "export", ()),
    ],
)
def test_other_users_session_is_404(other_client, session, method, name, args):
    response = getattr(other_client, method)(
        url(name, session, *args), {"answer": "mallory", "draft_version": "5"}, **HTMX
    )
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.status == "running"
    assert session.turns.get(index=0).draft == ""


def _history(user, projects, count):
    for _ in range(count):
        old = start_session(user=user, projects=projects, pressure=WARMUP, answer_mode="typed")
        submit_answer(session=old, index=0, text="an answer")
        finish_session(session=old)


@pytest.mark.parametrize("finished", [1, 10])
def test_turn_page_and_autosave_run_in_bounded_queries(
    client_user, user, projects, finished, django_assert_max_num_queries
):
    _history(user, projects, finished)
    session = start_session(user=user, projects=projects, pressure=WARMUP, answer_mode="typed")
    submit_answer(session=session, index=0, text="first")
    # The session row (unless Redis holds it) and the user, then the mock session, its open
    # turn and the round's turns without their texts; again, the round's parts are cached.
    with django_assert_max_num_queries(5):
        client_user.get(url("run", session))
    with django_assert_max_num_queries(4):
        client_user.get(url("run", session))
    # The session row and the user, then one conditional UPDATE.
    with django_assert_max_num_queries(3):
        client_user.post(url("autosave", session, 1), {"answer": "x", "draft_version": "1"}, **HTMX)
    # Submitting also chooses the project's remaining challenges again from the answer: its
    # turns, the other projects' challenge slugs, the bank (cached) and one bulk update.
    with django_assert_max_num_queries(16):
        client_user.post(url("submit", session, 1), {"answer": "y"}, **HTMX)


@pytest.mark.parametrize("finished", [1, 10])
def test_history_and_setup_run_in_bounded_queries(
    client_user, user, projects, finished, django_assert_max_num_queries
):
    _history(user, projects, finished)
    # The session row (unless Redis holds it), the user, the count, the rows' statuses, then
    # the sessions and their titles; again, the rows are a cached fragment.
    with django_assert_max_num_queries(6):
        first = client_user.get(reverse("interviews:history"))
    with django_assert_max_num_queries(4):
        again = client_user.get(reverse("interviews:history"))
    assert again.text.count("<tr>") == first.text.count("<tr>") == finished + 1
    with django_assert_max_num_queries(4):
        client_user.get(reverse("interviews:setup"))


def test_history_shows_each_change_to_a_session(client_user, other_client, user, projects):
    assert "No sessions yet" in client_user.get(reverse("interviews:history")).text
    session = start_session(user=user, projects=projects, pressure=WARMUP, answer_mode="typed")
    page = client_user.get(reverse("interviews:history")).text
    assert "Resume" in page and "Running" in page
    submit_answer(session=session, index=0, text="an answer")
    finish_session(session=session)
    page = client_user.get(reverse("interviews:history")).text
    assert "Resume" not in page and "Finished" in page
    # Another user's page is never theirs.
    assert "No sessions yet" in other_client.get(reverse("interviews:history")).text
