"""`topic_relevance`: which general topic matters for a project, read from its words."""

import pytest

from challenges.relevance import shows_people_something_new, topic_relevance


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


def test_conditions_learned_as_recorded_but_run_on_a_forecast_raise_leakage():
    text = (
        "The model learns from the sunshine hours and air temperature measured at the pool. "
        "Every evening it runs on the next day's forecast."
    )
    leakage = topic_relevance(text)["leakage"]

    assert leakage.score >= 2.0
    assert "forecast" in leakage.reason


def test_a_forecast_of_the_outcome_alone_is_not_that_leak():
    text = "We forecast weekly ticket sales from the ticket sales recorded in past seasons."
    assert "forecast" not in topic_relevance(text)["leakage"].reason


def test_learning_only_from_the_cases_its_own_decisions_picked_raises_feedback_loops():
    text = "Each month the classifier is retrained on the refunds that our agents approved."
    loop = topic_relevance(text)["feedback_loop"]

    assert loop.evidence
    assert "its own decisions" in loop.reason


def test_retraining_on_every_case_is_no_such_loop():
    text = "Each month the classifier is retrained on a random sample of all refund requests."
    assert not topic_relevance(text)["feedback_loop"].evidence


def test_a_librarys_loans_are_not_lending_decisions():
    text = "We moved ten years of book loan records and member cards to a new catalogue."
    assert topic_relevance(text)["fairness"].score < 1.0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The model predicts at booking time which tenants will pay late, from the deposit, "
            "the lease length and whether they acknowledged the payment reminder email.",
            "acknowledged the payment reminder email",
        ),
        (
            "Each visit is scored when it is booked; the features include the visit type and "
            "whether the slot was confirmed by text.",
            "confirmed by text",
        ),
    ],
)
def test_a_feature_known_only_after_a_later_message_raises_leakage_and_quotes_it(text, words):
    leakage = topic_relevance(text)["leakage"]

    assert leakage.evidence
    assert f"“{words}”" in leakage.reason


def test_a_model_retrained_on_cases_it_confirmed_is_not_a_late_feature():
    text = "The model retrains weekly on the logins that the second factor confirmed as attacks."

    assert not topic_relevance(text)["leakage"].evidence


def test_a_method_for_reading_tests_shows_nobody_anything_new():
    text = "We added variance reduction to the test analysis, so experiments finish sooner."

    assert not shows_people_something_new(text)


def test_a_new_screen_measured_with_that_method_still_shows_people_something_new():
    text = "We A/B tested the new checkout page for three weeks and read it with CUPED."

    assert shows_people_something_new(text)
