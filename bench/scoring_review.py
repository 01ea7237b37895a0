"""Benchmark the review pages and the dashboard as a user's history grows.

    .venv/bin/python bench/scoring_review.py            # print the figures
    .venv/bin/python bench/scoring_review.py --runs 50

The review page rebuilds the scored transcript from one grading row (turns, highlights, fixes)
and the dashboard reads the latest sessions for the chart, the pushback record and the drills, so
their time grows with the transcript and the history while their query counts must not. Renders
them through Django's test client: the review and the mentor's page at 1 and 40 turns per
project (four projects at 40), the dashboard at 1, 10, 50 and 200 graded sessions, every one old
enough for its caved challenges to be due as drills. Runs against a throwaway test database
(in-memory SQLite by default; PostgreSQL when DATABASE_URL is set).
Targets: review page under 150 ms at 4 × 40 turns; dashboard under 150 ms at 200 sessions.
"""

import argparse
import statistics
import time
from datetime import timedelta

from _django import percentile, test_database  # first: sets up Django
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scoring.graders import grade_transcript
from scoring.models import GRADED, Grading
from scoring.review_services import create_share_link
from scoring.tests.review_data import sample_transcript

REVIEW_TARGET_MS = 150.0
DASHBOARD_TARGET_MS = 150.0
REVIEW_SIZES = ((1, 1), (1, 40), (4, 40))  # (projects, turns per project)
HISTORY_SIZES = (1, 10, 50, 200)


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    client.get(url)  # warm templates
    queries: list[str] = []

    def count(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    # Counted at the cursor: the request_started signal resets Django's query log.
    with connection.execute_wrapper(count):
        client.get(url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings), percentile(timings, 0.95), len(queries)


def graded(user, *, projects: int, turns: int) -> Grading:
    transcript = sample_transcript(turns=turns, projects=projects)
    report = grade_transcript(transcript)
    return Grading.objects.create(
        user=user,
        transcript=transcript,
        status=GRADED,
        report=report,
        overall=report["overall"],
        graded_at=timezone.now(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    rows = []
    with test_database():
        users = get_user_model().objects
        client = Client()
        for projects, turns in REVIEW_SIZES:
            user = users.create_user(username=f"review-{projects}-{turns}", password="x-bench-42")
            client.force_login(user)
            grading = graded(user, projects=projects, turns=turns)
            link = create_share_link(grading=grading)
            size = f"{projects} × {turns} turns"
            url = reverse("scoring:review", args=[grading.pk])
            rows.append((f"review page, {size}", *measure(client, url, args.runs)))
            url = reverse("scoring:shared", args=[link.token])
            rows.append((f"mentor page, {size}", *measure(Client(), url, args.runs)))

        user = users.create_user(username="history", password="x-bench-42")
        client.force_login(user)
        template = graded(user, projects=4, turns=14)
        have = 1
        for size in HISTORY_SIZES:
            Grading.objects.bulk_create(
                Grading(
                    user=user,
                    transcript=template.transcript,
                    status=GRADED,
                    report=template.report,
                    overall=template.overall,
                )
                for _ in range(size - have)
            )
            have = size
            Grading.objects.filter(user=user).update(created_at=timezone.now() - timedelta(days=3))
            rows.append(
                (f"dashboard, {size} sessions", *measure(client, reverse("dashboard"), args.runs))
            )

    print(f"Review and dashboard on {connection.vendor}, {args.runs} runs each")
    print(f"{'what':<40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, median, p95, count in rows:
        print(f"{name:<40} {median:>10.2f} {p95:>8.2f} {count:>8}")
    for prefix in ("review page", "mentor page", "dashboard"):
        counts = sorted({count for name, *_, count in rows if name.startswith(prefix)})
        print(f"{prefix}: query count constant across sizes: {len(counts) == 1} ({counts})")
    review_p95 = next(p95 for name, _, p95, _ in rows if name == "review page, 4 × 40 turns")
    dashboard_p95 = rows[-1][2]
    print(f"review page 4 × 40 turns p95: {review_p95:.1f} ms (target {REVIEW_TARGET_MS:.0f} ms)")
    print(f"dashboard 200 sessions p95: {dashboard_p95:.1f} ms (target {DASHBOARD_TARGET_MS:.0f})")


if __name__ == "__main__":
    main()
