"""Starting a round: every turn planned up front (the challenge engine picks the pushback per
project), the projects frozen as they stand, and the first turn opened. A drill re-asks the
challenges due again."""

import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from challenges import engine
from challenges.pressure import BAR_RAISER, PRESSURE_KEYS, STANDARD
from interviews import clock
from interviews.drills import plan_drill
from interviews.models import (
    CHALLENGE,
    DRILL,
    MODE_CHOICES,
    PROMPT,
    RUNNING,
    SPOKEN,
    TYPED,
    MockSession,
    SessionProject,
    Turn,
)
from interviews.selectors import recently_seen_challenges
from interviews.services.errors import InterviewError, NothingToDrill
from interviews.services.peers import create_invite
from interviews.services.turns import advance, as_suggestion, sync_session
from scoring.framework import SECTION_KEYS, SECTIONS

MAX_PROJECTS = 4
# The real round gives about three minutes of walkthrough per project when spoken; typing
# is slower, so a typed session gets more. A pushback question gets one to two minutes.
DEFAULT_WALKTHROUGH_SECONDS = {SPOKEN: 180, TYPED: 480}
DEFAULT_CHALLENGE_SECONDS = {SPOKEN: 90, TYPED: 120}
RECENT_SESSIONS = 3


@dataclass(frozen=True)
class PlannedTurn:
    section: str
    kind: str
    question: str
    budget_seconds: int
    persona: str = ""
    reason: str = ""
    challenge_slug: str = ""
    key_points: tuple[str, ...] = ()


def default_budgets(answer_mode: str) -> tuple[int, int]:
    mode = answer_mode if answer_mode in DEFAULT_WALKTHROUGH_SECONDS else SPOKEN
    return DEFAULT_WALKTHROUGH_SECONDS[mode], DEFAULT_CHALLENGE_SECONDS[mode]


def plan_project(
    *, picks: Sequence[engine.Pick], pressure: str, walkthrough_seconds: int, challenge_seconds: int
) -> list[PlannedTurn]:
    """The six framework prompts in order, each challenge after the section it targets.

    At bar-raiser pressure a challenge interrupts right after its section, before the
    walkthrough is over; below that the pushback waits until all six sections are told.
    """
    prompt_seconds = clock.prompt_budget(walkthrough_seconds)
    by_section: dict[str, list[PlannedTurn]] = {key: [] for key in SECTION_KEYS}
    for pick in picks:
        by_section[pick.section].append(
            PlannedTurn(
                section=pick.section,
                kind=CHALLENGE,
                question=pick.question,
                budget_seconds=challenge_seconds,
                persona=pick.persona,
                reason=pick.reason,
                challenge_slug=pick.slug,
                key_points=pick.key_points,
            )
        )
    interrupt = pressure == BAR_RAISER
    plan: list[PlannedTurn] = []
    for section in SECTIONS:
        plan.append(PlannedTurn(section.key, PROMPT, section.prompt, prompt_seconds))
        if interrupt:
            plan.extend(by_section[section.key])
    if not interrupt:
        for key in SECTION_KEYS:
            plan.extend(by_section[key])
    return plan


def _snapshot_metrics(project) -> list[dict]:
    def number(value):
        return None if value is None else float(value)

    return [
        {
            "name": metric.name,
            "before": number(metric.before),
            "after": number(metric.after),
            "unit": metric.unit,
            "note": metric.note,
        }
        for metric in project.metrics.all()
    ]


