"""Geometry for the dashboard's server-rendered line charts: section scores, and for spoken
rounds pace and fillers a minute.

This module only computes coordinates and labels; the SVG markup lives in the template
(`scoring/_score_chart.html`), so no markup is built in Python and every label is escaped.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from math import ceil

from scoring.delivery import FEW_FILLERS, PACE_BAND
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
    """One graded session: a short label (its date) and its value per line (the section
    scores averaged over its projects, say); a line the session has no value for is None."""

    label: str
    scores: dict[str, float | None]
    moment: datetime | None = None  # places the session on the time axis; None: evenly


@dataclass(frozen=True, slots=True)
class Line:
    """What one line of a chart draws: `key` into each session's scores."""

    key: str
    title: str
    unit: str  # after the value in a dot's label: "3.0 of 4", "150 words a minute"
    decimals: int = 1

    def value(self, value: float) -> str:
        return f"{value:.{self.decimals}f}"


SECTION_LINES = tuple(Line(section.key, section.title, " of 4") for section in SECTIONS)
PACE = Line("wpm", "Pace", " words a minute", decimals=0)
FILLERS = Line("fillers_per_minute", "Fillers", " a minute")


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded stretch of the y axis: where to aim."""

    y: float
    height: float
    label: str


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
    slug: str  # makes the chart's element ids unique on the page
    title: str
    caption: str  # the table alternative's caption
    lines: tuple[Line, ...]
    band: Band | None
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
    def plot_width(self) -> int:
        return self.right - self.left

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The data-table alternative: one row per line, one column per session."""
        return [
            (
                line.title,
                [
                    "–" if (value := session.scores.get(line.key)) is None else line.value(value)
                    for session in self.sessions
                ],
            )
            for line in self.lines
        ]


def _y(value: float, top: float) -> float:
    plot_height = HEIGHT - TOP - BOTTOM
    return round(TOP + plot_height * (1 - value / top), 1)


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


def _dodges(session: SessionScores, lines: tuple[Line, ...]) -> dict[str, float]:
    """Per line, how far to shift its dot sideways so that equal values sit side by side."""
    keys_by_score: dict[float, list[str]] = {}
    for line in lines:
        score = session.scores.get(line.key)
        if score is not None:
            keys_by_score.setdefault(round(score, 1), []).append(line.key)
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


def _line_chart(
    sessions: list[SessionScores],
    lines: tuple[Line, ...],
    *,
    slug: str,
    title: str,
    caption: str,
    description: str,
    y_step: float,
    y_top: float,
    band: tuple[float, float, str] | None = None,
) -> LineChart:
    """Sessions (oldest first) on a time axis, a line of dots per entry of `lines`, on a y axis
    from 0 to `y_top` (raised to fit the largest value) ticked every `y_step`."""
    largest = max(
        (v for s in sessions for line in lines if (v := s.scores.get(line.key))), default=0
    )
    top = max(y_top, ceil(largest / y_step) * y_step)
    xs = session_positions(sessions)
    dodges = [_dodges(session, lines) for session in sessions]
    series = tuple(
        Series(
            key=line.key,
            title=line.title,
            points=tuple(
                Point(
                    x=round(xs[i] + dodges[i][line.key], 1),
                    y=_y(value, top),
                    label=f"{line.title}, {session.label}: {line.value(value)}{line.unit}",
                )
                for i, session in enumerate(sessions)
                if (value := session.scores.get(line.key)) is not None
            ),
        )
        for line in lines
    )
    ticks = [y_step * i for i in range(int(top / y_step) + 1)]
    return LineChart(
        slug=slug,
        title=title,
        caption=caption,
        lines=lines,
        band=Band(_y(band[1], top), round(_y(band[0], top) - _y(band[1], top), 1), band[2])
        if band
        else None,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        series=series,
        x_ticks=_x_ticks(sessions, xs),
        y_ticks=tuple(Tick(_y(level, top), f"{level:g}", "end") for level in ticks),
        description=description,
        sessions=tuple(sessions),
    )


def section_score_chart(sessions: list[SessionScores]) -> LineChart | None:
    """A line per section across sessions (oldest first); None when there is nothing to draw."""
    if not sessions:
        return None
    return _line_chart(
        sessions,
        SECTION_LINES,
        slug="scores",
        title="Your section scores across sessions",
        caption="Section scores (0–4) per session, oldest first",
        description=_describe(sessions),
        y_step=1,
        y_top=MAX_LEVEL,
    )


def delivery_charts(sessions: list[SessionScores]) -> tuple[LineChart, LineChart] | None:
    """Pace and fillers a minute across spoken sessions (oldest first), each on its own scale
    with the band to aim for shaded; None when no session was spoken."""
    if not sessions:
        return None
    latest, count = sessions[-1], len(sessions)
    over = f"over your last {count} spoken session{'s' if count != 1 else ''}, oldest first"
    return (
        _line_chart(
            sessions,
            (PACE,),
            slug="pace",
            title="Your pace across spoken sessions",
            caption="Words a minute per spoken session, oldest first",
            description=(
                f"Words a minute {over}; aim for {PACE_BAND[0]}–{PACE_BAND[1]}. "
                f"Latest ({latest.label}): {PACE.value(latest.scores[PACE.key])}."
            ),
            y_step=50,
            y_top=250,
            band=(*PACE_BAND, f"{PACE_BAND[0]}–{PACE_BAND[1]}: a conversational pace"),
        ),
        _line_chart(
            sessions,
            (FILLERS,),
            slug="fillers",
            title="Your fillers a minute across spoken sessions",
            caption="Filler words a minute per spoken session, oldest first",
            description=(
                f"Filler words a minute {over}; aim for {FEW_FILLERS:g} or fewer. "
                f"Latest ({latest.label}): {FILLERS.value(latest.scores[FILLERS.key])}."
            ),
            y_step=2,
            y_top=8,
            band=(0, FEW_FILLERS, f"{FEW_FILLERS:g} or fewer: few enough to pass unnoticed"),
        ),
    )
