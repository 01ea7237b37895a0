"""Judgment a bar raiser would sign: pushback judged on its mechanism, bluffs held down, caves
costed, and the same facts scoring the same whether said aloud or written."""

import pytest

from scoring.graders import grade_transcript
from scoring.graders.pushback import CAVED, CONCEDED, HELD, judge
from scoring.tests import calibration as c
from scoring.transcript import Turn

BIDDER = "Your bid shading could be leaving auctions on the table. How do you know it bid better?"
MODERATION = "Blocking more comments might just mean you over-blocked. How do you know it worked?"
SEASONAL = "Sales always climb in spring. How do you know the lift is yours and not the season?"
SEASONAL_POINTS = (
    "Both arms of the test ran through the same calendar weeks, so the season hits each alike",
    "A week-by-week breakdown or an A/A check shows the lift is stable",
)


def _judge(question, answer, key_points=()):
    return judge(Turn(3, "results", "challenge", question, answer, None, key_points))


@pytest.mark.parametrize(
    ("question", "answer", "outcome"),
    [
        # Evidence on the challenge's own subject holds, whatever words it uses.
        (
            MODERATION,
            "A blind-labelled sample of 5,000 comments a week showed prevalence falling from "
            "1.9% to 1.3%, while appeals that succeeded stayed at 0.4%.",
            HELD,
        ),
        # Conceding with an experiment, a bound and a change is conceding well.
        (
            BIDDER,
            "Fair point: on small accounts it did. A budget-split test on 40 advertisers showed "
            "win rate 3 points lower under shading below $500 a day, so I would turn it off "
            "there and keep it for the large ones.",
            CONCEDED,
        ),
        # An outcome offered as proof of the mechanism it was asked about is not evidence of it.
        (
            BIDDER,
            "Revenue went up in the A/B test, so the bidder must have behaved better. The "
            "numbers speak for themselves.",
            CAVED,
        ),
        # Saying the challenge back is not holding.
        (
            BIDDER,
            "My bid shading was not leaving auctions on the table, and I know it bid better.",
            CAVED,
        ),
        (
            SEASONAL,
            "I'm not sure, I'd have to check. It's possible some of it was the season.",
            CAVED,
        ),
        (
            SEASONAL,
            "You're right, I can't really rule the season out, it's a fair point.",
            CAVED,
        ),
    ],
)
def test_pushback_is_judged_on_its_mechanism_and_evidence(question, answer, outcome):
    judged = _judge(question, answer)
    assert judged.outcome == outcome, judged.reason


HINDSIGHT_CHALLENGE = "Wasn't hosting the index yourselves a mistake?"


@pytest.mark.parametrize(
    ("question", "answer", "outcome"),
    [
        # A concession opened by a limited yes, backed by data, bounded, with a change.
        (
            BIDDER,
            "At first, yes, and I measured it: in the first month shading cost 2.1 points of "
            "win rate on accounts below $500 a day. I'd now switch it off below that spend.",
            CONCEDED,
        ),
        # Owning the miss is granting the point, even when the answer then says "but".
        (
            MODERATION,
            "Early on it did over-block, and that's on me: appeals that succeeded rose from 0.4% "
            "to 1.1% in the first two weeks, but after I raised the threshold they fell back to "
            "0.5%. I'd now ship behind a review queue for a month.",
            CONCEDED,
        ),
        # A contracted "I'd" takes up a question about hindsight as "I would" does.
        (
            HINDSIGHT_CHALLENGE,
            "I reran the comparison a year on: the hosted option went from 0.71 to 0.74 recall "
            "and ours from 0.78 to 0.80, at a third of the cost. If they passed us, I'd move.",
            HELD,
        ),
    ],
)
def test_concessions_and_contractions_are_read_as_said(question, answer, outcome):
    judged = _judge(question, answer)
    assert judged.outcome == outcome, judged.reason


DRIFT = "Isn't your demand model biased toward the stores that reported on time?"
CREEP = "Page weight tends to grow back after a redesign. What keeps that from happening?"


@pytest.mark.parametrize(
    ("question", "answer", "outcome"),
    [
        # The charge granted in a few words with its size promised, bounded to a slice.
        (
            DRIFT,
            "It was skewed, and I can put a figure on it: for stores that reported a day late, "
            "forecast error was 14% against 9% for the rest, about a tenth of stores.",
            CONCEDED,
        ),
        # Naming the weakness, then what would change as a plan that depends on the data.
        (
            DRIFT,
            "That is a real gap. Late stores had 14% error against 9%, though only in weeks "
            "with holidays. If late reporting passed 15% of stores, I would impute their sales.",
            CONCEDED,
        ),
        # What would settle it is a change too.
        (
            DRIFT,
            "Yes, it was biased, and I measured how much: error 14% against 9% on late "
            "stores. A backfill of their true sales for one quarter would settle it.",
            CONCEDED,
        ),
        # A denial with the same opening shape still holds.
        (
            DRIFT,
            "It was not, and I checked: error was 9.2% on late stores and 9.0% on the rest "
            "across 26 weeks of backtests.",
            HELD,
        ),
        # A gain slipping back is met by the guard that stops it.
        (
            CREEP,
            "Every merge runs a bundle-size check, and it blocked 7 merges that added more "
            "than 20 KB in the last quarter; median page weight stayed at 410 KB.",
            HELD,
        ),
    ],
)
def test_a_granted_charge_and_a_guard_against_slipping_back_are_read(question, answer, outcome):
    judged = _judge(question, answer)
    assert judged.outcome == outcome, judged.reason


