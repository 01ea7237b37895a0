"""The few figures the dashboard reads from a grading, kept beside its full report.

A report and its transcript run to tens of kilobytes each; the dashboard reads fifty gradings per
visit and needs only section means, pushback outcomes, project titles and the first fix. The
summary is derived once, when grading finishes (and by a migration for older rows), so the
dashboard never decodes a full report. It keeps the report's shape ("projects" -> "pushback"), so
`scoring.drills` reads a summary exactly as it reads a report.
"""

from statistics import mean

from scoring.delivery import round_pace
from scoring.framework import SECTIONS
from scoring.reports import turn_numbers

# Bump when the shape changes: rows with an older version are summarized again on read.
SUMMARY_VERSION = 3
_PUSHBACK_FIELDS = ("section", "outcome", "question", "turn")


def _drilled_sections(transcript: dict) -> list[set[str]] | None:
    """Per project, the sections a drill asked about; None for a full mock onsite.

    A drill re-asks a few challenges only, so the sections it never asked score 0 in its
    report; counting those would read as a collapse on the chart and in the first fix.
    """
    if transcript.get("session_kind") != "drill":
        return None
    return [
        {turn.get("section") for turn in project.get("turns") or []}
        for project in transcript.get("projects") or []
    ]


def _was_asked(asked: list[set[str]] | None, project_index: int, section: str) -> bool:
    return asked is None or (project_index < len(asked) and section in asked[project_index])


def section_means(report: dict, asked: list[set[str]] | None = None) -> dict[str, float | None]:
    """Each section's mean score over the report's projects (None where no project has it).

    With `asked`, a project counts only in the sections it was asked about.
    """
    projects = report.get("projects") or []
    scores = {}
    for section in SECTIONS:
        values = [
            p["sections"][section.key]["score"]
            for i, p in enumerate(projects)
            if section.key in (p.get("sections") or {}) and _was_asked(asked, i, section.key)
        ]
        scores[section.key] = round(mean(values), 2) if values else None
    return scores


def summarize(report: dict, transcript: dict) -> dict:
    """The dashboard's view of one graded session.

    Each pushback entry also carries what the dashboard's drill list links to: the turn's
    session-wide number and the bank slug of the challenge, read from the transcript here so the
    dashboard never loads a transcript.
    """
    numbers = turn_numbers(transcript)
    raw_projects = transcript.get("projects") or []
    projects = []
    for p, project in enumerate(report.get("projects") or []):
        raw_turns = raw_projects[p].get("turns") or [] if p < len(raw_projects) else []
        pushback = []
        for outcome in project.get("pushback") or []:
            entry = {key: outcome.get(key) for key in _PUSHBACK_FIELDS if key in outcome}
            turn = outcome.get("turn")
            if isinstance(turn, int) and 0 <= turn < len(raw_turns):
                entry["number"] = numbers[p][turn]
                entry["challenge"] = raw_turns[turn].get("challenge") or ""
            pushback.append(entry)
        projects.append({"title": project.get("title") or "", "pushback": pushback})
    asked = _drilled_sections(transcript)
    fixes = [
        fix
        for fix in report.get("top_fixes") or []
        if _was_asked(asked, fix.get("project_index", 0), fix.get("section"))
    ]
    return {
        "version": SUMMARY_VERSION,
        "sections": section_means(report, asked),
        "projects": projects,
        "top_fix": (fixes[0].get("message") or "") if fixes else "",
        "turns": sum(len(p.get("turns") or []) for p in raw_projects),
        "delivery": round_pace([p.get("delivery") for p in report.get("projects") or []]),
    }


def is_current(summary: dict | None) -> bool:
    return bool(summary) and summary.get("version") == SUMMARY_VERSION


def summarize_all(Grading, rows) -> None:
    """Write the summary of each of `rows` (gradings with report and transcript), 500 at a time:
    what migrations run when the summary's shape changes, with their historical model."""
    batch = []
    for grading in rows.only("pk", "report", "transcript").iterator(chunk_size=500):
        grading.summary = summarize(grading.report, grading.transcript)
        batch.append(grading)
        if len(batch) == 500:
            Grading.objects.bulk_update(batch, ["summary"])
            batch = []
    Grading.objects.bulk_update(batch, ["summary"])
