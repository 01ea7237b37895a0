"""The grade_transcript and sweep_gradings management commands."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from scoring.framework import SECTION_KEYS
from scoring.models import GRADED, GRADING, Grading
from scoring.tests import calibration as c


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def transcript_file(tmp_path):
    path = tmp_path / "session.json"
    path.write_text(json.dumps(c.transcript(c.FEED, c.WEAK_FEED)), encoding="utf-8")
    return path


def test_grade_transcript_json_prints_the_design_shape(transcript_file):
    report = json.loads(run("grade_transcript", str(transcript_file), "--json"))
    assert report["grader"] == "heuristic"
    assert 0 <= report["overall"] <= 100
    assert len(report["projects"]) == 2
    for project in report["projects"]:
        assert {"title", "overall", "sections"} <= set(project)
        assert list(project["sections"]) == list(SECTION_KEYS)
        for section in project["sections"].values():
            assert {"score", "evidence", "feedback"} <= set(section)
            assert 0 <= section["score"] <= 4
    assert report["projects"][0]["overall"] > report["projects"][1]["overall"]


def test_grade_transcript_text_shows_scores_evidence_and_fixes(transcript_file):
    out = run("grade_transcript", str(transcript_file))
    assert out.startswith("Overall ")
    assert "Problem & Constraints: 4.0 / 4" in out
    assert "\u201cRanking had to stay under 80 ms at p95" in out
    assert "Top things to fix:" in out


def test_grade_transcript_reads_standard_input(transcript_file, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO(transcript_file.read_text()))
    assert json.loads(run("grade_transcript", "-", "--json"))["grader"] == "heuristic"


def test_grade_transcript_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("grade_transcript", str(tmp_path / "nope.json"))


def test_grade_transcript_invalid_json_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        run("grade_transcript", str(path))


def test_grade_transcript_invalid_transcript_says_where(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "format": "hotseat.transcript/1",
                "projects": [{"title": "x", "turns": [{"section": "summary", "answer": "hi"}]}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"projects\[0\]\.turns\[0\]\.section"):
        run("grade_transcript", str(path))


@pytest.mark.django_db
def test_sweep_gradings_requeues_and_reports_the_count(
    user, celery_eager, django_capture_on_commit_callbacks
):
    stuck = Grading.objects.create(
        user=user,
        transcript=c.transcript(c.FEED),
        status=GRADING,
        attempts=1,
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        out = run("sweep_gradings", "--stale-after", "60")
    assert out.strip() == "Re-queued 1 grading(s)."
    stuck.refresh_from_db()
    assert stuck.status == GRADED


@pytest.mark.django_db
def test_admin_lists_gradings_and_retries_failed_ones(
    admin_client, user, celery_eager, django_capture_on_commit_callbacks
):
    failed = Grading.objects.create(
        user=user, transcript=c.transcript(c.FEED), status="failed", error="Grading stopped."
    )
    page = admin_client.get("/admin/scoring/grading/")
    assert "Failed" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/scoring/grading/",
            {"action": "retry_failed", "_selected_action": [failed.pk]},
        )
    failed.refresh_from_db()
    assert failed.status == GRADED
