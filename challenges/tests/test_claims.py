"""The claim ledger: each type of claim gets its own question, never one about what it states."""

import pytest

from challenges.claims import ASKS, claim_question, extract_claims
from challenges.personas import BAR_RAISER, PRODUCT, SRE
from challenges.pressure import BAR_RAISER as BAR_RAISER_PRESSURE
from challenges.pressure import WARMUP

RESULTS = "Latency: p95 went from 92 → 74 ms (–18 ms). Watch time rose +3.2% in the A/B test."


def only(sections):
    [claim] = extract_claims(sections)
    return claim


@pytest.mark.parametrize(
    ("section", "text", "template", "asks_about"),
    [
        # an offline comparison: was it fair, or what happened online
        (
            "tradeoffs",
            "The student model lost about 1.5 pp F1 against the teacher.",
            "offline_fair",
            "same held-out data",
        ),
        (
            "tradeoffs",
            "I accepted a 0.3 pp AUC loss from the smaller model because it halved the latency.",
            "offline_price",
            "show up for users",
        ),
        (
            "results",
            "Offline, recall@50 rose from 0.61 to 0.68 on the validation week.",
            "offline_online",
            "online",
        ),
        # an online result: the first thing it has not stated
        (
            "results",
            "Bookings per visitor rose 2.3% after we switched the ranker.",
            "online_control",
            "control group",
        ),
        (
            "results",
            "In an A/B test against control, bookings per visitor rose 2.3%.",
            "online_weeks",
            "how many full weeks",
        ),
        (
            "results",
            "In a two-week A/B test against control, bookings per visitor rose 2.3%.",
            "online_interval",
            "confidence interval",
        ),
        (
            "results",
            "In a two-week A/B test against control, bookings per visitor rose 2.3% "
            "(95% CI 1.1% to 3.5%).",
            "online_holds",
            "got worse",
        ),
        # a constraint or SLO: where it came from, the peak and headroom, a missed deadline
        ("problem", "Scoring had to stay under 15 ms at p99.", "limit_origin", "come from"),
        ("problem", "The service had to absorb 40k requests per second.", "limit_peak", "peak"),
        (
            "problem",
            "Prices had to be published by 06:00 every morning.",
            "limit_missed",
            "misses it",
        ),
        # a cost: per request and per 1k, or the bill behind a saving
        (
            "results",
            "Serving now costs $12,000 a month in GPU time.",
            "cost_per_unit",
            "per 1k requests",
        ),
        (
            "results",
            "We saved $30k a month by moving the batch jobs to spot instances.",
            "cost_counted",
            "which bill",
        ),
        # an incident or count: out of how many, and the trend
        ("results", "Support escalations dropped to 14 incidents a month.", "count_base", "how"),
        # a team or role: what the candidate decided
        (
            "ownership",
            "I was tech lead for 5 engineers.",
            "team_decisions",
            "which decisions did you make",
        ),
        # an outcome said without a figure: by how much
        ("results", "Checkout abandonment went down a lot.", "vague_size", "by how much"),
    ],
)
def test_each_type_of_claim_gets_its_own_question(section, text, template, asks_about):
    claim = only({section: text})

    assert claim.template == template
    assert asks_about in claim.question
    assert claim.question.startswith(f'You said "{claim.quote}"')


def test_a_test_that_names_its_control_and_length_is_never_asked_for_them():
    text = "In a two-week A/B test against control, checkout conversion rose 1.8%."

    question = only({"results": text}).question

    assert "control" not in question.split(":", 1)[1]
    assert "how long" not in question and "weeks did it run" not in question


@pytest.mark.parametrize(
    "text",
    [
        # A comparison group named in words, not as "control".
        "Late deliveries fell from 9% to 6% in the depots we moved, compared with depots that "
        "had not switched yet.",
        # Both measured on the same cases: a shadow run, an audit.
        "In shadow mode the new rule blocked 41% of the bad orders, against 29% for the old one.",
        "Mislabelled parcels fell from 2.2% to 0.6% in the quarterly audit of 3,000 parcels.",
        # A rate that did not exist before.
        "Automatic refunds went from 0% to 58% of all refunds.",
    ],
)
def test_a_comparison_that_needs_no_control_group_is_not_asked_for_one(text):
    assert only({"results": text}).template != "online_control"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Recall on fake reviews reached 81% in the German market.", "in the German market"),
        ("Scroll jank fell from 12% to 3% of frames on one budget phone.", "on one budget phone"),
        ("During the holiday campaign, redemptions rose 6% against control.", "during the"),
        ("Basket size grew 5%, but only in the two northern cities.", "in the two northern cities"),
    ],
)
def test_a_result_read_on_one_slice_is_asked_about_the_rest(text, where):
    claim = only({"results": text})

    assert claim.template == "one_slice"
    assert f"you measured that {where}" in claim.question
    assert "beyond it" in claim.question


