"""After a round with a peer interviewer: the peer's scorecard, the review with both sets of
scores, the dashboard's agreement figure, revoking the peer's access, and the export."""

import json
import re

import pytest
from django.urls import reverse

from interviews.models import PROMPT
from interviews.services import peers
from interviews.tests.conftest import CAVE, STRONG, play, warmup_round
from scoring.framework import SECTION_KEYS
from scoring.models import PeerScorecard
from scoring.peer_scores import agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def grading(user, projects, peer):
    """A graded round on one project that the peer interviewed and challenged once."""
    session = warmup_round(user, projects[:1], seed=3, with_peer=True)
    invite = peers.accept_invite(invite=session.peer_invite, user=peer)
    suggestion = session.projects.first().suggestions[0]
    peers.send_question(invite=invite, text=suggestion["question"], slug=suggestion["slug"])
    return play(session, lambda turn: STRONG[turn.section] if turn.kind == PROMPT else CAVE)


def page(grading):
    return reverse("scoring:peer-review", args=[grading.pk])


def scores(grading, level: int) -> dict:
    data = {f"score-0-{key}": str(level) for key in SECTION_KEYS}
    challenges = [t for t in grading.transcript["projects"][0]["turns"] if t["kind"] == "challenge"]
    assert challenges and challenges[0]["asked_by"] == "peer"
    data |= {f"outcome-{t['turn']}": "held" for t in challenges}
    data[f"note-{challenges[0]['turn']}"] = "Good instinct, but no figure."
    return data


def test_the_peer_scores_on_the_rubric_and_sees_their_scores_beside_the_graders(
    grading, peer_client
):
    form = peer_client.get(page(grading)).text
    assert "Score the round you interviewed" in form
    assert "3 · solid: The problem in a sentence or two" in form  # the rubric's own words
    assert peer_client.post(page(grading), {"score-0-problem": "3"}).status_code == 400
    assert peer_client.post(page(grading), scores(grading, 0)).status_code == 302
    shown = peer_client.get(page(grading)).text
    assert "Your scores beside the grader's" in shown and "Gap of" in shown
    assert "Good instinct, but no figure." in shown
    assert "Fix these first" in shown or "Overall" in shown  # the review itself


def test_the_review_keeps_both_and_marks_gaps_until_the_candidate_revokes(
    grading, peer_client, client_user, other_client
):
    peer_client.post(page(grading), scores(grading, 0))
    review = client_user.get(reverse("scoring:review", args=[grading.pk])).text
    assert "Your interviewer's scores beside the grader's" in review
    assert "gap-flagged" in review and "Held with evidence" in review
    assert "From your interviewer" in review  # the transcript says who asked
    assert other_client.get(page(grading)).status_code == 404
    assert client_user.get(page(grading)).status_code == 404  # not the candidate's page
    client_user.post(reverse("scoring:peer-access-revoke", args=[grading.pk]))
    assert peer_client.get(page(grading)).status_code == 404
    review = client_user.get(reverse("scoring:review", args=[grading.pk])).text
    assert "can no longer read this review" in review and "Gap of" in review


def test_the_dashboard_counts_how_often_grader_and_peers_agree_within_a_point(
    grading, peer_client, client_user, user
):
    assert "Grader and interviewers" not in client_user.get("/dashboard/").text
    report = grading.report["projects"][0]["sections"]
    data = scores(grading, 0) | {
        f"score-0-{key}": str(round(report[key]["score"])) for key in SECTION_KEYS
    }
    peer_client.post(page(grading), data)
    figure = agreement(user)
    assert (figure.agreeing, figure.compared, figure.rounds) == (6, 6, 1)
    assert (
        "100%</strong> of section scores agree within one point"
        in client_user.get("/dashboard/").text
    )


def test_the_calibration_export_needs_consent_and_never_names_the_peer(
    grading, peer_client, client_user, peer
):
    peer_client.post(page(grading), scores(grading, 2))
    url = reverse("scoring:calibration-export")
    assert "Tick the box" in client_user.post(url, {}).text
    response = client_user.post(url, {"consent": "on"})
    assert response["Content-Disposition"].startswith('attachment; filename="hotseat-calibration')
    exported = json.loads(response.content)
    assert exported["format"] == "hotseat.calibration/1" and len(exported["rounds"]) == 1
    round_ = exported["rounds"][0]
    assert round_["peer"]["projects"][0]["sections"] == {key: 2 for key in SECTION_KEYS}
    assert set(round_["grader"]["projects"][0]["sections"]) == set(SECTION_KEYS)
    assert round_["transcript"]["format"] == "hotseat.transcript/1"
    assert peer.get_username() not in response.content.decode()
    assert set(round_["peer"]) == {"projects", "outcomes", "notes"}  # nothing about who


