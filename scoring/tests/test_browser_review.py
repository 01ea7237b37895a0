import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import assert_accessible, login_page
from scoring.models import Grading
from scoring.services import run_grading
from scoring.tests.review_data import make_grading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_from_grading_to_mentor_link(page, browser, live_server, user):
    grading = make_grading(user, graded=False)
    login_page(page, live_server, user)

    page.goto(f"{live_server.url}/review/{grading.pk}/")
    expect(page.get_by_role("heading", name="Waiting for a grader")).to_be_visible()
    assert_accessible(page)

    # The worker finishes while the page is open: polling swaps the report in, then stops.
    run_grading(grading_id=grading.pk)
    expect(page.get_by_role("heading", name="Fix these first")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("heading", name="Waiting for a grader")).to_have_count(0)
    expect(page.locator("#review-body[hx-trigger]")).to_have_count(0)
    assert_accessible(page)

    fix = page.locator(".fixes a").first
    anchor = fix.get_attribute("href")
    fix.click()
    expect(page).to_have_url(re.compile(f"{anchor}$"))
    expect(page.locator(anchor)).to_be_in_viewport()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export Markdown").click()
    markdown = download_info.value.path().read_text(encoding="utf-8")
    assert markdown.startswith("# Mock onsite review") and "## Fraud scoring" in markdown

    page.get_by_role("button", name="Create a mentor link").click()
    link_box = page.get_by_label(re.compile("Mentor link created"))
    expect(link_box).to_be_visible()
    shared_url = link_box.input_value()
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("[data-copy-status]")).to_have_text(re.compile("Copied|copy"))
    assert_accessible(page)

    mentor_context = browser.new_context()
    mentor = mentor_context.new_page()
    mentor.goto(shared_url)
    expect(
        mentor.get_by_role("heading", name="Mock onsite review, shared with you")
    ).to_be_visible()
    expect(mentor.get_by_role("button", name="Revoke")).to_have_count(0)
    assert_accessible(mentor)
    mentor.get_by_text("Comment on turn 7").click()
    turn = mentor.locator("#turn-6")
    turn.get_by_label("Your name:").fill("Grace")
    turn.get_by_label("Comment:").fill("Bring the confidence interval here.")
    turn.get_by_role("button", name="Add comment").click()
    expect(turn.get_by_text("Bring the confidence interval here.")).to_be_visible()
    assert_accessible(mentor)

    page.reload()
    expect(
        page.locator("#turn-6").get_by_text("Bring the confidence interval here.")
    ).to_be_visible()
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("Mentor link revoked")).to_be_visible()

    response = mentor.goto(shared_url)
    assert response.status == 404
    expect(mentor.get_by_role("heading", name="Nothing here")).to_be_visible()
    mentor_context.close()


def test_dashboard_chart_and_drills_are_accessible(page, live_server, user):
    make_grading(user)
    make_grading(user, turns=14)
    Grading.objects.update(created_at=timezone.now() - timedelta(days=2))
    login_page(page, live_server, user)
    expect(page.get_by_role("heading", name="Drills due")).to_be_visible()
    expect(page.get_by_role("link", name="Practise it")).to_have_count(1)
    expect(page.get_by_role("img", name="Your section scores across sessions")).to_be_visible()
    page.get_by_text("The same figures as a table").click()
    table = page.get_by_role("table", name=re.compile("Section scores"))
    expect(table.get_by_role("rowheader", name="Results")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_review_reads_summary_first_with_folded_turns(page, live_server, user, width):
    grading = make_grading(user, turns=14, projects=2)
    page.set_viewport_size({"width": width, "height": 900})
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/review/{grading.pk}/")

    # The mentor link is in the toolbar, above the first transcript: no scrolling past turns.
    create = page.get_by_role("button", name="Create a mentor link")
    transcript = page.locator(".transcript").first
    assert create.bounding_box()["y"] < transcript.bounding_box()["y"]
    expect(page.get_by_role("heading", name="Fix these first")).to_be_visible()
    assert (
        page.get_by_role("heading", name="Fix these first").bounding_box()["y"]
        < transcript.bounding_box()["y"]
    )
    expect(page.get_by_role("meter", name="Results", exact=True)).to_have_count(2)

    # Turns are folded: the question shows, the answer only once the turn is opened.
    turn = page.locator("#turn-4")
    answer = turn.locator(".answer")
    expect(answer).to_be_hidden()
    turn.locator("summary").click()
    expect(answer).to_be_visible()
    turn.locator("summary").click()
    expect(answer).to_be_hidden()

    # The section nav stays in reach far down the transcript.
    page.locator("#turn-20").scroll_into_view_if_needed()
    nav = page.get_by_role("navigation", name="Parts of this review")
    expect(nav).to_be_in_viewport()
    assert_accessible(page)

    # A top fix links to a folded turn: it lands there, open; so does a link opened afresh.
    fix = page.locator(".fixes a").first
    anchor = fix.get_attribute("href")
    fix.click()
    expect(page.locator(f"{anchor} > details")).to_have_attribute("open", "")
    expect(page.locator(f"{anchor} .answer")).to_be_in_viewport()
    page.goto(f"{live_server.url}/review/{grading.pk}/#turn-9")
    expect(page.locator("#turn-9 .answer")).to_be_visible()
    expect(page.locator("#turn-9 .answer")).to_be_in_viewport()
    expect(page.locator("#turn-8 .answer")).to_be_hidden()


def test_dashboard_chart_shows_every_dot_and_legible_labels_on_a_phone(page, live_server, user):
    make_grading(user)  # one session: several sections share a score
    page.set_viewport_size({"width": 390, "height": 844})
    login_page(page, live_server, user)
    chart = page.get_by_role("img", name="Your section scores across sessions")
    expect(chart).to_be_visible()
    boxes = [dot.bounding_box() for dot in chart.locator(".chart-dot").all()]
    centres = {(round(b["x"] + b["width"] / 2), round(b["y"] + b["height"] / 2)) for b in boxes}
    assert len(boxes) == 6 and len(centres) == 6
    heights = [label.bounding_box()["height"] for label in chart.locator("text").all()]
    assert heights and min(heights) >= 11
    assert_accessible(page)
