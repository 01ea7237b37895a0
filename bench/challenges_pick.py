"""Benchmark the challenge engine: `pick` for a four-project mock onsite, and a live re-pick.

    .venv/bin/python bench/challenges_pick.py            # print the figures
    .venv/bin/python bench/challenges_pick.py --write    # also update docs/challenges.md

A "session" is what the interviews app does when a mock onsite starts: one `pick` per project
for the four example projects, each excluding the slugs already asked, with a few answers
given so far. A "live re-pick" is what happens after each answer in a round: `repick` for one
project with four answers so far, the last one new text every run (with a doubtful figure in
it, so the follow-up path is timed). Runs against a throwaway test database (in-memory SQLite by
default; PostgreSQL when DATABASE_URL is set), loaded with the bank by the data migration.
Target: a session, and a re-pick, under 20 ms.
"""

import argparse
import datetime
import os
import platform
import statistics
import time

from _django import ROOT, percentile, test_database  # first: sets up Django
from django.db import connection

from challenges.engine import Answer, clear_caches, follow_up, pick, repick
from challenges.models import Challenge
from projects.examples import EXAMPLE_PROJECTS

TARGET_MS = 20.0
# docs/challenges.md keeps its prose; --write replaces only what lies between these markers.
START = "<!-- bench:challenges_pick -->"
END = "<!-- /bench:challenges_pick -->"
PRESSURES = ("warmup", "standard", "bar_raiser")


def run_session(seed: int, pressure: str, *, answered: bool, unread: bool = False) -> int:
    asked: list[str] = []
    for index, project in enumerate(EXAMPLE_PROJECTS):
        sections = dict(project["sections"])
        if unread:  # text no process has read: a project saved before this release
            sections["results"] += f" We checked it again in run {seed} ({pressure})."
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


def live_repick(seed: int) -> int:
    """After the fourth answer of a round: the remaining challenges chosen again."""
    project = EXAMPLE_PROJECTS[seed % len(EXAMPLE_PROJECTS)]
    sections = project["sections"]
    planned = pick(sections=sections, pressure="standard", seed=seed)
    other = EXAMPLE_PROJECTS[(seed + 1) % len(EXAMPLE_PROJECTS)]["sections"]
    answers = [Answer(key, other[key]) for key in ("problem", "ownership", "architecture")]
    # New words every run, as a real answer is: nothing about it can come from a cache.
    answers.append(
        Answer(
            "results",
            f"In run {seed}, revenue per visitor rose {seed % 40 + 30}.{seed % 10}% in "
            f"{seed % 5 + 2} days against the old ranker, and offline AUC reached 0.9{seed % 10}.",
        )
    )
    picks = repick(
        sections=sections, answers=answers, planned=planned[1:], pressure="standard", seed=seed
    )
    return len(picks)


def timed(runs: int, call, *, cold: bool) -> tuple[float, float, float]:
    """Median and p95 wall-clock milliseconds, and median CPU milliseconds of this process."""
    wall, cpu = [], []
    for seed in range(runs):
        if cold:
            clear_caches()
        start, start_cpu = time.perf_counter(), time.process_time()
        call(seed)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), percentile(wall, 0.95), statistics.median(cpu)


# How much the engine has read before a session starts.
NEVER_READ = "texts never read"
SAVED = "projects saved, new process"
WARM = "seen before"


def measure(runs: int) -> dict[str, tuple[float, float, float]]:
    figures = {}
    for when in (NEVER_READ, SAVED, WARM):
        cold, unread = when != WARM, when == NEVER_READ
        for pressure in PRESSURES:
            figures[f"session start, {pressure}, {when}"] = timed(
                runs,
                lambda seed, p=pressure, u=unread: run_session(seed, p, answered=False, unread=u),
                cold=cold,
            )
    for when in (NEVER_READ, WARM):
        figures[f"mid-session pick, standard, {when}"] = timed(
            runs, lambda seed: run_session(seed, "standard", answered=True), cold=when != WARM
        )
    figures["live re-pick after an answer, project seen before"] = timed(
        runs, live_repick, cold=False
    )
    answer = EXAMPLE_PROJECTS[0]["sections"]["results"]
    figures["follow_up on one answer, first sight (cold)"] = timed(
        runs, lambda seed: follow_up(section="results", answer=answer), cold=True
    )
    return figures


