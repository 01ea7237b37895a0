"""The LLM grader against a local OpenAI-protocol server: success, retries, failures, quotes."""

import time

import pytest
from django.core.cache import cache

from scoring import llm
from scoring.framework import SECTION_KEYS
from scoring.graders import grade_transcript
from scoring.graders.llm import PROMPT_VERSION, ProjectGrade
from scoring.models import GRADED
from scoring.services import create_grading
from scoring.tests import calibration as c

FEED_RESULTS = c.FEED["turns"][4]["answer"]
QUOTE = "p95 ranking latency fell from 92 ms to 74 ms"


def section(score, evidence, feedback="Good."):
    return {"score": score, "evidence": evidence, "feedback": feedback}


def grades(results_evidence=(QUOTE,), score=3.5):
    payload = {key: section(score, []) for key in SECTION_KEYS}
    payload["results"] = section(score, list(results_evidence), "Add a confidence interval.")
    return payload


@pytest.fixture
def server(fake_openai):
    fake = fake_openai(timeout=1.0, max_retries=2)
    cache.clear()
    yield fake
    cache.clear()


def grade_feed():
    return grade_transcript(c.transcript(c.FEED), grader="llm")


def test_llm_grade_success_uses_the_model_scores_with_verbatim_quotes(server):
    server.script = [("json", grades())]
    report = grade_feed()
    assert report["grader"] == "llm"
    assert "fallback_reason" not in report
    results = report["projects"][0]["sections"]["results"]
    assert results["score"] == 3.5
    assert results["evidence"] == [QUOTE]
    assert results["feedback"] == "Add a confidence interval."
    assert report["llm"]["model"] == "test-model"
    assert report["llm"]["prompt_version"] == PROMPT_VERSION
    assert report["llm"]["raw"][0].startswith("{")
    assert 0 < report["overall"] <= 100


def test_llm_request_is_deterministic_and_asks_for_the_schema(server):
    server.script = [("json", grades())]
    grade_feed()
    (request,) = server.requests
    assert request["temperature"] == 0
    assert request["seed"] == llm.SEED
    assert request["model"] == "test-model"
    assert request["response_format"]["type"] == "json_schema"
    assert FEED_RESULTS in request["messages"][1]["content"]


def test_llm_retries_after_429_then_succeeds(server):
    server.script = [("status", 429), ("json", grades())]
    report = grade_feed()
    assert report["grader"] == "llm"
    assert len(server.requests) == 2


def test_llm_500s_until_retries_run_out_fall_back_to_heuristic(server):
    server.script = [("status", 500)]
    report = grade_feed()
    assert report["grader"] == "heuristic"
    assert report["requested_grader"] == "llm"
    assert "server failed (500)" in report["fallback_reason"]
    assert len(server.requests) == 3  # the first try and two retries
    assert report == {
        **grade_transcript(c.transcript(c.FEED)),
        **{"requested_grader": "llm", "fallback_reason": report["fallback_reason"]},
    }


def test_llm_timeout_falls_back_to_heuristic(server, settings):
    settings.OPENAI_TIMEOUT = 0.2
    settings.OPENAI_MAX_RETRIES = 0
    server.script = [("slow", 1.0, grades())]
    report = grade_feed()
    assert report["grader"] == "heuristic"
    assert "did not answer in time" in report["fallback_reason"]


def test_llm_invalid_json_falls_back_to_heuristic(server):
    server.script = [("text", "Sure! Here are the scores: problem 3, results 4.")]
    report = grade_feed()
    assert report["grader"] == "heuristic"
    assert "not the JSON asked for" in report["fallback_reason"]


def test_llm_reply_missing_a_section_falls_back(server):
    payload = grades()
    del payload["defense"]
    server.script = [("json", payload)]
    assert grade_feed()["grader"] == "heuristic"


def test_llm_quote_not_in_the_answer_is_dropped(server):
    invented = "latency fell by half and revenue doubled"
    server.script = [("json", grades(results_evidence=(invented, QUOTE)))]
    results = grade_feed()["projects"][0]["sections"]["results"]
    assert results["evidence"] == [QUOTE]
    assert results["dropped_quotes"] == 1


def test_llm_score_without_any_verbatim_quote_is_capped(server):
    server.script = [("json", grades(results_evidence=("numbers everywhere",), score=4))]
    results = grade_feed()["projects"][0]["sections"]["results"]
    assert results["score"] == 1
    assert results["evidence"] == []


