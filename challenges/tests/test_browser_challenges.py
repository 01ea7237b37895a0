import re

import pytest
from playwright.sync_api import expect

from challenges.services import load_challenges
from conftest import assert_accessible, login_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browse_filter_and_practise_one_challenge(page, live_server, user):
    load_challenges()  # a transactional test may run after another one emptied the tables
    login_page(page, live_server, user)

    page.get_by_role("link", name="Challenges").click()
    expect(page.get_by_role("heading", name="Challenge bank")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Section:").select_option("results")
    expect(page).to_have_url(re.compile(r"section=results"))
    expect(page.get_by_text("Convince me with data, not conviction.")).to_have_count(0)
    noise = page.get_by_role("link", name=re.compile("Those gains look like noise"))
    expect(noise).to_be_visible()
    assert_accessible(page)

    noise.click()
    expect(page.get_by_role("heading", name="Practise a challenge")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your answer:").fill("Everyone agreed it felt much better after launch.")
    page.get_by_role("button", name="Answer").click()

    expect(page.get_by_role("heading", name="The interviewer follows up")).to_be_visible()
    expect(page.get_by_text("Your Results has no number with a unit")).to_be_visible()
    expect(page.get_by_label("Your answer:")).to_have_value(
        "Everyone agreed it felt much better after launch."
    )
    assert_accessible(page)


SCREENSHOTS = "/tmp/shots"


def at_both_widths(page, name):
    """Readable on a desktop and on a phone: axe-clean, no sideways scrolling, a screenshot."""
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_accessible(page)
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_key_points_topic_and_domain_on_browse_and_practise(page, live_server, user):
    load_challenges()
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/challenges/?section=results&pressure=bar_raiser")

    card = (
        page.locator(".challenge-list li")
        .filter(has_text="How much of")
        .filter(has_text="is your change")
    )
    expect(card.get_by_text("When savings are larger than the bill they come from")).to_be_visible()
    card.get_by_text("What a strong answer contains").click()
    expect(card.get_by_role("listitem")).to_have_count(3)
    at_both_widths(page, "challenge-browse")

    page.goto(f"{live_server.url}/challenges/ads-late-conversions/")
    expect(page.locator(".facts")).to_contain_text("Ads")
    expect(page.locator(".facts")).to_contain_text("Label delay")
    page.get_by_label("Your answer:").fill(
        "We waited seven days before labelling a click as a non-conversion."
    )
    page.get_by_role("button", name="Answer").click()
    strong = page.locator("ul.key-points li")
    expect(strong).to_have_count(3)
    expect(strong.first).to_contain_text("attribution window")
    at_both_widths(page, "challenge-practise")
