"""The rubric: what each level 0–4 means per section, the delivery dimension, and the overall.

Both graders score against these words (the LLM grader sends them in its prompt), and the review
page can show them beside a score, so a number always comes with what it stands for.
"""

from statistics import mean

from scoring.framework import SECTION_KEYS

RUBRIC_VERSION = "2026-11-25.1"

LEVEL_NAMES: tuple[str, ...] = ("missing", "vague", "partial", "solid", "exemplary")

# What each level 0..4 means, per section in the framework's order (DESCRIPTORS below).
_LEVELS_BY_SECTION: tuple[tuple[str, ...], ...] = (
    (  # problem
        "No problem stated, or nothing that can be graded.",
        "A topic rather than a problem: no one is hurt by it, and no limit is named.",
        "The problem is clear, but the limits are adjectives (fast, cheap) or there is one "
        "number and the rest is left open.",
        "The problem in a sentence or two, with at least two hard limits that carry numbers "
        "(latency, throughput, memory, cost, a date).",
        "A sharp problem with who felt it, and three or more numeric limits from different "
        "sides (speed, scale, money, reliability, deadline) that the later choices answer to.",
    ),
    (  # ownership
        "Nothing about the candidate's part, or nothing that can be graded.",
        "Only \"we\": the team's work is described, the candidate's own part never is.",
        "One thing the candidate decided or built, said in the first person; scope unclear.",
        "Several first-person decisions with their objects (what was chosen, led or built).",
        "Clear personal scope: several decisions in the first person, plus the size of the "
        "team or the other teams they brought along.",
    ),
    (  # architecture
        "No design described, or nothing that can be graded.",
        "A list of technologies with neither how data moves through them nor why.",
        "Either the flow of data or the reasons for choices, not both.",
        "The path from input to serving, and a reason for the key choices.",
        "The full path with its main components, several reasoned choices, and numbers that "
        "tie them to the limits (a latency split, a memory budget).",
    ),
    (  # tradeoffs
        "No alternative or trade-off discussed, or nothing that can be graded.",
        "Talk of trade-offs with no named alternative.",
        "A named alternative, but no reason or figure for why it lost.",
        "A named alternative compared with a reason or a figure.",
        "Alternatives weighed with figures (accuracy, latency, cost) and the price that was "
        "knowingly accepted for the chosen option.",
    ),
    (  # results
        "No outcome given, or nothing that can be graded.",
        'Outcomes in words only ("it got much better").',
        "Numbers with units, but without a baseline or without saying how they were measured.",
        "Quantified outcomes against a baseline, and how they were measured.",
        "Several outcomes with units and baselines, a sound measurement (A/B test, holdout) "
        "and an estimate of noise (confidence interval, p-value).",
    ),
    (  # defense
        "No defense or reflection, or nothing that can be graded.",
        "Opinion or hedging, or an answer that sidesteps the challenge.",
        "Evidence or hindsight, but not both; or evidence that misses the challenge's point.",
        "Meets the challenge on its subject with evidence, and says what they would change.",
        "Meets the challenge with several figures or an experiment, bounds any concession, "
        "and draws a concrete lesson for next time.",
    ),
)
# DESCRIPTORS[section][level] for level 0..4, keyed by the framework's section keys.
DESCRIPTORS: dict[str, tuple[str, ...]] = dict(zip(SECTION_KEYS, _LEVELS_BY_SECTION, strict=True))

DELIVERY_DESCRIPTORS: tuple[str, ...] = (
    "Nothing said.",
    "Far over the time budget, or mostly filler around few facts.",
    "Over budget or wordy: the facts are there but hard to find.",
    "Close to the budget, with a fair share of substance per sentence.",
    "Within the budget and dense: most sentences carry a fact, a decision or a reason.",
)

# A project's overall: content dominates; how the pushback was met is about a quarter of it
# (an interviewer remembers a cave); delivery (time and concision) is a tenth. A project with no
# challenge puts the pushback share back into content.
SECTION_WEIGHT = 0.65
PUSHBACK_WEIGHT = 0.25
DELIVERY_WEIGHT = 0.1
MAX_LEVEL = 4


def project_overall(
    section_scores: dict[str, float],
    delivery: float | None,
    keys: tuple[str, ...] = SECTION_KEYS,
    *,
    pushback: float | None = None,
) -> float:
    """0–100 from the section scores (0–4), the delivery score (0–4, or None) and the pushback
    score (0–1: the credit the challenges earned, or None when there were none).

    `keys` are the sections that count: all six, or those a drill asked about."""
    content = mean(section_scores.get(key, 0.0) for key in keys) / MAX_LEVEL
    weights = {"content": SECTION_WEIGHT, "pushback": PUSHBACK_WEIGHT, "delivery": DELIVERY_WEIGHT}
    parts = {"content": content, "pushback": pushback, "delivery": None}
    if delivery is not None:
        parts["delivery"] = delivery / MAX_LEVEL
    counted = {name: value for name, value in parts.items() if value is not None}
    total = sum(weights[name] for name in counted)
    return round(100 * sum(weights[name] * value for name, value in counted.items()) / total, 1)


def session_overall(project_overalls: list[float]) -> float:
    """0–100: each project counts the same, whatever its length."""
    return round(mean(project_overalls), 1) if project_overalls else 0.0


def describe(section_key: str, score: float) -> str:
    """The descriptor for the level a (possibly half-point) score rounds down to."""
    return DESCRIPTORS[section_key][int(score)]
