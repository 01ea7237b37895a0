"""Plausibility rules: what a senior interviewer would not believe, and what they would."""

import pytest

from scoring.plausibility import AMBER, FLAG_KEYS, RED, RULES, Passage, find_flags, section_flags


def _rules(sections):
    return {flag.rule for flag in section_flags(sections)}


@pytest.mark.parametrize(
    ("sections", "rule"),
    [
        (
            {"results": "The churn model reached an AUC of 0.99 on the holdout."},
            "near_perfect_metric",
        ),
        (
            {"results": "It catches every scam: 100% recall and zero false positives."},
            "near_perfect_metric",
        ),
        (
            {
                "problem": "Only 0.6% of transactions are fraudulent.",
                "results": "Accuracy went from 80% to 99.9%.",
            },
            "rare_class_accuracy",
        ),
        (
            {"results": "Revenue rose 40% in the two weeks after the new ranking."},
            "implausible_lift",
        ),
        ({"results": "Log-loss improved by 45% on the production model."}, "implausible_lift"),
        (
            {"problem": "We served 5M QPS at 10 ms p99 on under $1k a month."},
            "systems_mismatch",
        ),
        (
            {"results": "Training cost went down 60% even though we trained on twice the data."},
            "savings_exceed_bill",
        ),
        (
            {"tradeoffs": "Transformers were better because they are state of the art."},
            "authority_reason",
        ),
        ({"defense": "The numbers speak for themselves."}, "authority_reason"),
        (
            {"ownership": "I made every decision; without me, none of this would have shipped."},
            "sweeping_ownership",
        ),
        (
            {"ownership": "I led a team of 3 engineers.", "results": "My 12 engineers shipped it."},
            "contradiction",
        ),
        # Every error of every kind gone is a claim of perfection, however it is said.
        (
            {"results": "Since the rollout there have been zero mistakes in routing."},
            "near_perfect_metric",
        ),
        ({"results": "The pipeline has never made a wrong payout."}, "near_perfect_metric"),
        ({"results": "We saw zero false escalations in the quarter."}, "near_perfect_metric"),
        # A result offered as its own proof, whatever the result is.
        ({"defense": "Our 70% fewer tickets proves it."}, "authority_reason"),
        ({"results": "Zero downtime since then proved them wrong."}, "authority_reason"),
        # The whole system as one person's build, or nobody else able to build it.
        (
            {"ownership": "I personally wrote the entire billing service in a fortnight."},
            "sweeping_ownership",
        ),
        ({"ownership": "I designed the whole stack on my own."}, "sweeping_ownership"),
        ({"ownership": "No one else on the team could read the code."}, "sweeping_ownership"),
        # Sweeping ownership said as being the only one able, or as the others carrying out
        # one's plan; perfection said as an adjective; a result shown to prove the choices.
        (
            {"ownership": "I was the only analyst in the bank with the skills to model it."},
            "sweeping_ownership",
        ),
        (
            {"ownership": "The payments squad just implemented what I specified."},
            "sweeping_ownership",
        ),
        ({"ownership": "Legal and ops followed my instructions."}, "sweeping_ownership"),
        ({"ownership": "I ran it all from the first sketch."}, "sweeping_ownership"),
        (
            {"results": "The screening model is 100% specific on every clinic."},
            "near_perfect_metric",
        ),
        (
            {"defense": "Returns halved in a week, which showed my choices were right."},
            "authority_reason",
        ),
        # A yearly saving larger than a year of the monthly bill it came from.
        (
            {
                "problem": "Our CDN bill was $20,000 a month.",
                "results": "Moving to the new edge saved $400,000 a year.",
            },
            "savings_exceed_bill",
        ),
        # A cost cut far beyond what doubled load allows, however the cost is phrased.
        (
            {"results": "Serving costs fell 70% while traffic doubled over the quarter."},
            "savings_exceed_bill",
        ),
    ],
)
def test_what_an_interviewer_would_not_believe_is_flagged(sections, rule):
    assert rule in _rules(sections)
    assert RULES[rule].severity == RED


@pytest.mark.parametrize(
    "sections",
    [
        {"results": "The fraud model's AUC went from 0.86 to 0.89 in a 4-week backtest."},
        {"results": "Watch time rose 3.2% in a two-week A/B test (95% CI +2.4% to +4.0%)."},
        {"results": "p95 fell from 92 ms to 74 ms; cost per 1k requests dropped 12%."},
        {"problem": "We serve 120k QPS under 80 ms p95 on a $90k monthly budget."},
        {"results": "18% of spend comes from campaigns younger than a week."},
        {"tradeoffs": "We compared it with the state-of-the-art cross-encoder: +4% NDCG, 180 ms."},
        {"ownership": "I chose the ranker; the platform team helped with the feature store."},
        {"ownership": "I built the whole evaluation harness with one colleague."},
        {"defense": "The replay of 40 past incidents proved useful for tuning."},
        {"ownership": "The analysts implemented the dashboards; I reviewed every query myself."},
        {"ownership": "I was the only engineer on call that week, so I rolled it back."},
        {"results": "No duplicate refund reached a customer; zero downtime in the migration."},
        # A yearly saving set against a monthly bill it fits inside.
        {
            "problem": "The hosted search licence cost $40,000 a month.",
            "results": "We now pay $12,000 a month, saving about $336,000 a year.",
        },
    ],
)
def test_ordinary_strong_claims_are_not_flagged_red(sections):
    assert not {f.rule for f in section_flags(sections) if f.severity == RED}


