"""Spaced drills: a challenge the candidate caved on comes back, further apart each time they hold.

Worked out from the graded sessions themselves (their pushback outcomes), so there is nothing to
keep in step: caving puts a challenge back to tomorrow, each later session that holds or concedes
it well pushes it out along INTERVAL_DAYS, and holding it at the last step retires it.

Delivery counts too, for a challenge answered aloud: a long freeze before the first word or a
long pause inside the answer sends it back with a target ("answer in under 90 s, with no pause
over 3 s"), and an answer only counts as held once it meets the target as well.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from scoring.graders.pushback import CAVED

# Days until a challenge comes back after caving on it, then after each answer that held.
INTERVAL_DAYS = (1, 3, 7, 14)
# A spoken answer to pushback should be under way within a few seconds, flow without long
# pauses, and fit its time.
TARGET_SECONDS = 90
TARGET_PAUSE = 3.0
TARGET_FIRST_WORD = 5.0
DELIVERY_TARGET = (
    f"Answer in under {TARGET_SECONDS} s, with no pause over {TARGET_PAUSE:g} s, and start "
    f"within {TARGET_FIRST_WORD:g} s."
)


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
    target: str = ""  # a delivery target to meet as well, when the last miss was delivery


def _key(question: str) -> str:
    return " ".join(question.lower().split())


def _missed_delivery(project: dict, turn: int) -> bool:
    """Did the spoken answer at `turn` freeze, pause too long or run past its time?"""
    delivery = project.get("delivery") or {}
    if not delivery.get("spoken"):
        return False
    figures = next(
        (a for a in delivery.get("answers") or [] if isinstance(a, dict) and a.get("turn") == turn),
        None,
    )
    if not figures or figures.get("wpm") is None:
        return False
    return (figures.get("longest_pause") or 0) > TARGET_PAUSE or (
        figures.get("first_word") or 0
    ) > TARGET_FIRST_WORD


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
                caved = outcome.get("outcome") == CAVED
                froze = _missed_delivery(project, outcome.get("turn"))
                if caved or froze:
                    drills[key] = Drill(
                        section=outcome.get("section", ""),
                        question=question,
                        due=session.at + timedelta(days=INTERVAL_DAYS[0]),
                        streak=0,
                        grading_id=session.grading_id,
                        project_index=p,
                        turn_index=outcome.get("turn", 0),
                        target="" if caved and not froze else DELIVERY_TARGET,
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
