"""The shape of our labelled sets, the calibration set (calibration_set.json) and the held-out
probe sets (probe_set.json, probe_set_2.json, probe_set_3.json), not the grader's scores on them.

bench/calibration_eval.py grades them (`--cases scoring/tests/probe_set.json` for the probes);
these tests keep them well formed as they grow: ten variants per base, one label per section, one
expected outcome per challenge turn, unique neutral titles, and answers of the length promised.
"""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from scoring.framework import SECTION_KEYS
from scoring.transcript import FORMAT, parse_transcript

# Each set, with the fewest bases it holds.
FILES = {
    "calibration_set.json": 6,
    "probe_set.json": 4,
    "probe_set_2.json": 4,
    "probe_set_3.json": 4,
}
SETS = {
    name: json.loads((Path(__file__).parent / name).read_text(encoding="utf-8")) for name in FILES
}
DATA = SETS["calibration_set.json"]
CASES = [case for data in SETS.values() for case in data["cases"]]
BY_ID = {case["id"]: case for case in CASES}
VARIANTS = set(DATA["variants"])
OUTCOMES = {"held", "conceded", "caved"}
FIRST_PERSON = re.compile(r"\b(I|my)\b")


def words(text):
    return len(text.split())


def challenge_sections(case):
    return [t["section"] for t in case["project"]["turns"] if t["kind"] == "challenge"]


def other_challenged(case):
    return next(s for s in challenge_sections(case) if s != "defense")


def answers(case, kind=None):
    return [t["answer"] for t in case["project"]["turns"] if kind in (None, t["kind"])]


def strong_of(case):
    return BY_ID[f"{case['base']}.strong"]


@pytest.mark.parametrize("name", FILES)
def test_the_file_says_what_it_is_and_every_base_has_all_ten_variants(name):
    data = SETS[name]
    assert data["format"] == "hotseat.calibration/1"
    assert set(data["variants"]) == VARIANTS and len(VARIANTS) == 10
    per_base = Counter(case["base"] for case in data["cases"])
    assert set(per_base) == set(data["bases"])
    assert len(per_base) >= FILES[name]
    for base in per_base:
        assert {c["variant"] for c in data["cases"] if c["base"] == base} == VARIANTS, base
    assert len(BY_ID) == len(CASES)
    assert all(case["id"] == f"{case['base']}.{case['variant']}" for case in CASES)


def test_titles_are_unique_and_say_nothing_of_the_variant():
    titles = [case["project"]["title"] for case in CASES]
    assert len(set(titles)) == len(titles)
    telltale = re.compile(r"strong|spoken|medium|weak|bluff|stuff|pad|cave|conced|result", re.I)
    for title in titles:
        assert not telltale.search(title), title


def test_all_cases_together_are_one_valid_transcript():
    transcript = parse_transcript({"format": FORMAT, "projects": [c["project"] for c in CASES]})
    assert len(transcript.projects) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_six_prompts_in_order_and_each_challenge_right_after_its_prompt(case):
    turns = case["project"]["turns"]
    prompts = [t["section"] for t in turns if t["kind"] == "prompt"]
    assert prompts == list(SECTION_KEYS)
    sections = challenge_sections(case)
    assert len(sections) == 2 and sections[-1] == "defense" and sections[0] != "defense"
    for before, turn in zip(turns, turns[1:], strict=False):
        if turn["kind"] == "challenge":
            assert (before["section"], before["kind"]) == (turn["section"], "prompt")
    assert all(turn["question"].strip() for turn in turns)
    assert case["project"]["time_budget_seconds"] > 0


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_labels_cover_every_section_on_the_rubric_scale(case):
    labels = case["labels"]
    assert list(labels) == list(SECTION_KEYS)
    assert all(isinstance(v, int) and 0 <= v <= 4 for v in labels.values())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_labels_follow_the_variant_rules(case):
    labels, variant = case["labels"], case["variant"]
    expected = dict.fromkeys(SECTION_KEYS, 4)
    if variant in ("weak", "bluff", "stuffed"):
        expected = dict.fromkeys(SECTION_KEYS, 1)
    elif variant == "padded":
        expected = dict.fromkeys(SECTION_KEYS, 3)
    elif variant == "caved":
        expected.update({"defense": 1, other_challenged(case): 3})
    elif variant == "no_results":
        expected["results"] = 1
    elif variant == "spoken":  # as strong, one lower only where precision is really lost
        assert all(v in (3, 4) for v in labels.values())
        assert list(labels.values()).count(3) <= 1
        return
    elif variant == "medium":
        assert all(v in (2, 3) for v in labels.values())
        return
    assert labels == expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_one_expected_outcome_per_challenge_turn(case):
    expected, variant = case["expected_pushback"], case["variant"]
    assert len(expected) == len(challenge_sections(case))
    assert set(expected) <= OUTCOMES
    rules = {
        "strong": ["held", "held"],
        "spoken": ["held", "held"],
        "padded": ["held", "held"],
        "weak": ["caved", "caved"],
        "bluff": ["caved", "caved"],
        "stuffed": ["caved", "caved"],
        "caved": ["caved", "caved"],
        "conceded": ["conceded", "conceded"],
        "no_results": ["caved" if other_challenged(case) == "results" else "held", "held"],
    }
    if variant == "medium":
        assert sorted(expected) == ["caved", "held"]
    else:
        assert expected == rules[variant]


