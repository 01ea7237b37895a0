"""Benchmark the challenge engine: `pick` for a four-project mock onsite.

    .venv/bin/python bench/challenges_pick.py            # print the figures
    .venv/bin/python bench/challenges_pick.py --write    # also write docs/challenges.md

A "session" is what the interviews app does when a mock onsite starts: one `pick` per project
for the four example projects, each excluding the slugs already asked, with a few answers
given so far. Runs against a throwaway test database (in-memory SQLite by default; PostgreSQL
when DATABASE_URL is set), loaded with the bank by the data migration. Target: a session
under 20 ms.
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hotseat.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from challenges.engine import clear_caches, follow_up, pick  # noqa: E402
from challenges.models import Challenge  # noqa: E402
from projects.examples import EXAMPLE_PROJECTS  # noqa: E402

TARGET_MS = 20.0
PRESSURES = ("warmup", "standard", "bar_raiser")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_session(seed: int, pressure: str, *, answered: bool) -> int:
    asked: list[str] = []
    for index, project in enumerate(EXAMPLE_PROJECTS):
        sections = project["sections"]
        # Half-way through a project the first three sections have been answered; stand-in
        # answers of realistic length and content come from the next example project.
        other = EXAMPLE_PROJECTS[(index + 1) % len(EXAMPLE_PROJECTS)]["sections"]
        answers = (
            {key: other[key] for key in ("problem", "ownership", "architecture")}
            if answered
            else None
        )
        picks = pick(
            sections=sections,
            answers=answers,
            pressure=pressure,
            recently_seen=asked[:8],
            exclude=asked,
            seed=seed,
        )
        asked += [p.slug for p in picks]
    return len(asked)


def timed(runs: int, call, *, cold: bool) -> tuple[float, float]:
    timings = []
    for seed in range(runs):
        if cold:
            clear_caches()
        start = time.perf_counter()
        call(seed)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), percentile(timings, 0.95)


def measure(runs: int) -> dict[str, tuple[float, float]]:
    figures = {}
    for cold in (True, False):
        texts = "texts never seen before (cold)" if cold else "texts seen before (warm)"
        for pressure in PRESSURES:
            figures[f"session start, {pressure}, {texts}"] = timed(
                runs, lambda seed, p=pressure: run_session(seed, p, answered=False), cold=cold
            )
        figures[f"mid-session, standard, {texts}"] = timed(
            runs, lambda seed: run_session(seed, "standard", answered=True), cold=cold
        )
    answer = EXAMPLE_PROJECTS[0]["sections"]["results"]
    figures["follow_up on one answer, cold"] = timed(
        runs, lambda seed: follow_up(section="results", answer=answer), cold=True
    )
    return figures


def render(figures: dict[str, tuple[float, float]], runs: int, bank_size: int) -> str:
    engine = connection.vendor
    lines = [
        "# Challenge engine: speed",
        "",
        f"Measured by `bench/challenges_pick.py` on {datetime.date.today().isoformat()}, "
        f"Python {platform.python_version()}, {engine} test database, {bank_size} active "
        f"challenges, {runs} runs each. A session is one `pick` per project for the four "
        "example projects (three sections answered so far, slugs already asked excluded). "
        f"Target: under {TARGET_MS:.0f} ms per session.",
        "",
        "| what | median (ms) | p95 (ms) |",
        "| --- | ---: | ---: |",
        *(f"| {name} | {median:.2f} | {p95:.2f} |" for name, (median, p95) in figures.items()),
        "",
        "Where the time goes: one query loads the active bank (about 140 rows); the rest is",
        "the gap finder and detectors over six sections, one regex scan for technique names",
        "and the scoring loop. Nothing grows with the user's history.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="write docs/challenges.md")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        bank_size = Challenge.objects.filter(active=True).count()
        run_session(0, "standard", answered=True)  # compile regexes, warm the connection
        figures = measure(args.runs)
        report = render(figures, args.runs, bank_size)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(report)
    worst = max(p95 for name, (_, p95) in figures.items() if "session" in name)
    print(f"worst p95 of a session: {worst:.2f} ms (target {TARGET_MS:.0f} ms)")
    if args.write:
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "challenges.md").write_text(report)


if __name__ == "__main__":
    main()