def test_an_unsubmitted_scorecard_says_so_on_the_review(grading, client_user):
    assert PeerScorecard.objects.get(grading=grading).peer is not None
    review = client_user.get(reverse("scoring:review", args=[grading.pk])).text
    assert "Your interviewer has not scored this round yet." in review


def test_the_peer_changes_their_scores_and_the_review_and_dashboard_follow(
    grading, peer_client, client_user, user
):
    peer_client.post(page(grading), scores(grading, 0))
    first = PeerScorecard.objects.get(grading=grading)
    shown = peer_client.get(page(grading)).text
    assert "Your scores last saved" in shown and "Change your scores" in shown
    assert "0%</strong> of section scores agree" in client_user.get("/dashboard/").text

    edit = reverse("scoring:peer-scores-edit", args=[grading.pk])
    form = peer_client.get(edit).text
    assert "Change your scores" in form and "Good instinct, but no figure." in form
    assert '<option value="0" selected>' in form  # as last saved
    assert 'value="held" required id="id_outcome-' in form and "checked" in form

    report = grading.report["projects"][0]["sections"]
    agreeing = scores(grading, 0) | {
        f"score-0-{key}": str(round(report[key]["score"])) for key in SECTION_KEYS
    }
    agreeing[next(name for name in agreeing if name.startswith("note-"))] = "Changed my mind."
    bad = peer_client.post(edit, agreeing | {"score-0-problem": ""})
    assert bad.status_code == 400 and "Changed my mind." in bad.text  # nothing typed is lost
    response = peer_client.post(edit, agreeing, follow=True)
    assert "Changes saved." in response.text and "Changed my mind." in response.text

    changed = PeerScorecard.objects.get(grading=grading)
    assert changed.submitted_at == first.submitted_at and changed.updated_at > first.updated_at
    review = client_user.get(reverse("scoring:review", args=[grading.pk])).text
    assert "Changed my mind." in review and "Good instinct" not in review
    assert "last changed" in review
    assert agreement(user).agreeing == 6
    assert "100%</strong> of section scores agree" in client_user.get("/dashboard/").text

    client_user.post(reverse("scoring:peer-access-revoke", args=[grading.pk]))
    assert peer_client.get(edit).status_code == 404
    assert peer_client.post(edit, scores(grading, 4)).status_code == 404
    assert PeerScorecard.objects.get(grading=grading).scores == changed.scores


def accessible_names(html: str) -> dict[str, str]:
    """Each form control's id and the text of its label (what a screen reader names it)."""
    from html.parser import HTMLParser

    class Labels(HTMLParser):
        def __init__(self):
            super().__init__()
            self.controls, self.labels, self.open = [], {}, []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "label":
                self.open.append([attrs.get("for"), ""])
            elif tag in ("select", "textarea") or (tag == "input" and attrs["type"] != "hidden"):
                self.controls.append(attrs["id"])

        def handle_endtag(self, tag):
            if tag == "label":
                target, text = self.open.pop()
                self.labels[target] = " ".join(text.split())

        def handle_data(self, data):
            if self.open:
                self.open[-1][1] += data

    parser = Labels()
    parser.feed(html[html.index('class="form peer-scorecard"') :])
    return {control: parser.labels.get(control, "") for control in parser.controls}


def test_every_control_on_the_scorecard_is_named_for_its_project_and_question(
    twin_projects_grading, peer_client
):
    names = accessible_names(peer_client.get(page(twin_projects_grading)).text)
    assert len(names) > 2 * (len(SECTION_KEYS) + 3)  # sections, notes and outcomes of both
    assert all(names.values()) and len(set(names.values())) == len(names)
    assert all(re.search(r"project [12] \(Fraud scoring\)", name) for name in names.values())
    assert "Problem & Constraints score for project 2 (Fraud scoring):" in names.values()
    assert "Your note on question 2 of project 1 (Fraud scoring):" in names.values()
    assert "Held with evidence on question 2 of project 2 (Fraud scoring)" in names.values()
