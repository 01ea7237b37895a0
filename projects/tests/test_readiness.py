"""Readiness hints, read through the project bank (the detectors have their own unit tests)."""

import pytest

from projects.examples import EXAMPLE_PROJECTS
from projects.readiness import check_readiness


def _section(key: str, text: str):
    readiness = check_readiness({key: text})
    return next(section for section in readiness.sections if section.key == key)


# (section, text that lacks it, text that has it, words of the hint)
HINT_CASES = [
    (
        "results",
        "Things got a lot better after the launch and people liked it.",
        "p95 latency dropped from 92 ms to 74 ms in an A/B test (p < 0.01).",
        "put a number on it",
    ),
    (
        "results",
        "p95 latency is 74 ms and serving costs $3 per 1k requests.",
        "p95 latency went from 92 ms to 74 ms in an A/B test (p < 0.01).",
        "without a baseline",
    ),
    (
        "results",
        "p95 latency went from 92 ms to 74 ms after the launch.",
        "p95 latency went from 92 ms to 74 ms in a two-week A/B test.",
        "not how you know",
    ),
    (
        "results",
        "p95 latency went from 92 ms to 74 ms in a two-week A/B test.",
        "p95 latency went from 92 ms to 74 ms in a two-week A/B test (p < 0.01).",
        "no sense of noise",
    ),
    (
        "ownership",
        "We built the ranking service and we shipped it together as a team.",
        "I chose the ranking model and led the rollout with two other teams.",
        "decisions were yours",
    ),
    (
        "problem",
        "The feed was boring and users were leaving the app too early.",
        "The feed was stale; ranking had to stay under 80 ms p95 at 120k QPS.",
        "no hard limit",
    ),
    (
        "tradeoffs",
        "This was the obvious choice and it worked well for the team overall.",
        "We considered XGBoost, but it trailed by 0.8 pp AUC on the same data.",
        "no alternative",
    ),
    (
        "tradeoffs",
        "We considered XGBoost as well as a few other things for the ranker.",
        "We considered XGBoost, but it trailed by 0.8 pp AUC on the same data.",
        "not why it lost",
    ),
    (
        "architecture",
        "A two-tower retriever, a DLRM ranker and an MMR re-ranker, on GPUs, because of cost.",
        "Events flow from Kafka into the feature store, then to a DLRM ranker, because of cost.",
        "how data flows",
    ),
    (
        "architecture",
        "Events flow from Kafka into the feature store, then to a DLRM ranker on GPUs.",
        "Events flow from Kafka into the feature store, then to a DLRM ranker because it fits "
        "the 50 ms budget.",
        "without saying why",
    ),
    (
        "defense",
        "I still think it was right and I would do it again the same way.",
        "A transformer added 25 ms p95; in hindsight I would calibrate scores earlier.",
        "an opinion",
    ),
    (
        "defense",
        "A transformer added 25 ms at p95 and 22% more compute for a 0.2% gain.",
        "A transformer added 25 ms p95; in hindsight I would calibrate scores earlier.",
        "hindsight",
    ),
]


@pytest.mark.parametrize(("key", "weak", "strong", "hint"), HINT_CASES)
def test_readiness_hint_shown_when_missing_and_gone_when_present(key, weak, strong, hint):
    assert any(hint in text for text in _section(key, weak).hints), _section(key, weak).hints
    assert not any(hint in text for text in _section(key, strong).hints)


def test_readiness_empty_section_is_missing():
    section = _section("results", "  ")
    assert section.status == "missing"
    assert section.status_label == "Missing"


@pytest.mark.parametrize(
    ("key", "text", "status"),
    [
        ("results", "Latency improved a lot for every user.", "thin"),
        ("results", "p95 fell from 92 ms to 74 ms in a two-week A/B test.", "ready"),
        # Notes in the terse style of a resume are read for what they say.
        ("ownership", "Tech lead for 4 engineers. Owned model design and the rollout.", "ready"),
        ("ownership", "I attended the design reviews and wrote the meeting notes.", "thin"),
        (
            "defense",
            "Added 25 ms p95 for 0.2% watch time. Hindsight: would calibrate earlier.",
            "ready",
        ),
    ],
)
def test_ready_means_the_grader_would_give_at_least_three(key, text, status):
    assert _section(key, text).status == status


def test_terse_notes_are_not_told_they_lack_what_they_say():
    ownership = _section("ownership", "Tech lead for 4 engineers. Owned model design.")
    defense = _section("defense", "Hindsight: would invest earlier in calibrated scores.")
    assert not any("decisions were yours" in hint for hint in ownership.hints)
    assert not any("hindsight" in hint for hint in defense.hints)


def test_a_claim_an_interviewer_would_not_believe_is_flagged_before_the_round():
    readiness = check_readiness(
        {
            "problem": "About 0.8% of payments are fraudulent.",
            "results": "Accuracy went from 80% to 99.9% on the held-out month.",
        }
    )
    [doubt] = readiness.doubts
    assert doubt.rule == "rare_class_accuracy" and doubt.section == "results"
    assert "99.9%" in doubt.quote
    results = next(s for s in readiness.sections if s.key == "results")
    assert results.status == "thin"


def test_readiness_blocking_gap_makes_section_thin_and_fix_makes_it_ready():
    assert _section("ownership", "We built the ranking service together.").status == "thin"
    assert _section("ownership", "I chose the ranking model and led the rollout.").status == (
        "ready"
    )


def test_readiness_score_counts_ready_and_thin_sections():
    assert check_readiness({}).score == 0
    half = check_readiness({"ownership": "We built the ranking service together."})
    assert half.score == round(100 * 0.5 / 6)
    example = EXAMPLE_PROJECTS[0]
    assert check_readiness(example["sections"], example["metrics"]).score == 100


def test_readiness_flags_metric_rows_and_prose_whose_change_is_wrong():
    readiness = check_readiness(
        {"results": "Cost went 100 → 112 (+15%)."},
        [{"name": "p95", "before": "92", "after": "74", "unit": "ms", "note": "–20 ms"}],
    )
    messages = [issue.message for issue in readiness.metric_issues]
    assert messages == [
        "p95, 92 → 74 ms: you quote –20 ms, but the arithmetic gives −18 ms (−19.6%).",
        "100 → 112: you quote +15%, but the arithmetic gives +12 (+12%).",
    ]


@pytest.mark.parametrize("example", EXAMPLE_PROJECTS, ids=lambda e: e["title"][:20])
def test_example_projects_are_ready_and_their_numbers_add_up(example):
    readiness = check_readiness(example["sections"], example["metrics"])
    assert [s.key for s in readiness.sections if s.status != "ready"] == []
    assert readiness.metric_issues == ()
