import json
import sys

from django.core.management.base import BaseCommand, CommandError

from scoring.framework import SECTION_BY_KEY
from scoring.graders import GRADERS, grade_transcript
from scoring.transcript import TranscriptError


class Command(BaseCommand):
    help = "Grade a hotseat.transcript/1 file with the same code the worker uses."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the transcript JSON, or - for standard input.")
        parser.add_argument("--grader", choices=GRADERS, default="heuristic")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, **options):
        file = options["file"]
        data = self._load(file)
        try:
            report = grade_transcript(data, grader=options["grader"])
        except TranscriptError as exc:
            raise CommandError(f"{file}: {exc}") from exc
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(render_text(report))

    def _load(self, file: str):
        try:
            if file == "-":
                return json.loads(sys.stdin.read())
            with open(file, encoding="utf-8") as handle:
                return json.load(handle)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        except ValueError as exc:
            raise CommandError(f"{file} is not valid JSON: {exc}") from exc


def render_text(report: dict) -> str:
    """The report for a terminal: scores, the quoted evidence and the advice."""
    lines = [f"Overall {report['overall']:.1f} / 100 (graded by {report['grader']})"]
    if report.get("fallback_reason"):
        lines.append(f"  The language model grader was not used: {report['fallback_reason']}")
    for project in report["projects"]:
        lines += ["", f"{project['title']}: {project['overall']:.1f} / 100"]
        for key, section in project["sections"].items():
            lines.append(f"  {SECTION_BY_KEY[key].title}: {section['score']:.1f} / 4")
            lines += [f"    \u201c{quote}\u201d" for quote in section["evidence"]]
            lines.append(f"    {section['feedback']}")
        for outcome in project.get("pushback", []):
            lines.append(
                f"  Turn {outcome['turn'] + 1}: {outcome['label']} \u2014 {outcome['reason']}"
            )
        lines += [f"  ! {flag['message']}" for flag in project.get("consistency", [])]
    if report.get("top_fixes"):
        lines += ["", "Top things to fix:"]
        lines += [f"  {i}. {fix['message']}" for i, fix in enumerate(report["top_fixes"], 1)]
    return "\n".join(lines)
