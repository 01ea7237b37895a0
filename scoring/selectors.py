"""Reads behind the review pages and the dashboard."""

import functools
import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from hashlib import md5

from django.core.cache import cache
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from hotseat import sql
from hotseat.pages import PAGE_SECONDS
from scoring import drills, summary
from scoring.charts import LineChart, SessionScores, day_labels, section_score_chart
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
_DASHBOARD_FIELDS = ("pk", "user_id", "created_at", "status", "graded_at", "overall")
DIGEST_SECONDS = 24 * 3600


def get_grading_for_user(user, pk: int) -> Grading:
    """The user's own grading, or 404: someone else's looks the same as a missing one."""
    return get_object_or_404(Grading, pk=pk, user=user)


_SNAPSHOT_COLUMNS = ("transcript", "report", "project_records")


@functools.cache
def _review_stamp_sql() -> str:
    """The grading without its snapshot columns, and scalar subqueries over what else the
    review page shows. Written out once: the ORM took longer to build and compile this query
    than PostgreSQL took to run it (and this way every request sends the same prepared text).
    """
    grading, comment, link, regrade = (
        model._meta.db_table for model in (Grading, ReviewComment, ShareLink, Regrading)
    )
    columns = ", ".join(
        f"g.{field.column}"
        for field in Grading._meta.concrete_fields
        if field.name not in _SNAPSHOT_COLUMNS
    )
    return f"""
        SELECT {columns},
          (SELECT source_id FROM {regrade} WHERE grading_id = g.id) AS regrade_source,
          (SELECT count(*) FROM {comment} WHERE grading_id = g.id) AS comment_count,
          (SELECT max(id) FROM {comment} WHERE grading_id = g.id) AS comment_last,
          (SELECT count(*) FROM {link} WHERE grading_id = g.id AND revoked_at IS NULL)
            AS link_count,
          (SELECT max(id) FROM {link} WHERE grading_id = g.id AND revoked_at IS NULL)
            AS link_last,
          (SELECT count(*) FROM {regrade} WHERE source_id = g.id) AS regrade_count,
          (SELECT max(grading_id) FROM {regrade} WHERE source_id = g.id) AS regrade_last,
          (SELECT max(later.graded_at) FROM {regrade} r JOIN {grading} later
             ON later.id = r.grading_id WHERE r.source_id = g.id) AS regrade_graded
        FROM {grading} g
        WHERE g.id = %s AND g.user_id = %s
    """


def get_review_grading_for_user(user, pk: int) -> Grading:
    """As get_grading_for_user, without the snapshot columns, and with a stamp of everything
    else the owner's review page shows: its mentor comments (only ever added), its active
    mentor links, and the gradings on either side of a regrade. The page is cached under the
    stamp, so a request it serves costs this one query.
    """
    if not 0 < pk < 2**63:  # past the id column's range: raw SQL gets no ORM check for it
        raise Http404("No such review.")
    found = list(Grading.objects.raw(_review_stamp_sql(), [pk, user.pk]))
    if not found:
        raise Http404("No such review.")
    return found[0]


