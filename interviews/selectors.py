"""Reads for mock onsites: a user's sessions, the run page's state, the transcript."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from challenges.personas import PERSONA_LABELS
from interviews import clock
from interviews.models import CHALLENGE, PEER, MockSession, PeerInvite, SessionProject, Turn
from scoring.framework import SECTION_BY_KEY, SECTIONS

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
    """The user's session, or a 404 whether it belongs to someone else or does not exist.

    Its peer invite, if it has one, comes in the same query."""
    return get_object_or_404(MockSession.objects.select_related("peer_invite"), pk=pk, user=user)


def peer_invite_of(session: MockSession) -> PeerInvite | None:
    return getattr(session, "peer_invite", None)


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


def history_rows(user) -> QuerySet:
    """The user's sessions, newest first, as what a history row shows that can change: (id,
    status, its grading's status and score). The rest of a row (when, which projects, what
    pressure) is fixed when the session starts."""
    return (
        MockSession.objects.filter(user=user)
        .order_by("-started_at", "-id")
        .values_list("pk", "status", "grading__status", "grading__overall")
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
class Countdown:
    """Seconds left on one of the run page's clocks, as the page starts counting down from."""

    seconds: float

    @property
    def milliseconds(self) -> int:
        return int(self.seconds * 1000)

    @property
    def whole_seconds(self) -> int:
        return round(self.seconds)


@dataclass(frozen=True)
class Skipped:
    """The previous project's questions skipped because its time ran out."""

    project_title: str
    count: int


@dataclass(frozen=True)
class RoundProgress:
    """Where the open turn stands in its round: it changes only when the next turn opens."""

    project_number: int
    project_count: int
    turn_count: int
    coverage: tuple[SectionProgress, ...]
    # Set on a project's first turn when the one before ran out of time with questions left.
    skipped: Skipped | None = None


@dataclass(frozen=True)
class RunState:
    session: MockSession
    turn: Turn
    project: SessionProject
    turn_number: int
    round: RoundProgress  # read only when the page's cached parts are missing
    turn_clock: Countdown
    project_clock: Countdown


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


def _skipped_before(turns: list[Turn], turn: Turn, project_ids: list[int]) -> Skipped | None:
    """The previous project's skipped questions, when `turn` opens the next project."""
    position = project_ids.index(turn.session_project_id)
    first = min(t.index for t in turns if t.session_project_id == turn.session_project_id)
    if position == 0 or turn.index != first:
        return None
    previous = [t for t in turns if t.session_project_id == project_ids[position - 1]]
    count = sum(_was_skipped(t) for t in previous)
    return Skipped(previous[0].session_project.title, count) if count else None


def _was_skipped(turn: Turn) -> bool:
    return clock.was_skipped(
        opened_at=turn.opened_at, project_deadline=turn.session_project.deadline
    )


def round_progress(session: MockSession, turn: Turn) -> RoundProgress:
    """One query, for the round's turns without their texts.

    The round's projects are those of its turns, in order: each project's turns are planned
    together, and a live follow-up is inserted among its own project's.
    """
    turns = list(
        session.turns.select_related("session_project").only(
            *_LIGHT_TURN_FIELDS, "session_project__title", "session_project__deadline"
        )
    )
    project_ids = list(dict.fromkeys(t.session_project_id for t in turns))
    return RoundProgress(
        project_number=project_ids.index(turn.session_project_id) + 1,
        project_count=len(project_ids),
        turn_count=len(turns),
        coverage=_coverage(
            [t for t in turns if t.session_project_id == turn.session_project_id], turn
        ),
        skipped=_skipped_before(turns, turn, project_ids),
    )


