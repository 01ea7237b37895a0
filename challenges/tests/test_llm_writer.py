"""The written challenge against a loopback OpenAI-protocol server, and its fallback."""

import pytest

from challenges.engine import BANK
from challenges.llm_writer import LLM, write_challenge
from challenges.tests.texts import SOLID, WORDS_ONLY_RESULTS

pytestmark = pytest.mark.django_db

WRITTEN = {
    "question": 'You wrote "latency improved a lot". From what to what, and at which percentile?',
    "persona": "sre",
    "reason": "Your Results talk about latency without a single figure.",
    "key_points": [
        "p95 latency before and after, in milliseconds",
        "The load it was measured at, in requests per second",
    ],
}


@pytest.fixture
def server(fake_openai):
    return fake_openai(timeout=0.5, max_retries=0)


def write(**overrides):
    options = {
        "sections": WORDS_ONLY_RESULTS,
        "section": "results",
        "pressure": "bar_raiser",
        "seed": 1,
    }
    return write_challenge(**(options | overrides))


def test_write_challenge_uses_the_model_reply(server):
    server.script = [("json", WRITTEN)]

    result = write()

    assert result.kind == LLM
    assert result.question == WRITTEN["question"]
    assert result.persona_label == "Infra / SRE"
    assert result.section == "results"
    assert result.slug.startswith("llm-results-")
    assert result.key_points == tuple(WRITTEN["key_points"])
    request = server.requests[0]
    assert request["temperature"] == 0
    assert request["response_format"]["type"] == "json_schema"
    assert "Latency improved a lot" in request["messages"][1]["content"]
    assert "Results (ask about this part)" in request["messages"][1]["content"]


@pytest.mark.parametrize(
    "step",
    [
        ("status", 500),
        ("status", 429),
        ("text", "Sure! Here is a question: why?"),
        ("json", WRITTEN | {"persona": "recruiter"}),
        ("json", WRITTEN | {"question": "Why?"}),
        ("json", WRITTEN | {"key_points": ["Only one point, however good it is"]}),
        ("slow", 2.0, WRITTEN),
    ],
    ids=[
        "server-error",
        "rate-limited",
        "not-json",
        "unknown-persona",
        "too-short",
        "one-key-point",
        "timeout",
    ],
)
def test_write_challenge_falls_back_to_the_bank_on_any_failure(server, step):
    server.script = [step]

    result = write()

    assert server.requests  # the model was asked
    assert result.kind == BANK
    assert result.section == "results"
    assert result.reason == "Your Results has no number with a unit"


def test_write_challenge_without_a_model_uses_the_bank(settings):
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_BASE_URL = None

    result = write(sections=SOLID, section="ownership", pressure="standard")

    assert result.kind == BANK
    assert result.section == "ownership"


def test_write_challenge_never_repeats_an_excluded_question(server):
    server.script = [("json", WRITTEN)]
    first = write()

    again = write(exclude=[first.slug])

    assert again.kind == BANK
