import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signup_creates_account_and_logs_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "grace", "email": "", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    assert get_user_model().objects.filter(username="grace").exists()
    assert response.context["user"].get_username() == "grace"
    assert "Welcome to Hotseat, grace." in response.text


def test_signup_error_keeps_what_was_typed_and_shows_error_by_field(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "grace",
            "email": "grace@example.com",
            "password1": PASSWORD,
            "password2": "something-else-42",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="grace").exists()
    assert 'value="grace"' in response.text
    assert 'value="grace@example.com"' in response.text
    assert "password fields didn" in response.text
    assert 'aria-invalid="true"' in response.text


def test_login_and_logout(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": "ada", "password": PASSWORD}, follow=True
    )
    assert response.context["user"].is_authenticated
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    response = client.post(reverse("accounts:logout"), follow=True)
    assert not response.context["user"].is_authenticated


def test_wrong_password_keeps_username_and_says_why(client, user):
    response = client.post(reverse("accounts:login"), {"username": "ada", "password": "nope"})
    assert response.status_code == 200
    assert 'value="ada"' in response.text
    assert "correct username and password" in response.text


def test_repeated_failed_logins_are_throttled(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "ada", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "ada", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.text
    assert "_auth_user_id" not in client.session


def test_change_password(client_user, user):
    response = client_user.post(
        reverse("accounts:password-change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-secret-77",
            "new_password2": "a-new-secret-77",
        },
        follow=True,
    )
    assert "Your new password is in place" in response.text
    user.refresh_from_db()
    assert user.check_password("a-new-secret-77")


def test_pages_need_login(client):
    for name in ("dashboard", "accounts:settings", "accounts:export"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_logged_out_htmx_request_gets_hx_redirect(client):
    response = client.get(reverse("dashboard"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"].startswith(reverse("accounts:login"))
    assert "Log in" not in response.text


def test_export_has_my_data_and_not_anyone_elses(client_user, user, other_user):
    response = client_user.get(reverse("accounts:export"))
    assert response["Content-Disposition"].startswith('attachment; filename="hotseat-ada-')
    data = json.loads(response.content)
    assert data["format"] == "hotseat.export/1"
    assert data["username"] == "ada"
    users = data["records"]["auth.user"]
    assert [row["username"] for row in users] == ["ada"]
    assert "password" not in users[0]
    assert "mallory" not in response.text


def test_delete_needs_the_typed_username(client_user, user):
    response = client_user.post(reverse("accounts:delete"), {"confirmation": "adaa"})
    assert response.status_code == 400
    assert "That is not your username" in response.text
    assert 'value="adaa"' in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_delete_removes_the_account(client_user, user, other_user):
    response = client_user.post(reverse("accounts:delete"), {"confirmation": "ada"}, follow=True)
    assert "everything in it have been deleted" in response.text
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["mallory"]
    assert not response.context["user"].is_authenticated


def _round_for(user):
    """A finished, graded round with a share link: data in every app."""
    from interviews.services import finish_session, start_session
    from projects.services import load_example_projects
    from scoring.review_services import create_share_link

    project = load_example_projects(user=user)[0]
    session = start_session(
        user=user, projects=[project], pressure="warmup", answer_mode="typed", seed=1
    )
    grading = finish_session(session=session)
    create_share_link(grading=grading)
    return project


def test_export_holds_projects_sessions_and_gradings(client_user, user, other_user):
    project = _round_for(user)
    _round_for(other_user)
    data = client_user.get(reverse("accounts:export")).json()["records"]
    assert [row["title"] for row in data["projects.project"]][0] == project.title
    assert {row["user"] for row in data["projects.project"]} == {user.pk}
    assert len(data["interviews.mocksession"]) == 1
    assert data["scoring.grading"][0]["transcript"]["format"] == "hotseat.transcript/1"
    assert len(data["scoring.sharelink"]) == 1
    assert {row["session"] for row in data["interviews.turn"]} == {
        data["interviews.mocksession"][0]["id"]
    }


def test_delete_removes_everything_the_account_owned(client_user, user, other_user):
    from interviews.models import MockSession
    from projects.models import Project
    from scoring.models import Grading

    _round_for(user)
    _round_for(other_user)
    client_user.post(reverse("accounts:delete"), {"confirmation": "ada"})
    assert set(Project.objects.values_list("user", flat=True)) == {other_user.pk}
    assert set(MockSession.objects.values_list("user", flat=True)) == {other_user.pk}
    assert set(Grading.objects.values_list("user", flat=True)) == {other_user.pk}


def _peer_scored_round(candidate, peer):
    """A graded round on one project that `peer` interviewed and scored, with a note."""
    from interviews.models import PROMPT
    from interviews.services import peers
    from interviews.tests.conftest import CAVE, STRONG, make_project, play, warmup_round
    from scoring.framework import SECTION_KEYS
    from scoring.models import PeerScorecard
    from scoring.peer_scores import save_scorecard

    session = warmup_round(
        candidate, [make_project(candidate, "Fraud scoring")], seed=3, with_peer=True
    )
    invite = peers.accept_invite(invite=session.peer_invite, user=peer)
    suggestion = session.projects.first().suggestions[0]
    peers.send_question(invite=invite, text=suggestion["question"], slug=suggestion["slug"])
    grading = play(session, lambda turn: STRONG[turn.section] if turn.kind == PROMPT else CAVE)
    scorecard = PeerScorecard.objects.get(grading=grading)
    save_scorecard(
        scorecard=scorecard,
        scores=[dict.fromkeys(SECTION_KEYS, 2)],
        outcomes={"1": "caved"},
        notes={"1": "Gave in at the first push."},
    )
    return grading


def test_a_peers_export_holds_the_scorecards_they_wrote_and_the_invites_they_accepted(
    client_user, user, other_user
):
    grading = _peer_scored_round(other_user, user)  # ada interviewed mallory
    response = client_user.get(reverse("accounts:export"))
    data = response.json()
    kept = data["kept_after_deletion"]
    assert "Deleting your account does not delete them" in kept["explanation"]
    assert kept["unlinked_field"] == {
        "interviews.peerinvite": "peer",
        "scoring.peerscorecard": "peer",
    }
    [scorecard] = kept["records"]["scoring.peerscorecard"]
    assert scorecard["grading"] == grading.pk and scorecard["peer"] == user.pk
    assert scorecard["notes"] == {"1": "Gave in at the first push."}
    assert scorecard["outcomes"] == {"1": "caved"} and scorecard["scores"][0]["problem"] == 2
    assert scorecard["submitted_at"] and scorecard["updated_at"]
    [invite] = kept["records"]["interviews.peerinvite"]
    assert invite["accepted_at"] and "token" not in invite
    # Nothing of the candidate's own: not their name, their answers or the invite's link.
    text = response.content.decode()
    assert "mallory" not in text and "Checkout fraud cost us" not in text
    assert other_user.mock_sessions.get().peer_invite.token not in text
    assert "scoring.peerscorecard" not in data["records"]


def test_deleting_a_peers_account_leaves_their_scores_on_the_candidates_review(
    client, client_user, user, other_user
):
    from scoring.models import PeerScorecard

    grading = _peer_scored_round(other_user, user)
    client_user.post(reverse("accounts:delete"), {"confirmation": "ada"})
    scorecard = PeerScorecard.objects.get(grading=grading)
    assert scorecard.peer is None and scorecard.notes == {"1": "Gave in at the first push."}
    client.force_login(other_user)
    review = client.get(reverse("scoring:review", args=[grading.pk])).text
    assert "Gave in at the first push." in review
    own = client.get(reverse("accounts:export")).json()
    assert own["kept_after_deletion"]["records"] == {}
    assert [row["notes"] for row in own["records"]["scoring.peerscorecard"]] == [
        {"1": "Gave in at the first push."}
    ]
