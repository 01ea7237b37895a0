"""`topic_relevance`: which general topic matters for a project, read from its words."""

import pytest

from challenges.relevance import topic_relevance


@pytest.mark.parametrize(
    "text",
    [
        # ML homonyms of the people a decision is about
        "Retrieval returns 200 candidates from the vector index, and a reranker orders them.",
        "We compared our parser against a large language model on 5,000 receipts.",
        "We routed the ticket with a small language model instead of rules.",
    ],
)
def test_ml_words_that_sound_like_people_do_not_raise_fairness(text):
    assert topic_relevance(text)["fairness"].score < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The model screens job candidates before a recruiter sees them.",
        "It decides loan eligibility for first-time borrowers.",
        "Accuracy for callers speaking regional dialects and other languages lagged.",
    ],
)
def test_decisions_about_people_raise_fairness(text):
    assert topic_relevance(text)["fairness"].score >= 2.0
