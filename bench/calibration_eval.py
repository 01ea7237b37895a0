"""Grade our own calibration set (scoring/tests/calibration_set.json) and print how the grader did.

    .venv/bin/python bench/calibration_eval.py [--grader heuristic|llm] [--seed N] [--keep]

Every case goes into ONE hotseat.transcript/1 file, in shuffled order; `manage.py
grade_transcript FILE --json` grades it once, with the code the worker uses, and each graded
project is mapped back to its case by its title. It prints a table per base project (each
section as `score(label)`, the overall, the pushback outcomes as `got / expected`, a `*` on each
mismatch) with that base's checks, then pooled figures and, as the LAST line, the summary:

    sensitivity a/6 | spearman r | ladder b/6 | stuffed c/6 | padded d/6 | bluff e/6 |
    caved f/6 | conceded g/6 | spoken h/6 | pushback k/n (p%)

The checks are those of the public dev set (../shared/grading-devset/README.md), so the two
sets' summaries compare line for line. Only the report's JSON shape is relied on:
`projects[].title`, `projects[].overall`, `projects[].sections[key].score` and
`projects[].pushback[]` (`outcome`, matched by `turn`). Standard library only. Exit status 0
whenever it could run, whatever the scores; 2 when it could not.
"""

import argparse
import json
import math
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "scoring" / "tests" / "calibration_set.json"
SECTIONS = ("problem", "ownership", "architecture", "tradeoffs", "results", "defense")
VARIANTS = (
    "strong",
    "spoken",
    "medium",
    "weak",
    "bluff",
    "stuffed",
    "padded",
    "caved",
    "conceded",
    "no_results",
)
CHECKS = ("sensitivity", "ladder", "stuffed", "padded", "bluff", "caved", "conceded", "spoken")
# The report's outcome names, and spellings other graders may use, onto the set's three labels.
OUTCOMES = {
    "held": "held",
    "held_with_evidence": "held",
    "conceded": "conceded",
    "conceded_well": "conceded",
    "caved": "caved",
    "evaded": "caved",
    "caved_or_evaded": "caved",
}


def fail(message: str) -> None:
    print(f"calibration_eval: {message}", file=sys.stderr)
    sys.exit(2)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--grader", help="passed to grade_transcript --grader")
    parser.add_argument("--seed", type=int, default=2613, help="order of projects in the file")
    parser.add_argument("--keep", action="store_true", help="keep the transcript and the report")
    return parser.parse_args()


def load_cases(path: Path) -> list[dict]:
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    except (OSError, ValueError, KeyError) as exc:
        fail(f"cannot read {path}: {exc}")
    titles = [case["project"]["title"] for case in cases]
    if len(set(titles)) != len(titles):
        fail(f"{path} has duplicate titles; they map the report back to the cases")
    return cases


