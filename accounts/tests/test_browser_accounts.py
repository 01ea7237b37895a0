import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_see_dashboard_log_out_and_back_in(page, live_server):
    page.goto(live_server.url)
    assert_accessible(page)
    page.get_by_role("link", name="Create a free account").click()
    assert_accessible(page)
    page.get_by_label("Username").fill("grace")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="Welcome back, grace")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome to Hotseat, grace.")
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Username").fill("grace")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Welcome back, grace")).to_be_visible()

    page.get_by_role("link", name="grace").click()
    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()
    assert_accessible(page)


def test_phone_width_signup_page_fits(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/signup/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert_accessible(page)
