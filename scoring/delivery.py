"""Spoken delivery: pace, fillers and pauses, from the timings the browser's dictation reports.

In spoken mode the browser sends, with each autosaved answer, when each recognised phrase
started and ended (seconds from the moment the question appeared). No audio leaves the browser.
From those numbers and the answer's words this module works out, per answer: words per minute,
filler words per minute (the listener's fillers, so "like" in "a model like XGBoost" is not
one), pauses over 3 s and the longest, the time to the first word, and for a challenge the time
to the first word after the pushback. Timings that cannot be true (negative, overlapping,
longer than the turn) are dropped with a note, never trusted and never an error.

Pure Python, no Django. The grader scores delivery from these figures for spoken rounds.
"""

import math
from dataclasses import dataclass, field
from statistics import median

from scoring.graders.text import words
from scoring.listener import listen

PAUSE_SECONDS = 3.0  # a silence longer than this is a pause worth counting
MAX_PHRASES = 2000  # more than anyone says in one answer: a payload this big is not timings
# Pace and filler anchors for a spoken answer (interview coaching's usual band is 130-170 wpm).
PACE_BANDS = ((130, 170, 4), (115, 185, 3), (100, 200, 2))
FILLER_BANDS = ((2.0, 4), (4.0, 3), (8.0, 2))  # fillers per minute at most, for that level
FREEZE_BANDS = ((3.0, 4), (5.0, 3), (8.0, 2))  # seconds to the first word after pushback
# What scores 4: the dashboard's charts shade these.
PACE_BAND = PACE_BANDS[0][:2]
FEW_FILLERS = FILLER_BANDS[0][0]


@dataclass(frozen=True)
class Timing:
    phrases: tuple[tuple[float, float], ...]  # (start, end) seconds after the question appeared

    @property
    def first_word(self) -> float:
        return self.phrases[0][0]

    @property
    def speaking_seconds(self) -> float:
        return self.phrases[-1][1] - self.phrases[0][0]

    @property
    def pauses(self) -> list[float]:
        return [
            round(start - previous_end, 1)
            for (_, previous_end), (start, _) in zip(self.phrases, self.phrases[1:], strict=False)
            if start - previous_end > PAUSE_SECONDS
        ]


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def check_timing(raw, turn_seconds: float | None) -> tuple[Timing | None, list[str]]:
    """Timings as sent (a list of [start, end] pairs), checked; bad ones dropped with a note."""
    if raw in (None, [], {}):
        return None, []
    if not isinstance(raw, list | tuple) or len(raw) > MAX_PHRASES:
        return None, ["the speech timings were not a list of phrases, so they were ignored"]
    phrases: list[tuple[float, float]] = []
    dropped = 0
    for pair in raw:
        start, end = (
            (_number(pair[0]), _number(pair[1]))
            if isinstance(pair, list | tuple) and len(pair) == 2
            else (None, None)
        )
        if (
            start is None
            or end is None
            or start < 0
            or end < start
            or (turn_seconds is not None and end > turn_seconds + 1)
            or (phrases and start < phrases[-1][1])
        ):
            dropped += 1
            continue
        phrases.append((round(start, 2), round(end, 2)))
    notes = []
    if dropped:
        notes.append(
            f"{dropped} speech timing{'s' if dropped > 1 else ''} could not be true (negative, "
            "overlapping or longer than the turn) and "
            f"{'were' if dropped > 1 else 'was'} left out"
        )
    return (Timing(tuple(phrases)) if phrases else None), notes


@dataclass
class AnswerDelivery:
    turn: int
    kind: str
    words: int
    fillers: list[str]
    filler_spans: list[tuple[int, int]]
    wpm: float | None = None
    fillers_per_minute: float | None = None
    seconds: float | None = None  # from the first word to the last
    pauses: list[float] = field(default_factory=list)
    first_word: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def longest_pause(self) -> float | None:
        return max(self.pauses) if self.pauses else None

    def as_dict(self) -> dict:
        return {
            "turn": self.turn,
            "kind": self.kind,
            "words": self.words,
            "wpm": self.wpm,
            "fillers": len(self.fillers),
            "filler_words": self.fillers,
            "filler_spans": [list(span) for span in self.filler_spans],
            "fillers_per_minute": self.fillers_per_minute,
            "seconds": self.seconds,
            "pauses_over_3s": len(self.pauses),
            "longest_pause": self.longest_pause,
            "first_word": self.first_word,
            "notes": self.notes,
        }


def answer_delivery(
    *, turn: int, kind: str, answer: str, raw_timing, seconds: float | None
) -> AnswerDelivery:
    """The delivery figures of one spoken answer."""
    heard = listen(answer)
    fillers = [answer[start:end] for start, end in heard.fillers]
    result = AnswerDelivery(turn, kind, len(words(heard.text)), fillers, list(heard.fillers))
    timing, result.notes = check_timing(raw_timing, seconds)
    if timing is None:
        return result
    result.seconds = round(timing.speaking_seconds, 1)
    minutes = timing.speaking_seconds / 60
    if minutes > 0:
        result.wpm = round(len(words(answer)) / minutes)
        result.fillers_per_minute = round(len(fillers) / minutes, 1)
    result.pauses = timing.pauses
    result.first_word = round(timing.first_word, 1)
    return result


