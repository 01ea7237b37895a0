"""Spaced drills: a challenge the candidate caved on comes back, further apart each time they hold.

Worked out from the graded sessions themselves (their pushback outcomes), so there is nothing to
keep in step: caving puts a challenge back to tomorrow, each later session that holds or concedes
it well pushes it out along INTERVAL_DAYS, and holding it at the last step retires it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from scoring.graders.pushback import CAVED

# Days until a challenge comes back after caving on it, then after each answer that held.
INTERVAL_DAYS = (1, 3, 7, 14)


@dataclass(frozen=True, slots=True)
class Session:
    grading_id: int
    at: datetime
    report: dict


@dataclass(frozen=True, slots=True)
class Drill:
    section: str
    question: str
    due: datetime
    streak: int  # answers that held since the last cave
    grading_id: int  # the session where it was last caved on
    project_index: int
    turn_index: int


def _key(question: str) -> str:
    return " ".join(question.lower().split())


def schedule_drills(sessions: list[Session]) -> list[Drill]:
    """Every challenge still in rotation, soonest due first; `sessions` may come in any order."""
    drills: dict[str, Drill] = {}
    for session in sorted(sessions, key=lambda s: s.at):
        for p, project in enumerate(session.report.get("projects") or []):
            for outcome in project.get("pushback") or []:
                question = outcome.get("question") or ""
                key = _key(question)
                if not key:
                    continue
                if outcome.get("outcome") == CAVED:
                    drills[key] = Drill(
                        section=outcome.get("section", ""),
                        question=question,
                        due=session.at + timedelta(days=INTERVAL_DAYS[0]),
                        streak=0,
                        grading_id=session.grading_id,
                        project_index=p,
                        turn_index=outcome.get("turn", 0),
                    )
                elif key in drills:
                    drill = drills[key]
                    streak = drill.streak + 1
                    if streak >= len(INTERVAL_DAYS):
                        del drills[key]
                    else:
                        due = session.at + timedelta(days=INTERVAL_DAYS[streak])
                        drills[key] = replace(drill, due=due, streak=streak)
    return sorted(drills.values(), key=lambda d: d.due)


def due_moments_passed(session_times: Iterable[datetime], now: datetime) -> int:
    """How many of the moments a drill can fall due at have passed by `now`.

    A drill falls due one of INTERVAL_DAYS after the session it was last answered in, so which
    drills are due changes only when this count does: a page that lists them can be kept
    under it.
    """
    return sum(
        1 for at in session_times for days in INTERVAL_DAYS if at + timedelta(days=days) <= now
    )