def test_medium_cases_lose_a_point_where_their_challenge_caved():
    for case in (c for c in CASES if c["variant"] == "medium"):
        caved = challenge_sections(case)[case["expected_pushback"].index("caved")]
        held = challenge_sections(case)[case["expected_pushback"].index("held")]
        assert case["labels"][caved] == 2, case["id"]
        assert case["labels"][held] >= 2, case["id"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_answers_have_the_promised_length_and_speaking_time(case):
    for turn in case["project"]["turns"]:
        answer = turn["answer"]
        if case["variant"] != "padded":
            assert 60 <= words(answer) <= 130, (turn["section"], turn["kind"], words(answer))
        assert answer == answer.strip() and "  " not in answer
        if turn["section"] == "ownership" and case["variant"] != "stuffed":
            assert FIRST_PERSON.search(answer), turn["kind"]  # the candidate's own part
        # About 150 words a minute, as the set says.
        assert abs(turn["seconds"] - words(answer) * 60 / 150) <= 1


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["variant"] == "padded"], ids=lambda c: c["id"]
)
def test_padded_is_the_strong_answer_at_about_two_and_a_half_to_three_times_the_length(case):
    strong = answers(strong_of(case))
    padded = answers(case)
    for short, long in zip(strong, padded, strict=True):
        assert short.split(". ")[0] in long  # the same facts, buried
        assert 2.0 <= words(long) / words(short) <= 3.5
    assert 2.4 <= sum(map(words, padded)) / sum(map(words, strong)) <= 3.0


@pytest.mark.parametrize("variant", ["caved", "conceded", "no_results"])
def test_single_change_variants_keep_the_strong_answers_elsewhere(variant):
    for case in (c for c in CASES if c["variant"] == variant):
        for turn, strong in zip(
            case["project"]["turns"], strong_of(case)["project"]["turns"], strict=True
        ):
            changed = (
                turn["kind"] == "challenge"
                if variant != "no_results"
                else turn["section"] == "results"
            )
            assert (turn["answer"] != strong["answer"]) == changed, (case["id"], turn["section"])


def test_the_grader_meets_every_target_on_our_calibration_set():
    """The issue's targets, on our own set (the public dev set's twin, in other domains): run
    the same script a developer runs, and read its summary line."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "bench/calibration_eval.py"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    summary = done.stdout.strip().splitlines()[-1]
    checks = dict(re.findall(r"(\w+) (\d+)/6", summary))
    assert checks == dict.fromkeys(
        ["sensitivity", "ladder", "stuffed", "padded", "bluff", "caved", "conceded", "spoken"], "6"
    ), summary
    assert float(re.search(r"spearman ([\d.]+)", summary).group(1)) >= 0.80, summary
    pushback = re.search(r"pushback \d+/\d+ \(([\d.]+)%\)", summary).group(1)
    assert float(pushback) >= 85, summary