def _level(value: float | None, bands) -> int | None:
    if value is None:
        return None
    for limit, level in bands:
        if value <= limit:
            return level
    return 1


def _pace_level(wpm: float | None) -> int | None:
    if wpm is None:
        return None
    for low, high, level in PACE_BANDS:
        if low <= wpm <= high:
            return level
    return 1


SPOKEN_DESCRIPTORS: tuple[str, ...] = (
    "Nothing said.",
    "Hard to follow: a pace far from 130-170 words a minute, a filler every few seconds, or "
    "long freezes after pushback.",
    "Uneven: rushed or slow, frequent fillers, or a long silence before answering pushback.",
    "Mostly steady: close to a conversational pace, a few fillers, short pauses.",
    "Steady and clean: 130-170 words a minute, few fillers, and an answer under way within a "
    "few seconds of pushback.",
)

HABITS = {
    "pace_fast": "You rushed: {wpm} words a minute on average. Aim for 130-170; pause after each "
    "figure so it lands.",
    "pace_slow": "You spoke slowly: {wpm} words a minute on average. Aim for 130-170; lead with "
    "the figure, then the reason.",
    "fillers": "{count} fillers ({examples}), {rate} a minute. Replace them with a short silence.",
    "freeze": "After pushback you took {seconds} s to start. Start with the figure you have; "
    "think aloud if you need to.",
    "pauses": "Your longest pause was {seconds} s. Say where you are going before you stop to "
    "think.",
}


def spoken_delivery(answers: list[AnswerDelivery]) -> dict | None:
    """A spoken round's delivery score (0–4) and the one habit to fix first, or None when no
    answer carried timings (typed rounds keep the time-and-words measure)."""
    timed = [a for a in answers if a.wpm is not None]
    if not timed:
        return None
    wpm = round(median(a.wpm for a in timed))
    total_minutes = sum(a.seconds for a in timed) / 60
    filler_count = sum(len(a.fillers) for a in timed)
    rate = round(filler_count / total_minutes, 1) if total_minutes else 0.0
    freezes = [a.first_word for a in timed if a.kind == "challenge" and a.first_word is not None]
    worst_freeze = max(freezes) if freezes else None
    longest = max((a.longest_pause or 0 for a in timed), default=0)
    levels = {
        "pace": _pace_level(wpm),
        "fillers": _level(rate, FILLER_BANDS),
        "freeze": _level(worst_freeze, FREEZE_BANDS),
    }
    counted = [level for level in levels.values() if level is not None]
    score = round(min(counted) * 0.5 + sum(counted) / len(counted) * 0.5, 1) if counted else 0.0
    score = round(score * 2) / 2
    habit = _habit(levels, wpm, filler_count, rate, worst_freeze, longest, timed)
    return {
        "score": score,
        "feedback": SPOKEN_DESCRIPTORS[int(score)],
        "wpm": wpm,
        "fillers": filler_count,
        "fillers_per_minute": rate,
        "longest_pause": longest or None,
        "slowest_start_after_pushback": worst_freeze,
        "habit": habit,
    }


def _habit(levels, wpm, filler_count, rate, worst_freeze, longest, timed) -> str:
    worst = min(
        ((level, name) for name, level in levels.items() if level is not None),
        default=(4, ""),
    )
    if worst[0] >= 4:
        if longest > PAUSE_SECONDS * 2:
            return HABITS["pauses"].format(seconds=longest)
        return ""
    if worst[1] == "pace":
        return HABITS["pace_fast" if wpm > 170 else "pace_slow"].format(wpm=wpm)
    if worst[1] == "fillers":
        said = [word.lower() for a in timed for word in a.fillers]
        common = sorted(set(said), key=lambda w: (-said.count(w), w))[:3]
        examples = ", ".join(f"\u201c{word}\u201d" for word in common)
        return HABITS["fillers"].format(count=filler_count, examples=examples, rate=rate)
    return HABITS["freeze"].format(seconds=worst_freeze)


def round_pace(project_deliveries: list[dict | None]) -> dict | None:
    """Pace and fillers a minute over a whole spoken round, for the dashboard's chart: its
    answers' words and fillers over their speaking time. None for a typed round."""
    timed = [
        answer
        for delivery in project_deliveries
        if delivery and delivery.get("spoken")
        for answer in delivery.get("answers") or []
        if _number(answer.get("seconds")) and _number(answer.get("wpm")) is not None
    ]
    seconds = sum(answer["seconds"] for answer in timed)
    if not seconds:
        return None
    return {
        "wpm": round(sum(answer["wpm"] * answer["seconds"] for answer in timed) / seconds),
        "fillers_per_minute": round(sum(answer["fillers"] for answer in timed) / seconds * 60, 1),
    }
