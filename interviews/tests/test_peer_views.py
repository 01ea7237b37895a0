"""A round with a peer interviewer through its pages: setup, the invite, the console and its
conditional poll, the candidate's marks, and a dropped peer."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from interviews.models import MockSession, PeerInvite
from interviews.services import peers

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def waiting(client_user, projects):
    response = client_user.post(
        reverse("interviews:setup"),
        {
            "project_1": str(projects[0].pk),
            "pressure": "warmup",
            "answer_mode": "typed",
            "walkthrough_minutes": "10",
            "with_peer": "on",
        },
    )
    session = MockSession.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/interviews/{session.pk}/"
    return session


@pytest.fixture
def live(waiting, peer_client):
    join = reverse("interviews:peer-join", args=[waiting.peer_invite.token])
    assert peer_client.post(join)["Location"] == f"/interviews/{waiting.pk}/console/"
    return waiting


def console(session, name="console"):
    return reverse(f"interviews:{name}", args=[session.pk])


def test_the_candidate_waits_with_the_invite_link_until_the_peer_joins(client_user, waiting):
    page = client_user.get(reverse("interviews:run", args=[waiting.pk])).text
    assert "Waiting for your interviewer" in page
    assert reverse("interviews:peer-join", args=[waiting.peer_invite.token]) in page
    assert 'id="answer"' not in page
    status = reverse("interviews:peer-status", args=[waiting.pk])
    assert client_user.get(status, {"seen": "waiting"}, **HTMX).status_code == 204


def test_joining_opens_the_console_and_starts_the_candidates_round(
    client_user, waiting, peer_client
):
    join = reverse("interviews:peer-join", args=[waiting.peer_invite.token])
    assert "Join as the interviewer" in peer_client.get(join).text
    status = reverse("interviews:peer-status", args=[waiting.pk])
    peer_client.post(join)
    assert client_user.get(status, {"seen": "waiting"}, **HTMX)["HX-Refresh"] == "true"
    run = client_user.get(reverse("interviews:run", args=[waiting.pk])).text
    assert "What problem were you solving" in run and "A peer is interviewing you" in run
    page = peer_client.get(console(waiting)).text
    assert "What problem were you solving" in page and "Suggested pushback" in page
    assert "Why now:" in page and "Real-time fraud scoring" in page  # the records
    # The link is used: a second visit goes to the console; anyone else gets a 404.
    assert peer_client.get(join)["Location"] == console(waiting)
    other = Client()
    other.force_login(
        type(waiting.user).objects.create_user(username="eve", password="pw-12345678")
    )
    assert other.get(join).status_code == 404
    assert other.get(console(waiting)).status_code == 404


def test_the_console_poll_answers_304_until_the_answer_changes(
    client_user, live, peer_client, django_assert_max_num_queries
):
    first = peer_client.get(console(live, "console-live"), **HTMX)
    etag = first["ETag"]
    assert first.status_code == 200 and etag
    # The page carries it too, so even its first poll can be a 304.
    assert f'data-etag="{escape(etag)}"' in peer_client.get(console(live)).text
    # The session row, the user, the invite, the open turn, the seen mark.
    with django_assert_max_num_queries(6):
        again = peer_client.get(console(live, "console-live"), HTTP_IF_NONE_MATCH=etag, **HTMX)
    assert again.status_code == 304
    autosave = reverse("interviews:autosave", args=[live.pk, 0])
    client_user.post(
        autosave, {"answer": "Fraud cost us 2% of revenue", "draft_version": "1"}, **HTMX
    )
    changed = peer_client.get(console(live, "console-live"), HTTP_IF_NONE_MATCH=etag, **HTMX)
    assert changed.status_code == 200 and "Fraud cost us 2% of revenue" in changed.text


def test_an_edited_suggestion_is_the_candidates_next_question_from_the_interviewer(
    client_user, live, peer_client
):
    suggestion = live.projects.first().suggestions[0]
    edited = "Where exactly did the 50 ms budget come from?"
    response = peer_client.post(
        console(live, "console-ask"), {"question": edited, "slug": suggestion["slug"]}
    )
    assert response.status_code == 302
    assert edited in peer_client.get(console(live)).text  # queued
    submit = reverse("interviews:submit", args=[live.pk, 0])
    page = client_user.post(submit, {"answer": "Checkout fraud, 50 ms p99."}, follow=True).text
    assert edited in page and "From your interviewer" in page


def test_the_console_says_what_moving_on_does_to_the_peers_queue(client_user, live, peer_client):
    page = peer_client.get(console(live)).text
    assert "Move to the next section" in page and "Skip to the next section" not in page
    for question in ("Where did 50 ms come from?", "Who set that SLO?"):
        peer_client.post(console(live, "console-ask"), {"question": question})
    page = peer_client.get(console(live)).text
    assert "Close this answer: ask your next question" in page
    assert "Your 2 queued questions come next" in page
    assert "Skip to the next section, dropping your queued questions" in page

    page = peer_client.post(console(live, "console-next"), follow=True).text
    assert "Moved on: their answer was kept as it stood." in page
    assert escape("Where did 50 ms come from?") in page  # asked now, the other still queued
    assert "Your 1 queued question comes next" in page

    page = peer_client.post(console(live, "console-next"), {"queued": "drop"}, follow=True).text
    assert "1 question you queued will not be asked: “Who set that SLO?”" in page
    run = client_user.get(reverse("interviews:run", args=[live.pk])).text
    assert "Who set that SLO?" not in run and "What was your part" in run


def test_the_peers_moves_are_refused_with_a_reason(live, peer_client):
    for _ in range(peers.MORE_TIME_MAX_SECONDS // peers.MORE_TIME_SECONDS):
        peer_client.post(console(live, "console-more-time"))
    page = peer_client.post(console(live, "console-more-time"), follow=True).text
    assert "the most one answer can get" in page
    page = peer_client.post(console(live, "console-ask"), {"question": " "}, follow=True).text
    assert "Write the question you want to ask" in page


def test_a_dropped_peer_pauses_the_candidates_round_until_they_choose(
    client_user, live, peer_client
):
    status = reverse("interviews:peer-status", args=[live.pk])
    assert client_user.get(status, {"seen": "live"}, **HTMX).status_code == 204
    quiet = timezone.now() - peers.DROP_AFTER - timedelta(seconds=1)
    PeerInvite.objects.update(last_seen_at=quiet)
    assert client_user.get(status, {"seen": "live"}, **HTMX)["HX-Refresh"] == "true"
    page = client_user.get(reverse("interviews:run", args=[live.pk])).text
    assert "Your interviewer dropped" in page and 'id="answer"' not in page
    client_user.post(reverse("interviews:peer-alone", args=[live.pk]))
    page = client_user.get(reverse("interviews:run", args=[live.pk])).text
    assert 'id="answer"' in page and "A peer is interviewing you" not in page
    assert "carried on with the engine" in peer_client.get(console(live)).text


def test_a_revoked_invite_is_a_404_for_the_link_and_the_console(client_user, live, peer_client):
    token = live.peer_invite.token
    client_user.post(reverse("interviews:peer-revoke", args=[live.pk]))
    assert peer_client.get(console(live)).status_code == 404
    assert peer_client.get(reverse("interviews:peer-join", args=[token])).status_code == 404


def test_an_expired_invite_is_a_404(waiting, peer_client):
    PeerInvite.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    join = reverse("interviews:peer-join", args=[waiting.peer_invite.token])
    assert peer_client.get(join).status_code == 404
    assert peer_client.post(join).status_code == 404


def test_the_candidate_cannot_join_their_own_round(client_user, waiting):
    join = reverse("interviews:peer-join", args=[waiting.peer_invite.token])
    assert "This is your own round" in client_user.get(join).text
    assert client_user.post(join).status_code == 400


def test_a_new_peer_signs_up_from_the_invite_and_comes_back_to_it(waiting):
    join = reverse("interviews:peer-join", args=[waiting.peer_invite.token])
    browser = Client()
    login = browser.get(join)["Location"]
    assert f"/accounts/signup/?next={join}" in browser.get(login).text
    signup = browser.post(
        f"/accounts/signup/?next={join}",
        {
            "username": "newpeer",
            "email": "newpeer@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "next": join,
        },
    )
    assert signup["Location"] == join
    assert "Join as the interviewer" in browser.get(join).text


def test_sign_up_never_sends_anyone_off_site(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "someone",
            "email": "someone@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == reverse("dashboard")


def test_the_peer_takes_back_one_queued_question_and_a_suggestion_returns(
    client_user, live, peer_client
):
    suggestion = live.projects.first().suggestions[0]
    reworded = "Which customer segment paid for the 50 ms budget?"
    peer_client.post(
        console(live, "console-ask"), {"question": reworded, "slug": suggestion["slug"]}
    )
    peer_client.post(console(live, "console-ask"), {"question": "Who signed off the SLO?"})
    taken = live.turns.get(question=reworded)
    page = peer_client.post(
        reverse("interviews:console-withdraw", args=[live.pk, taken.pk]), follow=True
    ).text
    assert f"Taken back: “{reworded}” will not be asked." in page
    assert "Your 1 queued question comes next" in page
    assert reworded in [s["question"] for s in live.projects.first().suggestions]

    again = peer_client.post(
        reverse("interviews:console-withdraw", args=[live.pk, taken.pk]), follow=True
    ).text
    assert "no longer queued" in again
    peer_client.post(console(live, "console-next"))
    run = client_user.get(reverse("interviews:run", args=[live.pk])).text
    assert "Who signed off the SLO?" in run and reworded not in run
