"""Reads behind the review pages and the dashboard."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from scoring import drills, summary
from scoring.charts import (
    LineChart,
    SessionScores,
    day_labels,
    delivery_charts,
    section_score_chart,
)
from scoring.framework import SECTION_BY_KEY, SECTIONS
from scoring.graders.pushback import CAVED, CONCEDED, HELD
from scoring.models import GRADED, Grading, Regrading, ReviewComment, ShareLink
from scoring.reports import Review, attach_comments, build_review

# The dashboard reads at most this many recent sessions, however long the history grows.
HISTORY_SESSIONS = 50
CHART_SESSIONS = 10
RECENT_SESSIONS = 5
DRILLS_SHOWN = 5
OUTCOMES = (HELD, CONCEDED, CAVED)
# The dashboard's columns; the summaries stand in for the reports and transcripts.
_DASHBOARD_FIELDS = ("pk", "user_id", "created_at", "status", "graded_at", "overall", "summary")


def get_grading_for_user(user, pk: int) -> Grading:
    """The user's own grading, or 404: someone else's looks the same as a missing one."""
    return get_object_or_404(Grading, pk=pk, user=user)


_SNAPSHOT_COLUMNS = ("transcript", "report", "project_records")


def get_review_grading_for_user(user, pk: int) -> Grading:
    """As get_grading_for_user, without the snapshot columns (the owner's review page reads
    them only when its cached report is missing: owner_review), and with how many mentor
    comments it has and the newest one's id. Comments are only ever added, so these two
    change whenever the comments the review shows do. It also says whether it has active share
    links and regrade links, so the page reads those only when there are some, and brings a
    peer interviewer's scores, if any."""
    gradings = (
        Grading.objects.defer(*_SNAPSHOT_COLUMNS)
        .select_related("peer_scorecard")
        .annotate(
            comment_count=Count("review_comments"),
            last_comment=Max("review_comments"),
            has_share_links=Exists(
                ShareLink.objects.filter(grading=OuterRef("pk"), revoked_at=None)
            ),
            has_regrades=Exists(
                Regrading.objects.filter(Q(grading=OuterRef("pk")) | Q(source=OuterRef("pk")))
            ),
        )
    )
    return get_object_or_404(gradings, pk=pk, user=user)


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


def owner_review(grading: Grading) -> Review:
    """The owner's review, read only when the page's cached report is missing: the report
    and transcript never change once graded, and comments are only ever added, so the
    rendered report is keyed by the grading, when it was graded, and its comments' stamp."""
    grading.refresh_from_db(fields=["transcript", "report"])  # both in one query
    return review_for(grading)


def turn_count(grading: Grading) -> int:
    if summary.is_current(grading.summary):
        return grading.summary["turns"]
    return sum(len(p.get("turns") or []) for p in grading.transcript.get("projects") or [])


def regrade_family(grading: Grading) -> tuple[Grading | None, list[Grading]]:
    """The grading this one regrades (if any), and the later gradings of this one, newest
    first: both sides of the regrade links in one query."""
    links = Regrading.objects.filter(Q(grading=grading) | Q(source=grading)).select_related(
        "source", "grading"
    )
    links = links.only("source__id", "grading__grader", "grading__overall", "grading__created_at")
    source = None
    later = []
    for link in links:
        if link.grading_id == grading.pk:
            source = link.source
        else:
            later.append(link.grading)
    later.sort(key=lambda g: (g.created_at, g.pk), reverse=True)
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
class Weakest:
    """The newest graded session's weakest section, and whether a challenge on it caved: then
    the fix is holding the claim under pushback, not only rewriting the record."""

    title: str
    score: float
    caved: bool


@dataclass(frozen=True, slots=True)
class Progress:
    recent: list[Grading]
    chart: LineChart | None
    delivery: tuple[LineChart, LineChart] | None  # pace and fillers a minute, spoken rounds only
    pushback: list[PushbackRow]
    latest: Grading | None  # the newest graded session
    weakest: Weakest | None  # the newest graded session's weakest section
    drills_due: list[DueDrill]
    more_drills_due: int
    next_drill: datetime | None  # when the next drill comes back, if none is due now


def _due_drills(due: list[drills.Drill], links: dict[tuple, tuple[int, str]]) -> list[DueDrill]:
    """The drills to show, with the turn number and bank slug their summaries recorded."""
    shown = []
    for drill in due:
        number, slug = links.get(
            (drill.grading_id, drill.project_index, drill.turn_index), (drill.turn_index, "")
        )
        shown.append(
            DueDrill(
                question=drill.question,
                section_title=SECTION_BY_KEY[drill.section].title,
                caved_in=drill.grading_id,
                turn_number=number,
                challenge_slug=slug,
            )
        )
    return shown


def _summaries(graded: list[Grading]) -> dict[int, dict]:
    """Each graded row's summary; a row graded before summaries existed is summarized here."""
    summaries = {g.pk: g.summary for g in graded if summary.is_current(g.summary)}
    stale = [g.pk for g in graded if g.pk not in summaries]
    if stale:
        rows = Grading.objects.filter(pk__in=stale, report__isnull=False).values_list(
            "pk", "report", "transcript"
        )
        summaries |= {pk: summary.summarize(report, transcript) for pk, report, transcript in rows}
    return summaries


