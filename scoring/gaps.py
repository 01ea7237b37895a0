"""What a section's text lacks, as stable codes with a sentence the candidate can act on.

Shared by the readiness check (projects), the grader's advice and the challenge engine's
weakness triggers, so the codes never change meaning. Pure Python, no Django.
"""

from dataclasses import dataclass

from scoring import detectors as d
from scoring.claims import measures_something, read_claims
from scoring.framework import SECTION_BY_KEY


@dataclass(frozen=True, slots=True)
class Gap:
    code: str
    section: str
    message: str


# Each code's message; "{section}" is filled with the section's title.
GAP_MESSAGES: dict[str, str] = {
    "empty": "{section} is empty.",
    "no_numbers": "{section} has no number with a unit (ms, %, $, QPS…).",
    "no_baseline": "{section} gives numbers but no baseline: say what they were before.",
    "no_measurement": "{section} never says how it was measured (A/B test, holdout, benchmark).",
    "no_variance": "{section} gives no sense of noise: a confidence interval or p-value.",
    "only_we": '{section} never says what you decided or built yourself ("I chose…").',
    "no_alternative": "{section} names no alternative you considered.",
    "no_comparison": "{section} names an alternative but not why it lost: a reason or a figure.",
    "no_rationale": '{section} lists components without saying why ("because…").',
    "no_data_flow": "{section} does not trace how data flows from input to serving.",
    "no_constraint_numbers": "{section} states no hard limit with a number (latency, QPS, cost).",
    "no_hindsight": "{section} never says what you would change in hindsight.",
    "no_evidence": "{section} answers with opinion: bring a number or an experiment.",
    "hedging": '{section} hedges ("I think", "maybe") more than it states facts.',
}
GAP_CODES: tuple[str, ...] = tuple(GAP_MESSAGES)

# Gaps that keep a section from being ready; the others are advice for a stronger answer.
BLOCKING_GAPS: dict[str, frozenset[str]] = {
    "problem": frozenset({"no_constraint_numbers"}),
    "ownership": frozenset({"only_we"}),
    "architecture": frozenset({"no_data_flow", "no_rationale"}),
    "tradeoffs": frozenset({"no_alternative", "no_comparison"}),
    "results": frozenset({"no_numbers", "no_baseline"}),
    "defense": frozenset({"no_evidence"}),
}
# How close (in characters) a reason or figure must be to an alternative to compare it.
COMPARISON_REACH = 160
_MIN_WORDS = 3


def gap_message(code: str, section_key: str) -> str:
    return GAP_MESSAGES[code].format(section=SECTION_BY_KEY[section_key].title)


def spans_near(spans: list[d.Span], anchor: d.Span, reach: int = COMPARISON_REACH) -> list[d.Span]:
    """The spans within `reach` characters of the anchor (a reason near an alternative)."""
    return [s for s in spans if s.start <= anchor.end + reach and s.end >= anchor.start - reach]


def codes_from(section_key: str, text: str, found: dict[str, list[d.Span]]) -> list[str]:
    """The gap codes for a text whose detector spans (`detectors.detect_all`) are at hand."""
    if len(text.split()) < _MIN_WORDS:
        return ["empty"]
    numbers = found["numbers_with_units"]
    codes: list[str] = []
    if section_key == "problem":
        if not found["constraints"]:
            codes.append("no_constraint_numbers")
    elif section_key == "ownership":
        if not found["decisions"]:
            codes.append("only_we")
    elif section_key == "architecture":
        if not found["data_flow"]:
            codes.append("no_data_flow")
        if not (found["rationale"] or found["consequence"]):
            codes.append("no_rationale")
    elif section_key == "tradeoffs":
        alternatives = found["alternatives"]
        if not alternatives:
            codes.append("no_alternative")
        else:
            support = found["rationale"] + found["tradeoff_language"] + numbers
            if not any(spans_near(support, alternative) for alternative in alternatives):
                codes.append("no_comparison")
    elif section_key == "results":
        measured = found["measurement"]
        if not numbers:
            codes.append("no_numbers")
        elif not found["before_after"]:
            codes.append("no_baseline")
        if not measured:
            codes.append("no_measurement")
        if numbers and not found["variance"]:
            codes.append("no_variance")
    elif section_key == "defense":
        # Evidence as the pushback judge counts it: a figure that measures something, whatever
        # it counts ("212 flagged invoices"), or a measurement.
        figures = numbers or any(measures_something(c) for c in read_claims(text, section_key))
        if not figures and not found["measurement"]:
            codes.append("no_evidence")
        if not found["hindsight"]:
            codes.append("no_hindsight")
    hedges = found["hedging"]
    if hedges and len(hedges) > len(numbers):
        codes.append("hedging")
    return codes


def find_gaps(section_key: str, text: str) -> list[Gap]:
    """The gaps in one section's text, most important first."""
    if section_key not in SECTION_BY_KEY:
        raise ValueError(f"unknown section {section_key!r}")
    return [
        Gap(code, section_key, gap_message(code, section_key))
        for code in codes_from(section_key, text or "", d.detect_all(text or ""))
    ]
