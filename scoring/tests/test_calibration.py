"""The calibration set (GRADING.md "How to know it works"), run through the heuristic grader."""

from statistics import mean

import pytest

from scoring.framework import SECTION_KEYS
from scoring.graders import grade_transcript
from scoring.tests import calibration as c


def graded(project):
    return grade_transcript(c.transcript(project))["projects"][0]


def scores(project):
    return {key: section["score"] for key, section in graded(project)["sections"].items()}


@pytest.mark.parametrize("project", c.STRONG_PROJECTS, ids=lambda p: p["title"])
@pytest.mark.parametrize("section", SECTION_KEYS)
def test_degrading_one_section_drops_only_that_section(project, section):
    strong = scores(project)
    degraded = scores(c.degrade(project, section))
    assert strong[section] - degraded[section] >= 1
    others = [abs(strong[k] - degraded[k]) for k in SECTION_KEYS if k != section]
    assert mean(others) <= 0.5


def test_strong_beats_medium_beats_weak():
    assert graded(c.FEED)["overall"] > graded(c.MEDIUM_FEED)["overall"]
    assert graded(c.MEDIUM_FEED)["overall"] > graded(c.WEAK_FEED)["overall"]


def test_keyword_stuffing_scores_below_medium():
    assert graded(c.STUFFED_FEED)["overall"] < graded(c.MEDIUM_FEED)["overall"]
    assert max(scores(c.STUFFED_FEED).values()) <= 1


@pytest.mark.parametrize("project", c.STRONG_PROJECTS, ids=lambda p: p["title"])
def test_padding_never_scores_above_the_original(project):
    strong, padded = graded(project), graded(c.padded(project))
    assert padded["overall"] <= strong["overall"]
    for key in SECTION_KEYS:
        assert padded["sections"][key]["score"] <= strong["sections"][key]["score"]


def test_strong_transcript_scores_high_with_evidence_everywhere():
    project = graded(c.FEED)
    assert project["overall"] >= 85
    for section in project["sections"].values():
        assert section["evidence"], section


def test_weak_transcript_never_scores_above_vague():
    assert max(scores(c.WEAK_FEED).values()) <= 1


def _ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2  # ties share their mean rank
        i = j + 1
    return ranks


def _spearman(xs, ys):
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = mean(rx), mean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy)


def _challenged(project, key):
    return any(t["kind"] == "challenge" and t["section"] == key for t in project["turns"])


def test_overall_ranks_the_calibration_set_as_intended():
    """Rank agreement, not percent agreement (GRADING.md): the order we wrote them in."""
    intended, graded_overall = [], []
    variants = [
        (5, c.FEED),
        (5, c.TOXICITY),
        (3, c.MEDIUM_FEED),
        (1, c.WEAK_FEED),
        (1, c.STUFFED_FEED),
        (4, c.padded(c.FEED)),
        (4, c.padded(c.TOXICITY)),
    ]
    # Degrading a section that was challenged also empties the answer to its challenge: that
    # is a cave, which costs more than one weak section (pushback is a quarter of the overall).
    variants += [
        (3 if _challenged(p, key) else 4, c.degrade(p, key))
        for p in c.STRONG_PROJECTS
        for key in SECTION_KEYS
    ]
    for quality, project in variants:
        intended.append(quality)
        graded_overall.append(graded(project)["overall"])
    # Two human raters reach about 0.77 (quadratic kappa, ASAP essays); we ask for more on our
    # own set. Ties within a quality level (padded vs. one section degraded) cost a little.
    assert _spearman(intended, graded_overall) >= 0.85
