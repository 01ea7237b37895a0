import pytest

from projects.importer import metrics_from_text, parse_project, section_for_heading


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Problem & Constraints", "problem"),
        ("1) Problem and constraints", "problem"),
        ("Context", "problem"),
        ("Role & Ownership", "ownership"),
        ("My role", "ownership"),
        ("Architecture & Key Decisions", "architecture"),
        ("Key technical decisions", "architecture"),
        ("Design", "architecture"),
        ("Alternatives & Trade-offs", "tradeoffs"),
        ("Trade offs", "tradeoffs"),
        ("Alternatives considered", "tradeoffs"),
        ("Results (measurable)", "results"),
        ("Impact", "results"),
        ("Outcomes", "results"),
        ("Defense & Hindsight", "defense"),
        ("Defence and hindsight", "defense"),
        ("Lessons learned", "defense"),
        ("What I'd do differently", "defense"),
    ],
)
def test_section_for_heading_recognises_common_variants(heading, section):
    assert section_for_heading(heading) == section


@pytest.mark.parametrize(
    "line",
    [
        "Watch time stalled because cold start was poor",
        "Latency",
        "",
        "The results were great and the design was simple and everybody loved it",
    ],
)
def test_section_for_heading_rejects_prose_and_unknown_headings(line):
    assert section_for_heading(line) is None


def test_parse_project_markdown_in_any_order():
    text = """# Fraud scoring at checkout

## Results
Chargebacks fell from 0.9% to 0.6%.

## My role
I led a team of 3.

## Problem & constraints
Fraud losses grew; scoring had to finish within 40 ms.

### Trade-offs
We considered rules only.

## Lessons learned
I would add shadow mode earlier.

## Architecture
Events flow from Kafka into a GBDT model.
"""
    result = parse_project(text)
    assert result.title == "Fraud scoring at checkout"
    assert result.sections == {
        "problem": "Fraud losses grew; scoring had to finish within 40 ms.",
        "ownership": "I led a team of 3.",
        "architecture": "Events flow from Kafka into a GBDT model.",
        "tradeoffs": "We considered rules only.",
        "results": "Chargebacks fell from 0.9% to 0.6%.",
        "defense": "I would add shadow mode earlier.",
    }
    assert result.unplaced == ""


def test_parse_project_plain_text_with_labels_bold_and_metadata():
    text = """Project 2: Search autocomplete
Company: Acme
Period: 2021-2022
Tags: search, latency
Some words before any heading.
**Problem:** Typing felt slow on mobile.
Role
I owned the ranking service.
Results: p95 from 120 ms to 60 ms.
- Design: this bullet stays in results
"""
    result = parse_project(text)
    assert result.title == "Search autocomplete"
    assert (result.company, result.period, result.tags) == ("Acme", "2021-2022", "search, latency")
    assert result.sections["problem"] == "Typing felt slow on mobile."
    assert result.sections["ownership"] == "I owned the ranking service."
    assert result.sections["results"] == (
        "p95 from 120 ms to 60 ms.\n- Design: this bullet stays in results"
    )
    assert result.unplaced == "Some words before any heading."
    assert result.filled == ["problem", "ownership", "results"]


def test_parse_project_repeated_heading_appends():
    result = parse_project("Results\nfirst\nProblem\nwhy\nResults\nsecond")
    assert result.sections["results"] == "first\nsecond"


def test_parse_project_reference_layout_fills_all_six_sections():
    text = """## Project 1: Home Feed Ranking v2
1) Problem & Constraints
- Problem: Watch-time plateaued.
2) Role & Ownership
- Tech lead for 4 engineers.
3) Architecture & Key Decisions
- Two-stage system.
4) Alternatives & Trade-offs
- Alternative A: XGBoost.
5) Results (Measurable)
- Latency: p95 from 92 ms → 74 ms.
6) Defense & Hindsight
- Challenge: use a transformer.
"""
    result = parse_project(text)
    assert result.title == "Home Feed Ranking v2"
    assert len(result.filled) == 6
    assert result.sections["problem"] == "- Problem: Watch-time plateaued."


def test_metrics_from_text_turns_each_pair_into_a_row_with_the_quoted_change():
    text = (
        "- Latency: p95 from 92 ms → 74 ms (–18 ms); p99 from 140 ms → 120 ms.\n"
        "- Speed: model iteration cycle went from 14 days to 6 days (–57%)."
    )
    assert metrics_from_text(text) == [
        {"name": "Latency: p95", "before": "92", "after": "74", "unit": "ms", "note": "–18 ms"},
        {"name": "p99", "before": "140", "after": "120", "unit": "ms", "note": ""},
        {
            "name": "Speed: model iteration cycle",
            "before": "14",
            "after": "6",
            "unit": "days",
            "note": "–57%",
        },
    ]


def test_metrics_from_text_without_pairs_is_empty():
    assert metrics_from_text("Serving cost fell 12% and nobody complained.") == []


def test_parse_project_reads_metrics_from_results_only():
    result = parse_project("Problem\nwent 3 → 5 teams\nResults\nCost per 1k from $10 to $8.")
    assert [row["name"] for row in result.metrics] == ["Cost per 1k"]