def _pushback_rows(summaries: list[dict]) -> list[PushbackRow]:
    counts: dict[str, Counter] = {section.key: Counter() for section in SECTIONS}
    for data in summaries:
        for project in data["projects"]:
            for outcome in project["pushback"]:
                if outcome.get("section") in counts:
                    counts[outcome["section"]][outcome.get("outcome")] += 1
    return [
        PushbackRow(section.title, *(counts[section.key][o] for o in OUTCOMES))
        for section in SECTIONS
        if counts[section.key]
    ]


def _turn_links(graded: list[Grading], summaries: dict[int, dict]) -> dict[tuple, tuple]:
    """(grading, project, turn) -> (the turn's number on the review, its bank slug)."""
    links = {}
    for grading in graded:
        for p, project in enumerate(summaries[grading.pk]["projects"]):
            for outcome in project["pushback"]:
                if "number" in outcome:
                    links[grading.pk, p, outcome["turn"]] = (
                        outcome["number"],
                        outcome["challenge"],
                    )
    return links


def _charted(charted: list[Grading], summaries: dict[int, dict], key: str) -> list[SessionScores]:
    """The sessions to chart, oldest first, with their summaries' `key` figures; days in the
    current time zone."""
    moments = [timezone.localtime(g.created_at) for g in charted]
    return [
        SessionScores(label=label, scores=summaries[g.pk][key], moment=moment)
        for label, moment, g in zip(day_labels(moments), moments, charted, strict=True)
    ]


def _charts(charted: list[Grading], summaries: dict[int, dict]) -> tuple:
    """The section-score chart of the charted sessions, and the pace and fillers charts of
    those that were spoken."""
    spoken = [g for g in charted if summaries[g.pk].get("delivery")]
    return (
        section_score_chart(_charted(charted, summaries, "sections")),
        delivery_charts(_charted(spoken, summaries, "delivery")),
    )


def dashboard_sessions(user) -> list[tuple[int, str, datetime, datetime | None, datetime | None]]:
    """The sessions the dashboard reads, newest first, as (id, status, created, graded, when a
    peer interviewer last saved their scores): all its figures follow from these rows, which
    change whenever a session is added or graded, or a peer scores one or changes their scores.

    A regrade is left out: each session counts once, with the grader it was first scored by,
    so the chart compares like with like.
    """
    return list(
        Grading.objects.filter(user=user, regrade_of__isnull=True)
        .order_by("-created_at", "-pk")
        .values_list("pk", "status", "created_at", "graded_at", "peer_scorecard__updated_at")[
            :HISTORY_SESSIONS
        ]
    )


def _weakest(summary: dict) -> Weakest | None:
    means = summary["sections"]
    scored = [s for s in SECTIONS if means[s.key] is not None]
    if not scored:
        return None
    section = min(scored, key=lambda s: means[s.key])
    caved = any(
        outcome.get("section") == section.key and outcome.get("outcome") == CAVED
        for project in summary.get("projects") or []
        for outcome in project.get("pushback") or []
    )
    return Weakest(title=section.title, score=means[section.key], caved=caved)


def progress_for_user(user, sessions: list[tuple]) -> Progress:
    """Everything the dashboard's body shows, from the sessions dashboard_sessions listed: their
    summaries stand in for the reports and transcripts."""
    rows = Grading.objects.filter(user=user).only(*_DASHBOARD_FIELDS)
    found = rows.in_bulk([pk for pk, *_ in sessions])
    listed = [found[pk] for pk, *_ in sessions if pk in found]
    summaries = _summaries([g for g in listed if g.status == GRADED])
    for grading in listed:
        grading.summary = summaries.get(grading.pk)
    graded = [g for g in listed if g.pk in summaries]
    weakest = _weakest(summaries[graded[0].pk]) if graded else None
    rotation = drills.schedule_drills(
        # A summary keeps the report's "projects" -> "pushback" shape, which is all drills read.
        [drills.Session(g.pk, g.created_at, summaries[g.pk]) for g in graded]
    )
    now = timezone.now()
    due = [d for d in rotation if d.due <= now]
    chart, delivery = _charts(graded[:CHART_SESSIONS][::-1], summaries)
    return Progress(
        recent=listed[:RECENT_SESSIONS],
        chart=chart,
        delivery=delivery,
        pushback=_pushback_rows([summaries[g.pk] for g in graded]),
        latest=graded[0] if graded else None,
        weakest=weakest,
        drills_due=_due_drills(due[:DRILLS_SHOWN], _turn_links(graded, summaries)),
        more_drills_due=max(0, len(due) - DRILLS_SHOWN),
        next_drill=None if due or not rotation else rotation[0].due,
    )


def lazy_progress_for_user(user, sessions: list[tuple]) -> Progress:
    """progress_for_user, worked out only if the dashboard's cached body is missing."""
    return SimpleLazyObject(lambda: progress_for_user(user, sessions))
