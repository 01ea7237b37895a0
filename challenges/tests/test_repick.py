"""Listening live: `repick` after each answer, and `follow_up` on one answer."""

import pytest

from challenges.bank import BANK, FLAG
from challenges.engine import FOLLOW_UP, Answer, follow_up, pick, repick
from challenges.facets import asked_facets
from challenges.pressure import PRESSURE_KEYS
from challenges.tests.texts import DOUBTFUL, SOLID, WORDS_ONLY_RESULTS

pytestmark = pytest.mark.django_db

BANK_KEY_POINTS = {entry.slug: entry.key_points for entry in BANK}
DOUBTFUL_FIGURE = (
    "To be fair, the new ranker also lifted revenue by 45% in the first week, and the offline "
    "AUC was 0.995."
)
TWO_ALTERNATIVES = (
    "I compared two options: a GRU over the last 50 events and plain logistic regression on "
    "counts. The GRU was 0.4 AUC points better but needed 3x the CPU, so I kept the regression."
)
WITH_INTERVAL = (
    "The lift was 2.1%, with a 95% confidence interval of 1.2% to 3.0%, over a four-week test "
    "against a 10% holdout."
)


def round_for(sections, pressure="standard", seed=1):
    return pick(sections=sections, pressure=pressure, seed=seed)


@pytest.mark.parametrize("pressure", PRESSURE_KEYS)
def test_a_new_doubtful_figure_is_challenged_next_and_the_count_holds(pressure):
    planned = round_for(SOLID, pressure)
    answers = [Answer("results", DOUBTFUL_FIGURE)]

    picks = repick(sections=SOLID, answers=answers, planned=planned, pressure=pressure, seed=1)

    assert len(picks) == len(planned)
    assert picks[0].kind == FOLLOW_UP and picks[0].trigger_kind == FLAG
    assert "45%" in picks[0].question or "0.995" in picks[0].question
    assert picks[0].reason.startswith("Following up on your answer.")


def test_every_red_flag_in_an_answer_is_asked_when_there_is_room():
    planned = round_for(SOLID, "bar_raiser")
    answers = [Answer("results", DOUBTFUL_FIGURE)]

    picks = repick(sections=SOLID, answers=answers, planned=planned, pressure="bar_raiser", seed=1)
    followed = {p.trigger for p in picks if p.kind == FOLLOW_UP}

    assert {"near_perfect_metric", "implausible_lift"} <= followed


def test_a_follow_up_never_asks_for_an_alternative_the_answer_named():
    sections = {**SOLID, "tradeoffs": ""}
    planned = round_for(sections)
    assert any("alternative" in asked_facets(p.question) for p in planned)  # before the answer

    picks = repick(
        sections=sections,
        answers=[Answer("tradeoffs", TWO_ALTERNATIVES)],
        planned=planned,
        pressure="standard",
        seed=1,
    )

    for p in picks:
        assert not asked_facets(p.question) & {"alternative", "comparison"}, p.question
        assert "option you rejected" not in p.question


def test_a_follow_up_never_asks_for_an_interval_the_answer_stated():
    planned = round_for(WORDS_ONLY_RESULTS, "bar_raiser")

    picks = repick(
        sections=WORDS_ONLY_RESULTS,
        answers=[Answer("results", WITH_INTERVAL)],
        planned=planned,
        pressure="bar_raiser",
        seed=1,
    )

    for p in picks:
        assert not asked_facets(p.question) & {"interval", "control", "duration"}, p.question


def test_repick_never_asks_again_what_was_asked():
    planned = round_for(DOUBTFUL, "bar_raiser")
    asked, rest = [planned[0].slug], planned[1:]

    picks = repick(
        sections=DOUBTFUL,
        answers=[Answer("results", "We checked it twice.", slug=asked[0])],
        planned=rest,
        asked=asked,
        pressure="bar_raiser",
        seed=1,
    )

    assert len(picks) == len(rest)
    assert asked[0] not in {p.slug for p in picks}
    # the flag it asked about counts as covered: no second question on the same flag
    assert planned[0].trigger not in {p.trigger for p in picks if p.trigger_kind == FLAG}


def test_an_uneventful_answer_keeps_the_plan():
    planned = round_for(DOUBTFUL)

    picks = repick(
        sections=DOUBTFUL,
        answers=[Answer("ownership", "I built the features and chose the evaluation myself.")],
        planned=planned,
        pressure="standard",
        seed=1,
    )

    assert [p.slug for p in picks] == [p.slug for p in planned]
    assert not any(p.kind == FOLLOW_UP for p in picks)


def test_keep_sections_puts_each_pick_where_the_planned_one_was():
    planned = round_for(SOLID, "bar_raiser")

    picks = repick(
        sections=SOLID,
        answers=[Answer("results", DOUBTFUL_FIGURE)],
        planned=planned,
        pressure="bar_raiser",
        seed=1,
        keep_sections=True,
    )

    assert [p.section for p in picks] == [p.section for p in planned]
    assert any(p.kind == FOLLOW_UP for p in picks if p.section == "results")


def test_repick_with_nothing_planned_adds_nothing():
    picks = repick(
        sections=SOLID,
        answers=[Answer("results", DOUBTFUL_FIGURE)],
        planned=[],
        pressure="standard",
        seed=1,
    )

    assert picks == []


def test_follow_up_asks_for_the_missing_number():
    result = follow_up(section="results", answer="It got a lot better for everyone.")

    assert result.kind == FOLLOW_UP
    assert result.section == "results"
    assert result.reason == "Your Results has no number with a unit"
    assert result.key_points == BANK_KEY_POINTS[result.slug]


def test_follow_up_asks_for_first_person_ownership():
    result = follow_up(section="ownership", answer="We built the pipeline and we shipped it.")

    assert "'we'" in result.reason


def test_follow_up_challenges_a_doubtful_figure_first():
    result = follow_up(section="results", answer=DOUBTFUL_FIGURE)

    assert result.trigger_kind == FLAG and result.trigger in (
        "near_perfect_metric",
        "implausible_lift",
    )


def test_follow_up_probes_the_claim_of_a_complete_answer():
    answer = "p95 latency went from 92 → 74 ms in a two-week A/B test, significant at p < 0.01."

    result = follow_up(section="results", answer=answer)

    assert result.kind == FOLLOW_UP
    assert '"p95 latency went from 92 → 74 ms' in result.question
    assert not asked_facets(result.question) & {"control", "duration", "interval"}


def test_follow_up_never_contradicts_the_answer():
    result = follow_up(section="tradeoffs", answer=TWO_ALTERNATIVES)

    assert result is None or not asked_facets(result.question) & {"alternative", "comparison"}


def test_follow_up_is_none_when_nothing_lacks_or_stands_out():
    answer = "Events flow from the app into a queue and then to the scorer, because it is simple."

    assert follow_up(section="architecture", answer=answer) is None


def test_a_gap_asked_once_is_not_asked_again_in_other_words():
    planned = round_for(WORDS_ONLY_RESULTS, "bar_raiser")
    gap = next(p for p in planned if p.trigger == "no_numbers")

    picks = repick(
        sections=WORDS_ONLY_RESULTS,
        answers=[Answer("results", "It really did get better.", slug=gap.slug)],
        planned=[p for p in planned if p is not gap],
        asked=[gap.slug],
        pressure="bar_raiser",
        seed=1,
    )

    assert "no_numbers" not in {p.trigger for p in picks}
