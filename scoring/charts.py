"""Geometry for the server-rendered progress chart.

This module only computes coordinates and labels; the SVG markup lives in the template
(`scoring/_score_chart.html`), so no markup is built in Python and every label is escaped.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from scoring.framework import SECTIONS
from scoring.rubric import MAX_LEVEL

# Narrow enough that a phone (about 324 px for the chart at 390 px) scales it down by no more
# than 0.9, so FONT_SIZE user units still render at 12 px or more.
WIDTH = 360
HEIGHT = 240
FONT_SIZE = 14
# Room for the y-axis labels on the left and the session labels underneath.
LEFT, RIGHT, TOP, BOTTOM = 40, 14, 14, 40
DOT_RADIUS = 4
# Sessions close in time still get this much room apart, so their dots do not pile up...
MIN_SESSION_GAP = 24
# ...and a session's equal scores are set side by side, a dot's width apart, not on one spot.
DODGE = 2 * DOT_RADIUS
# Room at each end of the time axis for the widest such row of dots (all six sections equal).
EDGE = (len(SECTIONS) - 1) / 2 * DODGE + DOT_RADIUS
# An axis label's width, estimated from its length (no font metrics on the server).
CHAR_WIDTH = 0.6 * FONT_SIZE
LABEL_SPACE = FONT_SIZE / 2


@dataclass(frozen=True, slots=True)
class SessionScores:
    """One graded session: a short label (its date) and the section scores, averaged over
    its projects; a section the session never scored is None."""

    label: str
    scores: dict[str, float | None]
    moment: datetime | None = None  # places the session on the time axis; None: evenly


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
    font_size: int = FONT_SIZE
    dot_radius: int = DOT_RADIUS

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


def session_positions(sessions: list[SessionScores]) -> list[float]:
    """Each session's x: by when it was graded, but at least MIN_SESSION_GAP apart (less only
    when there are too many sessions for the width), inside the plot with its dots."""
    plot_width = WIDTH - LEFT - RIGHT - 2 * EDGE
    count = len(sessions)
    if count == 1:
        return [LEFT + EDGE + plot_width / 2]
    moments = [session.moment for session in sessions]
    span = (moments[-1] - moments[0]).total_seconds() if None not in moments else 0
    if span > 0:
        offsets = [(m - moments[0]).total_seconds() / span * plot_width for m in moments]
    else:
        offsets = [i / (count - 1) * plot_width for i in range(count)]
    gap = min(MIN_SESSION_GAP, plot_width / (count - 1))
    # Push crowded sessions right, then back left from the right edge: each stays between its
    # neighbours, at least `gap` from them.
    for i in range(1, count):
        offsets[i] = max(offsets[i], offsets[i - 1] + gap)
    offsets[-1] = min(offsets[-1], plot_width)
    for i in range(count - 2, -1, -1):
        offsets[i] = min(offsets[i], offsets[i + 1] - gap)
    return [round(LEFT + EDGE + offset, 1) for offset in offsets]


def _dodges(session: SessionScores) -> dict[str, float]:
    """Per section, how far to shift its dot sideways so that equal scores sit side by side."""
    keys_by_score: dict[float, list[str]] = {}
    for section in SECTIONS:
        score = session.scores.get(section.key)
        if score is not None:
            keys_by_score.setdefault(round(score, 1), []).append(section.key)
    return {
        key: (j - (len(keys) - 1) / 2) * DODGE
        for keys in keys_by_score.values()
        for j, key in enumerate(keys)
    }


def _label_width(label: str) -> float:
    return len(label) * CHAR_WIDTH


def _x_ticks(sessions: list[SessionScores], xs: list[float]) -> tuple[Tick, ...]:
    """Session labels that fit without touching, chosen from the latest back; each inside the
    chart (anchored at its start or end near an edge)."""
    kept: list[Tick] = []
    left_of_kept = float("inf")
    for x, session in reversed(list(zip(xs, sessions, strict=True))):
        width = _label_width(session.label)
        if x - width / 2 < 0:
            anchor, start = "start", x
        elif x + width / 2 > WIDTH:
            anchor, start = "end", x - width
        else:
            anchor, start = "middle", x - width / 2
        if start + width + LABEL_SPACE <= left_of_kept:
            kept.append(Tick(x, session.label, anchor))
            left_of_kept = start
    return tuple(reversed(kept))


def day_labels(moments: list[datetime]) -> list[str]:
    """ "3 Nov" per session, numbered when one day had several ("3 Nov (2)")."""
    days = [moment.strftime("%-d %b") for moment in moments]
    totals, seen = Counter(days), Counter()
    labels = []
    for day in days:
        seen[day] += 1
        labels.append(f"{day} ({seen[day]})" if totals[day] > 1 else day)
    return labels


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
    xs = session_positions(sessions)
    dodges = [_dodges(session) for session in sessions]
    series = tuple(
        Series(
            key=section.key,
            title=section.title,
            points=tuple(
                Point(
                    x=round(xs[i] + dodges[i][section.key], 1),
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
        x_ticks=_x_ticks(sessions, xs),
        y_ticks=tuple(Tick(_y(level), str(level), "end") for level in range(MAX_LEVEL + 1)),
        description=_describe(sessions),
        sessions=tuple(sessions),
    )
