"""Flags what the interview says that contradicts the candidate's own project record.

A project record is plain data the caller snapshots from the project bank (scoring reads no other
app): {"title", "role", "sections": {key: text}, "metrics": [{"name", "before", "after",
"unit"}]}. Two kinds of contradiction are flagged, both worth fixing before a real onsite: a
figure for the same metric that differs ("74 ms" in the record, "80 ms" in the answer), and a
role that grew or shrank ("I supported" in the record, "I led" in the interview).
"""

import re

from scoring import detectors as d
from scoring.transcript import TranscriptProject

_F = re.IGNORECASE
_VALUE = re.compile(r"(\d+(?:[.,]\d+)*)\s?(k|m|bn|b)?(?![a-z])", _F)
_MAGNITUDE = {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9}
_UNIT_ALIASES = {
    "milliseconds": "ms",
    "millisecond": "ms",
    "percent": "%",
    "seconds": "s",
    "second": "s",
    "sec": "s",
    "secs": "s",
}
# The metric a figure belongs to: the nearest of these before it in the same sentence.
_METRIC = re.compile(
    r"\b(?:p50|p90|p95|p99|latency|cost|qps|throughput|auc|f1|ndcg|recall|precision|accuracy"
    r"|error rate|watch[- ]?time|ctr|retention|revenue|memory|opt-?outs?|complaints?|fpr"
    r"|mttr|incidents?|iteration cycle|storage)\b",
    _F,
)
_REACH = 40  # characters between a metric's name and its figure
_TOLERANCE = 0.03  # rounding ("74 ms" vs "74.2 ms") is not a contradiction

_ROLE_LEVELS = (
    (
        3,
        re.compile(
            r"\b(?:led|lead|tech lead|owned|owner|drove|headed|architected|in charge"
            r"|DRI|managed)\b",
            _F,
        ),
    ),
    (2, re.compile(r"\b(?:built|implemented|designed|wrote|developed|shipped|created)\b", _F)),
    (1, re.compile(r"\b(?:supported|helped|assisted|contributed|participated|was part of)\b", _F)),
)
_ROLE_NAMES = {1: "a supporting role", 2: "building it", 3: "leading it"}
_FIRST_PERSON = re.compile(r"\b(?:I|my|I'm|I've)\b")


def _unit(raw: str) -> str:
    unit = raw.strip().lower().rstrip(".")
    unit = _UNIT_ALIASES.get(unit, unit)
    return unit[:-1] if len(unit) > 3 and unit.endswith("s") else unit


def _figures(text: str) -> list[tuple[str, float, str, str]]:
    """(metric, value, unit, as written) for every number with a unit that names its metric."""
    found = []
    for span in d.numbers_with_units(text):
        value_match = _VALUE.search(span.text)
        if not value_match:
            continue
        value = float(value_match.group(1).replace(",", ""))
        value *= _MAGNITUDE.get((value_match.group(2) or "").lower(), 1)
        unit = _unit(span.text[value_match.end() :].strip(" -"))
        if not unit:
            continue
        sentence_start = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start))
        window = text[max(sentence_start + 1, span.start - _REACH) : span.start]
        metrics = _METRIC.findall(window)
        metric = metrics[-1].lower().replace(" ", "").replace("-", "") if metrics else ""
        found.append((metric, value, unit, span.text.strip()))
    return found


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b), 1e-9)


def _record_text(record: dict) -> str:
    sections = record.get("sections") or {}
    metric_lines = [
        f"{m.get('name', '')} from {m.get('before')} {m.get('unit', '')} to "
        f"{m.get('after')} {m.get('unit', '')}."
        for m in record.get("metrics") or []
        if m.get("before") is not None and m.get("after") is not None
    ] + [
        f"{m.get('name', '')} {m.get('after') if m.get('after') is not None else m.get('before')}"
        f" {m.get('unit', '')}."
        for m in record.get("metrics") or []
        if (m.get("before") is None) != (m.get("after") is None)
    ]
    return "\n".join([str(record.get("role") or ""), *map(str, sections.values()), *metric_lines])


def _role_level(text: str, first_person_only: bool) -> tuple[int, str]:
    best = (0, "")
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if first_person_only and not _FIRST_PERSON.search(sentence):
            continue
        # The first role word in a sentence says what the speaker did: "I supported the lead"
        # is support, "I led the team and helped QA" is leading.
        matches = [
            (m.start(), level, m.group(0))
            for level, pattern in _ROLE_LEVELS
            for m in [pattern.search(sentence)]
            if m
        ]
        if matches:
            _, level, word = min(matches)
            if level > best[0]:
                best = (level, word)
    return best


def find_contradictions(project: TranscriptProject, record: dict | None) -> list[dict]:
    if not record:
        return []
    flags: list[dict] = []
    record_text = _record_text(record)
    record_figures = _figures(record_text)
    for turn in project.turns:
        for metric, value, unit, written in _figures(turn.answer):
            if not metric:
                continue
            same_metric = [f for f in record_figures if f[0] == metric and f[2] == unit]
            if not same_metric or any(_close(value, f[1]) for f in record_figures if f[2] == unit):
                continue
            recorded = ", ".join(dict.fromkeys(f[3] for f in same_metric))
            flags.append(
                {
                    "kind": "number",
                    "turn": turn.index,
                    "section": turn.section,
                    "said": written,
                    "record": recorded,
                    "message": (
                        f"Turn {turn.index + 1}: you gave {metric} as {written}, but your "
                        f"project record has {recorded}."
                    ),
                }
            )
    record_level, record_word = _role_level(
        " ".join(
            [
                str(record.get("role") or ""),
                str((record.get("sections") or {}).get("ownership", "")),
            ]
        ),
        first_person_only=False,
    )
    ownership_turns = project.section_turns("ownership")
    for turn in ownership_turns:
        said_level, said_word = _role_level(turn.answer, first_person_only=True)
        if record_level and said_level and abs(said_level - record_level) >= 2:
            flags.append(
                {
                    "kind": "role",
                    "turn": turn.index,
                    "section": turn.section,
                    "said": said_word,
                    "record": record_word,
                    "message": (
                        f"Turn {turn.index + 1}: you described {_ROLE_NAMES[said_level]} "
                        f"(\u201c{said_word}\u201d), but your project record describes "
                        f"{_ROLE_NAMES[record_level]} (\u201c{record_word}\u201d)."
                    ),
                }
            )
    return flags


def match_record(title: str, records: list[dict] | None) -> dict | None:
    wanted = title.strip().casefold()
    for record in records or []:
        if str(record.get("title", "")).strip().casefold() == wanted:
            return record
    return None
