"""Reads behind the review pages and the dashboard."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from statistics import mean

from django.shortcuts import get_object_or_404
from django.utils import timezone

from scoring import drills
from scoring.charts import LineChart, SessionScores, day_labels, section_score_chart
from scoring.framework import SECTION_BY_KEY, SECTIONS
from scoring.graders.pushback import CAVED, CONCEDED, HELD
from scoring.models import GRADED, Grading, ReviewComment, ShareLink
from scoring.reports import Review, attach_comments, build_review, turn_numbers

# The dashboard reads at most this many recent sessions, however long the history grows.
HISTORY_SESSIONS = 50
CHART_SESSIONS = 10
RECENT_SESSIONS = 5
DRILLS_SHOWN = 5
OUTCOMES = (HELD, CONCEDED, CAVED)


def get_grading_for_user(user, pk: int) -> Grading:
    """The user's own grading, or 404: someone else's looks the same as a missing one."""
    return get_object_or_404(Grading, pk=pk, user=user)


def get_active_share_link(token: str) -> ShareLink:
    """A link that exists and is not revoked, with its grading, or 404."""
    return get_object_or_404(
        ShareLink.objects.select_related("grading"), token=token, revoked_at=None
    )


def active_share_links(grading: Grading) -> list[ShareLink]:
    return list(grading.share_links.filter(revoked_at=None))


def review_for(grading: Grading) -> Review:
    """The review with every mentor comment on its turn (one query for the comments)."""
    review = build_review(grading.transcript, grading.report)
    attach_comments(review, ReviewComment.objects.filter(grading=grading))
    return review


def turn_count(grading: Grading) -> int:
    return sum(len(p.get("turns") or []) for p in grading.transcript.get("projects") or [])


def regrade_family(grading: Grading) -> tuple[Grading | None, list[Grading]]:
    """The grading this one regrades (if any), and the later gradings of this one."""
    source = Grading.objects.filter(regradings__grading=grading).only("pk").first()
    later = list(Grading.objects.filter(regrade_of__source=grading).only("pk", "grader", "overall"))
    return source, later


# --- Dashboard --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PushbackRow:
    title: str
    held: int
    conceded: int
    caved: int


@dataclass(frozen=True, slots=True)
class DueDrill:
    question: str
    section_title: str
    caved_in: int  # the grading whose review shows the answer that caved
    turn_number: int
    challenge_slug: str  # blank for a question built from the candidate's own claims


@dataclass(frozen=True, slots=True)
class Progress:
    recent: list[Grading]
    chart: LineChart | None
    pushback: list[PushbackRow]
    latest: Grading | None  # the newest graded session
    weakest: tuple[str, float] | None  # its weakest section: (title, score)
    drills_due: list[DueDrill]
    more_drills_due: int
    next_drill: datetime | None  # when the next drill comes back, if none is due now


def _due_drills(due: list[drills.Drill]) -> list[DueDrill]:
    """The drills to show, with the bank slug and turn read from their sessions' transcripts.

    The report's pushback entries point into the transcript it was graded from (project and
    turn position), so the lookups below cannot miss.
    """
    transcripts = dict(
        Grading.objects.filter(pk__in={d.grading_id for d in due}).values_list("pk", "transcript")
    )
    shown = []
    for drill in due:
        transcript = transcripts[drill.grading_id]
        raw = transcript["projects"][drill.project_index]["turns"][drill.turn_index]
        shown.append(
            DueDrill(
                question=drill.question,
                section_title=SECTION_BY_KEY[drill.section].title,
                caved_in=drill.grading_id,
                turn_number=turn_numbers(transcript)[drill.project_index][drill.turn_index],
                challenge_slug=raw.get("challenge") or "",
            )
        )
    return shown


def _section_means(report: dict) -> dict[str, float | None]:
    projects = report.get("projects") or []
    scores = {}
    for section in SECTIONS:
        values = [
            p["sections"][section.key]["score"]
            for p in projects
            if section.key in (p.get("sections") or {})
        ]
        scores[section.key] = round(mean(values), 2) if values else None
    return scores


def progress_for_user(user) -> Progress:
    """Everything the dashboard shows, from one query over the latest sessions.

    A regrade is left out: each session counts once, with the grader it was first scored by,
    so the chart compares like with like.
    """
    sessions = list(
        Grading.objects.filter(user=user, regrade_of__isnull=True).defer(
            "transcript", "project_records"
        )[:HISTORY_SESSIONS]
    )
    graded = [g for g in sessions if g.status == GRADED and g.report]
    charted = graded[:CHART_SESSIONS][::-1]
    labels = day_labels([timezone.localtime(g.created_at) for g in charted])
    chart = section_score_chart(
        [
            SessionScores(label=label, scores=_section_means(g.report))
            for label, g in zip(labels, charted, strict=True)
        ]
    )
    counts: dict[str, Counter] = {section.key: Counter() for section in SECTIONS}
    for grading in graded:
        for project in grading.report.get("projects") or []:
            for outcome in project.get("pushback") or []:
                if outcome.get("section") in counts:
                    counts[outcome["section"]][outcome.get("outcome")] += 1
    pushback = [
        PushbackRow(section.title, *(counts[section.key][o] for o in OUTCOMES))
        for section in SECTIONS
        if counts[section.key]
    ]
    latest = graded[0] if graded else None
    weakest = None
    if latest:
        means = _section_means(latest.report)
        scored = [(s.title, means[s.key]) for s in SECTIONS if means[s.key] is not None]
        weakest = min(scored, key=lambda item: item[1], default=None)
    rotation = drills.schedule_drills(
        [drills.Session(g.pk, g.created_at, g.report) for g in graded]
    )
    now = timezone.now()
    due = [d for d in rotation if d.due <= now]
    return Progress(
        recent=sessions[:RECENT_SESSIONS],
        chart=chart,
        pushback=pushback,
        latest=latest,
        weakest=weakest,
        drills_due=_due_drills(due[:DRILLS_SHOWN]) if due else [],
        more_drills_due=max(0, len(due) - DRILLS_SHOWN),
        next_drill=None if due or not rotation else rotation[0].due,
    )