def run_state(*, session: MockSession, turn: Turn) -> RunState:
    """Everything the run page shows around the open turn (loaded with its session_project)."""
    now = timezone.now()
    return RunState(
        session=session,
        turn=turn,
        project=turn.session_project,
        turn_number=turn.index + 1,
        round=SimpleLazyObject(lambda: round_progress(session, turn)),
        turn_clock=Countdown(clock.remaining_seconds(turn.deadline, now)),
        project_clock=Countdown(clock.remaining_seconds(turn.session_project.deadline, now)),
    )


# --- The transcript (hotseat.transcript/1) ---------------------------------------------------


def _transcript_turn(turn: Turn, project: SessionProject) -> dict:
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
            key_points=list(turn.key_points),
        )
    if turn.timing:
        data["timing"] = turn.timing
    if clock.was_skipped(opened_at=turn.opened_at, project_deadline=project.deadline):
        data["skipped"] = True  # an extra key: never asked, its project's time was up
    if turn.from_peer:
        data["asked_by"] = turn.asked_by
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
                    _transcript_turn(turn, project)
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


# --- A peer interviewer's console ------------------------------------------------------------


def get_invite_by_token(token: str) -> PeerInvite:
    return get_object_or_404(PeerInvite.objects.select_related("session"), token=token)


def get_console_invite(*, user, pk: int) -> PeerInvite:
    """The invite of session `pk` this user accepted, while the candidate has not revoked it;
    otherwise a 404, as for a session that does not exist."""
    return get_object_or_404(
        PeerInvite.objects.select_related("session", "session__user"),
        session__pk=pk,  # checked against the column's range, unlike session_id
        peer=user,
        revoked_at=None,
    )


@dataclass(frozen=True)
class Suggestion:
    """One of the engine's picks, as the peer's console offers it."""

    slug: str
    section_title: str
    question: str
    persona_label: str
    reason: str
    key_points: tuple[str, ...]
    follow_up: bool
    for_this_section: bool


def suggestions_for(turn: Turn) -> list[Suggestion]:
    """The engine's picks left for the open turn's project, those on its section first."""
    suggestions = [
        Suggestion(
            slug=raw["slug"],
            section_title=SECTION_BY_KEY[raw["section"]].title,
            question=raw["question"],
            persona_label=PERSONA_LABELS.get(raw["persona"], "Interviewer"),
            reason=raw["reason"],
            key_points=tuple(raw.get("key_points") or ()),
            follow_up=bool(raw.get("follow_up")),
            for_this_section=raw["section"] == turn.section,
        )
        for raw in turn.session_project.suggestions
    ]
    return sorted(suggestions, key=lambda s: (not s.follow_up, not s.for_this_section))


@dataclass(frozen=True)
class ConsoleState:
    invite: PeerInvite
    session: MockSession
    turn: Turn | None  # the open turn; None before the round starts or once it is over
    turn_clock: Countdown
    project_clock: Countdown
    queued: list[Turn]  # the peer's questions waiting for the candidate, in order


def console_etag(invite: PeerInvite, turn: Turn | None) -> str:
    """What the console's live region shows changes only with one of these."""
    session = invite.session
    parts = [session.status, session.current_index, invite.revision]
    if turn is not None:
        parts += [turn.pk, turn.draft_version, turn.opened_at is not None]
    return '"' + ".".join(str(part) for part in parts) + '"'


def console_state(invite: PeerInvite, turn: Turn | None) -> ConsoleState:
    now = timezone.now()
    session = invite.session
    live = turn is not None and turn.opened_at is not None and turn.answered_at is None
    queued = (
        list(
            session.turns.filter(index__gt=turn.index, opened_at=None, asked_by=PEER).only(
                "id", "index", "question", "section", "session_project_id"
            )
        )
        if live
        else []
    )
    return ConsoleState(
        invite=invite,
        session=session,
        turn=turn if live else None,
        turn_clock=Countdown(clock.remaining_seconds(turn.deadline, now) if live else 0),
        project_clock=Countdown(
            clock.remaining_seconds(turn.session_project.deadline, now) if live else 0
        ),
        queued=queued,
    )
