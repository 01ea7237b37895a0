"""The heuristic grader: offline, deterministic, evidence first.

For each section it gathers the spans the detectors found in every gradable turn of that section
(challenges included), keeps one per distinct claim, and reads the level off what is there; the
quotes it shows are the sentences those spans came from. Vocabulary alone earns nothing: each
level needs claims (a number with a unit, "I chose X", a named alternative with a reason), counts
are capped by the level table, and the same fact said twice counts once, so stuffing and padding
cannot climb. Delivery (time and substance per word) is scored beside the sections.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import mean

from scoring import detectors as d
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS
from scoring.gaps import BLOCKING_GAPS, codes_from, gap_message, spans_near
from scoring.graders import consistency, pushback
from scoring.graders.text import (
    distinct,
    gradability,
    keyword_list,
    quote_for,
    sentences,
    words,
)
from scoring.rubric import (
    DELIVERY_DESCRIPTORS,
    LEVEL_NAMES,
    MAX_LEVEL,
    RUBRIC_VERSION,
    describe,
    project_overall,
    session_overall,
)
from scoring.transcript import Transcript, TranscriptProject, Turn

NAME = "heuristic"
NO_ANSWER = "No answer to grade."
MAX_EVIDENCE = 3
TOP_FIXES = 3

_SCOPE = re.compile(
    r"\b(?:tech(?:nical)? lead|team of|cross-team|partnered|worked with|coordinated with"
    r"|the [\w&-]+(?: [\w&-]+)? teams?|stakeholders?|mentored|managed"
    r"|\d+ (?:engineers|people|developers|teams|ML teams))\b",
    re.IGNORECASE,
)
_NON_WORDS = re.compile(r"\W+")
_HEDGE_PENALTY = 0.5
_DILUTION_PENALTY = 0.5
_DILUTED_WORDS_PER_CLAIM = 45
_DILUTED_MIN_WORDS = 150
_REPEAT_SHARE = 0.3


class _Joined(dict):
    """Detector spans over a section's joined text, built from each turn's own detections
    (shifted to the joined offsets) so no text is scanned twice."""

    def __init__(self, parts: list[tuple[int, d.Detections]]):
        super().__init__()
        self.parts = parts

    def __missing__(self, kind: str) -> list[d.Span]:
        spans = self[kind] = [
            d.Span(s.kind, s.start + offset, s.end + offset, s.text)
            for offset, found in self.parts
            for s in found[kind]
        ]
        return spans


@dataclass
class SectionInput:
    """The gradable text of one section, with the detectors' spans over it."""

    key: str
    turns: list[Turn]
    text: str = ""
    offsets: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, turn)
    found: dict[str, list[d.Span]] = field(default_factory=dict)
    ungradable: list[tuple[int, str]] = field(default_factory=list)  # (turn index, reason)
    detections: dict[int, d.Detections] = field(default_factory=dict)  # by turn index

    def turn_at(self, position: int) -> int | None:
        for start, end, turn in self.offsets:
            if start <= position <= end:
                return turn
        return None

    def claims(self, *kinds: str) -> list[d.Span]:
        return distinct([s for kind in kinds for s in self.found[kind]])


def collect(key: str, turns: list[Turn]) -> SectionInput:
    section = SectionInput(key, turns)
    texts: list[str] = []
    parts: list[tuple[int, d.Detections]] = []
    position = 0
    for turn in turns:
        found = section.detections[turn.index] = d.Detections(turn.answer)
        check = gradability(turn.answer, turn.question, _first_claims(key, found))
        if not check.gradable:
            section.ungradable.append((turn.index, check.reason))
            continue
        section.offsets.append((position, position + len(turn.answer), turn.index))
        parts.append((position, found))
        texts.append(turn.answer)
        position += len(turn.answer) + 1
    section.text = "\n".join(texts)
    section.found = _Joined(parts)
    return section


def _first_claims(key: str, found: d.Detections) -> int:
    """How many claims a turn makes, stopping at the first kind that has any."""
    for kind in CLAIM_KINDS[key]:
        if found[kind]:
            return len(found[kind])
    return 0


@dataclass
class SectionResult:
    key: str
    score: float
    evidence: list[str]
    feedback: str
    gradable: bool
    gaps: list[str]
    notes: list[str]
    weakest_turn: int | None
    claims: int = 0
    detections: dict[int, d.Detections] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "evidence": self.evidence,
            "feedback": self.feedback,
            "level": LEVEL_NAMES[int(self.score)],
            "gaps": self.gaps,
            "notes": self.notes,
            "turn": self.weakest_turn,
            "grader": NAME,
        }


