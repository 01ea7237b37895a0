"""Benchmark the project bank: the list page and the live readiness check.

    .venv/bin/python bench/projects_list.py            # print the figures
    .venv/bin/python bench/projects_list.py --runs 50

The list page computes a readiness score per project (scoring's gap finder over six
sections plus the metric check), so its cost grows with the number of projects while its
query count must not. This renders it through Django's test client for banks of 1, 4, 20
and 50 projects (copies of the worked examples, three metrics each), and times the
readiness endpoint the editor calls while the user types. Runs against a throwaway test
database (in-memory SQLite by default; PostgreSQL when DATABASE_URL is set).
Targets: list page under 100 ms at 20 projects; readiness check under 30 ms.
"""

import argparse
import statistics
import time

from _django import percentile, test_database  # first: sets up Django
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from projects import services
from projects.examples import EXAMPLE_PROJECTS
from projects.readiness import clear_caches

LIST_TARGET_MS = 100.0
READINESS_TARGET_MS = 30.0
SIZES = (1, 4, 20, 50)


def timed(runs: int, call, *, cold: bool = False) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        if cold:
            clear_caches()
        start = time.perf_counter()
        response = call()
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(timings), percentile(timings, 0.95)


def fill_bank(user, size: int) -> None:
    have = user.projects.count()
    for index in range(have, size):
        example = EXAMPLE_PROJECTS[index % len(EXAMPLE_PROJECTS)]
        # Each copy's text differs by its number, so a cold run really reads every project.
        sections = {key: f"{text} (copy {index})" for key, text in example["sections"].items()}
        services.create_project(
            user=user,
            data={**example, **sections, "title": f"{example['title']} #{index}"},
            metrics=example["metrics"],
        )


def readiness_payload() -> dict[str, str]:
    example = EXAMPLE_PROJECTS[0]
    data = {"title": example["title"], **example["sections"]}
    data.update(
        {
            "metrics-TOTAL_FORMS": str(len(example["metrics"])),
            "metrics-INITIAL_FORMS": "0",
            "metrics-MIN_NUM_FORMS": "0",
            "metrics-MAX_NUM_FORMS": "20",
        }
    )
    for index, metric in enumerate(example["metrics"]):
        for field, value in metric.items():
            data[f"metrics-{index}-{field}"] = "" if value is None else str(value)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    rows = []
    with test_database():
        user = get_user_model().objects.create_user(username="bench", password="bench-pass-42")
        client = Client()
        client.force_login(user)
        url = reverse("projects:list")
        for size in SIZES:
            fill_bank(user, size)
            client.get(url)  # warm templates and regexes
            queries: list[str] = []

            def count(execute, sql, *args, queries=queries):
                queries.append(sql)
                return execute(sql, *args)

            # Counted at the cursor: the request_started signal resets Django's query log.
            with connection.execute_wrapper(count):
                client.get(url)
            for cold in (True, False):
                median, p95 = timed(args.runs, lambda: client.get(url), cold=cold)
                state = "texts never seen (cold)" if cold else "texts seen before (warm)"
                rows.append((f"list page, {size} projects, {state}", median, p95, len(queries)))
        payload = readiness_payload()
        readiness_url = reverse("projects:readiness")
        median, p95 = timed(
            args.runs,
            lambda: client.post(readiness_url, payload, headers={"HX-Request": "true"}),
            cold=True,
        )
        rows.append(("readiness check (htmx), one full project, cold", median, p95, None))

    print(f"Project bank on {connection.vendor}, {args.runs} runs each")
    print(f"{'what':<60} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, median, p95, count in rows:
        print(f"{name:<60} {median:>10.2f} {p95:>8.2f} {'' if count is None else count:>8}")
    counts = {count for *_, count in rows if count is not None}
    print(f"query count constant across sizes: {len(counts) == 1} ({sorted(counts)})")
    for name, _, p95, _ in rows:
        if name.startswith("list page, 20 projects"):
            print(f"{name}: p95 {p95:.1f} ms (target {LIST_TARGET_MS:.0f} ms)")
    print(f"readiness p95: {rows[-1][2]:.1f} ms (target {READINESS_TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
