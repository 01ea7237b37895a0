"""The heuristic grader: offline, deterministic, evidence first.

For each section it gathers the spans the detectors found in every gradable turn of that section
(challenges included), keeps one per distinct claim, and reads the level off what is there; the
quotes it shows are the sentences those spans came from. Vocabulary alone earns nothing: each
level needs claims (a number with a unit, "I chose X", a named alternative with a reason), counts
are capped by the level table, and the same fact said twice counts once, so stuffing and padding
cannot climb. Delivery (time and substance per word) is scored beside the sections.

Answers are read as a listener hears them (`scoring.listener`), so the same facts said aloud or
written score the same. Figures an interviewer would not believe (`scoring.plausibility`) cap
their section. Pushback counts: each challenge is held, conceded well or caved; a cave costs the
section it attacked and Defense, and the pushback record is about a quarter of the overall.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import mean

from scoring import detectors as d
from scoring.claims import CONSTRAINT, COST, read_claims
from scoring.delivery import answer_delivery, spoken_delivery
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS
from scoring.gaps import BLOCKING_GAPS, codes_from, gap_message, spans_near
from scoring.graders import consistency, pushback
from scoring.graders.feedback import advice_for, cave_fix
from scoring.graders.text import distinct, gradability, keyword_list, quote_for, sentences, words
from scoring.listener import listen
from scoring.plausibility import RED, RULES, Flag, Passage, find_flags
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

_F = re.IGNORECASE
_SCOPE = re.compile(
    r"\b(?:tech(?:nical)? lead|team of|cross-team|partnered|worked with|coordinated with"
    r"|the [\w&-]+(?: [\w&-]+)? (?:teams?|group)|stakeholders?|mentored|managed"
    r"|\d+ (?:engineers|people|developers|teams|ML teams|data scientists?)"
    # the people around the candidate, counted: "with one other engineer and a data scientist"
    r"|with (?:one|two|three|four|five|six|\d+|an?) (?:other )?(?:[\w-]+ )?(?:engineers?"
    r"|developers?|scientists?|analysts?|designers?))\b",
    _F,
)
# "I led 12 engineers" says how big the scope was, not what was decided.
_PEOPLE_OBJECT = re.compile(
    r"^\s*(?:(?:on|of|for) )?(?:a |the |my )?(?:[\w-]+ )?(?:team|\d+|two|three"
    r"|four|five|six|several|other)\b"
    r"(?:\s+[\w-]+){0,2}\s*(?:engineers?|people|developers?|scientists?|teams?|squads?)?",
    _F,
)
_SCOPE_VERBS = re.compile(
    r"\b(?:led|managed|mentored|hired|coordinated|was (?:the |a )?(?:tech(?:nical)? )?lead)\b", _F
)
# A share of the work, not a decision: "I did a lot of the modelling work".
_SHARE_OF_WORK = re.compile(r"I (?:did|handled) (?:a lot|most|some|much|parts?|a share) of\b", _F)
# A decision made with someone, as its sentence's subject: "The analyst and I set up ...".
_SHARED_SUBJECT = re.compile(r"(?:^|[.;!?]\s+)(?:the |my |our |an? )?[\w-]+(?: [\w-]+)? and $", _F)
# Limits said as requirements: "had to fit the release cycle", "without extra server calls",
# "we couldn't let the bill go up".
_REQUIREMENTS = re.compile(
    r"\b(?:had to|has to|must|needed to|could(?:n't| not) (?:let|go|exceed|grow|miss|add)"
    r"|without (?:\w+ing|extra|new|any|more)\b)",
    _F,
)
# Limits named without a number ("latency is tight", "traffic is very high").
_LIMIT_DIMENSIONS = re.compile(
    r"\b(?:latency|throughput|qps|traffic|memory|cost|budget|deadline|privacy|gdpr|compliance"
    r"|reliab\w+|availability|uptime|freshness|retrain\w*|schedule|launch date|hardware|gpus?"
    r"|cpu|storage|scale|volume)\b",
    _F,
)
_NON_WORDS = re.compile(r"\W+")
_LIST_JOINS = re.compile(r",\s*(?!and\b)\w|\band\s+(?!the\s+\w+\s+team)\w", _F)
_HEDGE_PENALTY = 0.5
_DILUTION_PENALTY = 0.5
_DILUTED_WORDS_PER_CLAIM = 32
_DILUTED_MIN_WORDS = 150
_REPEAT_SHARE = 0.3
# Pushback: a cave costs the section it attacked a level, and Defense a level as well.
_CAVE_COST_SECTION = 1.0
_CAVE_COST_OWN = 0.5


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
    text: str = ""  # the answers as said, joined: quotes come from here
    heard: str = ""  # the answers as heard (figures written, fillers gone): counts read this
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

    def typed_claims(self, *types: str) -> list[d.Span]:
        """Claims of the given types (`scoring.claims`), as spans over the joined text."""
        by_index = {turn.index: turn for turn in self.turns}
        spans = []
        for start, _, index in self.offsets:
            turn = by_index[index]
            # Compared by their figures: two limits in one clause are two claims.
            spans += [
                d.Span(
                    claim.type,
                    claim.start + start,
                    claim.end + start,
                    " ".join(value.text for value in claim.values),
                )
                for claim in read_claims(turn.answer, self.key)
                if claim.type in types
            ]
        return distinct(spans)


def collect(key: str, turns: list[Turn]) -> SectionInput:
    section = SectionInput(key, turns)
    texts: list[str] = []
    heard: list[str] = []
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
        heard.append(listen(turn.answer).text)
        position += len(turn.answer) + 1
    section.text = "\n".join(texts)
    section.heard = "\n".join(heard)
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
    advice: list[str] = field(default_factory=list)
    cap_reason: str = ""  # why the score is lower than the claims alone would give
    cap: float | None = None  # the most the doubtful claims in it allow (any grader)

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            # Before the pushback is counted: what the answers themselves earned (finalize_report
            # takes the caves off this, so grading twice never takes them off twice).
            "answer_score": self.score,
            "answer_cap_reason": self.cap_reason,
            "cap": self.cap,
            "evidence": self.evidence,
            "feedback": self.feedback,
            "level": LEVEL_NAMES[int(self.score)],
            "gaps": self.gaps,
            "notes": self.notes,
            "advice": self.advice,
            "cap_reason": self.cap_reason,
            "turn": self.weakest_turn,
            "grader": NAME,
        }


# Each section: a function from its collected spans to (level, spans that earned it, notes).
Level = tuple[float, list[d.Span], list[str]]


def _problem(s: SectionInput) -> Level:
    # Every limit counts, a list of four included: "1.9M forecasts a night, a 45-minute
    # window, under $4,000 a month, by 05:00".
    typed = s.typed_claims(CONSTRAINT, COST)
    limits = distinct(typed + [c for c in s.claims("constraints") if not _same_limit(c, typed)])
    numbers = s.claims("numbers_with_units")
    level = 1.0
    if len(limits) >= 3:
        level = 4.0
    elif len(limits) == 2:
        level = 3.0
    elif limits or numbers:
        level = 2.0
    elif len({m.group(0).lower() for m in _LIMIT_DIMENSIONS.finditer(s.heard)}) >= 2:
        level = 2.0  # the limits are named, as adjectives
    elif len(_REQUIREMENTS.findall(s.heard)) >= 2:
        level = 2.0  # ... or as requirements without a number ("had to run on old phones")
    return level, limits + numbers, []


def _same_limit(span: d.Span, typed: list[d.Span]) -> bool:
    """Is a limit the detectors found one the claim reader already typed? The same place and
    the same figure; a clause may hold two ("in under a minute on a weak 3G connection")."""
    said = span.text.lower()
    return any(
        span.start < other.end and other.start < span.end and other.text.lower() in said
        for other in typed
    )


def _ownership(s: SectionInput) -> Level:
    decisions = [
        span
        for span in s.claims("decisions")
        if not (
            _SCOPE_VERBS.search(span.text)
            and _PEOPLE_OBJECT.match(_SCOPE_VERBS.split(span.text)[-1])
        )
        and not _SHARE_OF_WORK.match(span.text)
        and not _SHARED_SUBJECT.search(s.text, 0, span.start)
    ]
    # "I chose the ranker and designed the pipeline" is two decisions; a list of what was
    # owned counts each item, up to three per sentence.
    made = sum(1 + min(2, len(_LIST_JOINS.findall(span.text))) for span in decisions)
    scope = list(_SCOPE.finditer(s.heard))
    level = 1.0
    # The top level needs a choice the candidate made, not only a list of work they did.
    if made >= 2 and scope and d.states_choice(s.heard):
        level = 4.0
    elif made >= 2 or (made and scope):
        level = 3.0
    elif made:
        level = 2.0
    scope_spans = [d.Span("scope", m.start(), m.end(), m.group(0)) for m in scope[:1]]
    # Scope was found on the heard text; quote it only when it sits at the same place.
    scope_spans = [sp for sp in scope_spans if s.text[sp.start : sp.end] == sp.text]
    return level, decisions + scope_spans, []


def _architecture(s: SectionInput) -> Level:
    flow = s.claims("data_flow")
    reasons = s.claims("rationale", "consequence")
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
    elif alternatives:
        level = 2.0
    elif any(spans_near(numbers, c) for c in costs):
        level = 1.5  # a price with a figure, but against no named alternative
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
    "architecture": ("data_flow", "rationale", "consequence", "numbers_with_units"),
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
    if keyword_list(section.heard, claims):
        level = min(level, 1.0)
        notes.append("lists terms without making a claim")
    hedges = found["hedging"]
    if hedges and len(hedges) > len(found["numbers_with_units"]) and level > 1:
        level -= _HEDGE_PENALTY
        notes.append("hedges more than it states")
    word_count = len(words(section.heard))
    if word_count >= _DILUTED_MIN_WORDS and word_count / max(1, claims) > _DILUTED_WORDS_PER_CLAIM:
        level -= _DILUTION_PENALTY
        notes.append("buries its facts in filler")
    said = [_NON_WORDS.sub(" ", x.lower()).strip() for x in sentences(section.heard)]
    if len(said) >= 3 and 1 - len(set(said)) / len(said) >= _REPEAT_SHARE:
        level -= _DILUTION_PENALTY
        notes.append("repeats itself")
    return max(level, 1.0), notes


def _explained(section: SectionInput) -> bool:
    """Does the section say how its figures were measured, with their noise, and why they hold?
    Then a surprising figure is a finding to probe, not a bluff."""
    found = section.found
    return bool(found["measurement"] and found["variance"] and found["rationale"])


# Rules about a figure: a section that shows how it was measured, with its noise and a reason
# it holds, is probed rather than disbelieved. Reasons by authority and sweeping ownership are
# never explained away.
_FIGURE_RULES = frozenset(
    {"near_perfect_metric", "rare_class_accuracy", "implausible_lift", "systems_mismatch"}
)


def _flag_cap(section: SectionInput, flags: list[Flag]) -> tuple[float, str]:
    """The most this section may score given the doubtful claims in it, and why."""
    cap, reason = float(MAX_LEVEL), ""
    for flag in flags:
        rule_cap = RULES[flag.rule].cap
        if rule_cap is None or (flag.rule in _FIGURE_RULES and _explained(section)):
            continue
        if rule_cap < cap:
            cap, reason = float(rule_cap), f"{flag.title}. {flag.reason}"
    return cap, reason


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


def feedback_for(key: str, score: float, advice: list[str], cap_reason: str = "") -> str:
    if score == 0:
        return NO_ANSWER
    label = cap_reason or describe(key, score)
    return " ".join([f"{LEVEL_NAMES[int(score)].capitalize()}: {label}", *advice])


def grade_section(key: str, turns: list[Turn], flags: list[Flag] = ()) -> SectionResult:
    section = collect(key, turns)
    if not section.offsets:
        feedback = NO_ANSWER if turns else f"{SECTION_BY_KEY[key].title} was never answered."
        return SectionResult(key, 0.0, [], feedback, False, ["empty"], [], _first(turns))
    level, spans, notes = _LEVELS[key](section)
    level, penalty_notes = _penalties(section, level)
    cap, cap_reason = _flag_cap(section, flags)
    if level <= cap:
        cap_reason = ""
    score = float(min(MAX_LEVEL, level, cap))
    gaps = codes_from(key, section.text, section.found)
    # Blocking gaps first: they are what keeps the section from the next level.
    gaps.sort(key=lambda code: code not in BLOCKING_GAPS[key])
    notes = notes + penalty_notes
    notes += [f"leaves turn {index + 1} with no answer to grade" for index, _ in section.ungradable]
    advice = advice_for(key, score, gaps, notes, section, flags)
    return SectionResult(
        key,
        score,
        _quotes(section, spans),
        feedback_for(key, score, advice, cap_reason),
        True,
        gaps,
        notes,
        _weakest_turn(section),
        claim_count(section),
        section.detections,
        advice,
        cap_reason,
        cap if cap < MAX_LEVEL else None,
    )


def read_section(key: str, text: str) -> SectionResult:
    """How the grader would score a project record's section text, said as one answer: what
    the readiness check shows, so that "Ready" means a 3 or more here."""
    turn = Turn(0, key, "prompt", SECTION_BY_KEY[key].prompt, text or "", None)
    return grade_section(key, [turn], find_flags([Passage(0, key, text or "")]))


def _first(turns: list[Turn]) -> int | None:
    return turns[0].index if turns else None


def count_pushback(project: dict) -> None:
    """A cave costs the section it attacked and Defense (an interviewer remembers both).

    Recomputed from each section's `answer_score` (what its answers earned, whichever grader
    scored them), so it can run again after the LLM grader replaces those scores."""
    caves = [o for o in project["pushback"] if o["outcome"] == pushback.CAVED]
    sections = project["sections"]
    for section in sections.values():
        section["score"] = section.get("answer_score", section["score"])
        section["cap_reason"] = section.get("answer_cap_reason", "")
    for cave in caves:
        section = sections[cave["section"]]
        if cave["section"] != "defense" and section["score"] > 1:
            section["score"] = max(1.0, section["score"] - _CAVE_COST_SECTION)
            section["cap_reason"] = f"Caved on the challenge in turn {cave['turn'] + 1}."
    defense = sections["defense"]
    # Each cave costs Defense a level, and a cave on Defense's own challenge half a level more.
    cost = sum(
        _CAVE_COST_SECTION + (_CAVE_COST_OWN if c["section"] == "defense" else 0) for c in caves
    )
    if caves and defense["score"] > 1:
        defense["score"] = max(1.0, defense["score"] - cost)
        turns = ", ".join(str(c["turn"] + 1) for c in caves)
        defense["cap_reason"] = (
            f"Caved under pushback (turn{'s' if len(caves) > 1 else ''} {turns}): a defense is "
            "judged by how the challenges were met."
        )
    for key, section in sections.items():
        section["level"] = LEVEL_NAMES[int(section["score"])]
        if section["cap_reason"] and section["score"]:
            section["feedback"] = feedback_for(
                key, section["score"], section.get("advice") or [], section["cap_reason"]
            )


def delivery(project: TranscriptProject, claims: int, *, spoken: bool = False) -> dict:
    """0–4 like a section. Spoken rounds with the dictation's timings: pace, fillers and
    freezes after pushback (`scoring.delivery`). Otherwise: time used against the budget, and
    substance per word. Either way, each answer's figures (fillers always) are listed."""
    answers = [
        answer_delivery(
            turn=turn.index,
            kind=turn.kind,
            answer=turn.answer,
            raw_timing=turn.timing if spoken else None,
            seconds=turn.seconds,
        )
        for turn in project.turns
    ]
    figures = [a.as_dict() for a in answers]
    said_aloud = spoken_delivery(answers) if spoken else None
    if said_aloud:
        return {**said_aloud, "spoken": True, "answers": figures}
    return {**_typed_delivery(project, claims), "spoken": False, "answers": figures}