# Each section: a function from its collected spans to (level, spans that earned it, notes).
Level = tuple[float, list[d.Span], list[str]]


def _problem(s: SectionInput) -> Level:
    limits = s.claims("constraints")
    numbers = s.claims("numbers_with_units")
    level = 1.0
    if len(limits) >= 3:
        level = 4.0
    elif len(limits) == 2:
        level = 3.0
    elif limits or numbers:
        level = 2.0
    return level, limits + numbers, []


def _ownership(s: SectionInput) -> Level:
    decisions = s.claims("decisions")
    scope = list(_SCOPE.finditer(s.text))
    level = 1.0
    if len(decisions) >= 2 and scope:
        level = 4.0
    elif len(decisions) >= 2:
        level = 3.0
    elif decisions:
        level = 2.0
    scope_spans = [d.Span("scope", m.start(), m.end(), m.group(0)) for m in scope[:1]]
    return level, decisions + scope_spans, []


def _architecture(s: SectionInput) -> Level:
    flow = s.claims("data_flow")
    reasons = s.claims("rationale")
    numbers = s.claims("numbers_with_units")
    level = 1.0
    if flow and len(reasons) >= 2 and numbers:
        level = 4.0
    elif flow and reasons:
        level = 3.0
    elif flow or reasons:
        level = 2.0
    return level, flow[:1] + reasons + flow[1:] + numbers, []


def _tradeoffs(s: SectionInput) -> Level:
    alternatives = s.claims("alternatives")
    numbers = s.claims("numbers_with_units")
    costs = s.claims("tradeoff_language")
    support = s.claims("rationale") + costs + numbers
    compared = [a for a in alternatives if spans_near(support, a)]
    with_figures = [a for a in alternatives if spans_near(numbers, a)]
    level = 1.0
    if compared and with_figures and (costs or len(compared) >= 2):
        level = 4.0
    elif compared:
        level = 3.0
    elif alternatives or any(spans_near(numbers, c) for c in costs):
        level = 2.0
    evidence = (
        [x for a in compared for x in (a, *spans_near(numbers, a)[:1])] + alternatives + costs
    )
    return level, evidence, []


def _results(s: SectionInput) -> Level:
    numbers = s.claims("numbers_with_units")
    baselines = s.claims("before_after")
    methods = s.claims("measurement")
    noise = s.claims("variance")
    if not numbers:
        return 1.0, [], ["names methods without a single figure"] if methods else []
    level = 2.0 + 0.5 * bool(baselines) + 0.5 * bool(methods)
    if level == 3.0 and noise:
        level = 4.0 if len(numbers) >= 3 and len(baselines) >= 2 else 3.5
    return level, baselines + numbers + methods + noise, []


def _defense(s: SectionInput) -> Level:
    numbers = s.claims("numbers_with_units")
    methods = s.claims("measurement")
    lessons = s.claims("hindsight")
    evidence_count = min(len(numbers), 3) + bool(methods)
    challenges = [t for t in s.turns if t.kind == "challenge"]
    met = [t for t in challenges if pushback.addresses(t.question, t.answer)]
    notes = []
    level = 1.0
    if evidence_count and lessons:
        level = 3.0
        if evidence_count >= 3 and len(met) == len(challenges):
            level = 4.0
    elif evidence_count or lessons:
        level = 2.0
    if challenges and not met:
        level = min(level, 1.0)
        notes.append("does not take up the challenge it was asked")
    elif len(met) < len(challenges):
        level -= 0.5
        notes.append("leaves one of the challenges unanswered")
    return level, numbers + methods + lessons, notes


# What counts as a claim in each section: substance, not vocabulary (no method names or
# trade-off words), for density, stuffing and "where is this section weakest".
CLAIM_KINDS: dict[str, tuple[str, ...]] = {
    "problem": ("numbers_with_units", "constraints"),
    "ownership": ("decisions", "numbers_with_units"),
    "architecture": ("data_flow", "rationale", "numbers_with_units"),
    "tradeoffs": ("alternatives", "numbers_with_units", "rationale"),
    "results": ("numbers_with_units", "before_after"),
    "defense": ("numbers_with_units", "hindsight", "alternatives"),
}

