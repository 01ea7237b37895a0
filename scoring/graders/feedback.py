"""Advice that quotes the candidate: what they said, and what is missing from it.

"Results has no baseline" tells a candidate little; "You said “+3.2% watch time”: against
what?" tells them where to start. Each gap finds the candidate's own words it is about and says
what to add; when nothing fits, the plain gap message stands. No example from another domain is
offered, a doubtful figure comes with the interviewer's reason, and nothing is said twice.
"""

import re

from scoring import detectors as d
from scoring.gaps import gap_message
from scoring.graders.text import quote_for, sentences
from scoring.plausibility import Flag
from scoring.rubric import MAX_LEVEL, describe

_F = re.IGNORECASE
_MAX_ADVICE = 3
_QUOTE_CHARS = 90
_ADJECTIVE_LIMIT = re.compile(
    r"[^.,;]*\b(?:latency|traffic|throughput|memory|cost|budget|deadline|scale|volume)\b"
    r"[^.,;]*\b(?:tight|high|low|huge|large|strict|fast|cheap|limited|critical|important"
    r"|careful|usual|very)\b[^.,;]*|[^.,;]*\b(?:tight|strict|usual)\b[^.,;]*\b(?:latency"
    r"|constraints?|requirements?|budget|deadline)\b[^.,;]*",
    _F,
)


def _quoted(text: str) -> str:
    text = text.strip()
    if len(text) > _QUOTE_CHARS:
        cut = text[:_QUOTE_CHARS].rsplit(" ", 1)[0]
        text = cut.rstrip(",;:") + "…"
    return f"\u201c{text}\u201d"


def _first_span(section, *kinds: str) -> d.Span | None:
    for kind in kinds:
        spans = section.found[kind]
        if spans:
            return spans[0]
    return None


def _span_quote(section, span: d.Span) -> str:
    return _quoted(quote_for(section.text, span, 160))


def _first_sentence(section) -> str:
    said = sentences(section.text)
    return _quoted(said[0]) if said else ""


def _advice_for_gap(code: str, key: str, section) -> str:
    """One line for a gap, quoting the candidate where their words show what is missing."""
    if code == "no_numbers":
        said = _first_sentence(section)
        if said:
            return (
                f"You said {said}: put a number on it, the metric with its unit and its value "
                "before and after your change."
            )
    elif code == "no_baseline":
        span = _first_span(section, "numbers_with_units")
        if span:
            return (
                f"You gave {_quoted(span.text)} without a baseline: say what it was before, or "
                "what it was measured against."
            )
    elif code == "no_measurement":
        span = _first_span(section, "before_after", "numbers_with_units")
        if span:
            return (
                f"You said {_span_quote(section, span)} but not how you know: name the test "
                "(an A/B test, a holdout, a backtest), how long it ran and on what."
            )
    elif code == "no_variance":
        span = _first_span(section, "before_after", "numbers_with_units")
        if span:
            return (
                f"{_quoted(span.text)} comes with no sense of noise: give its confidence "
                "interval or p-value, or how much the metric moves week to week."
            )
    elif code == "only_we":
        span = _first_span(section, "we_statements")
        if span:
            return (
                f"You said {_quoted(span.text)}: which of those decisions were yours? Say "
                "\u201cI chose … because …\u201d for at least two of them."
            )
    elif code == "no_comparison":
        span = _first_span(section, "alternatives")
        if span:
            return (
                f"You named {_quoted(span.text)} but not why it lost: give the figure that "
                "decided it (accuracy, latency, cost or time to ship)."
            )
    elif code == "no_rationale":
        said = _first_sentence(section)
        if said:
            return (
                f"You described {said} without saying why: tie each key choice to a "
                "constraint or a measurement (\u201cbecause …\u201d)."
            )
    elif code == "no_constraint_numbers":
        match = _ADJECTIVE_LIMIT.search(section.text)
        if match:
            return (
                f"You said {_quoted(match.group(0))}: give the number (for instance the p99 "
                "in ms or the monthly budget) and where it came from."
            )
    elif code == "no_evidence":
        said = _first_sentence(section)
        if said:
            return (
                f"You defended with {said}: that is an opinion until a figure or an "
                "experiment backs it."
            )
    elif code == "hedging":
        span = _first_span(section, "hedging")
        if span:
            return (
                f"You hedged ({_quoted(section.text[span.start : span.end])}): say plainly "
                "what you measured, and what you did not."
            )
    return gap_message(code, key)


def advice_for(
    key: str, score: float, gaps: list[str], notes: list[str], section, flags: list[Flag]
) -> list[str]:
    """What to do next for one section, most important first, each said once."""
    if score == 0:
        return []
    lines = [flag.reason for flag in flags if flag.severity == "red"]
    lines += [_advice_for_gap(code, key, section) for code in gaps if code != "empty"]
    lines += [f"It {note}." for note in notes]
    if not lines and score < MAX_LEVEL:
        lines.append(f"For a {int(score) + 1}: {describe(key, int(score) + 1)}")
    return list(dict.fromkeys(lines))[:_MAX_ADVICE]


def cave_fix(outcome: dict) -> str:
    """The top fix for a challenge the candidate caved on: the question, and what would hold."""
    line = (
        f"Turn {outcome['turn'] + 1}: you caved on \u201c{outcome['question']}\u201d. "
        f"{outcome['reason']}"
    )
    missing = [
        point
        for point, covered in zip(
            outcome.get("key_points") or [], outcome.get("covered") or [], strict=False
        )
        if not covered
    ] or list(outcome.get("key_points") or [])
    if missing:
        line += f" A strong answer brings: {missing[0]}"
    else:
        line += " Meet it with a figure or an experiment, or concede it with data and a limit."
    return line