@pytest.mark.parametrize(
    "text",
    [
        "Recall on fake reviews reached 81% in each market, the German one included.",
        # the slice named as the one it was not read on
        "Scroll jank fell from 12% to 3% on users' phones in the field, not in the lab.",
        # an arm of the test, not a slice
        "Redemptions rose 6% in the treatment cohort against control over four weeks.",
        # the whole of it
        "Recall on fake reviews reached 81%, the best in the market.",
        # how long, not where
        "Recall on fake reviews reached 81%, measured only for a week.",
    ],
)
def test_a_result_read_beyond_one_slice_is_not_asked_about_one(text):
    assert "one_slice" not in {c.template for c in extract_claims({"results": text})}


@pytest.mark.parametrize(
    "text",
    [
        "p90 cold start of the tablet app fell from 6.2 s to 2.5 s.",
        "The reader app now opens in 1.4 seconds, down from 3.8 seconds.",
        "Time to first frame went from 900 ms to 350 ms on handsets sold in 2019.",
    ],
)
def test_a_wait_on_peoples_own_devices_is_asked_where_it_was_read_not_its_load(text):
    claim = only({"results": text})

    assert claim.template == "client_time"
    assert "at what load" not in claim.question and "control group" not in claim.question
    assert "in the field" in claim.question


def test_a_server_latency_that_mentions_a_device_is_still_asked_about_its_load():
    text = "Login scoring latency fell from 30 ms to 12 ms with the device lookup cached."
    assert only({"results": text}).template == "system_load"


def test_time_people_spend_is_asked_as_an_outcome_not_as_a_bill():
    claim = only({"results": "Nurses now spend 4 minutes per handover, down from 11."})

    assert claim.quote == "Nurses now spend 4 minutes per handover, down from 11"
    assert claim.template == "online_control"
    assert "bill" not in claim.question


def test_money_a_change_is_worth_is_asked_how_it_was_counted_not_which_bill():
    text = "Renewals rose 2.1 points in the test, worth roughly $900k a year."
    [value] = [c for c in extract_claims({"results": text}) if c.claim.type == "cost"]

    assert value.template == "value_counted"
    assert "which bill" not in value.question and "projected" in value.question


def test_a_result_read_at_one_named_site_is_asked_as_a_pilot():
    text = "At the Harbour Road depot, late vans fell from 14% to 6% over ten weeks."
    assert only({"results": text}).template == "online_pilot"


def test_a_bill_beside_another_figure_that_fell_is_not_asked_as_a_saving():
    text = "Triage time fell from 30 to 9 minutes, and the hosted model costs $2,300 a month."
    [bill] = [c for c in extract_claims({"results": text}) if c.claim.type == "cost"]
    assert bill.template == "cost_per_unit"


def test_a_liability_cap_is_a_clause_not_a_limit_set_on_the_project():
    text = "Buyers read each lease to find the liability cap, about 200 leases a month."
    assert "limit_origin" not in {c.template for c in extract_claims({"problem": text})}


@pytest.mark.parametrize(
    "text",
    [
        "Every one of the 52,000 patient files reached the new system with zero data loss.",
        "Not a single order was lost during the switch.",
    ],
)
def test_an_outcome_claimed_as_none_at_all_is_asked_what_check_would_catch_one(text):
    claim = only({"results": text})

    assert claim.template == "absolute_check"
    assert "by how much" not in claim.question and "caught even one" in claim.question


def test_none_at_all_as_a_plan_is_not_a_claim():
    assert not extract_claims({"defense": "Next time I would aim for no downtime at all."})


def test_a_jobs_length_in_minutes_is_not_asked_about_as_a_request_under_load():
    text = "The p95 time to a finished nightly export went from 80 minutes to 25."
    assert only({"results": text}).template != "system_load"


