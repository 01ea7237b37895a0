"""Metric sanity check: does a quoted change agree with its own before → after pair?

Interviewers do the arithmetic in their heads. "p95 from 92 to 74 ms, minus 20 ms" or a
"+15%" that is really +12% costs more credibility than the number earns, so we flag it
before the candidate says it out loud. Pure functions, no Django.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# En dash, minus sign and hyphen all appear in pasted resumes; the hyphen goes last so
# that it stays literal inside the character classes below.
_MINUS = "–−-"
_NUMBER = r"\d+(?:[.,]\d+)*"
_STATED = re.compile(
    rf"(?P<sign>[+{_MINUS}]?)\s*(?P<value>{_NUMBER})\s*(?P<unit>%|pp\b|[^\W\d_][\w/]*)?"
)
_ARROW = r"(?:→|->|⟶|\bto\b)"
# "92 ms → 74 ms", optionally followed by the change quoted for it: "(–18 ms)" or ", -18 ms".
_PAIR = re.compile(
    rf"(?P<cur1>[$€£])?(?P<before>{_NUMBER})\s*(?P<unit1>%|[^\W\d_][\w/]*)?\s*{_ARROW}\s*"
    rf"(?P<cur2>[$€£])?(?P<after>{_NUMBER})\s*(?P<unit2>%|[^\W\d_][\w/]*)?"
    rf"(?:\s*\(\s*(?P<paren>[+{_MINUS}]?\s*{_NUMBER}\s*(?:%|pp\b|[^\W\d_][\w/]*)?)[^)]*\)"
    rf"|\s*[,;:]\s*(?P<signed>[+{_MINUS}]\s*{_NUMBER}\s*(?:%|pp\b|[^\W\d_][\w/]*)?))?"
)


@dataclass(frozen=True)
class Pair:
    """A before → after pair found in prose, with the change quoted for it if any."""

    start: int
    end: int
    before: Decimal
    after: Decimal
    unit: str
    stated: str
    stated_start: int  # where the quoted change begins (== end when none is quoted)


@dataclass(frozen=True)
class MetricIssue:
    label: str  # which pair: the metric's name or the quoted text
    stated: str
    actual: str
    message: str


def _to_decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def _format(value: Decimal, suffix: str) -> str:
    rounded = value.quantize(Decimal("0.1")).normalize()
    if rounded == rounded.to_integral():
        rounded = rounded.quantize(Decimal("1"))
    sign = "+" if value > 0 else "−" if value < 0 else ""
    gap = "" if suffix in ("%", "") else " "
    return f"{sign}{abs(rounded)}{gap}{suffix}"


def describe_change(before: Decimal | None, after: Decimal | None, unit: str = "") -> str:
    """'−18 ms (−19.6%)': the change a before → after pair really is."""
    if before is None or after is None:
        return ""
    delta = after - before
    absolute = _format(delta, unit.strip())
    if before == 0 or unit.strip() == "%":
        return absolute
    return f"{absolute} ({_format(delta / abs(before) * 100, '%')})"


def _tolerance(stated_text: str, actual: Decimal) -> Decimal:
    # A quoted figure is rounded to its last digit ("20%" may be 19.6%), and small
    # relative slack absorbs rounding of the inputs themselves.
    decimals = len(stated_text.split(".")[1]) if "." in stated_text else 0
    rounding = Decimal(5) / (Decimal(10) ** (decimals + 1))
    return max(rounding, abs(actual) * Decimal("0.02"))


def _agrees(stated: Decimal, stated_text: str, actual: Decimal, signed: bool) -> bool:
    if not signed:
        stated, actual = abs(stated), abs(actual)
    return abs(stated - actual) <= _tolerance(stated_text, actual)


def check_pair(
    *, label: str, before: Decimal | None, after: Decimal | None, unit: str, stated: str
) -> MetricIssue | None:
    """Compare each change quoted in `stated` ("-20 ms", "+15%", "0.6 pp") with before → after.

    Figures in another unit ("over 2 weeks") or bare unsigned numbers ("p < 0.01") are
    not claims about this pair and are skipped.
    """
    if before is None or after is None or not stated:
        return None
    unit = unit.strip()
    for match in _STATED.finditer(stated):
        actuals = _comparable_changes(match, before=before, after=after, unit=unit)
        value = _to_decimal(match["value"])
        if not actuals or value is None:
            continue
        signed = bool(match["sign"])
        if signed and match["sign"] in _MINUS:
            value = -value
        if any(_agrees(value, match["value"], actual, signed) for actual in actuals):
            continue
        quoted = match.group(0).strip()
        actual_text = describe_change(before, after, unit)
        return MetricIssue(
            label=label,
            stated=quoted,
            actual=actual_text,
            message=f"{label}: you quote {quoted}, but the arithmetic gives {actual_text}.",
        )
    return None


def _comparable_changes(match, *, before: Decimal, after: Decimal, unit: str) -> list[Decimal]:
    stated_unit = (match["unit"] or "").strip()
    delta = after - before
    if stated_unit == "%":
        actuals = [delta / abs(before) * 100] if before != 0 else []
        if unit == "%":  # "10% → 12% (+2%)" usually means points; accept either reading
            actuals.append(delta)
        return actuals
    if stated_unit == "pp" or (stated_unit and stated_unit.lower() == unit.lower()):
        return [delta]
    if not stated_unit and match["sign"]:
        return [delta]
    return []


def plain_number(value: Decimal | None) -> str:
    """92, not 92.0000 or 9.2E+1; empty for a missing value."""
    return "" if value is None else f"{value.normalize():f}"


def check_metric(
    *, name: str, before: Decimal | str | None, after: Decimal | str | None, unit: str, note: str
) -> MetricIssue | None:
    """A metric row's note may quote the change ("–18 ms, A/B over 2 weeks")."""
    # Rows may come straight from a half-typed form: anything that is not a number is skipped.
    before = _to_decimal(str(before)) if before not in (None, "") else None
    after = _to_decimal(str(after)) if after not in (None, "") else None
    if before is None or after is None:
        return None
    pair = f"{plain_number(before)} → {plain_number(after)}{' ' + unit if unit else ''}"
    return check_pair(
        label=f"{name or 'Metric'}, {pair}", before=before, after=after, unit=unit, stated=note
    )


def find_pairs(text: str) -> list[Pair]:
    pairs = []
    for match in _PAIR.finditer(text):
        before, after = _to_decimal(match["before"]), _to_decimal(match["after"])
        if before is None or after is None:
            continue
        stated_group = "paren" if match["paren"] else "signed" if match["signed"] else None
        pairs.append(
            Pair(
                start=match.start(),
                end=match.end(),
                before=before,
                after=after,
                unit=match["unit2"] or match["unit1"] or match["cur2"] or match["cur1"] or "",
                stated=match[stated_group] if stated_group else "",
                stated_start=match.start(stated_group) if stated_group else match.end(),
            )
        )
    return pairs


def check_text(text: str) -> list[MetricIssue]:
    """Find "X → Y (change)" in prose and flag those whose change is wrong."""
    issues = []
    for pair in find_pairs(text):
        issue = check_pair(
            label=text[pair.start : pair.stated_start].rstrip(" ,;:("),
            before=pair.before,
            after=pair.after,
            unit=pair.unit,
            stated=pair.stated,
        )
        if issue:
            issues.append(issue)
    return issues
