"""The claim reader: whole phrases, their type, their status and what they already state."""

import pytest

from scoring.claims import (
    BUILT,
    CONSTRAINT,
    CONTEXT,
    COST,
    HINDSIGHT,
    NEGATED,
    OFFLINE,
    ONLINE,
    PLANNED,
    TEAM,
    read_claims,
    status_at,
)


def _claims(text, section=""):
    return read_claims(text, section)


@pytest.mark.parametrize(
    ("section", "text", "kind"),
    [
        ("tradeoffs", "The student model lost ~1.5 pp F1 against the teacher.", OFFLINE),
        ("results", "In a two-week A/B test, bookings rose 2.3% against control.", ONLINE),
        ("problem", "Scoring had to stay under 15 ms at p99.", CONSTRAINT),
        # A limit said as what the change must not do.
        ("problem", "We wanted faster releases without letting crash rates pass 0.2%.", CONSTRAINT),
        ("problem", "The warehouse ships from 340 stores.", CONTEXT),
        # A cut-over is an operation, not a cut: how long it took is a fact, not an outcome.
        ("results", "The database cut-over took 6 hours on a Saturday night.", CONTEXT),
        ("results", "Serving cost dropped to $0.40 per 1k requests.", COST),
        ("ownership", "I was tech lead for 5 engineers.", TEAM),
    ],
)
def test_each_claim_has_its_type(section, text, kind):
    [claim] = _claims(text, section)
    assert claim.type == kind


def test_every_limit_in_a_list_is_its_own_claim():
    text = (
        "Each night we produce 2.4M price updates, inside a 40-minute window, for under "
        "$3,000 a month, and they must be live by 06:00."
    )
    limits = [c for c in _claims(text, "problem") if c.type in (CONSTRAINT, COST)]
    assert len(limits) == 4


def test_a_phrase_keeps_its_whole_figure_and_stops_at_word_boundaries():
    [first, *_] = _claims("Agents spent about 6 minutes per ticket and the error rate was 2.1%.")
    assert first.phrase.startswith("Agents spent about 6 minutes")
    text = (
        "After a long quarter of tuning the retrieval stage on the largest region we finally "
        "saw the cache hit rate climb from 61% to 83% across every shard that we operate."
    )
    [claim] = _claims(text, "results")
    assert "61% to 83%" in claim.phrase
    assert claim.phrase.endswith("…") or claim.phrase.endswith("operate")
    assert claim.phrase.strip("…") in text


def test_the_figure_it_started_from_after_a_comma_belongs_to_the_claim():
    [claim] = _claims("Daily active tutors climbed to 1,240, up from 980, by the autumn term.")
    assert claim.phrase == "Daily active tutors climbed to 1,240, up from 980"
    assert claim.change and len(claim.values) == 2
    # A score out of a scale keeps its starting point too, and is a change, not a range.
    [score, *_] = _claims("Shift leads rated the planner 3.9 out of 5, down from 4.4.", "results")
    assert score.phrase.endswith("3.9 out of 5, down from 4.4")
    assert score.change
    # ...and so does a time with its percentile in between.
    [start] = _claims("The editor now opens in 2.3 seconds at p75, down from 6 seconds.", "results")
    assert start.phrase.endswith("at p75, down from 6 seconds")
    # The starting figure may leave its unit to the first.
    [build] = _claims("A clean build now takes 9 minutes, down from 35.", "results")
    assert build.phrase.endswith("9 minutes, down from 35")


def test_what_a_claim_states_is_known():
    [claim] = _claims(
        "In a four-week A/B test on 10% of users, churn fell from 4.1% to 3.6% (p < 0.01).",
        "results",
    )
    assert {"control", "duration", "interval", "baseline", "sample"} <= claim.stated
    assert claim.change


def test_an_interval_is_not_a_claim_of_its_own():
    claims = _claims(
        "Watch time rose 3.1%, and the 95% confidence interval was +2.2% to +4.0%.", "results"
    )
    assert [c.values[0].text for c in claims] == ["3.1%"]


@pytest.mark.parametrize(
    ("text", "thing", "status"),
    [
        ("GPUs were not approved, so we stayed on CPU.", "GPUs", NEGATED),
        ("In hindsight I would have used a bandit for placement.", "bandit", HINDSIGHT),
        ("Next quarter we plan to add a two-tower retriever.", "two-tower", PLANNED),
        ("We served the ranker on GPUs behind a two-tower retriever.", "two-tower", BUILT),
        ("We chose LightGBM rather than a transformer.", "transformer", NEGATED),
    ],
)
def test_a_named_thing_is_known_to_be_built_or_not(text, thing, status):
    start = text.index(thing)
    assert status_at(text, start, start + len(thing)) == status


def test_spoken_figures_make_the_same_claims_as_written_ones():
    written = _claims("p99 had to stay under 20 ms at 50k QPS.", "problem")
    spoken = _claims(
        "um, p ninety-nine had to stay under twenty milliseconds at fifty thousand QPS.", "problem"
    )
    assert [(c.type, c.values[0].value) for c in written] == [
        (c.type, c.values[0].value) for c in spoken
    ]


@pytest.mark.parametrize(
    ("text", "is_cost"),
    [
        # "cost" as a verb with a price paid in another unit is not a money claim ...
        ("Dropping the rerank stage cost us 2 points of NDCG.", False),
        ("The extra hop cost 14 ms at p99.", False),
        # ... while money, or a share of a bill, is.
        ("The managed service would cost $6,500 a month.", True),
        ("Labelling cost 30% more than planned.", True),
        # An amount in thousands or millions said without its currency is still money.
        ("The old cluster cost us, uh, about six hundred K a year.", True),
        ("Egress was costing around 2.4 million a quarter.", True),
    ],
)
def test_a_price_paid_in_quality_or_time_is_not_a_cost_claim(text, is_cost):
    assert any(c.type == COST for c in _claims(text, "tradeoffs")) == is_cost


@pytest.mark.parametrize(
    ("text", "is_cost"),
    [
        # what customers spend is their behaviour, an outcome like revenue ...
        ("Once the bundles went live, the spread of spend per subscriber narrowed by 18%.", False),
        ("Guests' spend climbed 6% over the four-week pilot.", False),
        # ... while the project's own spend, even counted per customer, is its bill.
        ("Our storage spend dropped 25% after the archive tier landed.", True),
        ("Our spend per customer on SMS fell from $0.12 to $0.07.", True),
    ],
)
def test_what_customers_spend_is_an_outcome_not_a_cost(text, is_cost):
    assert any(c.type == COST for c in _claims(text, "results")) == is_cost


def test_an_arms_share_of_its_population_is_how_the_test_ran_not_an_outcome():
    text = "In a four-week A/B test, 30% of returning shoppers were assigned to the new ranking."
    assert not [c for c in _claims(text, "results") if c.type in (ONLINE, OFFLINE)]
