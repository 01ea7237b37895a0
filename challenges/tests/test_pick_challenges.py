"""`manage.py pick_challenges FILE`: what the engine picks for project records."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from challenges.tests.texts import DOUBTFUL, LLM_PROJECT

pytestmark = pytest.mark.django_db

RECORD = {
    "title": "Gym membership churn",
    "company": "Fitness chain",
    "role": "ML Engineer",
    "period": "2024",
    "tags": "churn, lightgbm",
    "sections": DOUBTFUL,
    "metrics": [{"name": "AUC", "before": None, "after": 0.99, "unit": "", "note": "random"}],
}
LLM_RECORD = {"title": "Account summaries with a hosted LLM", "tags": "llm", **LLM_PROJECT}


def run(tmp_path, data, *args) -> str:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(data))
    out = io.StringIO()
    call_command("pick_challenges", str(path), *args, stdout=out)
    return out.getvalue()


def test_prints_each_pick_with_section_persona_question_and_reason(tmp_path):
    text = run(tmp_path, RECORD)

    assert text.startswith("Gym membership churn")
    assert "flags: near_perfect_metric (red)" in text
    assert "1. Results · Skeptical staff ML engineer" in text
    assert 'Before I believe "AUC 0.99 on a random 30% split of members"' in text
    assert "Why: A red flag in Results: near-perfect metric" in text
    assert text.count("Why: ") == 4  # standard pressure asks four


def test_reads_the_dev_sets_shape_and_a_plain_list(tmp_path):
    cases = {"format": "hotseat.engine-devset/1", "cases": [{"id": "gym", "record": RECORD}]}

    as_cases = run(tmp_path, cases)
    as_list = run(tmp_path, [RECORD, LLM_RECORD])

    assert "Gym membership churn  [gym]" in as_cases
    assert "Gym membership churn" in as_list and "Account summaries with a hosted LLM" in as_list
    assert "domains: llm" in as_list  # sections may sit at the top level of a record


@pytest.mark.parametrize(("pressure", "count"), [("warmup", 2), ("bar_raiser", 6)])
def test_pressure_and_seed_are_options(tmp_path, pressure, count):
    text = run(tmp_path, RECORD, "--pressure", pressure, "--seed", "7")

    assert f"pressure {pressure}, seed 7" in text
    assert text.count("Why: ") == count


def test_json_carries_the_key_points(tmp_path):
    report = json.loads(run(tmp_path, [RECORD], "--json"))

    [project] = report["projects"]
    assert report["pressure"] == "standard" and report["seed"] == 1
    assert project["flags"][0]["rule"] == "near_perfect_metric"
    first = project["challenges"][0]
    assert first["section"] == "results" and first["persona"] == "staff_ml"
    assert 2 <= len(first["key_points"]) <= 4
    assert {"question", "reason", "persona_label", "trigger_kind", "topic"} <= set(first)


def test_the_same_seed_gives_the_same_picks(tmp_path):
    assert run(tmp_path, RECORD, "--seed", "3") == run(tmp_path, RECORD, "--seed", "3")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ("[]", "holds no project records"),
        ('{"title": "x", "sections": {"summary": "y"}}', "Unknown section 'summary'"),
        ('"just text"', "A project record is a JSON object"),
    ],
)
def test_a_bad_file_gets_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        call_command("pick_challenges", str(path), stdout=io.StringIO())


def test_a_missing_file_gets_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("pick_challenges", str(tmp_path / "nope.json"), stdout=io.StringIO())
