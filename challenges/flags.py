"""How the bank's pages speak of the flags that flag entries are triggered by.

The flags themselves, their keys, severities and reasons, are the grader's plausibility rules
(`scoring.plausibility.RULES`): red flags are figures or reasons an interviewer would not
believe; evidence signals (amber) are believable claims whose evidence does not show what is
claimed. Here each key gets the words the bank's pages use: when it is raised, and an
``example`` phrase of the kind that raises it, put where a round would put the candidate's own
words. A test keeps the two lists the same.
"""

from dataclasses import dataclass

from scoring.plausibility import RED, RULES

EVIDENCE = "evidence"


@dataclass(frozen=True)
class Flag:
    key: str
    raised_when: str  # completes "When …"
    example: str

    @property
    def kind(self) -> str:
        """RED, or EVIDENCE for the plausibility rules' amber signals."""
        return RED if RULES[self.key].severity == RED else EVIDENCE


FLAGS: tuple[Flag, ...] = (
    # Red flags
    Flag(
        "near_perfect_metric",
        "a metric looks near-perfect",
        "an AUC of 0.99 on next month's cancellations",
    ),
    Flag(
        "rare_class_accuracy",
        "accuracy is quoted for a rare class",
        "98.7% accuracy on defective units",
    ),
    Flag(
        "implausible_lift",
        "a lift looks too large to be true",
        "a 45% increase in revenue per visitor",
    ),
    Flag(
        "systems_mismatch",
        "latency, throughput and budget cannot all hold",
        "2 million QPS at 3 ms p99 for $800 a month",
    ),
    Flag(
        "savings_exceed_bill",
        "savings are larger than the bill they come from",
        "saved $2.4M a year on a $1.5M compute bill",
    ),
    Flag(
        "contradiction",
        "figures or roles contradict each other",
        "a team of three here, twelve engineers reporting to me there",
    ),
    Flag(
        "authority_reason",
        "authority stands in for a reason",
        "it is the industry standard",
    ),
    Flag(
        "sweeping_ownership",
        "every decision is claimed at once",
        "I drove every decision end to end",
    ),
    # Evidence signals
    Flag(
        "pre_post",
        "a before/after comparison is the evidence",
        "orders per user rose 9% in the month after launch",
    ),
    Flag(
        "offline_only",
        "the gains are offline only",
        "NDCG@10 up 6% on the validation week",
    ),
    Flag(
        "short_test",
        "an online test is short or has no interval",
        "a four-day test showed +2.3% sessions",
    ),
    Flag(
        "no_control",
        "an intervention has no control group",
        "70% of the users we emailed came back within a week",
    ),
    Flag(
        "attributed_revenue",
        "revenue is attributed to a feature",
        "the widget generated $3M in sales",
    ),
    Flag(
        "logged_feedback",
        "evaluation uses feedback logged under the old system",
        "evaluated on last quarter's click logs",
    ),
    Flag(
        "random_split",
        "a random split meets data that moves in time",
        "a random 80/20 split of two years of orders",
    ),
    Flag(
        "tuned_on_eval",
        "a choice was tuned on the evaluation set",
        "the threshold that maximised F1 on our 400 labelled pairs",
    ),
    Flag(
        "no_baseline_metric",
        "a metric has nothing to compare it to",
        "precision of 0.91",
    ),
    Flag(
        "given_budget",
        "a budget is stated as given",
        "a hard 40 ms budget",
    ),
    Flag(
        "rating_as_quality",
        "a rating stands in for correctness",
        "reviewers rated the summaries 4.4 out of 5",
    ),
    Flag(
        "unit_cost_missing",
        "paid inference has no unit cost",
        "GPT-4 on every ticket; costs were acceptable",
    ),
    Flag(
        "false_alarm_action",
        "the model acts on what it flags",
        "flagged orders are held for manual review",
    ),
)

FLAG_BY_KEY: dict[str, Flag] = {flag.key: flag for flag in FLAGS}
FLAG_KEYS: tuple[str, ...] = tuple(FLAG_BY_KEY)