CREDIT = "Much of this sounds like the platform team's work. Which decisions were really yours?"
CANARY = "A canary on 1% of traffic misses rare paths. Isn't that false comfort?"
SPREADSHEET = "Wouldn't a shared spreadsheet have done the job for the small clinics?"


@pytest.mark.parametrize(
    ("question", "answer", "outcome"),
    [
        # A question about the candidate's own share, met by the calls named with what each did.
        (
            CREDIT,
            "Two were mine. I picked a write-ahead log over a nightly dump after I showed it lost "
            "at most 2 seconds of orders, and I set the rule that no store moves during a sale "
            "week, which held back 6 stores.",
            HELD,
        ),
        # ... and taking all of it is the claim said again, whatever head count it quotes.
        (
            CREDIT,
            "All of them. I designed and built every part; the other 4 engineers mostly watched, "
            "because nobody else understood the system well enough.",
            CAVED,
        ),
        # A share of the charge granted in the first words, without a "yes".
        (
            CANARY,
            "Partly, it did miss one: in March a rare refund path failed for 40 minutes on 3% of "
            "refunds. I would now replay two days of rare-path traffic before each release.",
            CONCEDED,
        ),
        (
            CANARY,
            "A little, and I measured how much: 2 of the 11 bugs we shipped last year were on "
            "paths the canary never saw, both in currency conversion. For that path I'd add a "
            "synthetic check.",
            CONCEDED,
        ),
        # Owning the miss in other words than "underestimated".
        (
            SPREADSHEET,
            "For the small clinics, it would have, and I underrated that: 70% of them saw under "
            "50 patients a day. For those I would now ship the export alone.",
            CONCEDED,
        ),
        # The premise granted, then the safeguard that was built against it: a defense.
        (
            CANARY,
            "You're right that a 1% canary only sees common paths, so I added a replay of 48 "
            "hours of rare-path traffic before every release; it caught 5 bugs the canary "
            "missed last quarter.",
            HELD,
        ),
        (
            CANARY,
            "Fair point. Besides the canary, we also checked every release against a nightly "
            "replay of refund traffic, and it caught 5 bugs the canary missed last quarter.",
            HELD,
        ),
        # ... while more evidence of the weakness itself is still a concession.
        (
            CANARY,
            "You're right. We also tested it on the refund path alone, and there it missed 2 of "
            "5 seeded bugs; for that path I would add a synthetic check.",
            CONCEDED,
        ),
        # A share said as a figure opens a defense, not an admission.
        (
            CANARY,
            "A little under 0.5% of releases ever hit a rare path first, measured over 200 "
            "releases, and the replay we run before each one caught all 3 of those bugs.",
            HELD,
        ),
    ],
)
def test_credit_challenges_partial_admissions_and_granted_premises_are_read(
    question, answer, outcome
):
    judged = _judge(question, answer)
    assert judged.outcome == outcome, judged.reason


def test_key_points_are_checked_by_meaning_not_shared_words():
    held = _judge(
        SEASONAL,
        "The split was by store, and both groups lived through exactly the same spring weeks, "
        "so whatever the weather did it did to both. Week by week the gap sat between 2.8% "
        "and 3.3%, and an A/A run before launch showed 0.1%.",
        SEASONAL_POINTS,
    )
    assert held.outcome == HELD
    assert held.covered == (True, True)
    evasive = _judge(
        SEASONAL,
        "We used a gradient-boosted model with 300 features, trained on 2 years of sales.",
        SEASONAL_POINTS,
    )
    assert evasive.outcome == CAVED
    assert not any(evasive.covered)
    assert "does not take up" in evasive.reason


def _project(*answers_by_section, challenges=()):
    turns = [c.prompt(section, answer) for section, answer in answers_by_section]
    turns += [c.challenge(section, question, answer) for section, question, answer in challenges]
    return {"title": "Checkout fraud scoring", "time_budget_seconds": 400, "turns": turns}