def _typed_delivery(project: TranscriptProject, claims: int) -> dict:
    """Time used against the budget, and substance per word."""
    answers = " ".join(listen(turn.answer).text for turn in project.turns)
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


def project_flags(project: TranscriptProject) -> list[Flag]:
    """The plausibility flags raised anywhere in the project's answers, each at its turn."""
    return find_flags(Passage(turn.index, turn.section, turn.answer) for turn in project.turns)


def grade_project(
    project: TranscriptProject, record: dict | None = None, *, spoken: bool = False
) -> dict:
    flags = project_flags(project)
    results = {
        key: grade_section(key, project.section_turns(key), [f for f in flags if f.section == key])
        for key in SECTION_KEYS
    }
    claims = sum(result.claims for result in results.values())
    detections = {i: found for r in results.values() for i, found in r.detections.items()}
    outcomes = [
        pushback.judge(turn, detections.get(turn.index), [f for f in flags if f.ref == turn.index])
        for turn in project.turns
        if turn.kind == "challenge"
    ]
    gradable = any(r.gradable for r in results.values())
    project_delivery = delivery(project, claims, spoken=spoken) if gradable else None
    return {
        "title": project.title,
        "overall": 0.0,  # filled by finalize_report from the sections and delivery
        "sections": {key: result.as_dict() for key, result in results.items()},
        "delivery": project_delivery,
        "pushback": [outcome.as_dict() for outcome in outcomes],
        "flags": [{**flag.as_dict(), "turn": flag.ref} for flag in flags],
        "consistency": consistency.find_contradictions(project, record),
        "asked": [key for key in SECTION_KEYS if project.section_turns(key)],
    }


