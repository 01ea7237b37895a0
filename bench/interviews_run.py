"""Benchmark the mock onsite's hot paths: the turn page, autosave, submit, history, start.

    .venv/bin/python bench/interviews_run.py            # print the figures
    .venv/bin/python bench/interviews_run.py --runs 50

Autosave fires every pause in typing and the turn page is what a reload or a new tab hits,
so both must stay fast and their query counts must not grow with the user's history. This
drives them through Django's test client for a user with 0, 10 and 50 finished four-project
sessions behind them (the worked examples), and times starting a four-project round (the
challenge engine runs once per project) and submitting answers. Runs against a throwaway
test database (in-memory SQLite by default; PostgreSQL when DATABASE_URL is set).
Targets: turn page and autosave under 30 ms; submit under 60 ms.
"""

import argparse
import logging
import statistics
import time

from _django import percentile, test_database  # first: sets up Django
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from interviews.services import finish_session, start_session, submit_answer
from projects import services as project_services
from projects.examples import EXAMPLE_PROJECTS

PAGE_TARGET_MS = 30.0
SUBMIT_TARGET_MS = 60.0
HISTORY_SIZES = (0, 10, 50)
ANSWER = (
    "I chose a GBDT model because the budget left 20 ms at p99; fraud losses fell from "
    "2.1% to 1.2% of revenue in a four-week A/B test."
)
HTMX = {"HX-Request": "true"}


def timed(runs: int, call) -> tuple[float, float]:
    timings = []
    for run in range(runs):
        start = time.perf_counter()
        response = call(run)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), response.status_code
    return statistics.median(timings), percentile(timings, 0.95)


def counted(call) -> int:
    queries: list[str] = []

    def count(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    # Counted at the cursor: the request_started signal resets Django's query log.
    with connection.execute_wrapper(count):
        call()
    return len(queries)


def new_round(user, projects):
    return start_session(user=user, projects=projects, pressure="standard", answer_mode="typed")


def add_history(user, projects, size: int) -> None:
    while user.mock_sessions.count() < size:
        session = new_round(user, projects)
        for _ in range(6):
            submit_answer(session=session, index=session.current_index, text=ANSWER)
        finish_session(session=session)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    logging.disable(logging.INFO)  # grading runs inline here and logs every task
    rows = []
    with test_database():
        user = get_user_model().objects.create_user(username="bench", password="bench-pass-42")
        projects = [
            project_services.create_project(
                user=user, data={**example, **example["sections"]}, metrics=example["metrics"]
            )
            for example in EXAMPLE_PROJECTS[:4]
        ]
        client = Client()
        client.force_login(user)
        for size in HISTORY_SIZES:
            add_history(user, projects, size)
            session = new_round(user, projects)
            run_url = reverse("interviews:run", args=[session.pk])
            draft_url = reverse("interviews:autosave", args=[session.pk, 0])
            client.get(run_url)  # warm templates
            label = f"{size} finished sessions"

            def page(run, url=run_url):
                return client.get(url)

            def autosave(run, url=draft_url):
                return client.post(
                    url, {"answer": ANSWER[: 20 + run], "draft_version": run + 1}, headers=HTMX
                )

            rows.append((f"turn page, {label}", *timed(args.runs, page), counted(lambda: page(0))))
            rows.append(
                (
                    f"autosave (htmx), {label}",
                    *timed(args.runs, autosave),
                    counted(lambda: autosave(args.runs)),
                )
            )
            history_url = reverse("interviews:history")
            rows.append(
                (
                    f"history page, {label}",
                    *timed(args.runs, lambda run, url=history_url: client.get(url)),
                    counted(lambda url=history_url: client.get(url)),
                )
            )
        # Submitting walks a fresh four-project round forward, one answer per run.
        session = new_round(user, projects)

        def submit(run):
            index = session.current_index
            response = client.post(
                reverse("interviews:submit", args=[session.pk, index]),
                {"answer": ANSWER},
                headers=HTMX,
            )
            session.refresh_from_db()
            return response

        rows.append(
            ("submit (htmx), next turn swapped in", *timed(min(args.runs, 20), submit), None)
        )
        start_timings = []
        for _ in range(min(args.runs, 10)):
            begin = time.perf_counter()
            new_round(user, projects)
            start_timings.append((time.perf_counter() - begin) * 1000)
        rows.append(
            (
                "start a four-project round (engine x4)",
                statistics.median(start_timings),
                percentile(start_timings, 0.95),
                None,
            )
        )

    print(f"Mock onsite on {connection.vendor}, {args.runs} runs each")
    print(f"{'what':<52} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, median, p95, count in rows:
        print(f"{name:<52} {median:>10.2f} {p95:>8.2f} {'' if count is None else count:>8}")
    for prefix in ("turn page", "autosave", "history page"):
        counts = sorted({count for name, *_, count in rows if name.startswith(prefix)})
        print(f"{prefix}: query count constant across history sizes: {len(counts) == 1} {counts}")
    worst_page = max(p95 for name, _, p95, _ in rows if name.startswith(("turn", "autosave")))
    print(f"turn page / autosave worst p95: {worst_page:.1f} ms (target {PAGE_TARGET_MS:.0f} ms)")
    submit_p95 = next(p95 for name, _, p95, _ in rows if name.startswith("submit"))
    print(f"submit p95: {submit_p95:.1f} ms (target {SUBMIT_TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
