"""The flags a claim reader raises on a project's text or an answer, and that flag entries in
the bank are triggered by.

Red flags are figures or reasons an interviewer would not believe; evidence signals are
believable claims whose evidence does not show what is claimed. The grader's plausibility
rules raise the same keys. ``example`` is a phrase of the kind that raises the flag: the bank's
pages put it where a round would put the candidate's own words.
"""

from dataclasses import dataclass

RED = "red"
EVIDENCE = "evidence"


@dataclass(frozen=True)
class Flag:
    key: str
    kind: str  # RED or EVIDENCE
    raised_when: str  # completes "When …"
    example: str


FLAGS: tuple[Flag, ...] = (
    # Red flags
    Flag(
        "near_perfect_metric",
        RED,
        "a metric looks near-perfect",
        "an AUC of 0.99 on next month's cancellations",
    ),
    Flag(
        "rare_class_accuracy",
        RED,
        "accuracy is quoted for a rare class",
        "98.7% accuracy on defective units",
    ),
    Flag(
        "implausible_lift",
        RED,
        "a lift looks too large to be true",
        "a 45% increase in revenue per visitor",
    ),
    Flag(
        "systems_mismatch",
        RED,
        "latency, throughput and budget cannot all hold",
        "2 million QPS at 3 ms p99 for $800 a month",
    ),
    Flag(
        "savings_exceed_bill",
        RED,
        "savings are larger than the bill they come from",
        "saved $2.4M a year on a $1.5M compute bill",
    ),
    Flag(
        "contradiction",
        RED,
        "figures or roles contradict each other",
        "a team of three here, twelve engineers reporting to me there",
    ),
    Flag(
        "authority_reason",
        RED,
        "authority stands in for a reason",
        "it is the industry standard",
    ),
    Flag(
        "sweeping_ownership",
        RED,
        "every decision is claimed at once",
        "I drove every decision end to end",
    ),
    # Evidence signals
    Flag(
        "pre_post",
        EVIDENCE,
        "a before/after comparison is the evidence",
        "orders per user rose 9% in the month after launch",
    ),
    Flag(
        "offline_only",
        EVIDENCE,
        "the gains are offline only",
        "NDCG@10 up 6% on the validation week",
    ),
    Flag(
        "short_test",
        EVIDENCE,
        "an online test is short or has no interval",
        "a four-day test showed +2.3% sessions",
    ),
    Flag(
        "no_control",
        EVIDENCE,
        "an intervention has no control group",
        "70% of the users we emailed came back within a week",
    ),
    Flag(
        "attributed_revenue",
        EVIDENCE,
        "revenue is attributed to a feature",
        "the widget generated $3M in sales",
    ),
    Flag(
        "logged_feedback",
        EVIDENCE,
        "evaluation uses feedback logged under the old system",
        "evaluated on last quarter's click logs",
    ),
    Flag(
        "random_split",
        EVIDENCE,
        "a random split meets data that moves in time",
        "a random 80/20 split of two years of orders",
    ),
    Flag(
        "tuned_on_eval",
        EVIDENCE,
        "a choice was tuned on the evaluation set",
        "the threshold that maximised F1 on our 400 labelled pairs",
    ),
    Flag(
        "no_baseline_metric",
        EVIDENCE,
        "a metric has nothing to compare it to",
        "precision of 0.91",
    ),
    Flag(
        "given_budget",
        EVIDENCE,
        "a budget is stated as given",
        "a hard 40 ms budget",
    ),
    Flag(
        "rating_as_quality",
        EVIDENCE,
        "a rating stands in for correctness",
        "reviewers rated the summaries 4.4 out of 5",
    ),
    Flag(
        "unit_cost_missing",
        EVIDENCE,
        "paid inference has no unit cost",
        "GPT-4 on every ticket; costs were acceptable",
    ),
    Flag(
        "false_alarm_action",
        EVIDENCE,
        "the model acts on what it flags",
        "flagged orders are held for manual review",
    ),
)

FLAG_BY_KEY: dict[str, Flag] = {flag.key: flag for flag in FLAGS}
FLAG_KEYS: tuple[str, ...] = tuple(FLAG_BY_KEY)
