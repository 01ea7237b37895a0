"""Journeys that show the grader's and the engine's judgment to the candidate: a doubtful figure
challenged in the same round, a bluff and a cave on the review, and spoken delivery measured
from the browser's dictation."""

import json
import re

import pytest
from playwright.sync_api import expect

from conftest import assert_accessible, login_page
from interviews.models import CHALLENGE, PROMPT, MockSession
from interviews.services import finish_session, start_session, submit_answer, sync_session
from interviews.tests.conftest import STRONG, make_project
from scoring.services import run_grading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLUFF = (
    "Fraud detection accuracy went from 80% to 99.9%, and fraud is under 1% of transactions. "
    "The numbers speak for themselves."
)
CAVE = "I'm not sure, I'd have to check. Maybe it was luck; it's hard to say."


def kicker(page) -> tuple[int, int]:
    text = page.locator(".run-kicker").inner_text()
    number, count = re.search(r"Question (\d+) of (\d+)", text).groups()
    return int(number), int(count)


def submit(page, text):
    turn = page.locator("#run-panel").get_attribute("data-turn")
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Submit answer").click()
    expect(page.locator(f'#run-panel[data-turn="{turn}"]')).to_have_count(0)
    page.wait_for_selector("#run-panel[data-ready], #main:not(:has(#run-panel))", state="attached")


def test_a_doubtful_figure_is_challenged_in_the_round_and_a_bluff_and_a_cave_show_on_review(
    page, live_server, user
):
    make_project(user, "Card fraud scoring")
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/interviews/new/")
    page.get_by_label("Standard").check()
    page.get_by_label("Typed").check()
    page.get_by_role("button", name="Start the round").click()
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    session = MockSession.objects.get(user=user)
    first, count = kicker(page)
    assert first == 1

    # A new, doubtful figure in the first answer...
    submit(page, "Chargebacks cost 2% of volume. The churn model reached an AUC of 0.99.")
    assert kicker(page) == (2, count)  # the round's length never moves
    seen_challenge = False
    while page.locator("#run-panel[data-turn]").count():
        number, total = kicker(page)
        assert total == count
        question = page.locator("#question-text").inner_text()
        turn = session.turns.get(index=int(page.locator("#run-panel").get_attribute("data-turn")))
        if turn.kind == CHALLENGE:
            if "0.99" in question:
                seen_challenge = True  # ...is pushed on in the same round
            submit(page, CAVE)
        elif turn.section == "results":
            submit(page, BLUFF)
        else:
            submit(page, STRONG[turn.section])
    assert seen_challenge, "no challenge quoted the doubtful figure"

    session.refresh_from_db()
    assert session.status == "finished"
    run_grading(grading_id=session.grading_id)  # the worker's job, done here
    page.goto(f"{live_server.url}/review/{session.grading_id}/")
    expect(page.get_by_role("heading", name="Fix these first")).to_be_visible()
    assert_accessible(page)
    # The cave leads the fixes, the bluff is flagged with its reason, and the pushback's share
    # of the project's score is said.
    expect(page.locator(".fixes li").first).to_contain_text("you caved on")
    doubts = page.locator(".doubts")
    expect(doubts).to_contain_text("Accuracy on a rare class")
    expect(doubts).to_contain_text("99.9%")
    expect(doubts).to_contain_text("precision and recall")
    expect(page.locator(".pushback-record").first).to_contain_text("25% of this project's score")
    expect(page.locator(".pushback-record").first).to_contain_text("caved")


# A stand-in for the browser's speech recognition, put in place before the page's scripts run:
# it "hears" two phrases at chosen moments (seconds after Dictate is pressed), the second after
# a pause of 3.5 s, fillers included. The moments are real: the server checks that no phrase
# ends after the answer was sent.
SPEECH = """
(() => {
  const phrases = %s;
  class FakeRecognition {
    start() {
      const results = [];
      phrases.forEach(([start, end, words]) => {
        const index = results.length;
        const item = { isFinal: false, 0: { transcript: words }, length: 1 };
        results.push(item);
        const fire = (isFinal) => () => {
          item.isFinal = isFinal;
          this.onresult({
            resultIndex: index, results: results.slice(0, index + 1), timeStamp: performance.now(),
          });
        };
        setTimeout(fire(false), start * 1000);
        setTimeout(fire(true), end * 1000);
      });
      const last = phrases[phrases.length - 1][1];
      setTimeout(() => this.onend && this.onend(), last * 1000 + 100);
    }
    stop() { this.onend && this.onend(); }
  }
  window.SpeechRecognition = FakeRecognition;
})();
"""
PHRASES = [
    [0.3, 1.2, "Um so the fraud model, uh, cut chargebacks from 2% to 1.2% of volume"],
    [4.7, 5.5, "and basically it stayed under 50 milliseconds at p99, you know"],
]


def test_spoken_delivery_is_measured_from_dictation_and_shown_on_review(page, live_server, user):
    project = make_project(user, "Card fraud scoring")
    session = start_session(
        user=user, projects=[project], pressure="warmup", answer_mode="spoken", seed=3
    )
    page.add_init_script(SPEECH % json.dumps(PHRASES))
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/interviews/{session.pk}/")
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    expect(page.get_by_text("never the audio")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Dictate").click()
    box = page.get_by_label(re.compile("Your answer"))
    expect(box).to_have_value(re.compile("at p99, you know$"), timeout=15_000)
    expect(page.locator("#save-status")).to_have_text("Draft saved")
    page.get_by_role("button", name="Submit answer").click()
    page.wait_for_selector('#run-panel[data-turn="1"][data-ready]', state="attached")

    session.refresh_from_db()
    while (turn := sync_session(session=session)) is not None:
        text = STRONG[turn.section] if turn.kind == PROMPT else "A test showed 3% more."
        submit_answer(session=session, index=turn.index, text=text)
    session.refresh_from_db()
    if session.grading_id is None:
        finish_session(session=session)
        session.refresh_from_db()
    run_grading(grading_id=session.grading_id)

    page.goto(f"{live_server.url}/review/{session.grading_id}/")
    first = page.locator("#turn-0")
    strip = first.locator(".delivery-strip")
    expect(strip).to_contain_text("words/min")
    expect(strip).to_contain_text("4 fillers")
    expect(strip).to_contain_text(re.compile(r"longest pause 3\.[4-9] s"))
    # Counted from when the question appeared, a moment before Dictate was pressed.
    expect(strip).to_contain_text(re.compile(r"first word after (0\.[3-9]|1\.\d|2\.\d) s"))
    expect(first.locator(".filler").first).to_have_text("Um")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    report = json.loads(download.value.path().read_text(encoding="utf-8"))["report"]
    figures = report["projects"][0]["delivery"]["answers"][0]
    assert figures["fillers"] == 4 and 3.4 <= figures["longest_pause"] <= 4.0
    assert 0.3 <= figures["first_word"] <= 3.0 and figures["wpm"] > 0
