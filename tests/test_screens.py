"""The four pages a candidate lives on, at desktop and phone width, with realistic data.

Each page must pass axe-core and fit the phone's width (nothing wider than the screen but a
table's own scroll box). With HOTSEAT_SCREENSHOTS=<folder> set, each page is also saved there
as a PNG (docs/SCREENS.md says how the ones in docs/screens/ are made).
"""

import os
from pathlib import Path

import pytest

from challenges.pressure import STANDARD
from conftest import assert_accessible, login_page
from interviews.models import PROMPT
from interviews.services import start_session
from interviews.tests.conftest import play
from projects.services import load_example_projects

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = os.environ.get("HOTSEAT_SCREENSHOTS", "")
WIDTHS = [1280, 390]
PUSHBACK_ANSWER = (
    "We measured it: a four-week A/B test on 10% of traffic, with a 95% confidence interval "
    "that excluded zero. I would still add a holdout next time, because novelty can fade."
)


@pytest.fixture
def candidate(user):
    """A user with the four examples, one graded round on two of them and one round running."""
    projects = load_example_projects(user=user)
    by_pk = {project.pk: project for project in projects}

    def answer_for(turn):
        source = by_pk[turn.session_project.project_id]
        return getattr(source, turn.section) if turn.kind == PROMPT else PUSHBACK_ANSWER

    graded = start_session(
        user=user, projects=projects[:2], pressure=STANDARD, answer_mode="typed", seed=3
    )
    grading = play(graded, answer_for)
    running = start_session(
        user=user,
        projects=projects[2:],
        pressure=STANDARD,
        answer_mode="spoken",
        walkthrough_seconds=600,
        challenge_seconds=120,
        seed=5,
    )
    return {
        "review": f"/review/{grading.pk}/",
        "dashboard": "/dashboard/",
        "project-form": f"/projects/{projects[0].pk}/edit/",
        "run": f"/interviews/{running.pk}/",
    }


def _fits_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_main_pages_fit_and_pass_axe_at_each_width(page, live_server, user, candidate, width):
    page.set_viewport_size({"width": width, "height": 900})
    login_page(page, live_server, user)
    for name, path in candidate.items():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert _fits_width(page), f"{name} is wider than {width} px"
        assert_accessible(page)
        if SCREENS:
            Path(SCREENS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SCREENS}/{name}-{width}.png", full_page=True)