def test_a_throughput_counted_in_the_weeks_after_launch_is_asked_what_else_changed():
    text = "Packing throughput rose from 610 to 880 boxes per hour in the first month after launch."
    claim = only({"results": text})
    assert claim.template == "online_since"
    assert "what else changed" in claim.question


def test_a_latency_in_the_weeks_after_launch_is_still_asked_about_its_load():
    text = "Checkout p99 latency went from 840 ms to 310 ms in the first week after the rollout."
    assert "at what load" in only({"results": text}).question


def test_a_latency_at_a_stated_load_is_asked_what_happens_beyond_it():
    claim = only({"results": "Lookups answer in 9 ms at p99 at 4,000 requests per second."})

    assert claim.template == "system_beyond"
    assert "at what load" not in claim.question and "beyond it" in claim.question


def test_a_latency_that_names_its_percentile_is_not_asked_which_percentile():
    claim = only({"results": "Search answers in 120 ms at p95 since the new index shipped."})

    assert claim.template == "system_where"
    assert "at what load" in claim.question and "percentile" not in claim.question
    assert claim.reason.startswith("Latency or capacity in Results")


@pytest.mark.parametrize(
    "text",
    [
        "Refill orders rose 9% over a five-week A/B test with half of the clinics in each arm.",
        "Basket size grew 4% in an A/B test randomised by store that ran for eight weeks.",
    ],
)
def test_a_test_whose_arms_are_whole_groups_is_asked_how_many_groups_and_if_they_matched(text):
    claim = only({"results": text})
    assert claim.template == "online_clusters"
    assert "how many groups" in claim.question


def test_a_test_randomised_per_user_is_still_asked_for_its_interval():
    text = "Basket size grew 4% in an A/B test over eight weeks with half of users in each arm."
    assert only({"results": text}).template == "online_interval"


def test_the_memory_of_the_device_a_product_runs_on_is_not_data_that_keeps_growing():
    text = "The reader app had to keep working on e-ink tablets with 512 MB of memory."
    claims = extract_claims({"problem": text})
    assert all(claim.template != "limit_growth" for claim in claims)


def test_context_facts_are_not_boasts():
    sections = {
        "problem": "We run 340 stores in 12 countries and sell 9,000 products.",
        "architecture": "The warehouse holds 18 months of orders.",
    }

    assert extract_claims(sections) == []


@pytest.mark.parametrize(
    "text",
    [
        "GPUs were not approved, so serving stayed on 40 CPU hosts.",
        "In hindsight I would have cut latency to 20 ms with a smaller model.",
        "Next quarter we plan to reach 99.9% availability.",
    ],
)
def test_negated_planned_and_hindsight_claims_get_no_question(text):
    assert [c for c in extract_claims({"results": text}) if c.section == "results"] == []


def test_a_quote_is_the_whole_phrase():
    text = (
        "Agents spent about 6 minutes per invoice and the error rate was 2.1% before the "
        "change; after it, the time per invoice fell from 6 minutes to 2 minutes for every "
        "one of the twelve regional accounts payable teams that we onboarded during the pilot."
    )

    quotes = [claim.quote for claim in extract_claims({"results": text})]

    assert quotes
    assert all("minutes per invoice" not in q or "6 minutes per invoice" in q for q in quotes)
    for quote in quotes:
        last = quote.rstrip("…").split()[-1].lower()
        assert last not in {"the", "a", "of", "against", "with", "to", "and"}, quote


def test_a_bare_figure_restating_its_neighbour_is_not_a_claim_of_its_own():
    text = "Order value in May was $48.20 against $43.10 in April, +11.8%."

    quotes = [claim.quote for claim in extract_claims({"results": text})]

    assert "+11.8%" not in quotes


def test_extract_claims_puts_outcomes_before_limits():
    claims = extract_claims({"problem": "Ranking had to stay under 80 ms p95.", "results": RESULTS})

    assert claims[0].section == "results"
    assert claims[-1].section == "problem"


def test_claim_question_sharpens_with_pressure():
    claim = only({"ownership": "I led a team of 6 engineers."})

    gentle = claim_question(claim, pressure=WARMUP)
    sharp = claim_question(claim, pressure=BAR_RAISER_PRESSURE)

    assert gentle.startswith('You mentioned "I led a team of 6 engineers"')
    assert "not convinced" in sharp
    assert claim.persona == BAR_RAISER


