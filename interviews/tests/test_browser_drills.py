import re

import pytest
from playwright.sync_api import expect

from conftest import assert_accessible, login_page
from interviews.models import DRILL, MockSession
from interviews.tests.conftest import caved_round, make_project
from scoring.services import run_grading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = "/tmp/shots"


def both_widths(page, name):
    """Look right on a desktop and on a phone: no sideways scrolling, a screenshot of each."""
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_drill_from_the_dashboard_through_one_answer_to_the_review(page, live_server, user):
    project = make_project(user, "Real-time fraud scoring")
    grading = caved_round(user, project)
    first, *_ = [o["question"] for o in grading.report["projects"][0]["pushback"]]

    login_page(page, live_server, user)
    expect(page.get_by_role("heading", name="Drills due")).to_be_visible()
    assert_accessible(page)
    both_widths(page, "drill-dashboard")
    page.get_by_role("button", name="Drill my weak spots").click()

    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    expect(page.locator(".run-kicker")).to_contain_text("Drill · Project 1 of 1 · Question 1 of")
    expect(page.get_by_role("heading", name="Real-time fraud scoring")).to_be_visible()
    expect(page.locator("#question-text")).to_have_text(first)
    assert_accessible(page)
    both_widths(page, "drill-run")

    drill = MockSession.objects.get(kind=DRILL)
    page.get_by_label("Your answer").fill(
        "A four-week A/B test with a holdout: fraud losses fell from 2.1% to 1.2% "
        "(95% CI 0.7–1.1 pp), and p95 stayed at 48 ms."
    )
    page.get_by_role("button", name="Submit answer").click()
    expect(page.locator(".run-kicker")).to_contain_text("Question 2 of", timeout=15_000)
    page.wait_for_selector("#run-panel[data-ready]", state="attached")
    assert drill.turns.get(index=0).answer.startswith("A four-week A/B test")

    page.get_by_role("button", name="Finish now and grade").click()
    expect(page).to_have_url(re.compile(r"/review/\d+/$"), timeout=15_000)
    drill.refresh_from_db()
    # With a broker and no worker (CI's PostgreSQL + Redis run), grade it as the worker would;
    # the review page polls and swaps the report in.
    run_grading(grading_id=drill.grading_id)
    expect(page.get_by_text(first).first).to_be_visible(timeout=15_000)
    assert_accessible(page)
    both_widths(page, "drill-review")

    # The history marks the drill, and offers another from its own button.
    page.get_by_role("link", name="Mock onsite", exact=True).click()
    expect(
        page.get_by_role("cell", name=re.compile(r"^Drill Real-time fraud scoring"))
    ).to_be_visible()
    assert_accessible(page)
    both_widths(page, "drill-history")
    # The drill was finished before its last due challenge was reached: that one is still due.
    page.get_by_role("button", name="Drill my weak spots").click()
    expect(page.locator(".run-kicker")).to_contain_text("Drill · Project 1 of 1", timeout=15_000)
    assert MockSession.objects.filter(kind=DRILL).count() == 2
