from decimal import Decimal

import pytest

from projects.metrics_check import check_metric, check_pair, check_text, describe_change


@pytest.mark.parametrize(
    ("before", "after", "unit", "stated"),
    [
        ("92", "74", "ms", "–18 ms"),  # exact, with an en dash
        ("92", "74", "ms", "-19.6%"),  # relative, one decimal
        ("92", "74", "ms", "−20%"),  # relative, rounded to whole percent
        ("14", "6", "days", "–57%"),
        ("10", "12", "%", "+2%"),  # percent of a percent read as points
        ("10", "12", "%", "+20%"),  # or as a relative change: both are fair
        ("0.5", "1.1", "%", "+0.6 pp"),
        ("92", "74", "ms", "18 ms faster"),  # unsigned: only the size is checked
    ],
)
def test_check_pair_agreeing_change_is_not_flagged(before, after, unit, stated):
    assert (
        check_pair(
            label="x", before=Decimal(before), after=Decimal(after), unit=unit, stated=stated
        )
        is None
    )


@pytest.mark.parametrize(
    ("before", "after", "unit", "stated", "actual"),
    [
        ("92", "74", "ms", "–20 ms", "−18 ms (−19.6%)"),
        ("100", "112", "", "+15%", "+12 (+12%)"),
        ("92", "74", "ms", "+18 ms", "−18 ms (−19.6%)"),  # wrong direction
        ("0.5", "1.1", "%", "+0.8 pp", "+0.6%"),
    ],
)
def test_check_pair_disagreeing_change_is_flagged_with_the_real_change(
    before, after, unit, stated, actual
):
    issue = check_pair(
        label="p95", before=Decimal(before), after=Decimal(after), unit=unit, stated=stated
    )
    assert issue is not None
    assert issue.actual == actual
    assert issue.message.startswith("p95: you quote")


def test_check_pair_ignores_figures_that_are_not_about_the_pair():
    # "2 weeks" is in another unit, "p < 0.01" is an unsigned bare number.
    assert (
        check_pair(
            label="x",
            before=Decimal(92),
            after=Decimal(74),
            unit="ms",
            stated="A/B over 2 weeks, p < 0.01",
        )
        is None
    )


def test_check_pair_finds_a_wrong_change_after_other_figures():
    issue = check_pair(
        label="x", before=Decimal(92), after=Decimal(74), unit="ms", stated="2 weeks, −20 ms"
    )
    assert issue is not None and issue.stated == "−20 ms"


def test_check_metric_names_the_metric_and_its_pair():
    issue = check_metric(name="p95 latency", before="92", after="74", unit="ms", note="–20 ms")
    assert issue.message == (
        "p95 latency, 92 → 74 ms: you quote –20 ms, but the arithmetic gives −18 ms (−19.6%)."
    )


def test_check_metric_skips_half_typed_rows():
    assert check_metric(name="p95", before="9x", after="74", unit="ms", note="-20 ms") is None
    assert check_metric(name="p95", before="", after="74", unit="ms", note="-20 ms") is None


def test_check_text_flags_only_the_wrong_pair_in_prose():
    text = (
        "p95 went 92 ms → 74 ms (–20 ms); the cycle went 14 days → 6 days (–57%); "
        "conversion 100 -> 112, +15%."
    )
    issues = check_text(text)
    assert [issue.label for issue in issues] == ["92 ms → 74 ms", "100 -> 112"]


def test_check_text_without_quoted_changes_is_quiet():
    assert check_text("p95 from 92 ms to 74 ms and p99 from 140 ms to 120 ms.") == []


def test_describe_change_gives_absolute_and_relative():
    assert describe_change(Decimal(92), Decimal(74), "ms") == "−18 ms (−19.6%)"
    assert describe_change(Decimal(0), Decimal(5), "ms") == "+5 ms"
    assert describe_change(None, Decimal(5), "ms") == ""
