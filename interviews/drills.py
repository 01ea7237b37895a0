"""What a "drill my weak spots" session asks: the challenges due again, and their siblings.

`scoring.drills` keeps the spacing (it reads graded sessions only, so a graded drill moves its
challenges along like any session). This module turns the due ones back into questions: the
exact words asked before, so the next grading recognises them, about the project they were
asked about, as it stood in that earlier session.
"""

import random
from dataclasses import dataclass
from datetime import datetime

from challenges.selectors import active_bank_rows
from interviews.models import SessionProject
from scoring import drills
from scoring.framework import SECTION_BY_KEY
from scoring.models import GRADED, Grading
from scoring.selectors import HISTORY_SESSIONS

# A drill is short: a handful of questions, not a second mock onsite.
MAX_DRILLED = 5
# Below this many due challenges, each one brings a sibling from the bank.
FEW_DUE = 3


@dataclass(frozen=True)
class DrillQuestion:
    section: str
    question: str
    persona: str
    reason: str
    challenge_slug: str
    target_seconds: int | None = None  # a delivery drill's time to answer in


@dataclass(frozen=True)
class DrillProject:
    """A project as it stood in the session where the challenges were first asked."""

    project_id: int | None
    title: str
    role: str
    sections: dict
    metrics: list
    questions: list[DrillQuestion]


@dataclass(frozen=True)
class DrillPlan:
    projects: list[DrillProject]
    answer_mode: str  # as in the newest session drilled, so the clock feels the same
    next_due: datetime | None  # when something is next due, for a plan with nothing in it


def _rotation(user) -> list[drills.Drill]:
    # The same sessions the dashboard reads, so the button drills what the dashboard lists.
    sessions = Grading.objects.filter(user=user, regrade_of__isnull=True).only(
        "pk", "created_at", "status", "report"
    )[:HISTORY_SESSIONS]
    return drills.schedule_drills(
        [
            drills.Session(g.pk, g.created_at, g.report)
            for g in sessions
            if g.status == GRADED and g.report
        ]
    )


def _sibling(*, section: str, slug: str, exclude: set[str], rng: random.Random):
    """A bank challenge on the same section, the closest in kind to the one drilled."""
    rows = active_bank_rows()
    original = next((row for row in rows if row.slug == slug), None)
    candidates = [row for row in rows if row.section == section and row.slug not in exclude]
    if not candidates:
        return None

    def closeness(row) -> tuple:
        if original is None:
            return (0, 0, rng.random())
        return (
            row.trigger_kind != original.trigger_kind,
            row.persona != original.persona,
            rng.random(),
        )

    return min(candidates, key=closeness)


def _asked_turn(gradings: dict[int, Grading], drill: drills.Drill) -> dict:
    """The transcript turn where the challenge was caved on (the report points into it)."""
    transcript = gradings[drill.grading_id].transcript
    return transcript["projects"][drill.project_index]["turns"][drill.turn_index]


def plan_drill(*, user, now: datetime, seed: int) -> DrillPlan:
    """The due challenges, grouped by the project they were asked about (soonest due first)."""
    rotation = _rotation(user)
    due = [drill for drill in rotation if drill.due <= now][:MAX_DRILLED]
    if not due:
        return DrillPlan([], "", rotation[0].due if rotation else None)
    gradings = {
        g.pk: g
        for g in Grading.objects.filter(pk__in={d.grading_id for d in due}).only(
            "pk", "created_at", "transcript", "project_records"
        )
    }
    # The live project behind each snapshot, when the earlier session came from this app.
    live = {
        (row["session__grading_id"], row["order"]): row["project_id"]
        for row in SessionProject.objects.filter(session__grading_id__in=gradings).values(
            "session__grading_id", "order", "project_id"
        )
    }
    rng = random.Random(seed)
    asked = {drill.question for drill in due}
    # Every due challenge is asked as itself, never again as another one's sibling.
    exclude = {_asked_turn(gradings, d).get("challenge") or "" for d in due}
    projects: dict[tuple[int, int], DrillProject] = {}
    for drill in due:
        grading = gradings[drill.grading_id]
        raw_project = grading.transcript["projects"][drill.project_index]
        raw = _asked_turn(gradings, drill)
        key = (drill.grading_id, drill.project_index)
        if key not in projects:
            records = grading.project_records or []
            record = records[drill.project_index] if drill.project_index < len(records) else {}
            projects[key] = DrillProject(
                project_id=live.get(key),
                title=record.get("title") or raw_project.get("title") or "Your project",
                role=record.get("role") or "",
                sections=record.get("sections") or {},
                metrics=record.get("metrics") or [],
                questions=[],
            )
        slug = raw.get("challenge") or ""
        if drill.target:
            reason = (
                f"On {grading.created_at:%-d %b} your spoken answer to this stalled; it is due "
                f"again. {drill.target}"
            )
        else:
            reason = (
                f"You caved on this on {grading.created_at:%-d %b}; "
                "it is due again. Answer it with a figure or an experiment."
            )
        projects[key].questions.append(
            DrillQuestion(
                section=drill.section,
                question=drill.question,
                persona=raw.get("persona") or "",
                reason=reason,
                challenge_slug=slug,
                target_seconds=drills.TARGET_SECONDS if drill.target else None,
            )
        )
        if len(due) >= FEW_DUE:
            continue
        row = _sibling(section=drill.section, slug=slug, exclude=exclude, rng=rng)
        if row is None or row.question in asked:
            continue
        exclude.add(row.slug)
        projects[key].questions.append(
            DrillQuestion(
                section=row.section,
                question=row.question,
                persona=row.persona,
                reason=(
                    f"A sibling of the challenge you caved on: the same "
                    f"{SECTION_BY_KEY[row.section].title} weak spot from another angle."
                ),
                challenge_slug=row.slug,
            )
        )
    newest = max(gradings.values(), key=lambda g: g.created_at)
    return DrillPlan(list(projects.values()), newest.transcript.get("answer_mode") or "", None)