def review_page_stamp(grading: Grading) -> tuple:
    """What the owner's review page shows besides the template, from the annotations above."""
    return (
        grading.pk,
        grading.status,
        grading.graded_at,
        grading.regrade_source,
        grading.comment_count,
        grading.comment_last,
        grading.link_count,
        grading.link_last,
        grading.regrade_count,
        grading.regrade_last,
        grading.regrade_graded,
    )


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
    """The owner's review, read only when the page's cached fragments are missing: the
    report and transcript never change once graded, and comments are only ever added, so the
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
    links = links.only(
        "source", "grading", "grading__grader", "grading__overall", "grading__created_at"
    )
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
class Progress:
    recent: list[Grading]
    chart: LineChart | None  # lazy: drawn only when the page's cached chart is missing
    chart_key: tuple | None  # the charted sessions, as graded; None when there is no chart
    pushback: list[PushbackRow]
    latest: Grading | None  # the newest graded session
    weakest: tuple[str, float] | None  # its weakest section: (title, score)
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
    parsed = {g.pk: json.loads(g.summary_text) for g in graded if g.summary_text}
    summaries = {pk: data for pk, data in parsed.items() if summary.is_current(data)}
    stale = [g.pk for g in graded if g.pk not in summaries]
    if stale:
        rows = Grading.objects.filter(pk__in=stale, report__isnull=False).values_list(
            "pk", "report", "transcript"
        )
        summaries |= {pk: summary.summarize(report, transcript) for pk, report, transcript in rows}
    return summaries


@dataclass(frozen=True, slots=True)
class _Digest:
    """What the dashboard works out from the sessions' summaries. It depends only on which
    sessions there are and when each was graded, so it is cached under exactly that."""

    graded: list[int]  # newest first
    scores: dict[int, dict]  # section means of the charted sessions
    pushback: list[PushbackRow]
    weakest: tuple[str, float] | None
    rotation: list[drills.Drill]
    links: dict[tuple, tuple[int, str]]  # (grading, project, turn) -> (turn number, bank slug)
    shown: dict[int, dict]  # titles and top fix of the sessions the page lists


def _digest(sessions: list[Grading]) -> _Digest:
    summaries = _summaries([g for g in sessions if g.status == GRADED])
    graded = [g for g in sessions if g.pk in summaries]
    counts: dict[str, Counter] = {section.key: Counter() for section in SECTIONS}
    links = {}
    for grading in graded:
        for p, project in enumerate(summaries[grading.pk]["projects"]):
            for outcome in project["pushback"]:
                if outcome.get("section") in counts:
                    counts[outcome["section"]][outcome.get("outcome")] += 1
                if "number" in outcome:
                    links[grading.pk, p, outcome["turn"]] = (
                        outcome["number"],
                        outcome["challenge"],
                    )
    weakest = None
    if graded:
        means = summaries[graded[0].pk]["sections"]
        scored = [(s.title, means[s.key]) for s in SECTIONS if means[s.key] is not None]
        weakest = min(scored, key=lambda item: item[1], default=None)
    listed = {g.pk for g in sessions[:RECENT_SESSIONS]} | {g.pk for g in graded[:1]}
    rotation = drills.schedule_drills(
        # A summary keeps the report's "projects" -> "pushback" shape, which is all drills read.
        [drills.Session(g.pk, g.created_at, summaries[g.pk]) for g in graded]
    )
    in_rotation = {(d.grading_id, d.project_index, d.turn_index) for d in rotation}
    return _Digest(
        graded=[g.pk for g in graded],
        scores={g.pk: summaries[g.pk]["sections"] for g in graded[:CHART_SESSIONS]},
        pushback=[
            PushbackRow(section.title, *(counts[section.key][o] for o in OUTCOMES))
            for section in SECTIONS
            if counts[section.key]
        ],
        weakest=weakest,
        rotation=rotation,
        links={place: link for place, link in links.items() if place in in_rotation},
        shown={
            pk: {
                "projects": [{"title": p["title"]} for p in summaries[pk]["projects"]],
                "top_fix": summaries[pk]["top_fix"],
            }
            for pk in listed
            if pk in summaries
        },
    )


@dataclass(frozen=True)
class DashboardStamp:
    """What the dashboard shows that can change: the latest sessions' ids, statuses and
    graded times (a score or a session's time changes only with them), and, as time passes,
    which of their drills are due. What the summaries add up to (the digest) is read only
    when the page is rendered."""

    sessions: list[tuple[int, str, datetime | None]]  # newest first
    key: str  # the sessions and the summaries' version, hashed
    at: datetime

    @functools.cached_property
    def digest(self) -> _Digest:
        """From the cache, worked out again whenever the sessions' stamp changes."""
        key = f"dashboard-digest:{self.key}"
        digest = cache.get(key)
        if digest is None:
            digest = _digest(
                list(
                    Grading.objects.filter(pk__in=[pk for pk, *_ in self.sessions])
                    .only("pk", "status", "created_at")
                    # As text: parsed only for rows whose summary is current.
                    .annotate(summary_text=Cast("summary", TextField()))
                )
            )
            cache.set(key, digest, DIGEST_SECONDS)
        return digest

    @property
    def due(self) -> list[drills.Drill]:
        return [d for d in self.digest.rotation if d.due <= self.at]

    def seconds_unchanged(self) -> int:
        """How long the page rendered now stays true: until the next drill falls due (the
        page lists those due, or says when the next comes back)."""
        upcoming = [d.due for d in self.digest.rotation if d.due > self.at]
        if not upcoming:
            return PAGE_SECONDS
        return min(PAGE_SECONDS, max(0, int((upcoming[0] - timezone.now()).total_seconds())))


def dashboard_stamp(user) -> DashboardStamp:
    """One light query (SQL written once: see hotseat.sql).

    A regrade is left out: each session counts once, with the grader it was first scored by,
    so the chart compares like with like.
    """
    sessions = sql.rows(
        f"SELECT g.id, g.status, g.graded_at FROM {Grading._meta.db_table} g "
        f"WHERE g.user_id = %s AND NOT EXISTS (SELECT 1 FROM {Regrading._meta.db_table} r "
        "WHERE r.grading_id = g.id) ORDER BY g.created_at DESC, g.id DESC LIMIT %s",
        [user.pk, HISTORY_SESSIONS],
    )
    key = md5(
        repr((user.pk, summary.SUMMARY_VERSION, sessions)).encode(), usedforsecurity=False
    ).hexdigest()
    return DashboardStamp(sessions, key, timezone.now())


def progress_for_user(user, stamp: DashboardStamp) -> Progress:
    """Everything the dashboard shows, read when its cached page is missing. The sessions it
    lists and charts are read without their summaries: titles and the top fix come from the
    digest."""
    digest, due = stamp.digest, stamp.due
    listed = [pk for pk, *_ in stamp.sessions[:RECENT_SESSIONS]]
    charted = digest.graded[:CHART_SESSIONS][::-1]
    shown = Grading.objects.only(*_DASHBOARD_FIELDS).in_bulk(
        {*listed, *charted, *digest.graded[:1]}
    )
    for grading in shown.values():
        grading.summary = digest.shown.get(grading.pk)
    charted = [shown[pk] for pk in charted]

    def chart():
        labels = day_labels([timezone.localtime(g.created_at) for g in charted])
        return section_score_chart(
            [
                SessionScores(label=label, scores=digest.scores[g.pk])
                for label, g in zip(labels, charted, strict=True)
            ]
        )

    return Progress(
        recent=[shown[pk] for pk in listed],
        chart=SimpleLazyObject(chart),
        # Labels are days in the current time zone, so it is part of what the chart shows.
        chart_key=(
            tuple((g.pk, g.graded_at) for g in charted) + (timezone.get_current_timezone_name(),)
            if charted
            else None
        ),
        pushback=digest.pushback,
        latest=shown[digest.graded[0]] if digest.graded else None,
        weakest=digest.weakest,
        drills_due=_due_drills(due[:DRILLS_SHOWN], digest.links) if due else [],
        more_drills_due=max(0, len(due) - DRILLS_SHOWN),
        next_drill=None if due or not digest.rotation else digest.rotation[0].due,
    )
