"""Advice that quotes the candidate: what they said, and what is missing from it.

"Results has no baseline" tells a candidate little; "You said “+3.2% watch time”: against
what?" tells them where to start. Each gap finds the candidate's own words it is about and says
what to add; when nothing fits, the plain gap message stands. No example from another domain is
offered, a doubtful figure comes with the interviewer's reason, and nothing is said twice.
"""

import re

from scoring import detectors as d
from scoring.gaps import gap_message
from scoring.graders.text import as_sentence, quote_for, sentences
from scoring.plausibility import Flag
from scoring.rubric import MAX_LEVEL, describe

_F = re.IGNORECASE
_MAX_ADVICE = 3
_QUOTE_CHARS = 90
# A clause that names a limit only with an adjective. Matches start where a clause starts:
# without that anchor a text with no such clause is tried from every character (quadratic).
_ADJECTIVE_LIMIT = re.compile(
    r"(?:^|(?<=[.,;]))(?:"
    r"[^.,;]*\b(?:latency|traffic|throughput|memory|cost|budget|deadline|scale|volume)\b"
    r"[^.,;]*\b(?:tight|high|low|huge|large|strict|fast|cheap|limited|critical|important"
    r"|careful|usual|very)\b[^.,;]*|[^.,;]*\b(?:tight|strict|usual)\b[^.,;]*\b(?:latency"
    r"|constraints?|requirements?|budget|deadline)\b[^.,;]*)",
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


def _sentence(section) -> str:
    said = sentences(section.text)
    return _quoted(said[0]) if said else ""


def _claim(*kinds: str):
    """The first claim of these kinds, as the sentence it was said in."""

    def find(section) -> str:
        span = _first_span(section, *kinds)
        return _quoted(quote_for(section.text, span, 160)) if span else ""

    return find


def _words(*kinds: str):
    """The first span of these kinds, in the words it was heard as."""

    def find(section) -> str:
        span = _first_span(section, *kinds)
        return _quoted(span.text) if span else ""

    return find


def _said_words(*kinds: str):
    """The first span of these kinds, in the words it was said in."""

    def find(section) -> str:
        span = _first_span(section, *kinds)
        return _quoted(section.text[span.start : span.end]) if span else ""

    return find


def _adjective_limit(section) -> str:
    match = _ADJECTIVE_LIMIT.search(section.text)
    return _quoted(match.group(0)) if match else ""


# For each gap: how to find the candidate's words it is about, and what to say with them.
_QUOTING_ADVICE = {
    "no_numbers": (
        _sentence,
        "You said {said}: put a number on it, the metric with its unit and its value before "
        "and after your change.",
    ),
    "no_baseline": (
        _words("numbers_with_units"),
        "You gave {said} without a baseline: say what it was before, or what it was measured "
        "against.",
    ),
    "no_measurement": (
        _claim("before_after", "numbers_with_units"),
        "You said {said} but not how you know: name the test (an A/B test, a holdout, a "
        "backtest), how long it ran and on what.",
    ),
    "no_variance": (
        _words("before_after", "numbers_with_units"),
        "{said} comes with no sense of noise: give its confidence interval or p-value, or how "
        "much the metric moves week to week.",
    ),
    "only_we": (
        _words("we_statements"),
        "You said {said}: which of those decisions were yours? Say \u201cI chose \u2026 because "
        "\u2026\u201d for at least two of them.",
    ),
    "no_comparison": (
        _words("alternatives"),
        "You named {said} but not why it lost: give the figure that decided it (accuracy, "
        "latency, cost or time to ship).",
    ),
    "no_rationale": (
        _sentence,
        "You described {said} without saying why: tie each key choice to a constraint or a "
        "measurement (\u201cbecause \u2026\u201d).",
    ),
    "no_constraint_numbers": (
        _adjective_limit,
        "You said {said}: give the number (for instance the p99 in ms or the monthly budget) "
        "and where it came from.",
    ),
    "no_evidence": (
        _sentence,
        "You defended with {said}: that is an opinion until a figure or an experiment backs it.",
    ),
    "hedging": (
        _said_words("hedging"),
        "You hedged ({said}): say plainly what you measured, and what you did not.",
    ),
}


def _advice_for_gap(code: str, key: str, section) -> str:
    """One line for a gap, quoting the candidate where their words show what is missing."""
    if code in _QUOTING_ADVICE:
        find, template = _QUOTING_ADVICE[code]
        said = find(section)
        if said:
            return template.format(said=said)
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
        line += f" A strong answer brings: {as_sentence(missing[0])}"
    else:
        line += " Meet it with a figure or an experiment, or concede it with data and a limit."
    return line
