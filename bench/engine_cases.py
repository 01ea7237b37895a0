"""Score the challenge engine on calibration cases, as the engine dev set's README describes.

    .venv/bin/python bench/engine_cases.py                      # the public engine dev set
    .venv/bin/python bench/engine_cases.py challenges/tests/engine_cases.json   # our own set
    .venv/bin/python bench/engine_cases.py --verbose            # every picked question

For each case and seed (1–5) the engine picks challenges for the record; a must-probe topic is
probed when one of its phrases occurs in a picked question, a must-not topic is violated when
one of its phrases does. Standard pressure is the target (every topic probed in at least 90% of
(case, seed) pairs, no violation, no claim template above 25% of the claim questions); warm-up
and bar-raiser pressure are reported beside it. The last line is the standard summary.
Runs against a throwaway test database loaded with the bank by the data migrations.
"""

import argparse
import json
from pathlib import Path

from _django import ROOT, test_database  # first: sets up Django

from challenges.calibration import score

DEV_SET = ROOT.parent / "shared" / "grading-devset" / "engine_cases.json"
PRESSURES = ("warmup", "bar_raiser", "standard")  # the target last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEV_SET))
    parser.add_argument("--seeds", type=int, default=5, help="seeds 1..N (default 5)")
    parser.add_argument("--verbose", action="store_true", help="print every picked question")
    args = parser.parse_args()

    cases = json.loads(Path(args.file).read_text())["cases"]
    seeds = tuple(range(1, args.seeds + 1))
    with test_database():
        reports = {pressure: score(cases, pressure=pressure, seeds=seeds) for pressure in PRESSURES}
    standard = reports["standard"]
    print(f"{len(cases)} cases from {args.file}\n")
    print("standard pressure, per case (probed topics per seed; must-not violations):")
    for case in cases:
        runs = [run for run in standard.runs if run.case_id == case["id"]]
        probed = " ".join(f"{len(run.probed)}/{len(run.probed) + len(run.missed)}" for run in runs)
        violations = sum(len(run.violated) for run in runs)
        missed = sorted({topic for run in runs for topic in run.missed})
        line = f"  {case['id']:<40} {probed}   violations {violations}"
        print(line + (f"   missed: {'; '.join(missed)}" if missed else ""))
        if args.verbose:
            for run in runs:
                print(f"    seed {run.seed}:")
                for p in run.picks:
                    print(f"      [{p.section} · {p.trigger_kind}:{p.trigger}] {p.question}")
    print("\nclaim templates at standard pressure:")
    for name, count in standard.templates.most_common():
        print(f"  {name:<18} {count}")
    print()
    for pressure in PRESSURES:
        print(reports[pressure].summary())


if __name__ == "__main__":
    main()