_LEVELS: dict[str, Callable[[SectionInput], Level]] = {
    "problem": _problem,
    "ownership": _ownership,
    "architecture": _architecture,
    "tradeoffs": _tradeoffs,
    "results": _results,
    "defense": _defense,
}


def claim_count(section: SectionInput) -> int:
    return len(section.claims(*CLAIM_KINDS[section.key]))


def _penalties(section: SectionInput, level: float) -> tuple[float, list[str]]:
    notes = []
    found = section.found
    claims = claim_count(section)
    if keyword_list(section.text, claims):
        level = min(level, 1.0)
        notes.append("lists terms without making a claim")
    hedges = found["hedging"]
    if hedges and len(hedges) > len(found["numbers_with_units"]) and level > 1:
        level -= _HEDGE_PENALTY
        notes.append("hedges more than it states")
    word_count = len(words(section.text))
    if word_count >= _DILUTED_MIN_WORDS and word_count / max(1, claims) > _DILUTED_WORDS_PER_CLAIM:
        level -= _DILUTION_PENALTY
        notes.append("buries its facts in filler")
    said = [_NON_WORDS.sub(" ", x.lower()).strip() for x in sentences(section.text)]
    if len(said) >= 3 and 1 - len(set(said)) / len(said) >= _REPEAT_SHARE:
        level -= _DILUTION_PENALTY
        notes.append("repeats itself")
    return max(level, 1.0), notes


def _quotes(section: SectionInput, spans: list[d.Span]) -> list[str]:
    quotes: list[str] = []
    for span in spans:
        quote = quote_for(section.text, span)
        if quote and quote not in quotes and not any(quote in q for q in quotes):
            quotes.append(quote)
        if len(quotes) == MAX_EVIDENCE:
            break
    return quotes


def _weakest_turn(section: SectionInput) -> int | None:
    """The turn of this section with the least substance: where a fix should start."""
    if not section.turns:
        return None
    counts = {turn.index: 0 for turn in section.turns}
    for kind in CLAIM_KINDS[section.key]:
        for span in section.found[kind]:
            turn = section.turn_at(span.start)
            if turn is not None:
                counts[turn] += 1
    return min(counts, key=lambda index: (counts[index], index))


def feedback_for(key: str, score: float, gaps: list[str], notes: list[str]) -> str:
    if score == 0:
        return NO_ANSWER
    parts = [f"{LEVEL_NAMES[int(score)].capitalize()}: {describe(key, score)}"]
    if notes:
        parts.append("It " + "; it ".join(notes) + ".")
    if gaps:
        parts.append("Next: " + " ".join(gap_message(code, key) for code in gaps[:2]))
    elif score < MAX_LEVEL:
        parts.append(f"For a {int(score) + 1}: {describe(key, int(score) + 1)}")
    return " ".join(parts)


def grade_section(key: str, turns: list[Turn]) -> SectionResult:
    section = collect(key, turns)
    if not section.offsets:
        feedback = NO_ANSWER if turns else f"{SECTION_BY_KEY[key].title} was never answered."
        return SectionResult(key, 0.0, [], feedback, False, ["empty"], [], _first(turns))
    level, spans, notes = _LEVELS[key](section)
    level, penalty_notes = _penalties(section, level)
    gaps = codes_from(key, section.text, section.found)
    # Blocking gaps first: they are what keeps the section from the next level.
    gaps.sort(key=lambda code: code not in BLOCKING_GAPS[key])
    score = float(min(4.0, level))
    notes = notes + penalty_notes
    notes += [f"leaves turn {index + 1} with no answer to grade" for index, _ in section.ungradable]
    return SectionResult(
        key,
        score,
        _quotes(section, spans),
        feedback_for(key, score, gaps, notes),
        True,
        gaps,
        notes,
        _weakest_turn(section),
        claim_count(section),
        section.detections,
    )


def _first(turns: list[Turn]) -> int | None:
    return turns[0].index if turns else None