def test_who_asks_follows_the_type():
    latency = only({"problem": "Scoring had to stay under 15 ms at p99."})
    cost = only({"results": "Serving now costs $12,000 a month in GPU time."})

    assert latency.persona == SRE
    assert cost.persona == PRODUCT


def test_claim_slug_is_stable_and_names_the_section():
    first = extract_claims({"results": RESULTS})
    again = extract_claims({"results": RESULTS})

    assert [c.slug for c in first] == [c.slug for c in again]
    assert all(c.slug.startswith("claim-results-") for c in first)


def test_extract_claims_reads_answers_too_and_counts_a_repeated_claim_once():
    sections = {"results": RESULTS}
    answers = {"results": RESULTS, "defense": "Since the launch, refunds fell 12%."}

    claims = extract_claims(sections, answers)
    quotes = [claim.quote for claim in claims]

    assert len(quotes) == len(set(quotes))
    assert any(claim.section == "defense" for claim in claims)


def test_every_template_has_key_points_and_a_question_ending():
    for ask in ASKS.values():
        assert 2 <= len(ask.points) <= 4
        assert ask.tail.endswith("?")


def test_claim_ledger_template_shows_type_quote_and_question_escaped():
    from django.template.loader import render_to_string

    claims = extract_claims({"results": "<b>p95</b> went from 92 → 74 ms at 3k QPS."})

    html = render_to_string("challenges/claim_ledger.html", {"claims": claims})

    assert "92 → 74 ms" in html
    assert "Latency or capacity" in html
    assert "<b>" not in html and "&lt;b&gt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "Once bookings went through the row lock, double-booked rooms fell from 37 to 0 over "
        "the summer.",
        "With the idempotency key in place, duplicate payouts went from 58 a month to 0.",
    ],
)
def test_a_failure_designed_out_is_asked_what_keeps_it_out_not_for_a_control(text):
    claim = only({"results": text})

    assert claim.template == "online_impossible"
    assert "slipped through" in claim.question
    assert "control group" not in claim.question


@pytest.mark.parametrize(
    "text",
    [
        "The weekly export went from 25 minutes to 40 minutes, which we accepted to keep a "
        "single writer.",
        "Search time went from 3 s to 5 s, a price we paid in exchange for exact totals.",
    ],
)
def test_a_cost_paid_on_purpose_is_asked_what_it_bought_and_where_it_stops(text):
    claim = only({"results": text})

    assert claim.template == "online_price"
    assert "worth paying" in claim.question
    assert "control group" not in claim.question


def test_the_price_words_belong_to_the_figure_right_before_them():
    sections = {
        "results": "Sign-ups rose 6% in the A/B test, and page weight went from 1.1 MB to "
        "1.4 MB, which we accepted for the richer preview."
    }

    templates = {claim.quote: claim.template for claim in extract_claims(sections)}

    assert "online_price" not in [t for q, t in templates.items() if "Sign-ups" in q]


def test_a_replay_over_past_experiments_is_asked_how_it_held_live_not_for_its_weeks():
    claim = only(
        {
            "results": "Re-running the new estimator on 120 past experiments cut the metric's "
            "variance by 33%."
        }
    )

    assert claim.template == "replay_live"
    assert "live" in claim.question


@pytest.mark.parametrize(
    "text",
    [
        "Across 150 A/A tests the false positive rate held at 5.1%.",
        "Across 200 A/A tests, false alarms stayed at 4.9%, against 5.3% before.",
    ],
)
def test_an_a_a_check_on_the_method_is_evidence_not_a_result_to_doubt(text):
    assert extract_claims({"defense": text}) == []


def test_two_named_months_set_side_by_side_are_asked_what_else_changed_between_them():
    claim = only({"results": "Chargebacks fell from 1.2% in March to 0.7% in June."})

    assert claim.template == "online_since"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Stockouts dropped from 420 in February to 95 in May.", "those months"),
        ("Refund requests fell from 9.4% to 6.1% over the past three months.", "those months"),
        (
            "Support tickets fell from 180 to 120 a day in the first ten days after launch.",
            "those days",
        ),
        ("Weekly churn fell from 3.1% to 2.6% since the launch.", "those weeks"),
    ],
)
def test_a_before_and_after_is_asked_about_the_span_it_was_read_over(text, period):
    claim = only({"results": text})

    assert claim.template == "online_since"
    assert f"over {period}," in claim.question