def _counted_sections(report: dict, project: dict) -> tuple[str, ...]:
    """All six sections; in a drill, only those it asked about (the rest were never asked)."""
    if report.get("session_kind") == "drill" and project.get("asked"):
        return tuple(project["asked"])
    return SECTION_KEYS


# What leads the top fixes: a cave first, then a doubtful figure, then a contradiction of the
# candidate's own record, then the weakest sections (weighted by how far below 4 they are).
_CAVE_WEIGHT = 10.0
_RED_FLAG_WEIGHT = 5.0
_CONSISTENCY_WEIGHT = 3.0


def _fixes(project_index: int, project: dict, counted: tuple[str, ...]) -> list[tuple[float, dict]]:
    fixes = []
    for key, section in project["sections"].items():
        if section["score"] >= 4 or key not in counted:
            continue
        advice = section.get("advice") or []
        message = (
            advice[0]
            if advice
            else gap_message(section["gaps"][0], key)
            if section["gaps"]
            else describe(key, min(4.0, int(section["score"]) + 1))
        )
        fixes.append((4 - section["score"], key, section["turn"], message))
    for outcome in project["pushback"]:
        if outcome["outcome"] == pushback.CAVED:
            fixes.append((_CAVE_WEIGHT, outcome["section"], outcome["turn"], cave_fix(outcome)))
    for flag in project.get("flags") or []:
        if flag["severity"] == RED:
            fixes.append((_RED_FLAG_WEIGHT, flag["section"], flag["turn"], flag["reason"]))
    for flag in project["consistency"]:
        fixes.append((_CONSISTENCY_WEIGHT, flag["section"], flag["turn"], flag["message"]))
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


