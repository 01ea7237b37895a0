import importlib
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from scoring.models import Grading
from scoring.services import run_grading
from scoring.summary import SUMMARY_VERSION, summarize
from scoring.tests.review_data import make_grading

pytestmark = pytest.mark.django_db


def _dashboard(client) -> str:
    # Without what changes on every request: the CSP nonce and the masked CSRF token.
    page = client.get("/dashboard/").content.decode()
    return re.sub(r'(nonce=|csrfmiddlewaretoken" value=|x-csrftoken": )"[^"]*"', "", page)


def test_summary_written_when_grading_finishes(user):
    grading = make_grading(user, projects=2)
    assert grading.summary == summarize(grading.report, grading.transcript)
    assert grading.summary["version"] == SUMMARY_VERSION
    titles = [p["title"] for p in grading.report["projects"]]
    assert [p["title"] for p in grading.summary["projects"]] == titles


def test_summary_pushback_carries_the_turn_number_and_bank_slug(user):
    grading = make_grading(user)
    entries = [e for p in grading.summary["projects"] for e in p["pushback"]]
    assert entries and all("number" in e and "challenge" in e for e in entries)


def test_dashboard_same_for_a_grading_without_summary(client_user, user):
    make_grading(user)
    make_grading(user, turns=3)
    Grading.objects.update(created_at=timezone.now() - timedelta(days=2))
    with_summaries = _dashboard(client_user)
    Grading.objects.update(summary=None)
    assert _dashboard(client_user) == with_summaries
    assert "See what you said" in with_summaries and "Top fix:" in with_summaries


def test_migration_backfills_summaries_of_graded_rows(user):
    graded = make_grading(user)
    queued = make_grading(user, graded=False)
    Grading.objects.update(summary=None)
    migration = importlib.import_module("scoring.migrations.0003_grading_summary")
    migration.backfill_summaries(apps, None)
    graded.refresh_from_db()
    queued.refresh_from_db()
    assert graded.summary == summarize(graded.report, graded.transcript)
    assert queued.summary is None


def test_dashboard_cached_chart_takes_in_a_new_grading(client_user, user):
    make_grading(user)
    assert "over your last 1 graded session," in _dashboard(client_user)
    make_grading(user, turns=3)
    assert "over your last 2 graded sessions" in _dashboard(client_user)


def test_dashboard_takes_in_a_session_graded_after_it_was_cached(client_user, user):
    grading = make_grading(user, graded=False)
    assert "No challenges answered yet." in _dashboard(client_user)
    run_grading(grading_id=grading.pk)
    page = _dashboard(client_user)
    assert "No challenges answered yet." not in page and "Top fix:" in page
