"""The `hotseat.transcript/1` interchange format: parsed and checked once, then read as plain data.

The graders, the Celery task and the CLI all go through `parse_transcript`, so a malformed file
fails the same way everywhere, with a message that says what is wrong and where.
"""

from dataclasses import dataclass

from scoring.framework import SECTION_KEYS

FORMAT = "hotseat.transcript/1"
TURN_KINDS = ("prompt", "challenge")
# A spoken answer of 15 minutes is ~2,000 words; far beyond that is not an answer to grade.
MAX_ANSWER_CHARS = 20_000
MAX_KEY_POINTS = 8
MAX_KEY_POINT_CHARS = 400


class TranscriptError(ValueError):
    """The data is not a valid hotseat.transcript/1 document."""


@dataclass(frozen=True, slots=True)
class Turn:
    index: int  # position in its project's turns, the reference the report uses
    section: str
    kind: str
    question: str
    answer: str
    seconds: float | None
    # What a strong answer to a challenge contains, when the challenge came from the bank.
    key_points: tuple[str, ...] = ()
    # In spoken mode, the dictation's phrase timings as sent: checked by scoring.delivery,
    # which drops what cannot be true rather than rejecting the transcript.
    timing: tuple = ()


@dataclass(frozen=True, slots=True)
class TranscriptProject:
    title: str
    time_budget_seconds: float | None
    turns: tuple[Turn, ...]

    def section_turns(self, section_key: str) -> list[Turn]:
        return [turn for turn in self.turns if turn.section == section_key]


@dataclass(frozen=True, slots=True)
class Transcript:
    projects: tuple[TranscriptProject, ...]
    # "drill": a round of pushback on chosen sections only; the others were never asked.
    kind: str = "normal"
    spoken: bool = False  # answered aloud (dictated), so delivery reads pace and fillers


def _number(value, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise TranscriptError(f"{where} must be a non-negative number.")
    return float(value)


def _text(value, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TranscriptError(f"{where} must be text.")
    return value


def _turn(raw, index: int, where: str) -> Turn:
    if not isinstance(raw, dict):
        raise TranscriptError(f"{where} must be an object.")
    section = raw.get("section")
    if section not in SECTION_KEYS:
        raise TranscriptError(f"{where}.section must be one of {', '.join(SECTION_KEYS)}.")
    kind = raw.get("kind", "prompt")
    if kind not in TURN_KINDS:
        raise TranscriptError(f"{where}.kind must be 'prompt' or 'challenge'.")
    answer = _text(raw.get("answer"), f"{where}.answer")
    if len(answer) > MAX_ANSWER_CHARS:
        raise TranscriptError(f"{where}.answer is longer than {MAX_ANSWER_CHARS} characters.")
    return Turn(
        index=index,
        section=section,
        kind=kind,
        question=_text(raw.get("question"), f"{where}.question"),
        answer=answer,
        seconds=_number(raw.get("seconds"), f"{where}.seconds"),
        key_points=_key_points(raw.get("key_points"), f"{where}.key_points"),
        timing=tuple(raw["timing"]) if isinstance(raw.get("timing"), list) else (),
    )


def _key_points(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if (
        not isinstance(value, list)
        or len(value) > MAX_KEY_POINTS
        or not all(isinstance(p, str) and 0 < len(p) <= MAX_KEY_POINT_CHARS for p in value)
    ):
        raise TranscriptError(
            f"{where} must be a list of at most {MAX_KEY_POINTS} texts of "
            f"{MAX_KEY_POINT_CHARS} characters or fewer."
        )
    return tuple(value)


def parse_transcript(data) -> Transcript:
    if not isinstance(data, dict):
        raise TranscriptError("A transcript must be a JSON object.")
    if data.get("format") != FORMAT:
        raise TranscriptError(f'"format" must be "{FORMAT}".')
    raw_projects = data.get("projects")
    if not isinstance(raw_projects, list) or not raw_projects:
        raise TranscriptError('"projects" must be a non-empty list.')
    projects = []
    for p, raw in enumerate(raw_projects):
        where = f"projects[{p}]"
        if not isinstance(raw, dict):
            raise TranscriptError(f"{where} must be an object.")
        turns = raw.get("turns")
        if not isinstance(turns, list):
            raise TranscriptError(f"{where}.turns must be a list.")
        projects.append(
            TranscriptProject(
                title=_text(raw.get("title"), f"{where}.title").strip() or f"Project {p + 1}",
                time_budget_seconds=_number(
                    raw.get("time_budget_seconds"), f"{where}.time_budget_seconds"
                ),
                turns=tuple(_turn(t, i, f"{where}.turns[{i}]") for i, t in enumerate(turns)),
            )
        )
    kind = "drill" if data.get("session_kind") == "drill" else "normal"
    return Transcript(
        projects=tuple(projects), kind=kind, spoken=data.get("answer_mode") == "spoken"
    )
