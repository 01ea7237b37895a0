"""What a bank entry is: its fields, the trigger kinds and the topic vocabulary.

Each file beside this one holds one kind of entry as rows of
``((slug, trigger, section, pressure, persona, topic), question, key points)``;
``build`` turns the rows into ``BankEntry`` tuples.
"""

from collections.abc import Iterable
from typing import NamedTuple

from challenges import personas, pressure

ALWAYS = "always"
TECHNIQUE = "technique"
WEAKNESS = "weakness"
FLAG = "flag"
DOMAIN = "domain"
TRIGGER_KIND_CHOICES: list[tuple[str, str]] = [
    (ALWAYS, "Always"),
    (TECHNIQUE, "Technique named"),
    (WEAKNESS, "Weakness found"),
    (FLAG, "Red flag or weak evidence"),
    (DOMAIN, "Domain pack"),
]

# Short names for the rows: pressures and personas.
W, S, X = pressure.WARMUP, pressure.STANDARD, pressure.BAR_RAISER
ML, PM, SRE, BR = personas.STAFF_ML, personas.PRODUCT, personas.SRE, personas.BAR_RAISER

# A flag question may hold this placeholder once; the engine puts the candidate's own words
# that raised the flag there, in quotation marks.
QUOTE = "{quote}"

# What a question is about. The first eleven are the general topics top interviewers ask
# about whatever the project; the rest name what older entries probe.
TOPIC_CHOICES: list[tuple[str, str]] = [
    ("leakage", "Leakage"),
    ("label_delay", "Label delay"),
    ("novelty", "Novelty and primacy effects"),
    ("interference", "Interference and network effects"),
    ("feedback_loop", "Feedback loops"),
    ("position_bias", "Position and exposure bias"),
    ("drift", "Drift and monitoring"),
    ("fairness", "Fairness across groups"),
    ("offline_online", "The offline–online gap"),
    ("cost", "Cost"),
    ("oncall", "On-call and incidents"),
    ("causality", "Causality"),
    ("baseline", "Baselines"),
    ("significance", "Significance and noise"),
    ("latency_budget", "Latency budgets"),
    ("evaluation", "Evaluation design"),
    ("ownership", "Ownership"),
    ("scale", "Scale"),
    ("quality", "Correctness of outputs"),
    ("tradeoff", "Trade-offs"),
]
TOPIC_KEYS: tuple[str, ...] = tuple(key for key, _ in TOPIC_CHOICES)
TOPIC_LABELS: dict[str, str] = dict(TOPIC_CHOICES)
GENERAL_TOPICS: tuple[str, ...] = TOPIC_KEYS[:11]


class BankEntry(NamedTuple):
    """One challenge: the bank's data here, and the rows the engine reads from the database."""

    slug: str
    section: str
    pressure: str
    persona: str
    trigger_kind: str
    trigger: str
    question: str
    key_points: tuple[str, ...]  # what a strong answer contains, one checkable idea each
    domains: tuple[str, ...]  # () for any project, else the domain keys it is asked in
    topic: str  # a TOPIC_CHOICES key, or ""


Row = tuple[tuple[str, str, str, str, str, str], str, tuple[str, ...]]


def build(kind: str, rows: Iterable[Row]) -> tuple[BankEntry, ...]:
    """Entries of one trigger kind from ``((slug, trigger, section, pressure, persona, topic),
    question, key points)`` rows. A domain entry is asked in its own domain only."""
    return tuple(
        BankEntry(
            slug=slug,
            section=section,
            pressure=pressure,
            persona=persona,
            trigger_kind=kind,
            trigger=trigger,
            question=question,
            key_points=tuple(key_points),
            domains=(trigger,) if kind == DOMAIN else (),
            topic=topic,
        )
        for (slug, trigger, section, pressure, persona, topic), question, key_points in rows
    )


def fill_quote(question: str, quote: str) -> str:
    """The question with the candidate's words in place of ``{quote}``."""
    return question.replace(QUOTE, f'"{quote}"')
