"""The four pages a candidate lives on, at desktop and phone width, with realistic data.

Each page must pass axe-core and fit the phone's width (nothing wider than the screen but a
table's own scroll box). With HOTSEAT_SCREENSHOTS=<folder> set, each page is also saved there
as a PNG (docs/SCREENS.md says how the ones in docs/screens/ are made).
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.db.models import F
from playwright.sync_api import expect

from challenges.pressure import STANDARD
from conftest import assert_accessible, login_page
from interviews.models import PROMPT, Turn
from interviews.services import start_session, submit_answer, sync_session
from projects.services import load_example_projects
from scoring.models import Grading
from scoring.services import run_grading

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = os.environ.get("HOTSEAT_SCREENSHOTS", "")
WIDTHS = [1280, 390]
PUSHBACK_ANSWER = (
    "Um, we measured it: a four-week A/B test on 10% of traffic, with a 95% confidence interval "
    "that excluded zero. I would still add a holdout next time, because novelty can fade."
)


def say(session, turn, text) -> None:
    """Answer as dictation would: the question read for 2 s, then a phrase per sentence at
    2.5 words a second with short breaths between; the turn opened that long ago."""
    phrases, at = [], 2.0
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        length = len(sentence.split()) / 2.5
        phrases.append([round(at, 1), round(at + length, 1)])
        at += length + 0.7
    Turn.objects.filter(pk=turn.pk).update(opened_at=F("opened_at") - timedelta(seconds=at))
    submit_answer(session=session, index=turn.index, text=text, timing=phrases)


def spoken_round(session, answer_for) -> Grading:
    """Every turn of a spoken session answered aloud, in order, then graded."""
    while (turn := sync_session(session=session)) is not None:
        say(session, turn, answer_for(turn))
    session.refresh_from_db()
    run_grading(grading_id=session.grading_id)  # does nothing if the task ran already
    return Grading.objects.get(pk=session.grading_id)


@pytest.fixture
def candidate(user):
    """A user with the four examples, one graded spoken round on two of them and one round
    running."""
    projects = load_example_projects(user=user)
    by_pk = {project.pk: project for project in projects}

    def answer_for(turn):
        source = by_pk[turn.session_project.project_id]
        return getattr(source, turn.section) if turn.kind == PROMPT else PUSHBACK_ANSWER

    graded = start_session(
        user=user, projects=projects[:2], pressure=STANDARD, answer_mode="spoken", seed=3
    )
    grading = spoken_round(graded, answer_for)
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
            if name == "review" and width == WIDTHS[0]:  # the README's picture: the first screen
                page.screenshot(path=f"{SCREENS}/review-top-{width}.png")


def test_spoken_answer_on_review_shows_its_delivery(page, live_server, user, candidate):
    """A spoken round's review: the project's delivery line, and an answer opened with its
    pace, fillers (marked in the text) and pauses."""
    page.set_viewport_size({"width": 1280, "height": 900})
    login_page(page, live_server, user)
    page.goto(live_server.url + candidate["review"])
    said = page.locator("li.turn").filter(has=page.locator(".filler")).first
    said.locator("summary").click()
    expect(said.locator(".delivery-strip")).to_contain_text("words/min")
    expect(said.locator(".filler").first).to_have_text("Um")
    assert_accessible(page)
    if SCREENS:
        said.scroll_into_view_if_needed()
        said.screenshot(path=f"{SCREENS}/review-spoken-answer.png")
