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
