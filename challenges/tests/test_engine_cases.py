"""The engine on calibration cases, scored as the engine dev set's README says: every
must-probe topic probed in at least 90% of (case, seed) pairs, no must-not violated, and no
claim template above a quarter of the claim questions (seeds 1–5, standard pressure)."""

import json
from pathlib import Path

import pytest

from challenges.calibration import PROBE_TARGET, TEMPLATE_CEILING, score

pytestmark = pytest.mark.django_db

OWN_CASES = Path(__file__).with_name("engine_cases.json")
DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "grading-devset" / "engine_cases.json"
SEEDS = (1, 2, 3, 4, 5)


def _check(report):
    name, count, total = report.top_template
    missed = sorted({(run.case_id, t) for run in report.runs for t in run.missed})
    violated = sorted({(run.case_id, t) for run in report.runs for t in run.violated})
    assert report.lowest_topic_rate >= PROBE_TARGET, missed
    assert report.violations == 0, violated
    assert total and count / total <= TEMPLATE_CEILING, report.templates
    assert report.meets_targets


def test_our_own_cases_meet_every_target():
    cases = json.loads(OWN_CASES.read_text())["cases"]

    report = score(cases, pressure="standard", seeds=SEEDS)

    assert len(cases) >= 8
    _check(report)


@pytest.mark.skipif(not DEV_SET.exists(), reason="the shared engine dev set is not checked out")
def test_the_public_dev_set_meets_every_target():
    report = score(json.loads(DEV_SET.read_text())["cases"], pressure="standard", seeds=SEEDS)

    _check(report)