@transaction.atomic
def start_session(
    *,
    user,
    projects: Sequence,
    pressure: str,
    answer_mode: str,
    walkthrough_seconds: int | None = None,
    challenge_seconds: int | None = None,
    seed: int | None = None,
    with_peer: bool = False,
) -> MockSession:
    """Plan every turn of the round up front and open the first one.

    With a peer interviewer only the framework questions are planned: the engine's picks wait
    on each project as the peer's suggestions, and the round opens when the peer joins.
    """
    if not 1 <= len(projects) <= MAX_PROJECTS:
        raise InterviewError(f"Choose between 1 and {MAX_PROJECTS} projects.")
    if len({project.pk for project in projects}) != len(projects):
        raise InterviewError("Each project can be walked through only once per session.")
    if any(project.user_id != user.pk for project in projects):
        raise InterviewError("You can only be interviewed on your own projects.")
    if pressure not in PRESSURE_KEYS:
        raise InterviewError("Choose a pressure level.")
    if answer_mode not in dict(MODE_CHOICES):
        raise InterviewError("Choose an answer mode.")
    default_walkthrough, default_challenge = default_budgets(answer_mode)
    walkthrough_seconds = walkthrough_seconds or default_walkthrough
    challenge_seconds = challenge_seconds or default_challenge
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed

    recently_seen = recently_seen_challenges(user=user, sessions=RECENT_SESSIONS)
    session = MockSession.objects.create(
        user=user,
        pressure=pressure,
        answer_mode=answer_mode,
        walkthrough_seconds=walkthrough_seconds,
        challenge_seconds=challenge_seconds,
        seed=seed,
    )
    asked: set[str] = set()
    turns: list[Turn] = []
    for order, project in enumerate(projects):
        sections = project.section_texts()
        picks = engine.pick(
            sections=sections,
            pressure=pressure,
            recently_seen=recently_seen,
            exclude=asked,
            seed=seed + order,
            title=project.title,
            tags=project.tags,
        )
        asked.update(pick.slug for pick in picks)
        plan = plan_project(
            picks=[] if with_peer else picks,
            pressure=pressure,
            walkthrough_seconds=walkthrough_seconds,
            challenge_seconds=challenge_seconds,
        )
        session_project = SessionProject(
            session=session,
            project=project,
            order=order,
            title=project.title,
            role=project.role,
            sections=sections,
            metrics=_snapshot_metrics(project),
            suggestions=[as_suggestion(pick) for pick in picks] if with_peer else [],
        )
        turns.extend(_add_project(session_project, plan, first_index=len(turns)))
    Turn.objects.bulk_create(turns)
    if with_peer:
        create_invite(session)
    else:
        advance(session, timezone.now())
    return session


def _add_project(
    session_project: SessionProject, plan: list[PlannedTurn], *, first_index: int
) -> list[Turn]:
    """Save the project snapshot with its time budget; return its turns, still unsaved."""
    session_project.budget_seconds = sum(planned.budget_seconds for planned in plan)
    session_project.save()
    return [
        Turn(
            session=session_project.session,
            session_project=session_project,
            index=first_index + offset,
            section=planned.section,
            kind=planned.kind,
            question=planned.question,
            persona=planned.persona,
            reason=planned.reason,
            challenge_slug=planned.challenge_slug,
            key_points=list(planned.key_points),
            budget_seconds=planned.budget_seconds,
        )
        for offset, planned in enumerate(plan)
    ]


@transaction.atomic
def start_drill(*, user, seed: int | None = None) -> MockSession:
    """A short timed session re-asking the challenges due for a drill, project by project.

    Each challenge is asked in the words used before, about the project as it stood then,
    so grading reads a drill like any transcript and its outcome moves the spacing along.
    """
    # A double click, or the button pressed again mid-drill, resumes the drill under way.
    running = MockSession.objects.filter(user=user, kind=DRILL, status=RUNNING).first()
    if running is not None and sync_session(session=running) is not None:
        return running
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed
    plan = plan_drill(user=user, now=timezone.now(), seed=seed)
    if not plan.projects:
        when = (
            f" The next one comes back on {timezone.localtime(plan.next_due):%-d %b}."
            if plan.next_due
            else " A challenge you cave on in a mock onsite comes back here the next day."
        )
        raise NothingToDrill("Nothing is due for a drill right now." + when)
    answer_mode = plan.answer_mode if plan.answer_mode in dict(MODE_CHOICES) else SPOKEN
    _, challenge_seconds = default_budgets(answer_mode)
    session = MockSession.objects.create(
        user=user,
        kind=DRILL,
        pressure=STANDARD,
        answer_mode=answer_mode,
        walkthrough_seconds=0,
        challenge_seconds=challenge_seconds,
        seed=seed,
    )
    turns: list[Turn] = []
    for order, project in enumerate(plan.projects):
        questions = [
            PlannedTurn(
                section=q.section,
                kind=CHALLENGE,
                question=q.question,
                budget_seconds=q.target_seconds or challenge_seconds,
                persona=q.persona,
                reason=q.reason,
                challenge_slug=q.challenge_slug,
            )
            for q in project.questions
        ]
        session_project = SessionProject(
            session=session,
            project_id=project.project_id,
            order=order,
            title=project.title,
            role=project.role,
            sections=project.sections,
            metrics=project.metrics,
        )
        turns.extend(_add_project(session_project, questions, first_index=len(turns)))
    Turn.objects.bulk_create(turns)
    advance(session, timezone.now())
    return session
