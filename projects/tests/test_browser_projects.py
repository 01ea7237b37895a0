import pytest
from playwright.sync_api import expect

from conftest import assert_accessible, login_page
from projects.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_add_project_with_two_metrics_watch_hints_change_save_and_edit(page, live_server, user):
    login_page(page, live_server, user)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects").click()
    expect(page.get_by_role("heading", name="No projects yet")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="New project").click()
    expect(page.get_by_role("heading", name="New project")).to_be_visible()
    assert_accessible(page)

    page.locator("#id_title").fill("Checkout fraud scoring")
    ownership = page.get_by_label("Role & Ownership")
    ownership_check = page.locator("#check-ownership")
    ownership.fill("We built the scoring service together.")
    expect(ownership_check).to_contain_text("which of those decisions were yours")
    expect(ownership_check).to_contain_text("Thin")
    ownership.fill("I chose the model and led the rollout with the payments team.")
    expect(ownership_check).not_to_contain_text("which of those decisions were yours")
    expect(ownership_check).to_contain_text("Ready")

    # Add a third row, then take it away again: rows change in place, nothing typed is lost.
    page.locator("#id_metrics-0-name").fill("p95 latency")
    page.get_by_role("button", name="Add a metric").click()
    expect(page.locator("#id_metrics-2-name")).to_be_focused()
    expect(page.locator("#id_metrics-0-name")).to_have_value("p95 latency")
    page.get_by_role("button", name="Remove metric 3").click()
    expect(page.locator("#id_metrics-2-name")).to_have_count(0)

    page.locator("#id_metrics-0-before").fill("92")
    page.locator("#id_metrics-0-after").fill("74")
    page.locator("#id_metrics-0-unit").fill("ms")
    page.locator("#id_metrics-0-note").fill("–20 ms")
    page.locator("#id_metrics-1-name").fill("Chargeback rate")
    page.locator("#id_metrics-1-before").fill("0.9")
    page.locator("#id_metrics-1-after").fill("0.6")
    page.locator("#id_metrics-1-unit").fill("%")
    expect(page.locator("#readiness")).to_contain_text("you quote –20 ms")
    page.locator("#id_metrics-0-note").fill("–18 ms")
    expect(page.locator("#readiness")).not_to_contain_text("you quote")
    assert_accessible(page)

    page.get_by_role("button", name="Save project").click()
    expect(page.get_by_role("heading", name="Checkout fraud scoring")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("was added to your bank")
    expect(page.get_by_role("row", name="p95 latency")).to_contain_text("−18 ms (−19.6%)")
    expect(page.get_by_role("row", name="Chargeback rate")).to_contain_text("−0.3%")
    assert_accessible(page)

    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.locator("#id_metrics-1-name")).to_have_value("Chargeback rate")
    page.locator("#id_title").fill("Real-time checkout fraud scoring")
    assert_accessible(page)
    page.get_by_role("button", name="Save project").click()
    expect(page.get_by_role("heading", name="Real-time checkout fraud scoring")).to_be_visible()

    project = Project.objects.get(user=user)
    assert project.title == "Real-time checkout fraud scoring"
    assert [m.name for m in project.metrics.all()] == ["p95 latency", "Chargeback rate"]


def test_list_loads_examples_and_reorders_with_htmx(page, live_server, user):
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/projects/")
    page.get_by_role("button", name="Load example projects").click()
    titles = page.locator(".project-card-title a")
    expect(titles).to_have_count(4)
    first, second = titles.nth(0).inner_text(), titles.nth(1).inner_text()
    assert_accessible(page)

    page.get_by_role("button", name=f"Move {first} down").click()
    expect(titles.nth(0)).to_have_text(second)
    expect(titles.nth(1)).to_have_text(first)
    # Focus stays on the moved project, so pressing Enter again keeps moving it.
    expect(page.get_by_role("button", name=f"Move {first} down")).to_be_focused()
    page.keyboard.press("Enter")
    expect(titles.nth(2)).to_have_text(first)
    assert_accessible(page)

    # Drag the last card to the top.
    last = titles.nth(3).inner_text()
    # The new order is saved by an htmx POST; reload only once the server has answered it.
    with page.expect_response(lambda response: "/projects/reorder/" in response.url):
        page.locator(".project-card").nth(3).drag_to(page.locator(".project-card").nth(0))
    expect(titles.nth(0)).to_have_text(last)
    page.reload()
    expect(titles.nth(0)).to_have_text(last)


def test_list_buttons_work_without_javascript(browser, live_server, user):
    """The cards' buttons submit the page's one form (which carries the CSRF token)."""
    from projects.services import load_example_projects

    load_example_projects(user=user)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/projects/")
    titles = page.locator(".project-card-title a")
    first, second = titles.nth(0).inner_text(), titles.nth(1).inner_text()
    page.get_by_role("button", name=f"Move {first} down").click()
    expect(titles.nth(0)).to_have_text(second)
    page.get_by_role("button", name=f"Duplicate {second}").click()
    expect(page.get_by_label("Title (required)")).to_have_value(f"{second} (copy)")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_readiness_summary_stays_in_view_while_typing(page, live_server, user, width):
    page.set_viewport_size({"width": width, "height": 800})
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/projects/new/")
    summary = page.locator("#readiness-summary")
    expect(summary).to_contain_text("Readiness 0/100")
    expect(summary).to_contain_text("next: Problem & Constraints")

    page.locator("#id_title").fill("Checkout fraud scoring")
    results = page.get_by_label("Results")
    results.fill("Fraud losses fell from 2.1% to 1.2% of revenue in a 4-week A/B test.")
    expect(summary).to_contain_text("1 of 6 ready")
    # Typing far down the page, the summary is still on screen.
    expect(results).to_be_in_viewport()
    expect(summary).to_be_in_viewport()
    assert_accessible(page)

    summary.get_by_role("link", name="Full check").click()
    expect(page.get_by_role("heading", name="Readiness check")).to_be_in_viewport()
    summary.get_by_role("link", name="Problem & Constraints").click()
    expect(page.get_by_label("Problem & Constraints")).to_be_in_viewport()


def test_touch_screens_reorder_with_the_buttons_and_show_no_drag_handle(browser, live_server, user):
    from projects.services import load_example_projects

    load_example_projects(user=user)
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    login_page(page, live_server, user)
    page.goto(f"{live_server.url}/projects/")
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    expect(page.locator(".drag-handle").first).to_be_hidden()
    expect(page.get_by_text("Use Up and Down to set the order")).to_be_visible()
    titles = page.locator(".project-card-title a")
    first = titles.nth(0).inner_text()
    page.get_by_role("button", name=f"Move {first} down").tap()
    expect(titles.nth(1)).to_have_text(first)
    assert_accessible(page)
    context.close()
