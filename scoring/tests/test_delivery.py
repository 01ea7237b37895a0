"""Spoken delivery: fillers counted as a listener hears them, timings checked, figures right."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.delivery import answer_delivery, check_timing, round_pace, spoken_delivery
from scoring.graders import grade_transcript
from scoring.graders.text import words
from scoring.tests import calibration as c


def _fillers(text):
    return answer_delivery(
        turn=0, kind="prompt", answer=text, raw_timing=None, seconds=None
    ).fillers


@pytest.mark.parametrize(
    ("text", "fillers"),
    [
        ("Um, we picked, like, a model like XGBoost.", ["Um", "like"]),
        ("It was like forty milliseconds, you know.", ["like", "you know"]),
        ("So, the ranker was slow. We fixed it so it fits.", ["So"]),
        ("Right, the p99 was right on the budget.", ["Right"]),
        ("It basically, uh, sort of halved the cost.", ["basically", "uh", "sort of"]),
        ("The kind of model we liked was the one we kept.", []),
        ("It looked like the old system, so we kept it.", []),
    ],
)
def test_fillers_are_counted_as_a_listener_hears_them(text, fillers):
    assert [f.strip(", ") for f in _fillers(text)] == fillers


def test_figures_of_a_timed_answer():
    answer = "Um, the p99 fell from 40 to 25 milliseconds, and, uh, the cost fell by half."
    phrases = [[2.0, 4.0], [4.2, 6.0], [10.0, 11.0]]
    result = answer_delivery(
        turn=3, kind="challenge", answer=answer, raw_timing=phrases, seconds=20
    ).as_dict()
    assert result["first_word"] == 2.0
    assert result["pauses_over_3s"] == 1 and result["longest_pause"] == 4.0
    assert result["fillers"] == 2 and result["filler_words"] == ["Um", "uh"]
    assert result["wpm"] == round(len(words(answer)) / (9 / 60))
    assert result["seconds"] == 9.0


@pytest.mark.parametrize(
    "raw",
    [
        [[-1, 2]],
        [[3, 2]],
        [[0, 2], [1, 3]],
        [[0, 500]],
        [["a", "b"]],
        [[0, float("inf")]],
        [[0, 1, 2]],
        [None],
        [True, False],
    ],
)
def test_impossible_timings_are_dropped_with_a_note(raw):
    timing, notes = check_timing(raw, 60)
    assert timing is None or all(0 <= s <= e <= 61 for s, e in timing.phrases)
    assert notes and "could not be true" in notes[0]


@pytest.mark.parametrize("raw", ["nonsense", {"a": 1}, 42, [[0, 1]] * 5000])
def test_a_payload_that_is_not_timings_is_ignored(raw):
    timing, notes = check_timing(raw, 60)
    assert timing is None and notes


@settings(max_examples=80, deadline=None)
@given(
    raw=st.recursive(st.none() | st.integers() | st.floats() | st.text(), st.lists, max_leaves=30)
)
def test_any_timing_payload_grades_without_crashing(raw):
    turn = c.prompt("results", "Um, p95 fell from 92 ms to 74 ms in a two-week A/B test.")
    turn["timing"] = raw
    report = grade_transcript(
        {**c.transcript({"title": "Spoken", "turns": [turn]}), "answer_mode": "spoken"}
    )
    assert 0 <= report["projects"][0]["delivery"]["score"] <= 4


def _timed(kind, start, wpm, fillers=0, seconds=20):
    text = " ".join(["um"] * fillers + ["word"] * 40)
    duration = 40 / wpm * 60
    return answer_delivery(
        turn=0, kind=kind, answer=text, raw_timing=[[start, start + duration]], seconds=300
    )


def test_a_steady_answer_scores_well_and_a_rushed_filler_heavy_one_low():
    steady = spoken_delivery([_timed("prompt", 1.0, 150), _timed("challenge", 1.5, 150)])
    rushed = spoken_delivery(
        [_timed("prompt", 1.0, 230, fillers=12), _timed("challenge", 9.0, 230)]
    )
    assert steady["score"] == 4 and steady["habit"] == ""
    assert rushed["score"] <= 1.5
    assert rushed["habit"]


def test_a_long_freeze_after_pushback_is_the_habit_to_fix():
    frozen = spoken_delivery([_timed("prompt", 1.0, 150), _timed("challenge", 12.0, 150)])
    assert frozen["score"] <= 2
    assert "After pushback you took 12.0 s" in frozen["habit"]


def test_typed_rounds_keep_the_time_and_words_measure():
    transcript = c.transcript(c.FEED)
    report = grade_transcript(transcript)
    assert report["projects"][0]["delivery"]["spoken"] is False
    assert report["projects"][0]["delivery"]["seconds_used"] == 240


def test_the_review_shows_how_each_answer_was_said_with_fillers_marked():
    from scoring.reports import build_review, review_markdown

    turn = c.prompt("results", "Um, p95 fell from 92 ms to 74 ms, uh, in a two-week A/B test.")
    turn["timing"] = [[1.0, 3.0], [7.5, 9.0]]
    transcript = {**c.transcript({"title": "Spoken", "turns": [turn]}), "answer_mode": "spoken"}
    report = grade_transcript(transcript)
    figures = report["projects"][0]["delivery"]["answers"][0]
    assert figures["fillers"] == 2 and figures["longest_pause"] == 4.5
    review = build_review(transcript, report)
    [view] = review.turns
    assert [s.text for s in view.segments if s.filler] == ["Um", "uh"]
    assert view.spoken["wpm"] == figures["wpm"]
    assert "2 fillers, longest pause 4.5 s, first word after 1.0 s" in review_markdown(
        review, title="Spoken"
    )


def test_a_rounds_pace_weighs_each_answer_by_its_speaking_time():
    def spoken(*answers):
        return {
            "spoken": True,
            "answers": [dict(zip(("wpm", "seconds", "fillers"), a, strict=True)) for a in answers],
        }

    # 3 minutes at 120 wpm and 1 minute at 200 wpm: 560 words in 4 minutes; 6 fillers.
    pace = round_pace([spoken((120, 180, 4)), spoken((200, 60, 2)), None])
    assert pace == {"wpm": 140, "fillers_per_minute": 1.5}
    typed = {"spoken": False, "answers": [{"wpm": None, "seconds": None, "fillers": 3}]}
    assert round_pace([typed]) is None


def test_the_dashboard_summary_carries_a_spoken_rounds_pace():
    from scoring.summary import summarize

    turn = c.prompt("results", "Um, p95 fell from 92 ms to 74 ms, uh, in a two-week A/B test.")
    turn["timing"] = [[1.0, 3.0], [7.5, 9.0]]
    transcript = {**c.transcript({"title": "Spoken", "turns": [turn]}), "answer_mode": "spoken"}
    pace = summarize(grade_transcript(transcript), transcript)["delivery"]
    assert pace["fillers_per_minute"] == round(2 / 8 * 60, 1)
    assert (
        summarize(grade_transcript(c.transcript(c.FEED)), c.transcript(c.FEED))["delivery"] is None
    )