def grade(cases: list[dict], args: argparse.Namespace) -> dict:
    """One grade_transcript run over every case, in an order that says nothing of the variant."""
    projects = [case["project"] for case in cases]
    random.Random(args.seed).shuffle(projects)
    folder = Path(tempfile.mkdtemp(prefix="hotseat-calibration-"))
    transcript = folder / "transcript.json"
    transcript.write_text(
        json.dumps({"format": "hotseat.transcript/1", "projects": projects}), encoding="utf-8"
    )
    command = [sys.executable, "manage.py", "grade_transcript", str(transcript), "--json"]
    if args.grader:
        command += ["--grader", args.grader]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        done = None
        fail(f"could not run grade_transcript: {exc}")
    finally:
        if args.keep:
            (folder / "output.txt").write_text(done.stdout if done else "", encoding="utf-8")
            print(f"kept: {transcript} and the command's output in {folder / 'output.txt'}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if done.returncode != 0:
        fail(f"grade_transcript exited {done.returncode}:\n{(done.stderr or done.stdout)[-2000:]}")
    try:
        report = json.loads(done.stdout[done.stdout.find("{") :])
    except ValueError:
        report = None
    if not isinstance(report, dict) or not isinstance(report.get("projects"), list):
        fail("grade_transcript --json did not print a report with a 'projects' list")
    return report


def collect(cases: list[dict], report: dict) -> tuple[dict, list[str]]:
    """Per case id: its section scores, overall and pushback outcomes in challenge order."""
    graded = {project.get("title"): project for project in report["projects"]}
    results, warnings = {}, []
    for case in cases:
        project = graded.get(case["project"]["title"])
        if project is None:
            warnings.append(f"{case['id']}: no graded project with its title")
            continue
        sections = project.get("sections") or {}
        by_turn = {p.get("turn"): p for p in project.get("pushback") or [] if isinstance(p, dict)}
        challenges = [
            i for i, turn in enumerate(case["project"]["turns"]) if turn["kind"] == "challenge"
        ]
        outcomes = []
        for index in challenges:
            name = str((by_turn.get(index) or {}).get("outcome", "missing"))
            outcomes.append(OUTCOMES.get(name.lower(), f"?{name}"))
        missing = [key for key in SECTIONS if key not in sections]
        if missing:
            warnings.append(f"{case['id']}: no score for {', '.join(missing)} (counted as 0)")
        results[case["id"]] = {
            "case": case,
            "scores": {key: float((sections.get(key) or {}).get("score", 0)) for key in SECTIONS},
            "overall": float(project.get("overall") or 0),
            "outcomes": outcomes,
        }
    return results, warnings


def base_checks(rows: dict) -> dict[str, bool]:
    """The dev set's per-base checks, on one base's ten variants."""

    def overall(variant):
        return rows[variant]["overall"]

    def score(variant, section):
        return rows[variant]["scores"][section]

    if any(variant not in rows for variant in VARIANTS):
        return dict.fromkeys(CHECKS, False)
    return {
        "sensitivity": score("strong", "results") - score("no_results", "results") >= 1.0,
        "ladder": overall("strong") > overall("medium") > overall("weak"),
        "stuffed": overall("stuffed") < overall("medium"),
        "padded": overall("padded") <= overall("strong") + 2,
        "bluff": overall("bluff") < overall("medium"),
        "caved": score("strong", "defense") - score("caved", "defense") >= 1.5
        and overall("strong") - overall("caved") >= 8,
        "conceded": overall("conceded") >= overall("strong") - 5,
        "spoken": abs(overall("spoken") - overall("strong")) <= 8,
    }


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            out[order[k]] = (start + end) / 2  # ties share their mean rank
        start = end + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    spread = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return cov / spread if spread else float("nan")


def print_base(base: str, title: str, rows: dict) -> None:
    print(f"\n== {base}: {title} ==")
    print("variant     " + " ".join(f"{s[:5]:>8}" for s in SECTIONS) + "  overall  pushback")
    for variant in VARIANTS:
        row = rows.get(variant)
        if row is None:
            continue
        labels, expected = row["case"]["labels"], row["case"]["expected_pushback"]
        cells = " ".join(f"{row['scores'][s]:.1f}({labels[s]})".rjust(8) for s in SECTIONS)
        pairs = zip(row["outcomes"], expected, strict=True)
        got = " ".join(g + ("" if g == e else "*") for g, e in pairs)
        print(f"{variant:<11} {cells}  {row['overall']:7.1f}  {got} / {' '.join(expected)}")


def print_pooled(results: dict) -> dict:
    """Figures over every case; returns what the summary line needs."""
    labels, scores = [], []
    by_section = {s: ([], []) for s in SECTIONS}
    errors = {v: [] for v in VARIANTS}
    confusion = Counter()
    for row in results.values():
        case = row["case"]
        for s in SECTIONS:
            labels.append(case["labels"][s])
            scores.append(row["scores"][s])
            by_section[s][0].append(case["labels"][s])
            by_section[s][1].append(row["scores"][s])
            errors[case["variant"]].append(abs(row["scores"][s] - case["labels"][s]))
        confusion.update(zip(case["expected_pushback"], row["outcomes"], strict=True))
    print()
    print(
        "per-section spearman: "
        + "  ".join(f"{s} {spearman(*by_section[s]):.2f}" for s in SECTIONS)
    )
    print(
        "mean |score - label|: "
        + "  ".join(f"{v} {sum(e) / len(e):.2f}" for v, e in errors.items() if e)
    )
    print(
        "pushback (expected->got): "
        + "  ".join(f"{e}->{g}:{n}" for (e, g), n in sorted(confusion.items()))
    )
    return {
        "spearman": spearman(labels, scores),
        "pushback_ok": sum(n for (expected, got), n in confusion.items() if expected == got),
        "pushback_total": sum(confusion.values()),
    }


def main() -> None:
    args = parse_args()
    if not (ROOT / "manage.py").is_file():
        fail(f"no manage.py in {ROOT}")
    cases = load_cases(args.cases)
    report = grade(cases, args)
    results, warnings = collect(cases, report)
    print(f"grader: {report.get('grader', '?')}   cases: {len(cases)}   graded: {len(results)}")
    if report.get("fallback_reason"):
        print(f"NOTE: the report fell back: {report['fallback_reason']}")

    bases = list(dict.fromkeys(case["base"] for case in cases))
    passed = Counter()
    for base in bases:
        rows = {r["case"]["variant"]: r for r in results.values() if r["case"]["base"] == base}
        title = next(c["project"]["title"] for c in cases if c["base"] == base)
        print_base(base, title.rsplit(" (", 1)[0], rows)
        verdict = base_checks(rows)
        passed.update(check for check, ok in verdict.items() if ok)
        print("checks: " + "  ".join(f"{k} {'ok' if ok else 'FAIL'}" for k, ok in verdict.items()))

    pooled = print_pooled(results)
    for warning in warnings:
        print(f"WARNING: {warning}")
    n, ok, total = len(bases), pooled["pushback_ok"], pooled["pushback_total"]
    share = 100 * ok / total if total else 0.0
    print(
        " | ".join(
            [f"sensitivity {passed['sensitivity']}/{n}", f"spearman {pooled['spearman']:.3f}"]
            + [f"{check} {passed[check]}/{n}" for check in CHECKS[1:]]
            + [f"pushback {ok}/{total} ({share:.1f}%)"]
        )
    )


if __name__ == "__main__":
    main()