def delivery(project: TranscriptProject, claims: int) -> dict:
    """Time used against the budget, and substance per word; 0–4 like a section."""
    answers = " ".join(turn.answer for turn in project.turns)
    word_count = len(words(answers))
    timed = [turn.seconds for turn in project.turns if turn.seconds is not None]
    used = sum(timed) if timed else None
    budget = project.time_budget_seconds
    parts = []
    if used is not None and budget:
        ratio = used / budget
        parts.append(4 if ratio <= 1.0 else 3 if ratio <= 1.15 else 2 if ratio <= 1.4 else 1)
    words_per_claim = word_count / claims if claims else None
    if words_per_claim is None:
        parts.append(1 if word_count else 0)
    else:
        parts.append(
            4
            if words_per_claim <= 20
            else 3
            if words_per_claim <= 35
            else 2
            if words_per_claim <= 60
            else 1
        )
    score = round(mean(parts) * 2) / 2
    return {
        "score": score,
        "seconds_used": used,
        "budget_seconds": budget,
        "words": word_count,
        "words_per_claim": round(words_per_claim, 1) if words_per_claim else None,
        "feedback": DELIVERY_DESCRIPTORS[int(score)],
    }


def grade_project(project: TranscriptProject, record: dict | None = None) -> dict:
    results = {key: grade_section(key, project.section_turns(key)) for key in SECTION_KEYS}
    claims = sum(result.claims for result in results.values())
    detections = {i: found for r in results.values() for i, found in r.detections.items()}
    outcomes = [
        pushback.judge(turn, detections.get(turn.index))
        for turn in project.turns
        if turn.kind == "challenge"
    ]
    gradable = any(r.gradable for r in results.values())
    project_delivery = delivery(project, claims) if gradable else None
    return {
        "title": project.title,
        "overall": 0.0,  # filled by finalize_report from the sections and delivery
        "sections": {key: result.as_dict() for key, result in results.items()},
        "delivery": project_delivery,
        "pushback": [outcome.as_dict() for outcome in outcomes],
        "consistency": consistency.find_contradictions(project, record),
        "asked": [key for key in SECTION_KEYS if project.section_turns(key)],
    }


def _counted_sections(report: dict, project: dict) -> tuple[str, ...]:
    """All six sections; in a drill, only those it asked about (the rest were never asked)."""
    if report.get("session_kind") == "drill" and project.get("asked"):
        return tuple(project["asked"])
    return SECTION_KEYS


def _fixes(project_index: int, project: dict, counted: tuple[str, ...]) -> list[tuple[float, dict]]:
    fixes = []
    for key, section in project["sections"].items():
        if section["score"] >= 4 or key not in counted:
            continue
        message = (
            gap_message(section["gaps"][0], key)
            if section["gaps"]
            else describe(key, min(4.0, int(section["score"]) + 1))
        )
        fixes.append((4 - section["score"], key, section["turn"], message))
    for outcome in project["pushback"]:
        if outcome["outcome"] == pushback.CAVED:
            fixes.append(
                (
                    2.5,
                    outcome["section"],
                    outcome["turn"],
                    f"Turn {outcome['turn'] + 1}: meet the challenge \u201c{outcome['question']}"
                    f"\u201d with a figure or an experiment. {outcome['reason']}",
                )
            )
    for flag in project["consistency"]:
        fixes.append((3.0, flag["section"], flag["turn"], flag["message"]))
    return [
        (
            weight,
            {
                "project": project["title"],
                "project_index": project_index,
                "section": section_key,
                "turn": turn,
                "message": message,
            },
        )
        for weight, section_key, turn, message in fixes
    ]


def finalize_report(report: dict) -> dict:
    """Recompute every overall and the top fixes from the section scores (shared with the LLM)."""
    for project in report["projects"]:
        scores = {key: section["score"] for key, section in project["sections"].items()}
        project_delivery = project.get("delivery")
        project["overall"] = (
            project_overall(scores, project_delivery["score"], _counted_sections(report, project))
            if project_delivery
            else 0.0
        )
    report["overall"] = session_overall([p["overall"] for p in report["projects"]])
    ranked = sorted(
        (
            fix
            for i, p in enumerate(report["projects"])
            for fix in _fixes(i, p, _counted_sections(report, p))
        ),
        key=lambda item: -item[0],
    )
    report["top_fixes"] = [fix for _, fix in ranked[:TOP_FIXES]]
    return report


def grade(transcript: Transcript, project_records: list[dict] | None = None) -> dict:
    report = {
        "grader": NAME,
        "overall": 0.0,
        "session_kind": transcript.kind,
        "rubric_version": RUBRIC_VERSION,
        "projects": [
            grade_project(p, consistency.match_record(p.title, project_records))
            for p in transcript.projects
        ],
    }
    return finalize_report(report)
