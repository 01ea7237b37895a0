"""Reads for mock onsites: a user's sessions, the run page's state, the transcript."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.safestring import mark_safe

from hotseat import sql
from interviews import clock
from interviews.models import CHALLENGE, MockSession, SessionProject, Turn
from scoring.framework import SECTIONS
from scoring.models import Grading

TRANSCRIPT_FORMAT = "hotseat.transcript/1"
# Turn columns the run page's overview needs; the long texts are read for the open turn only.
_LIGHT_TURN_FIELDS = (
    "id",
    "session_project_id",
    "index",
    "section",
    "kind",
    "is_follow_up",
    "budget_seconds",
    "opened_at",
    "answered_at",
    "seconds",
    "over_time",
)


def get_session_for_user(*, user, pk: int) -> MockSession:
    """The user's session, or a 404 whether it belongs to someone else or does not exist."""
    return get_object_or_404(MockSession, pk=pk, user=user)


SESSION_PROJECT_TITLES = Prefetch(
    "projects", queryset=SessionProject.objects.only("id", "session_id", "order", "title")
)


def sessions_for_user(user) -> QuerySet[MockSession]:
    """Newest first, with the grading and the project titles, in a fixed number of queries."""
    return (
        MockSession.objects.filter(user=user)
        .select_related("grading")
        # The list needs a grading's status and score, not its transcript and report.
        .defer("grading__transcript", "grading__report", "grading__project_records")
        .prefetch_related(SESSION_PROJECT_TITLES)
        .order_by("-started_at", "-id")
    )


class SessionStamps:
    """Newest first, what a history row's look depends on, as plain values: (id, start,
    status, grading id, grading status, score). A Paginator reads it in two queries, each
    written as SQL once (see hotseat.sql)."""

    def __init__(self, user):
        self.user_pk = user.pk

    def count(self) -> int:
        return sql.rows(
            f"SELECT COUNT(*) FROM {MockSession._meta.db_table} WHERE user_id = %s",
            [self.user_pk],
        )[0][0]

    def __getitem__(self, page: slice) -> list[tuple]:
        return sql.rows(
            "SELECT s.id, s.started_at, s.status, s.grading_id, g.status, g.overall "
            f"FROM {MockSession._meta.db_table} s "
            f"LEFT JOIN {Grading._meta.db_table} g ON g.id = s.grading_id "
            "WHERE s.user_id = %s ORDER BY s.started_at DESC, s.id DESC LIMIT %s OFFSET %s",
            [self.user_pk, page.stop - page.start, page.start],
        )


def recently_seen_challenges(*, user, sessions: int) -> set[str]:
    """Challenge slugs asked in the user's last few sessions, so the next one asks others."""
    recent = MockSession.objects.filter(user=user).order_by("-started_at", "-id")[:sessions]
    return set(
        Turn.objects.filter(session__in=recent.values("pk"), kind=CHALLENGE)
        .exclude(challenge_slug="")
        .values_list("challenge_slug", flat=True)
    )


# --- The run page ------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionProgress:
    key: str
    title: str
    state: str  # done | current | upcoming
    seconds: int


@dataclass(frozen=True)
class Clocks:
    """The run page's two countdowns at one moment: the only part of the page that moves
    with time. The page is rendered with holes where they go (CLOCK_HOLES), and every
    response fills them in, so the rest of it can be cached under the open turn and its
    draft (hotseat.pages) while the clocks stay exact."""

    turn: float  # seconds left for this answer
    project: float  # seconds left for this project

    @classmethod
    def at(cls, *, turn_deadline, project_deadline) -> "Clocks":
        now = timezone.now()
        return cls(
            turn=clock.remaining_seconds(turn_deadline, now),
            project=clock.remaining_seconds(project_deadline, now),
        )

    def fill(self, response: HttpResponse) -> HttpResponse:
        content = response.content
        for name, value in (
            ("turn_ms", int(self.turn * 1000)),
            ("turn_s", round(self.turn)),
            ("project_ms", int(self.project * 1000)),
            ("project_s", round(self.project)),
        ):
            content = content.replace(CLOCK_HOLES[name].encode(), str(value).encode())
        response.content = content
        return response


# Escaped page text can hold no "<", so no answer or title can be mistaken for a hole.
CLOCK_HOLES = {
    name: mark_safe(f"<clock:{name}>") for name in ("turn_ms", "turn_s", "project_ms", "project_s")
}


