import time
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from scoring.drills import INTERVAL_DAYS, Session, schedule_drills
from scoring.models import Grading
from scoring.tests.review_data import make_grading

NOISE = "Those gains look like noise. How do you know they are real?"
START = datetime(2026, 11, 1, 9, tzinfo=UTC)


def session(pk, days, outcome, question=NOISE):
    report = {
        "projects": [
            {
                "pushback": [
                    {"turn": 6, "section": "results", "question": question, "outcome": outcome}
                ]
            }
        ]
    }
    return Session(pk, START + timedelta(days=days), report)


def test_caved_challenge_comes_back_the_next_day():
    [drill] = schedule_drills([session(1, 0, "caved")])
    assert drill.due == START + timedelta(days=1)
    assert (drill.grading_id, drill.turn_index, drill.streak) == (1, 6, 0)


def test_each_held_answer_spaces_the_drill_further_out():
    [drill] = schedule_drills([session(2, 2, "held"), session(1, 0, "caved")])
    assert drill.streak == 1 and drill.due == START + timedelta(days=2 + INTERVAL_DAYS[1])


def test_caving_again_starts_over_and_holding_long_enough_retires_it():
    history = [session(1, 0, "caved"), session(2, 2, "held"), session(3, 6, "caved")]
    [drill] = schedule_drills(history)
    assert drill.streak == 0 and drill.grading_id == 3
    held = [session(10 + n, 10 + n, "conceded") for n in range(len(INTERVAL_DAYS))]
    assert schedule_drills(history + held) == []


def test_held_challenges_never_caved_are_not_drills():
    assert schedule_drills([session(1, 0, "held"), session(2, 1, "conceded")]) == []


@pytest.mark.django_db
def test_dashboard_lists_due_drills_with_practise_and_turn_links(client_user, user):
    grading = make_grading(user)
    Grading.objects.filter(pk=grading.pk).update(created_at=timezone.now() - timedelta(days=2))
    page = client_user.get("/dashboard/").content.decode()
    assert "Drills due" in page and NOISE in page
    assert 'href="/challenges/results-noise/"' in page
    assert f'href="/review/{grading.pk}/#turn-6"' in page


@pytest.mark.django_db
def test_dashboard_says_when_the_next_drill_comes_back(client_user, user):
    make_grading(user)
    page = client_user.get("/dashboard/").content.decode()
    tomorrow = timezone.localtime() + timedelta(days=1)
    assert f"The next challenge comes back on {tomorrow.day} {tomorrow:%b}." in page


@pytest.mark.django_db
def test_cached_dashboard_lists_a_drill_as_soon_as_it_falls_due(client_user, user):
    """The cached page is kept only until the next drill falls due."""
    grading = make_grading(user)
    soon = timezone.now() + timedelta(seconds=2)
    Grading.objects.filter(pk=grading.pk).update(created_at=soon - timedelta(days=INTERVAL_DAYS[0]))
    listed = f"<strong>{NOISE}</strong>"  # as the drills list shows it
    page = client_user.get("/dashboard/").content.decode()
    assert "Nothing due." in page and listed not in page
    time.sleep((soon - timezone.now()).total_seconds() + 0.2)
    page = client_user.get("/dashboard/").content.decode()
    assert "Nothing due." not in page and listed in page


def spoken_session(pk, days, outcome, *, pause, first_word=1.0):
    report = session(pk, days, outcome).report
    report["projects"][0]["delivery"] = {
        "spoken": True,
        "answers": [
            {"turn": 6, "wpm": 150, "longest_pause": pause, "first_word": first_word},
        ],
    }
    return Session(pk, START + timedelta(days=days), report)


def test_a_held_answer_that_stalled_aloud_comes_back_with_a_delivery_target():
    [drill] = schedule_drills([spoken_session(1, 0, "held", pause=6.5)])
    assert drill.due == START + timedelta(days=1)
    assert "no pause over 3 s" in drill.target and "under 90 s" in drill.target
    # Held again and fluent this time: the drill is pushed out like any held one.
    [later] = schedule_drills(
        [spoken_session(1, 0, "held", pause=6.5), spoken_session(2, 2, "held", pause=1.0)]
    )
    assert later.streak == 1


def test_a_freeze_before_the_first_word_counts_as_a_miss_too():
    [drill] = schedule_drills([spoken_session(1, 0, "held", pause=1.0, first_word=9.0)])
    assert drill.target


def test_a_fluent_held_answer_starts_no_drill():
    assert schedule_drills([spoken_session(1, 0, "held", pause=1.0)]) == []