def render(figures: dict[str, tuple[float, float, float]], runs: int, bank_size: int) -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"Measured by `bench/challenges_pick.py` on {datetime.date.today().isoformat()}: Python "
        f"{platform.python_version()}, {connection.vendor} test database, {bank_size} active "
        f"challenges, {runs} runs per row, {os.cpu_count()} CPUs with load average {load} "
        "while it ran. A session is one `pick` per project for the four example projects, "
        "each excluding the slugs already asked; mid-session, three sections per project have "
        f"an answer as well. A live re-pick is `repick` for one project after its fourth "
        "answer, the last one new text in every run. Target: a session, and a re-pick, under "
        f"{TARGET_MS:.0f} ms.",
        "",
        f"*{NEVER_READ.capitalize()}* means no process has read the records (a project saved "
        "before this release, or a reading evicted): the bank is not in memory, then one "
        "query and every detector over every section. *Projects saved, new process* is a "
        "round's start: saving a project reads it and keeps the reading in Django's cache "
        "under a hash of its text, so a process that has never seen the records (its memos "
        "and the bank cleared, as in a fresh gunicorn worker) fetches four readings and scores "
        "the bank. *Seen before*: the process has picked for these records already. A "
        "mid-session pick passes answers too, which no page does (a round re-picks with "
        "`repick`); it always reads afresh.",
        "",
        "| what | median (ms) | p95 (ms) | CPU median (ms) |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {name} | {median:.2f} | {p95:.2f} | {cpu:.2f} |"
            for name, (median, p95, cpu) in figures.items()
        ),
        "",
        "Wall-clock times include any wait for a CPU when the machine is busy (see the load "
        "average); the CPU column is the engine's own work, which is what an idle machine's "
        "wall clock shows.",
        "",
        "Reading a record is the listener, the claim reader and the plausibility rules "
        "(`scoring`), the gap detectors, the technique and domain scans, over six sections of "
        "about 370 characters each: about 6 ms a project, which a project's save now pays "
        "instead of the round's start. A live re-pick reads only the new answer afresh (the "
        "project and earlier answers are remembered), then runs the plausibility rules over "
        "the whole project again, since a rule can read across sections. Nothing grows with "
        "the user's history.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="update docs/challenges.md")
    args = parser.parse_args()

    with test_database():
        bank_size = Challenge.objects.filter(active=True).count()
        run_session(0, "standard", answered=True)  # compile regexes, warm the connection
        figures = measure(args.runs)
        report = render(figures, args.runs, bank_size)
    print(report)
    targeted = {
        "session start": lambda name: name.startswith("session start") and NEVER_READ not in name,
        "re-pick": lambda name: "re-pick" in name,
    }
    for what, chosen in targeted.items():
        rows = [figure for name, figure in figures.items() if chosen(name)]
        worst, cpu = max(row[0] for row in rows), max(row[2] for row in rows)
        print(
            f"worst median of a {what}: {worst:.2f} ms, CPU {cpu:.2f} ms "
            f"(target {TARGET_MS:.0f} ms)"
        )
    never = max(median for name, (median, _, _) in figures.items() if NEVER_READ in name)
    print(f"worst median with texts never read: {never:.2f} ms (paid once per text)")
    if args.write:
        doc = ROOT / "docs" / "challenges.md"
        before, rest = doc.read_text().split(START, 1)
        after = rest.split(END, 1)[1]
        doc.write_text(f"{before}{START}\n{report}{END}{after}")


if __name__ == "__main__":
    main()
