"""A round with a peer interviewer in two browsers at once: the candidate's and the peer's."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, assert_accessible, login_page
from interviews.models import MockSession
from interviews.services import peers
from interviews.tests.conftest import make_project
from scoring.framework import SECTIONS
from scoring.services import run_grading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = "/tmp/shots"


def both_widths(page, name):
    """Look right on a desktop and on a phone: no sideways scrolling, a screenshot of each."""
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def peer(django_user_model):
    return django_user_model.objects.create_user(username="grace", password=PASSWORD)


@pytest.fixture
def peer_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def invite_the_peer(page, live_server, user) -> str:
    """The candidate starts a round with a peer; returns the invite link they are given."""
    make_project(user, "Real-time fraud scoring", position=0)
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/interviews/new/")
    page.get_by_label("Second project").select_option("")
    page.get_by_label("Typed").check()
    page.get_by_label("Walkthrough per project (minutes):").fill("10")
    page.get_by_label("With a peer interviewer").check()
    page.get_by_role("button", name="Start the round").click()
    expect(page.get_by_role("heading", name="Waiting for your interviewer")).to_be_visible()
    return page.get_by_label("Invite link for your interviewer").input_value()


def join(peer_page, link, peer):
    """The peer opens the link, signs in, and joins."""
    peer_page.goto(link)
    peer_page.get_by_label("Username").fill(peer.get_username())
    peer_page.get_by_label("Password").fill(PASSWORD)
    peer_page.get_by_role("button", name="Log in").click()
    peer_page.get_by_role("button", name="Join as the interviewer").click()
    expect(peer_page.get_by_role("heading", name=re.compile("^Interviewing"))).to_be_visible()


def answer(page, text):
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Submit answer").click()
    page.wait_for_selector("#run-panel[data-ready]", state="attached")


def test_a_whole_round_with_a_peer_from_invite_to_both_reviews(
    page, peer_page, live_server, user, peer
):
    link = invite_the_peer(page, live_server, user)
    assert_accessible(page)
    both_widths(page, "peer-waiting")

    join(peer_page, link, peer)
    # The candidate's page notices the peer and starts the round.
    expect(page.locator("#question-text")).to_contain_text("What problem", timeout=10_000)
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    expect(peer_page.locator("#console-live")).to_contain_text("What problem")
    expect(peer_page.get_by_text("Why now:").first).to_be_visible()
    assert_accessible(peer_page)
    # Each suggestion's question box and Send button has a name of its own.
    moves = peer_page.locator("#console-actions").aria_snapshot()
    names = re.findall(r'- (?:textbox|button) "([^"]*)"', moves)
    assert len(names) > 4 and len(set(names)) == len(names), names

    # The answer reaches the console within two seconds of its autosave.
    page.get_by_label("Your answer").fill("Card fraud cost us 2% of revenue at 3k QPS.")
    expect(page.locator("#save-status")).to_have_text("Draft saved")
    expect(peer_page.locator("[data-live-answer]")).to_contain_text(
        "Card fraud cost us 2% of revenue", timeout=2_000
    )
    both_widths(peer_page, "peer-console")

    # The peer edits the first suggestion and sends it; it waits as the next question.
    suggestion = peer_page.locator("article.suggestion").first
    edited = "Walk me through how you knew 50 ms p99 was the real limit, not a guess."
    suggestion.get_by_label("Question to send").fill(edited)
    suggestion.get_by_role("button", name="Send").click()
    expect(peer_page.locator("ol.queued")).to_contain_text(edited)
    # A question of their own, queued after it and taken back before it is asked.
    own = "Who chose 2% as the fraud rate the business would tolerate?"
    peer_page.get_by_label(re.compile("^Question to ask on")).fill(own)
    peer_page.get_by_role("button", name="Send your question").click()
    expect(peer_page.locator("ol.queued li")).to_have_count(2)
    assert_accessible(peer_page)
    both_widths(peer_page, "peer-console-queued")
    peer_page.get_by_role("button", name=re.compile("^Take back queued question 2")).click()
    expect(peer_page.get_by_text(f"Taken back: “{own}” will not be asked.")).to_be_visible()
    expect(peer_page.locator("ol.queued li")).to_have_count(1)
    # Moving on would ask it next; skipping says it drops it.
    expect(peer_page.get_by_text("Your 1 queued question comes next")).to_be_visible()
    expect(peer_page.get_by_role("button", name="Skip to the next section")).to_be_visible()

    answer(page, "Card fraud cost us 2% of revenue; scoring had to stay under 50 ms p99.")
    expect(page.locator("#question-text")).to_have_text(edited)
    expect(page.locator(".question-who")).to_contain_text("From your interviewer")
    expect(peer_page.get_by_role("button", name="Move to the next section")).to_be_visible()
    assert_accessible(page)
    both_widths(page, "peer-run")
    answer(page, "The checkout team's SLO: above 50 ms p99, carts were abandoned 3% more often.")
    expect(peer_page.locator("#console-live")).to_contain_text("What was your part", timeout=5_000)

    page.get_by_role("button", name="Finish now and grade").click()
    expect(page).to_have_url(re.compile(r"/review/\d+/$"), timeout=15_000)
    session = MockSession.objects.get(user=user)
    run_grading(grading_id=session.grading_id)  # as the worker would, with a broker

    # The console takes the peer to the scorecard.
    expect(peer_page.get_by_role("heading", name="Score the round you interviewed")).to_be_visible(
        timeout=10_000
    )
    assert_accessible(peer_page)
    both_widths(peer_page, "peer-scorecard")
    for section in SECTIONS:
        peer_page.get_by_label(re.compile("^" + re.escape(section.title))).select_option("1")
    peer_page.get_by_label("Held with evidence").check()
    peer_page.get_by_label("Your note on question 2").fill("Good: named the SLO and its cost.")
    peer_page.get_by_role("button", name="Save my scores").click()
    expect(peer_page.get_by_role("heading", name="Your scores beside the grader's")).to_be_visible()
    expect(peer_page.get_by_text("Good: named the SLO and its cost.")).to_be_visible()
    assert_accessible(peer_page)

    page.reload()
    scores = page.get_by_role("region", name="Your interviewer's scores beside the grader's")
    expect(scores).to_be_visible(timeout=10_000)
    expect(scores.get_by_role("row", name=re.compile("^Problem & Constraints"))).to_be_visible()
    assert_accessible(page)
    both_widths(page, "peer-review")
    scores.screenshot(path=f"{SCREENSHOTS}/peer-side-by-side.png")


def test_a_peer_who_drops_pauses_the_round_and_the_candidate_carries_on(
    page, peer_page, live_server, user, peer, monkeypatch
):
    # A drop is two missed polls (the console polls every 1.5 s), and every poll is noted:
    # with the real 3 s between notes a 2 s drop would be seen while the peer is still there.
    monkeypatch.setattr(peers, "SEEN_EVERY", timedelta(seconds=1))
    monkeypatch.setattr(peers, "DROP_AFTER", timedelta(seconds=4))
    link = invite_the_peer(page, live_server, user)
    join(peer_page, link, peer)
    expect(page.locator("#question-text")).to_contain_text("What problem", timeout=10_000)

    peer_page.close()  # the peer's browser goes away mid-round
    expect(page.get_by_role("heading", name="Your interviewer dropped")).to_be_visible(
        timeout=15_000
    )
    assert_accessible(page)
    both_widths(page, "peer-dropped")
    page.get_by_role("button", name="Carry on with the engine").click()
    expect(page.locator("#question-text")).to_contain_text("What problem")
    answer(page, "Card fraud cost us 2% of revenue; scoring had to stay under 50 ms p99.")
    expect(page.locator("#question-text")).to_contain_text("What was your part")


def test_a_revoked_invite_is_a_404(page, peer_page, live_server, user, peer):
    link = invite_the_peer(page, live_server, user)
    page.get_by_role("button", name="Revoke the invite").click()
    expect(page.get_by_text("You revoked the invite.")).to_be_visible()
    assert_accessible(page)
    login_page(peer_page, live_server, peer)
    response = peer_page.goto(link)
    assert response.status == 404


def test_the_peer_changes_their_scores_and_tells_every_control_apart(
    page, peer_page, live_server, user, peer, twin_projects_grading
):
    """Two projects with the same title, each challenged by the peer: every control on the
    scorecard still has a name of its own, and a change reaches the candidate's review."""
    grading = twin_projects_grading
    login_page(peer_page, live_server, peer)
    peer_page.goto(f"{live_server.url}/review/{grading.pk}/peer/")
    form = peer_page.locator("form.peer-scorecard")
    names = re.findall(r'- (?:combobox|radio|textbox) "([^"]*)"', form.aria_snapshot())
    projects = grading.transcript["projects"]
    # Per project: six sections, three outcomes for its one pushback, and a note per question.
    assert len(names) == sum(len(SECTIONS) + 3 + len(p["turns"]) for p in projects)
    assert len(set(names)) == len(names)
    assert all(re.search(r"project [12] \(Fraud scoring\)", name) for name in names)
    assert_accessible(peer_page)

    for p in (1, 2):
        for section in SECTIONS:
            name = f"{section.title} score for project {p} (Fraud scoring)"
            peer_page.get_by_role("combobox", name=name).select_option("1")
    for held in peer_page.get_by_role("radio", name=re.compile("^Held with evidence")).all():
        held.check()
    note = peer_page.get_by_role("textbox", name="Your note on question 2 of project 2")
    note.fill("No baseline for the limit.")
    peer_page.get_by_role("button", name="Save my scores").click()
    expect(peer_page.get_by_role("heading", name="Your scores beside the grader's")).to_be_visible()
    expect(peer_page.locator("#last-saved")).to_contain_text("Your scores last saved")

    peer_page.get_by_role("link", name="Change your scores").click()
    expect(peer_page.get_by_role("heading", name="Change your scores")).to_be_visible()
    expect(note).to_have_value("No baseline for the limit.")  # as last saved
    assert_accessible(peer_page)
    both_widths(peer_page, "peer-scorecard-edit")
    peer_page.get_by_role(
        "combobox", name="Problem & Constraints score for project 2"
    ).select_option("4")
    note.fill("The limit came from the checkout SLO after all.")
    peer_page.get_by_role("button", name="Save changes").click()
    expect(peer_page.get_by_text("Changes saved.")).to_be_visible()
    expect(peer_page.get_by_text("The limit came from the checkout SLO after all.")).to_be_visible()

    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/review/{grading.pk}/")
    scores = page.get_by_role("region", name="Your interviewer's scores beside the grader's")
    expect(scores).to_contain_text("The limit came from the checkout SLO after all.")
    expect(scores).to_contain_text("last changed")
    # Each project's tables are told apart by name, though the projects share a title.
    tables = re.findall(r'table "([^"]*)"', scores.aria_snapshot())
    assert len(tables) == 4 and len(set(tables)) == 4, tables
    problem = scores.get_by_role("table", name=re.compile("^Section scores for project 2"))
    problem = problem.get_by_role("row", name=re.compile("^Problem"))
    expect(problem.get_by_role("cell").nth(1)).to_have_text("4")
    assert_accessible(page)
