"""Geometry for the server-rendered progress chart.

This module only computes coordinates and labels; the SVG markup lives in the template
(`scoring/_score_chart.html`), so no markup is built in Python and every label is escaped.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from math import ceil

from scoring.framework import SECTIONS
from scoring.rubric import MAX_LEVEL

# Small enough that the labels stay legible when a phone scales the chart down.
WIDTH = 480
HEIGHT = 240
# More session labels than this would overlap; the others are left to the data table.
MAX_X_LABELS = 5
# Room for the y-axis labels on the left and the session labels underneath.
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 40


@dataclass(frozen=True, slots=True)
class SessionScores:
    """One graded session: a short label (its date) and the section scores, averaged over
    its projects; a section the session never scored is None."""

    label: str
    scores: dict[str, float | None]


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    title: str
    points: tuple[Point, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True, slots=True)
class Tick:
    position: float
    label: str
    anchor: str = "middle"  # SVG text-anchor: the outermost labels stay inside the chart


@dataclass(frozen=True, slots=True)
class LineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    series: tuple[Series, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    description: str
    sessions: tuple[SessionScores, ...]

    @property
    def rows(self) -> list[tuple[str, list[float | None]]]:
        """The data-table alternative: one row per section, one column per session."""
        return [
            (section.title, [session.scores.get(section.key) for session in self.sessions])
            for section in SECTIONS
        ]


def _y(score: float) -> float:
    plot_height = HEIGHT - TOP - BOTTOM
    return round(TOP + plot_height * (1 - score / MAX_LEVEL), 1)


def _x(index: int, count: int) -> float:
    plot_width = WIDTH - LEFT - RIGHT
    if count == 1:
        return LEFT + plot_width / 2
    return round(LEFT + plot_width * index / (count - 1), 1)


def day_labels(moments: list[datetime]) -> list[str]:
    """ "3 Nov" per session, numbered when one day had several ("3 Nov (2)")."""
    days = [moment.strftime("%-d %b") for moment in moments]
    totals, seen = Counter(days), Counter()
    labels = []
    for day in days:
        seen[day] += 1
        labels.append(f"{day} ({seen[day]})" if totals[day] > 1 else day)
    return labels


def _edge_anchor(index: int, count: int) -> str:
    if count == 1:
        return "middle"
    return "start" if index == 0 else "end" if index == count - 1 else "middle"


def _describe(sessions: list[SessionScores]) -> str:
    latest = sessions[-1]
    parts = [
        f"{section.title} {latest.scores[section.key]:.1f}"
        for section in SECTIONS
        if latest.scores.get(section.key) is not None
    ]
    return (
        f"Section scores from 0 to 4 over your last {len(sessions)} graded "
        f"session{'s' if len(sessions) != 1 else ''}, oldest first. "
        f"Latest ({latest.label}): {', '.join(parts) or 'no scores'}."
    )


def section_score_chart(sessions: list[SessionScores]) -> LineChart | None:
    """A line per section across sessions (oldest first); None when there is nothing to draw."""
    if not sessions:
        return None
    count = len(sessions)
    series = tuple(
        Series(
            key=section.key,
            title=section.title,
            points=tuple(
                Point(
                    x=_x(i, count),
                    y=_y(score),
                    label=f"{section.title}, {session.label}: {score:.1f} of 4",
                )
                for i, session in enumerate(sessions)
                if (score := session.scores.get(section.key)) is not None
            ),
        )
        for section in SECTIONS
    )
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        series=series,
        x_ticks=tuple(
            Tick(_x(i, count), s.label, _edge_anchor(i, count))
            for i, s in enumerate(sessions)
            if (count - 1 - i) % ceil(count / MAX_X_LABELS) == 0
        ),
        y_ticks=tuple(Tick(_y(level), str(level), "end") for level in range(MAX_LEVEL + 1)),
        description=_describe(sessions),
        sessions=tuple(sessions),
    )