@pytest.mark.parametrize(
    ("sections", "rule"),
    [
        (
            {"results": "Average basket was $51 in March against $46 in February, up 11%."},
            "pre_post",
        ),
        ({"results": "Recall was 0.93 on a random 15% sample of claims."}, "random_split"),
        ({"results": "Offline NDCG@10 rose 7% over the popularity baseline."}, "offline_only"),
        ({"results": "In a 3-day A/B test, sign-ups rose 1.1%."}, "short_test"),
        (
            {
                "results": "We emailed a coupon to the riskiest 5%; "
                "most of the targeted users stayed."
            },
            "no_control",
        ),
        (
            {"results": "The carousel generated $2.1M of revenue in its first month."},
            "attributed_revenue",
        ),
        (
            {"results": "Evaluated on last quarter's click logs, recall@20 was 0.41."},
            "logged_feedback",
        ),
        ({"results": "AUC of 0.84 on a random 20% holdout of accounts."}, "random_split"),
        ({"tradeoffs": "The threshold was tuned on the evaluation set."}, "tuned_on_eval"),
        ({"results": "Reviewers rated the summaries 4.4 out of 5."}, "rating_as_quality"),
        (
            {"results": "58% of the suggested replies got a thumbs-up from agents."},
            "rating_as_quality",
        ),
        ({"defense": "The 20 ms budget was non-negotiable."}, "given_budget"),
    ],
)
def test_evidence_that_does_not_show_the_claim_is_flagged_amber(sections, rule):
    assert rule in _rules(sections)
    assert RULES[rule].severity == AMBER


def test_a_survey_of_a_tools_users_is_the_outcome_not_a_stand_in_for_correctness():
    """Developers rating an internal tool measure their satisfaction, which is what was
    claimed; a rating flags only when it stands in for the quality of what a system produced."""
    tool = (
        "In the half-yearly survey, engineers rated the new deploy console 4.3 out of 5, "
        "up from 2.9 for the old scripts."
    )
    produced = "Editors rated the generated headlines 4.3 out of 5."
    assert "rating_as_quality" not in _rules({"results": tool})
    assert "rating_as_quality" in _rules({"results": produced})


def test_a_random_sample_kept_to_audit_or_explore_is_not_a_split():
    text = "Each night we also price a random 3% sample of routes by hand to audit the model."
    assert "random_split" not in _rules({"architecture": text})


def test_a_flag_quotes_the_candidate_and_says_why():
    [flag] = [
        f
        for f in find_flags([Passage(4, "results", "The churn model's AUC was 0.99 on a holdout.")])
        if f.rule == "near_perfect_metric"
    ]
    assert flag.ref == 4 and flag.section == "results"
    assert "0.99" in flag.quote
    assert flag.quote.strip("…") in "The churn model's AUC was 0.99 on a holdout."
    assert "leak" in flag.reason
    assert flag.source


def test_spoken_figures_raise_the_same_flags():
    written = _rules({"results": "Conversions went up 300% in the first week."})
    spoken = _rules({"results": "Conversions went up, like, three hundred percent in week one."})
    assert "implausible_lift" in written and "implausible_lift" in spoken


def test_every_rule_has_a_reason_and_a_source():
    for key in FLAG_KEYS:
        rule = RULES[key]
        assert rule.key == key and rule.doubt and rule.source and rule.title
        assert "{quote}" in rule.doubt
        assert (rule.cap == 1) == (rule.severity == RED)


def test_a_per_request_bill_is_asked_of_a_paid_service_not_of_owned_gpus():
    """Unit cost (tokens and dollars per request) is the question for a hosted model; a model
    on the team's own GPUs at the same volume does not owe a per-token bill."""
    volume = "It handles 2,000,000 requests a month."
    hosted = {"architecture": "Each request goes to a hosted LLM API.", "problem": volume}
    owned = {"architecture": "The classifier runs on 4 GPUs we already had.", "problem": volume}
    assert "unit_cost_missing" in _rules(hosted)
    assert "unit_cost_missing" not in _rules(owned)


def test_a_path_not_taken_that_cost_nothing_is_no_systems_claim():
    rejected = "Keeping the old batch job cost nothing, but it finished after the 6 am deadline."
    assert "systems_mismatch" not in _rules({"tradeoffs": rejected})
    assert "systems_mismatch" in _rules({"architecture": "The new pipeline costs nothing to run."})


def test_a_bill_cut_by_more_than_all_of_it_does_not_add_up():
    assert "savings_exceed_bill" in _rules({"results": "Our storage bill fell 140% after it."})
    assert "savings_exceed_bill" not in _rules({"results": "Our storage bill fell 40% after it."})
