import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from challenges.pressure import WARMUP
from conftest import assert_accessible, login_page
from interviews.models import MockSession
from interviews.services import start_session
from interviews.tests.conftest import make_project
from scoring.services import run_grading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def remaining_ms(page) -> int:
    return int(page.locator("[data-countdown-submits]").get_attribute("data-countdown-ms"))


def open_turn(page) -> str:
    return page.locator("#run-panel").get_attribute("data-turn")


def answer(page, text):
    turn = open_turn(page)
    page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Submit answer").click()
    expect(page.locator(f'#run-panel[data-turn="{turn}"]')).to_have_count(0)
    page.wait_for_selector("#run-panel[data-ready], #main:not(:has(#run-panel))", state="attached")


def start_round(page, live_server, user, *, walkthrough="1", challenge="0.1"):
    make_project(user, "Real-time fraud scoring", position=0)
    make_project(user, "Search ranking", sections={"problem": "Search was slow."}, position=1)
    login_page(page, live_server, user)
    page.get_by_role("link", name="Mock onsite", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Start a mock onsite").click()
    expect(page.get_by_text("Thin or missing:")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_label("First project:")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Warm-up").check()
    page.get_by_label("Typed").check()
    page.get_by_label("Walkthrough per project (minutes):").fill(walkthrough)
    page.get_by_label("Per pushback question (minutes):").fill(challenge)
    page.get_by_role("button", name="Start the round").click()
    expect(page.locator("#question-text")).to_contain_text("What problem were you solving")
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    return MockSession.objects.get(user=user)


def test_full_short_session_with_a_timeout_and_a_reload(page, live_server, user):
    # One minute of walkthrough: ten seconds per section; six seconds per pushback.
    session = start_round(page, live_server, user)
    assert_accessible(page)
    expect(page.get_by_role("list", name="Sections of this project")).to_contain_text("Now")

    answer(page, "Fraud cost 2% of revenue; scoring had to stay under 50 ms p99.")
    expect(page.locator("#question-text")).to_contain_text("What was your part")

    # A reload mid-turn keeps the saved draft and the server's remaining time.
    page.get_by_label("Your answer").fill("I led three engineers and chose the model")
    expect(page.locator("#save-status")).to_have_text("Draft saved")
    before = remaining_ms(page)
    page.reload()
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    expect(page.get_by_label("Your answer")).to_have_value(
        "I led three engineers and chose the model"
    )
    assert 0 < remaining_ms(page) <= before
    assert_accessible(page)
    answer(page, "I led three engineers and chose the model myself.")

    # Leave the architecture answer to time out: the page submits the draft as it stands.
    page.get_by_label("Your answer").fill("Kafka into a feature store, then")
    expect(page.locator("#save-status")).to_have_text("Draft saved")
    expect(page.locator("#question-text")).to_contain_text(
        "What else did you consider", timeout=20_000
    )
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    timed_out = session.turns.get(index=2)
    assert timed_out.over_time and timed_out.answer == "Kafka into a feature store, then"

    for _ in range(40):
        if not page.locator("#run-panel[data-turn]").count():
            break
        answer(page, "We measured p95 falling from 92 ms to 74 ms in an A/B test.")
    expect(page).to_have_url(re.compile(r"/review/\d+/|/interviews/$"))
    assert_accessible(page)
    session.refresh_from_db()
    assert session.status == "finished" and session.grading is not None
    projects = session.grading.transcript["projects"]
    assert [p["title"] for p in projects] == ["Real-time fraud scoring", "Search ranking"]

    page.goto(f"{live_server.url}/interviews/")
    expect(page.get_by_role("cell", name="Finished")).to_be_visible()
    assert_accessible(page)


def test_unconfirmed_draft_survives_in_the_browser_and_is_saved_later(page, live_server, user):
    session = start_round(page, live_server, user, walkthrough="10")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.route("**/draft/", lambda route: route.abort())
    page.get_by_label("Your answer").fill("words the server never heard")
    page.wait_for_timeout(1200)
    page.reload()
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    expect(page.get_by_label("Your answer")).to_have_value("words the server never heard")
    page.unroute("**/draft/")
    page.get_by_label("Your answer").press("End")
    page.get_by_label("Your answer").type("!")
    expect(page.locator("#save-status")).to_have_text("Draft saved")
    assert session.turns.get(index=0).draft == "words the server never heard!"
    # Confirmed by the server, so the browser's copy is let go.
    # (Polled from Python: the strict CSP forbids the eval behind wait_for_function.)
    for _ in range(50):
        if not page.evaluate("Object.keys(localStorage).some(k => k.startsWith('hotseat:'))"):
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail("the confirmed draft was never removed from localStorage")

    # Abandon from the run page; the history says so and the session's page stays readable.
    page.get_by_text("Abandon this session…").click()
    page.get_by_role("button", name="Abandon session").click()
    expect(page.get_by_role("status")).to_contain_text("Session abandoned")
    assert_accessible(page)
    page.goto(f"{live_server.url}/interviews/{session.pk}/")
    expect(page.get_by_role("heading", name="This session was abandoned")).to_be_visible()
    assert_accessible(page)


def set_answer(box, letter: str, count: int):
    """Put text in the answer box as a script would, past maxlength, and let the page know."""
    box.evaluate(
        "(box, [letter, count]) => { box.value = letter.repeat(count);"
        " box.dispatchEvent(new Event('input', {bubbles: true})); }",
        [letter, count],
    )


def test_an_answer_over_the_body_limit_says_why_and_is_not_sent_again(page, live_server, user):
    """A 3 MB answer is refused with a 400 (the proxy's 413 in production): the status line
    says what to do, the autosave stops trying, and the text stays in the box and the browser."""
    session = start_round(page, live_server, user, walkthrough="10")
    drafts = []
    page.on("request", lambda request: "/draft/" in request.url and drafts.append(request))
    box = page.get_by_label("Your answer")
    assert box.get_attribute("maxlength") == "8000"
    # Typing stops at maxlength; text set by a script (dictation, a restored draft) does not.
    set_answer(box, "x", 3_000_000)
    expect(page.locator("#save-status")).to_have_text(
        "This answer is over the 8,000-character limit; shorten it to save. "
        "Your text stays here and in this browser.",
        timeout=15_000,
    )
    assert_accessible(page)
    page.wait_for_timeout(4_000)  # longer than the 3 s between retries of an unreachable server
    assert len(drafts) == 1
    assert box.evaluate("(box) => box.value.length") == 3_000_000
    key = f"hotseat:draft:{session.pk}:0"
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{key}')).text.length") == 3_000_000
    assert session.turns.get(index=0).draft == ""

    # Shortened to the limit, it saves as usual.
    set_answer(box, "y", 8000)
    expect(page.locator("#save-status")).to_have_text("Draft saved")
    assert session.turns.get(index=0).draft == "y" * 8000


def test_a_paste_past_the_limit_is_kept_whole_for_the_server_to_measure(page, live_server, user):
    """maxlength would cut the paste short without a word; static/js/limits.js keeps all of it,
    and the autosave's answer says how far over it is."""
    session = start_round(page, live_server, user, walkthrough="10")
    box = page.get_by_label("Your answer")
    box.focus()
    box.evaluate(
        """(box) => {
          const data = new DataTransfer();
          data.setData('text/plain', 'z'.repeat(8100));
          const init = {clipboardData: data, bubbles: true, cancelable: true};
          box.dispatchEvent(new ClipboardEvent('paste', init));
        }"""
    )
    assert box.evaluate("(box) => box.value.length") == 8100
    expect(page.locator("#save-status")).to_contain_text("the limit is 8,000")
    assert session.turns.get(index=0).draft == ""


def test_a_project_out_of_time_says_how_many_questions_it_skipped(page, live_server, user):
    projects = [
        make_project(user, "Real-time fraud scoring", position=0),
        make_project(user, "Search ranking", position=1),
    ]
    session = start_session(
        user=user, projects=projects, pressure=WARMUP, answer_mode="typed", seed=7
    )
    # The first project's time runs out three seconds into its first question.
    deadline = timezone.now() + timedelta(seconds=3)
    session.projects.filter(order=0).update(deadline=deadline)
    session.turns.filter(index=0).update(deadline=deadline)
    planned = session.turns.filter(session_project__order=0).count()

    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/interviews/{session.pk}/")
    page.get_by_label("Your answer").fill("Fraud cost 2% of revenue at 3k QPS.")
    notice = page.get_by_role("alert")
    expect(notice).to_have_text(
        re.compile(f"Time is up for “Real-time fraud scoring”: {planned - 1} questions skipped"),
        timeout=15_000,
    )
    expect(page.locator(".run-project")).to_have_text("Search ranking")
    assert_accessible(page)

    page.get_by_role("button", name="Finish now and grade").click()
    page.wait_for_url(re.compile(r"/review/\d+/"))
    session.refresh_from_db()
    run_grading(grading_id=session.grading_id)  # the worker's job (inline without Redis)
    expect(page.get_by_role("heading", name="Skipped when time ran out")).to_be_visible(
        timeout=10_000
    )
    expect(page.get_by_role("link", name=f"{planned - 1} questions skipped")).to_be_visible()
    assert_accessible(page)


SPOKEN_LOG = """
window.__said = [];
SpeechSynthesis.prototype.speak = function (utterance) { window.__said.push(utterance.text); };
"""


def test_spoken_mode_can_say_the_time_out_loud(page, live_server, user):
    session = start_session(
        user=user,
        projects=[make_project(user, "Real-time fraud scoring")],
        pressure=WARMUP,
        answer_mode="spoken",
        seed=7,
    )
    page.add_init_script(SPOKEN_LOG)
    login_page(page, live_server, user)

    def open_with_project_time(seconds):
        deadline = timezone.now() + timedelta(seconds=seconds)
        session.projects.update(deadline=deadline)
        session.turns.filter(index=session.turns.filter(answered_at=None)[0].index).update(
            deadline=deadline
        )
        page.goto(f"{live_server.url}/interviews/{session.pk}/")
        page.wait_for_selector("#run-panel[data-ready]", state="attached")

    # Off by default: the minute mark passes in silence.
    open_with_project_time(61.5)
    toggle = page.get_by_label("Say “one minute left” and “time is up” out loud")
    expect(toggle).not_to_be_checked()
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__said") == []

    toggle.check()
    assert_accessible(page)
    open_with_project_time(61.5)
    expect(toggle).to_be_checked()  # kept in this browser
    page.wait_for_function("() => window.__said.includes('one minute left')", timeout=5000)
    open_with_project_time(2)
    page.wait_for_function("() => window.__said.includes('time is up')", timeout=5000)
    # The page submitted the answer at 0:00; let that request end before the test does.
    expect(page.locator("#run-panel")).to_have_count(0)
