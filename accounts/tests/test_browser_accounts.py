import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, assert_accessible, login_page
from scoring.tests.review_data import make_grading

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

    # A first visit says what to do first, not "Welcome back".
    expect(page.get_by_role("heading", name="Welcome, grace")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome to Hotseat, grace.")
    steps = page.get_by_role("region", name="Start here").get_by_role("listitem")
    expect(steps).to_have_count(3)
    expect(steps.nth(0)).to_contain_text("Add a project")
    expect(steps.nth(1)).to_contain_text("Check its readiness")
    expect(steps.nth(2)).to_contain_text("Run a round")
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Username").fill("grace")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Welcome, grace")).to_be_visible()

    page.get_by_role("link", name="grace").click()
    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()
    assert_accessible(page)


def test_phone_width_signup_page_fits(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/signup/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_first_visit_loads_the_examples_and_a_return_says_welcome_back(
    page, live_server, user, width
):
    page.set_viewport_size({"width": width, "height": 844})
    login_page(page, live_server, user)
    expect(page.get_by_role("heading", name="Welcome, ada")).to_be_visible()
    expect(page.get_by_text("Welcome back")).to_have_count(0)
    page.get_by_role("button", name="Load the four examples").click()
    expect(page.get_by_role("heading", name="Your projects")).to_be_visible()
    expect(page.locator(".project-card")).to_have_count(4)

    make_grading(user)  # a first round is over: from now on, a returning user
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", name="Welcome back, ada")).to_be_visible()
    expect(page.get_by_role("region", name="Start here")).to_have_count(0)
    expect(page.get_by_role("heading", name="Your next steps")).to_be_visible()
    assert_accessible(page)
