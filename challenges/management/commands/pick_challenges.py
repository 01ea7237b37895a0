import json
import sys

from django.core.management.base import BaseCommand, CommandError

from challenges.engine import signals
from challenges.pressure import PRESSURE_KEYS, STANDARD
from challenges.records import RecordError, load_records, pick_for, read_records
from scoring.framework import SECTION_BY_KEY


class Command(BaseCommand):
    help = (
        "Show the challenges the engine picks for project records: one or more records in a "
        "JSON file (the engine dev set's shape, a list of records, or one record)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the JSON file, or - for standard input.")
        parser.add_argument("--pressure", choices=PRESSURE_KEYS, default=STANDARD)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--json", action="store_true", help="Print JSON, with each pick's key points."
        )

    def handle(self, *args, **options):
        file = options["file"]
        try:
            records = read_records(json.loads(sys.stdin.read())) if file == "-" else None
            records = records or load_records(file)
        except (RecordError, ValueError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        pressure, seed = options["pressure"], options["seed"]
        projects = [_project(record, pressure=pressure, seed=seed) for record in records]
        if options["json"]:
            report = {"pressure": pressure, "seed": seed, "projects": projects}
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(render_text(projects, pressure=pressure, seed=seed))


def _project(record, *, pressure: str, seed: int) -> dict:
    found = signals(sections=record.sections, title=record.title, tags=record.context)
    picks = pick_for(record, pressure=pressure, seed=seed)
    return {
        "title": record.title,
        "id": record.case_id,
        "domains": list(found.domains),
        "flags": [
            {"rule": f.rule, "severity": f.severity, "section": f.section, "quote": f.quote}
            for f in found.flags
        ],
        "challenges": [
            {
                "slug": p.slug,
                "section": p.section,
                "persona": p.persona,
                "persona_label": p.persona_label,
                "question": p.question,
                "reason": p.reason,
                "kind": p.kind,
                "trigger_kind": p.trigger_kind,
                "trigger": p.trigger,
                "topic": p.topic,
                "key_points": list(p.key_points),
            }
            for p in picks
        ],
    }


def render_text(projects: list[dict], *, pressure: str, seed: int) -> str:
    """The picks for a terminal: per project its domains and flags, then each challenge with
    its section, persona, question and the reason it was picked."""
    lines = []
    for project in projects:
        name = project["title"] + (f"  [{project['id']}]" if project["id"] else "")
        flags = ", ".join(f"{f['rule']} ({f['severity']})" for f in project["flags"]) or "none"
        lines += [
            name,
            f"  pressure {pressure}, seed {seed} · domains: "
            f"{', '.join(project['domains']) or 'none'} · flags: {flags}",
        ]
        for number, challenge in enumerate(project["challenges"], start=1):
            section = SECTION_BY_KEY[challenge["section"]].title
            lines += [
                f"  {number}. {section} · {challenge['persona_label']}",
                f"     {challenge['question']}",
                f"     Why: {challenge['reason']}",
            ]
        lines.append("")
    return "\n".join(lines)