def test_llm_cannot_score_an_unanswered_section(server):
    project = c.rewrite(
        c.FEED,
        [t["answer"] for t in c.FEED["turns"][:4]]
        + ["", "", *[t["answer"] for t in c.FEED["turns"][6:]]],
    )
    server.script = [("json", grades(results_evidence=(QUOTE,), score=4))]
    report = grade_transcript(c.transcript(project), grader="llm")
    results = report["projects"][0]["sections"]["results"]
    assert results["score"] == 0
    assert results["feedback"] == "No answer to grade."
    assert results["grader"] == "heuristic"
    assert report["projects"][0]["sections"]["problem"]["grader"] == "llm"


def test_llm_grades_projects_in_parallel_and_caches_them(server):
    server.script = [("slow", 0.3, grades())]
    data = c.transcript(c.FEED, c.TOXICITY, c.MEDIUM_FEED, c.WEAK_FEED)
    started = time.monotonic()
    first = grade_transcript(data, grader="llm")
    assert time.monotonic() - started < 1.1  # one after another would take 1.2 s
    assert len(server.requests) == 4
    assert first["llm"]["cached"] is False
    second = grade_transcript(data, grader="llm")
    assert len(server.requests) == 4  # every project came from the cache
    assert second["llm"]["cached"] is True
    assert second["overall"] == first["overall"]


def test_llm_not_configured_falls_back_and_says_so(settings):
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_BASE_URL = None
    report = grade_feed()
    assert report["grader"] == "heuristic"
    assert "No language model is configured" in report["fallback_reason"]


def test_structured_completion_error_says_whether_retry_helps(server):
    server.script = [("status", 400)]
    with pytest.raises(llm.LLMError) as refused:
        llm.structured_completion([{"role": "user", "content": "hi"}], ProjectGrade)
    assert refused.value.retryable is False
    server.script = [("status", 503)]
    server.requests.clear()
    with pytest.raises(llm.LLMError) as unavailable:
        llm.structured_completion([{"role": "user", "content": "hi"}], ProjectGrade)
    assert unavailable.value.retryable is True


def test_structured_completion_returns_typed_value_and_raw_reply(server):
    server.script = [("json", grades())]
    completion = llm.structured_completion([{"role": "user", "content": "hi"}], ProjectGrade)
    assert completion.value.results.evidence == [QUOTE]
    assert completion.raw.startswith("{")
    assert completion.model == "test-model"


@pytest.mark.django_db
def test_grading_row_asking_for_llm_records_which_grader_produced_it(
    server, user, celery_eager, django_capture_on_commit_callbacks
):
    server.script = [("json", grades())]
    with django_capture_on_commit_callbacks(execute=True):
        grading = create_grading(user=user, transcript=c.transcript(c.FEED), grader="llm")
    grading.refresh_from_db()
    assert grading.status == GRADED
    assert grading.produced_by == "llm"
    assert grading.overall == grading.report["overall"]


def test_the_llm_grader_is_held_to_the_same_plausibility_rules_and_pushback(server):
    bluffed = c.rewrite(
        c.FEED,
        [
            t["answer"]
            if t["section"] != "results" or t["kind"] != "prompt"
            else "Accuracy went from 80% to 99.9% on fraud, which is under 1% of traffic."
            for t in c.FEED["turns"][:-1]
        ]
        + ["I'm not sure, you may be right; I'd have to check."],
    )
    bluff_quote = "Accuracy went from 80% to 99.9% on fraud"
    # A lenient model gives the bluff a 4 and quotes it faithfully.
    server.script = [("json", grades((bluff_quote,), score=4.0))]
    report = grade_transcript(c.transcript(bluffed), grader="llm")
    project = report["projects"][0]
    assert report["grader"] == "llm"
    # The rules hold whatever the model says: the doubtful figure caps Results, the cave on
    # the last challenge costs Defense, and both reach the model in its prompt.
    assert project["sections"]["results"]["score"] <= 1
    assert project["sections"]["defense"]["score"] <= 3
    assert project["pushback_score"] < 1
    (request,) = server.requests
    prompt = request["messages"][0]["content"]
    user = request["messages"][1]["content"]
    assert "Accuracy on a rare class" in prompt and "25%" in prompt
    assert "Claims our plausibility rules doubt" in user and "99.9%" in user
