"""Feedback a candidate can act on: it quotes them, names what is missing, and never contradicts
the label beside it or says the same thing twice."""

import pytest

from scoring.graders import grade_transcript
from scoring.reports import build_review
from scoring.rubric import DESCRIPTORS
from scoring.tests import calibration as c


def _section(key, answer):
    transcript = c.transcript(
        {"title": "Store replenishment forecast", "turns": [c.prompt(key, answer)]}
    )
    report = grade_transcript(transcript)
    return report["projects"][0]["sections"][key], build_review(transcript, report)


@pytest.mark.parametrize(
    ("key", "answer", "quoted", "asks"),
    [
        (
            "results",
            "The planners were much happier and stockouts went down a lot after the launch.",
            "planners were much happier",
            "put a number on it",
        ),
        (
            "results",
            "Stockouts are now 2.1% of store-days and waste is 4% of fresh stock.",
            "2.1%",
            "without a baseline",
        ),
        (
            "ownership",
            "We rebuilt the forecast and we moved it to the new scheduler as a team.",
            "We rebuilt the forecast",
            "decisions were yours",
        ),
        (
            "tradeoffs",
            "We also considered Prophet per store for this.",
            "considered Prophet",
            "not why it lost",
        ),
        (
            "problem",
            "Stores ran out of milk on Mondays and the latency was tight for the nightly job.",
            "latency was tight",
            "give the number",
        ),
    ],
)
def test_advice_quotes_what_the_candidate_said_and_names_what_is_missing(key, answer, quoted, asks):
    section, _ = _section(key, answer)
    first = section["advice"][0]
    assert quoted in first and asks in first, section["advice"]


def test_no_example_from_another_domain_is_offered():
    _, review = _section("results", "Stockouts went down a lot after the launch.")
    [section] = [s for s in review.projects[0].sections if s.key == "results"]
    words = " ".join(section.advice + [section.descriptor, section.exemplary or ""])
    assert "watch time" not in words and "feed" not in words


def test_a_label_and_its_advice_never_contradict():
    # A priced trade-off with no named alternative: the label must not claim one was named.
    section, review = _section(
        "tradeoffs", "Quantising cost us about 0.1 pp of accuracy but saved 12% of compute."
    )
    [view] = [s for s in review.projects[0].sections if s.key == "tradeoffs"]
    assert view.descriptor == DESCRIPTORS["tradeoffs"][1]  # "…with no named alternative."
    assert not any("not why it lost" in line for line in view.advice)


def test_nothing_is_said_twice():
    section, review = _section(
        "results",
        "It was better. It was better for everyone. Honestly it was just better overall.",
    )
    [view] = [s for s in review.projects[0].sections if s.key == "results"]
    lines = [view.descriptor, *view.advice]
    assert len(lines) == len(set(lines))


def test_a_cave_fix_names_the_missing_point_once_as_a_sentence():
    from scoring.graders.feedback import cave_fix
    from scoring.graders.pushback import judge
    from scoring.transcript import Turn

    point = "The cost per request, in dollars"
    off_topic = judge(
        Turn(
            index=7,
            section="architecture",
            kind="challenge",
            question="What does each prediction cost at today's volume?",
            answer="We picked a two-tower retrieval model with 256-dimensional embeddings.",
            seconds=40,
            key_points=(point,),
        )
    ).as_dict()
    fix = cave_fix(off_topic)
    assert off_topic["outcome"] == "caved" and "does not take up" in fix
    assert fix.count(point) == 1 and fix.endswith(f"{point}.")
    vague = {**off_topic, "reason": "Talks around it without a figure."}
    assert cave_fix(vague).endswith(f"A strong answer brings: {point}.")