STRONG = [
    (
        "problem",
        "Card fraud on checkout cost us $2.1M a quarter. Scoring had to answer within 40 ms "
        "p99 at 9k requests per second, and keep false declines under 0.3% of good orders.",
    ),
    (
        "ownership",
        "I led a team of 3 engineers. I chose gradient-boosted trees over a neural model, "
        "designed the velocity features and ran the shadow launch with the payments team.",
    ),
    (
        "architecture",
        "Checkout events stream into Flink, which writes 90 velocity features to Redis; the "
        "scorer reads them in 3 ms because the 40 ms budget left little for lookups, and a "
        "LightGBM model scores each order so that declines happen before capture.",
    ),
    (
        "tradeoffs",
        "I considered a sequence model over card history: it was 0.02 AUC better offline but "
        "took 35 ms at p99, so it broke the budget. I accepted the smaller gain.",
    ),
    (
        "results",
        "In a four-week A/B test on 20% of orders, fraud losses fell from $2.1M to $1.5M a "
        "quarter, a 29% drop (95% CI 24% to 33%), and false declines went from 0.31% to "
        "0.24%. The model's AUC rose from 0.86 to 0.91.",
    ),
    (
        "defense",
        "I would defend the tree model: the sequence model's 0.02 AUC did not pay for 35 ms. "
        "In hindsight I would have built the feature freshness monitor before launch, "
        "because a stale feature cost us a day of misses.",
    ),
]
CHALLENGE = "Fraud moves every week. How do you know the drop was your model and not a lull?"
HELD_ANSWER = (
    "Both arms saw the same weeks of fraud because orders were split at random, and the "
    "gap held at 25% to 31% in each of the four weeks, so a lull would have hit both."
)
CAVED_ANSWER = "I'm not sure, honestly. It could have been a quiet month; I'd have to check."


def test_a_cave_costs_the_section_it_attacked_defense_and_a_quarter_of_the_overall():
    held = _project(*STRONG, challenges=[("results", CHALLENGE, HELD_ANSWER)])
    caved = _project(*STRONG, challenges=[("results", CHALLENGE, CAVED_ANSWER)])
    report = grade_transcript(c.transcript(held, caved))
    strong, weak = report["projects"]
    assert strong["pushback"][0]["outcome"] == HELD
    assert weak["pushback"][0]["outcome"] == CAVED
    assert weak["sections"]["results"]["score"] == strong["sections"]["results"]["score"] - 1
    assert weak["sections"]["defense"]["score"] == strong["sections"]["defense"]["score"] - 1
    assert strong["overall"] - weak["overall"] >= 20
    first_fix = report["top_fixes"][0]
    assert first_fix["project_index"] == 1 and "caved" in first_fix["message"]


def test_a_confident_bluff_scores_below_an_honest_middling_answer():
    bluff = _project(
        (
            "problem",
            "Fraud was destroying the company and we had to serve 5M QPS at 10 ms p99 "
            "on under $1k a month.",
        ),
        ("ownership", "I led 12 engineers across 3 teams and made every decision myself."),
        ("architecture", "We chose a transformer because it is state of the art."),
        ("tradeoffs", "Transformers were better because they are state of the art."),
        ("results", "Accuracy went from 80% to 99.9% on fraud, which is under 1% of traffic."),
        ("defense", "I would change nothing. The numbers speak for themselves."),
    )
    honest = _project(
        ("problem", "Fraud losses were growing and scoring had to stay fast at checkout."),
        ("ownership", "I built the features and we chose the model together as a team."),
        (
            "architecture",
            "Events go to a feature store and then to the model, which scores "
            "every order before payment.",
        ),
        ("tradeoffs", "We looked at a neural model, but trees were easier to explain."),
        ("results", "Fraud losses dropped about 20% after launch."),
        ("defense", "I think trees were right. Next time I would monitor features earlier."),
    )
    report = grade_transcript(c.transcript(bluff, honest))
    bluffed, middling = report["projects"]
    assert bluffed["overall"] < middling["overall"]
    assert bluffed["overall"] <= 40
    assert bluffed["sections"]["results"]["score"] <= 1
    assert bluffed["sections"]["tradeoffs"]["score"] <= 1
    flagged = {flag["rule"] for flag in bluffed["flags"]}
    assert {"rare_class_accuracy", "authority_reason", "systems_mismatch"} <= flagged


def test_the_same_facts_said_aloud_score_within_a_few_points():
    written = _project(*STRONG)
    spoken = _project(
        ("problem", STRONG[0][1]),
        (
            "ownership",
            "So, um, I led a team of three engineers. I chose, you know, gradient-boosted "
            "trees over a neural model, designed the velocity features and ran the shadow "
            "launch with the payments team.",
        ),
        ("architecture", STRONG[2][1]),
        (
            "tradeoffs",
            "I considered a sequence model over card history, and honestly it was like point "
            "oh two AUC better offline, but it took thirty-five milliseconds at p ninety-nine, "
            "so it broke the budget. I accepted the smaller gain.",
        ),
        (
            "results",
            "In a four-week A/B test on twenty percent of orders, fraud losses fell from two "
            "point one million dollars to one point five million a quarter, basically a "
            "twenty-nine percent drop, ninety-five percent CI twenty-four to thirty-three "
            "percent, and false declines went from point three one to point two four percent. "
            "The model's AUC rose from point eight six to point nine one.",
        ),
        ("defense", STRONG[5][1]),
    )
    written_report, spoken_report = grade_transcript(c.transcript(written, spoken))["projects"]
    assert abs(written_report["overall"] - spoken_report["overall"]) <= 5