def pushback_score(project: dict) -> float | None:
    """0–1: the credit each challenge earned (held or conceded well 1, caved 0)."""
    outcomes = project.get("pushback") or []
    if not outcomes:
        return None
    return mean(pushback.OUTCOME_CREDIT.get(o["outcome"], 0.0) for o in outcomes)


def finalize_report(report: dict) -> dict:
    """Recompute every overall and the top fixes from the section scores (shared with the LLM)."""
    for project in report["projects"]:
        count_pushback(project)
        scores = {key: section["score"] for key, section in project["sections"].items()}
        project_delivery = project.get("delivery")
        project["pushback_score"] = pushback_score(project)
        project["overall"] = (
            project_overall(
                scores,
                project_delivery["score"],
                _counted_sections(report, project),
                pushback=project["pushback_score"],
            )
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
    seen: set[str] = set()
    report["top_fixes"] = []
    for _, fix in ranked:
        if fix["message"] not in seen:
            seen.add(fix["message"])
            report["top_fixes"].append(fix)
        if len(report["top_fixes"]) == TOP_FIXES:
            break
    return report


def grade(transcript: Transcript, project_records: list[dict] | None = None) -> dict:
    report = {
        "grader": NAME,
        "overall": 0.0,
        "session_kind": transcript.kind,
        "rubric_version": RUBRIC_VERSION,
        "projects": [
            grade_project(
                p, consistency.match_record(p.title, project_records), spoken=transcript.spoken
            )
            for p in transcript.projects
        ],
    }
    return finalize_report(report)