@dataclass(frozen=True)
class RunState:
    session: MockSession
    turn: Turn
    project: SessionProject
    project_number: int
    project_count: int
    turn_number: int
    turn_count: int
    coverage: tuple[SectionProgress, ...]
    clocks: Clocks


def _coverage(turns: list[Turn], current: Turn) -> tuple[SectionProgress, ...]:
    rows = []
    for section in SECTIONS:
        mine = [turn for turn in turns if turn.section == section.key]
        prompt_answered = any(turn.kind != CHALLENGE and turn.is_answered for turn in mine)
        if current.section == section.key:
            state = "current"
        elif prompt_answered:
            state = "done"
        else:
            state = "upcoming"
        seconds = sum(turn.seconds or 0 for turn in mine if turn.is_answered)
        rows.append(SectionProgress(section.key, section.title, state, seconds))
    return tuple(rows)


@dataclass(frozen=True)
class _RoundShape:
    project: SessionProject
    project_number: int
    project_count: int
    turn_count: int
    coverage: tuple[SectionProgress, ...]


# The round's shape outlives no turn: a new open turn is a new key.
ROUND_SHAPE_SECONDS = 3600


def _round_shape(session: MockSession, turn: Turn) -> _RoundShape:
    projects = list(session.projects.only("id", "order", "title", "budget_seconds", "deadline"))
    turns = list(session.turns.only(*_LIGHT_TURN_FIELDS))
    project = next(p for p in projects if p.pk == turn.session_project_id)
    return _RoundShape(
        project=project,
        project_number=projects.index(project) + 1,
        project_count=len(projects),
        turn_count=len(turns),
        coverage=_coverage([t for t in turns if t.session_project_id == project.pk], turn),
    )


def run_state(*, session: MockSession, turn: Turn) -> RunState:
    """Everything the run page shows around the open turn.

    The round's shape (its projects, the turn count, the coverage strip) changes only when a
    turn closes and the next one opens (a live follow-up is inserted at that moment too), so
    it is read in two queries once per open turn and cached under it and its opening time.
    """
    key = f"round-shape:{session.pk}:{turn.pk}:{turn.index}:{turn.opened_at.isoformat()}"
    shape = cache.get(key)
    if shape is None:
        shape = _round_shape(session, turn)
        cache.set(key, shape, ROUND_SHAPE_SECONDS)
    return RunState(
        session=session,
        turn=turn,
        project=shape.project,
        project_number=shape.project_number,
        project_count=shape.project_count,
        turn_number=turn.index + 1,
        turn_count=shape.turn_count,
        coverage=shape.coverage,
        clocks=Clocks.at(turn_deadline=turn.deadline, project_deadline=shape.project.deadline),
    )


# --- The transcript (hotseat.transcript/1) ---------------------------------------------------


def _transcript_turn(turn: Turn) -> dict:
    data = {
        "turn": turn.index,
        "section": turn.section,
        "kind": turn.kind,
        "question": turn.question,
        "answer": turn.answer,
        "seconds": turn.seconds,
        "budget_seconds": turn.budget_seconds,
        "over_time": turn.over_time,
    }
    if turn.kind == CHALLENGE:
        data.update(
            persona=turn.persona,
            persona_label=turn.persona_label,
            reason=turn.reason,
            challenge=turn.challenge_slug,
        )
    return data


def build_transcript(session: MockSession) -> dict:
    """The round as it happened: asked turns only, answers as recorded."""
    projects = list(session.projects.all())
    turns = list(session.turns.filter(answered_at__isnull=False).order_by("index"))
    return {
        "format": TRANSCRIPT_FORMAT,
        # An extra key, so the format stays /1: a drill asks only pushback, and a reader
        # (the dashboard's chart, the review) may not want to count its unasked sections as 0.
        "session_kind": session.kind,
        "pressure": session.pressure,
        "answer_mode": session.answer_mode,
        "started_at": session.started_at.isoformat(),
        "finished_at": session.finished_at.isoformat() if session.finished_at else None,
        "projects": [
            {
                "title": project.title,
                "time_budget_seconds": project.budget_seconds,
                "turns": [
                    _transcript_turn(turn)
                    for turn in turns
                    if turn.session_project_id == project.pk
                ],
            }
            for project in projects
        ],
    }


def project_records(session: MockSession) -> list[dict]:
    """The candidate's own project text and metrics, frozen at start, for the consistency check."""
    return [
        {
            "title": project.title,
            "role": project.role,
            "sections": project.sections,
            "metrics": project.metrics,
        }
        for project in session.projects.all()
    ]
