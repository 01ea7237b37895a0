from challenges.claims import (
    BEFORE_AFTER,
    CHOICE,
    DECISION,
    NUMBER,
    claim_key_points,
    claim_question,
    extract_claims,
)
from challenges.personas import BAR_RAISER, SRE
from challenges.pressure import BAR_RAISER as BAR_RAISER_PRESSURE
from challenges.pressure import WARMUP

RESULTS = "Latency: p95 went from 92 → 74 ms (–18 ms). Watch time rose +3.2% in the A/B test."


def test_extract_claims_finds_before_after_pairs_with_their_context():
    claims = extract_claims({"results": RESULTS})
    quotes = [claim.quote for claim in claims if claim.kind == BEFORE_AFTER]

    assert "p95 went from 92 → 74 ms" in quotes
    # The aside "(–18 ms)" restates the same claim and is not listed twice.
    assert not any(quote.startswith("–18") for quote in quotes)


def test_claim_question_quotes_the_claim_and_asks_about_load():
    claim = next(c for c in extract_claims({"results": RESULTS}) if "92 → 74 ms" in c.quote)

    question = claim_question(claim)

    assert question.startswith('You said "p95 went from 92 → 74 ms":')
    assert "QPS" in question
    assert claim.persona == SRE


def test_extract_claims_lists_decisions_numbers_and_named_choices():
    claims = extract_claims(
        {
            "problem": "Ranking had to stay under 80 ms p95 at 120k QPS.",
            "ownership": "I chose DLRM over XGBoost and led 4 engineers.",
        }
    )
    kinds = {(claim.kind, claim.section) for claim in claims}
    choices = {claim.technique for claim in claims if claim.kind == CHOICE}

    assert (NUMBER, "problem") in kinds
    assert (DECISION, "ownership") in kinds
    assert choices == {"dlrm", "gbdt"}


def test_extract_claims_puts_results_figures_before_named_choices():
    claims = extract_claims({"architecture": "We used Kafka.", "results": RESULTS})

    assert claims[0].section == "results"
    assert claims[-1].kind == CHOICE


def test_extract_claims_of_empty_text_is_empty():
    assert extract_claims({"results": "", "problem": "It was slow and we fixed it."}) == []


def test_claim_question_sharpens_with_pressure():
    decision = next(c for c in extract_claims({"ownership": "I chose DLRM for ranking."}))

    gentle = claim_question(decision, pressure=WARMUP)
    sharp = claim_question(decision, pressure=BAR_RAISER_PRESSURE)

    assert gentle.startswith('You mentioned "I chose DLRM for ranking"')
    assert "not convinced" in sharp
    assert decision.persona == BAR_RAISER


def test_claim_slug_is_stable_and_names_the_section():
    first = extract_claims({"results": RESULTS})
    again = extract_claims({"results": RESULTS})

    assert [c.slug for c in first] == [c.slug for c in again]
    assert all(c.slug.startswith("claim-results-") for c in first)


def test_claim_ledger_template_shows_quote_and_question_escaped():
    from django.template.loader import render_to_string

    claims = extract_claims({"results": "<b>p95</b> went from 92 → 74 ms."})

    html = render_to_string("challenges/claim_ledger.html", {"claims": claims})

    assert "92 → 74 ms" in html
    assert "at what QPS" in html
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_extract_claims_reads_answers_too_and_counts_a_repeated_claim_once():
    sections = {"results": RESULTS}
    answers = {
        "results": RESULTS,
        "defense": "I chose to keep the rules because they caught 6% more.",
    }

    claims = extract_claims(sections, answers)
    quotes = [claim.quote for claim in claims]

    assert len(quotes) == len(set(quotes))
    assert any(claim.section == "defense" and claim.kind == DECISION for claim in claims)


def test_claim_key_points_follow_what_the_question_asks():
    claims = extract_claims(
        {"results": RESULTS, "ownership": "I chose DLRM over XGBoost after a two-week bake-off."}
    )
    latency = next(c for c in claims if "92 → 74 ms" in c.quote)
    lift = next(c for c in claims if "3.2%" in c.quote)
    decision = next(c for c in claims if c.kind == DECISION)

    assert any("percentile" in point for point in claim_key_points(latency))
    assert any("control or baseline" in point for point in claim_key_points(lift))
    assert any("other options" in point for point in claim_key_points(decision))
