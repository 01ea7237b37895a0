"""How a candidate met each challenge: held with evidence, conceded well, or caved/evaded.

A defense is judged against its challenge: an answer full of numbers about something else has
not answered. "About the same thing" is word overlap with the question, widened by a few subject
families (a challenge about noise is answered by a test and its significance, not by the word
"noise").
"""

import re
from dataclasses import dataclass

from scoring import detectors as d
from scoring.graders.text import content_stems, gradability, keyword_list, quote_for
from scoring.transcript import Turn

HELD = "held"
CONCEDED = "conceded"
CAVED = "caved"
OUTCOME_LABELS = {
    HELD: "Held with evidence",
    CONCEDED: "Conceded well",
    CAVED: "Caved or evaded",
}

_F = re.IGNORECASE
# (what the challenge is about, what in an answer speaks to that subject)
_SUBJECTS: tuple[tuple[re.Pattern, re.Pattern], ...] = (
    (
        re.compile(
            r"nois|luck|chance|significan|varian|prove|proof|how do you know|measur"
            r"|trust|causal|confound|novelty|seasonal|real effect|sample",
            _F,
        ),
        re.compile(
            r"A/B|hold-?out|control|randomi|interval|p[- ]?value|p\s*<|significan"
            r"|CUPED|sample|cohort|week|experiment|varian|bootstrap|replicat|A/A",
            _F,
        ),
    ),
    (
        re.compile(r"slow|latenc|perform|fast|speed|p9\d|\bms\b|throughput|qps|scale|load", _F),
        re.compile(
            r"latenc|p\d{2}|\d\s?ms\b|throughput|qps|benchmark|load[- ]test|faster"
            r"|slower|budget|SLA|profil",
            _F,
        ),
    ),
    (
        re.compile(r"cost|expensive|price|budget|money|cheap|roi|worth", _F),
        re.compile(
            r"cost|budget|[$€£]|compute|spend|sav(?:e|ed|ing)|roi|break-?even|cheaper"
            r"|per (?:month|year|request|1k)",
            _F,
        ),
    ),
    (
        re.compile(
            r"instead|why not|alternativ|simpler|overkill|over-?engineer|wouldn't"
            r"|would not|just use|we'd use|better option|why did you (?:pick|choose)"
            r"|brittle|simplistic",
            _F,
        ),
        re.compile(
            r"instead|rather than|considered|prototyp|compared|alternativ|because"
            r"|trade-?off|versus|\bvs\b|simpler|tried",
            _F,
        ),
    ),
    (
        re.compile(
            r"your (?:role|part|contribution|decision)|what did you|who (?:decided|led|"
            r"built)|team did|you personally",
            _F,
        ),
        re.compile(
            r"\bI\s+(?:chose|decided|led|built|designed|owned|drove|proposed|wrote|ran)", _F
        ),
    ),
    (
        re.compile(r"fail|break|outage|reliab|incident|risk|edge case|what if|safety|abuse", _F),
        re.compile(
            r"fail|fallback|incident|outage|reliab|alert|monitor|roll ?back|guardrail"
            r"|canary|retr(?:y|ies)|error|redundan|on-?call",
            _F,
        ),
    ),
    (
        re.compile(r"hindsight|again|change|differently|regret|mistake|lesson", _F),
        re.compile(
            r"hindsight|next time|would (?:have )?\w+|should have|differently|lesson"
            r"|learn",
            _F,
        ),
    ),
)
_CONCESSION = re.compile(
    r"\b(?:you'?re right|you are right|fair (?:point|challenge|criticism|enough|question)"
    r"|that'?s fair|good point|I agree|agreed|I concede|admittedly|that'?s true|it'?s true"
    r"|it is true|valid (?:point|concern)|granted|to be fair|I was wrong|we were wrong"
    r"|it was a mistake|the weak spot|the honest answer)\b",
    _F,
)
_BOUNDED = re.compile(
    r"\b(?:only|except|limited to|in (?:this|that|the) case|at our scale|for our|but not"
    r"|not for|as long as|unless|where it|on (?:the|that) (?:part|slice|segment))\b",
    _F,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    turn: int
    section: str
    question: str
    outcome: str
    label: str
    reason: str

    def as_dict(self) -> dict:
        return {
            "turn": self.turn,
            "section": self.section,
            "question": self.question,
            "outcome": self.outcome,
            "label": self.label,
            "reason": self.reason,
        }


def addresses(question: str, answer: str) -> bool:
    """Does the answer take up what the challenge is about?"""
    asked = content_stems(question)
    if asked and len(asked & content_stems(answer)) / len(asked) >= 0.25:
        return True
    return any(q.search(question) and a.search(answer) for q, a in _SUBJECTS)


def judge(turn: Turn, found: d.Detections | None = None) -> Outcome:
    """The outcome of one challenge turn; `found` reuses detections already run on its answer."""
    outcome, reason = _judge(turn.question, turn.answer, found or d.Detections(turn.answer))
    return Outcome(
        turn.index, turn.section, turn.question, outcome, OUTCOME_LABELS[outcome], reason
    )


def _judge(question: str, answer: str, found: d.Detections) -> tuple[str, str]:
    numbers = found["numbers_with_units"]
    methods = found["measurement"]
    if not gradability(answer, question, len(numbers) + len(methods)).gradable:
        return CAVED, "No answer to grade."
    if keyword_list(answer, len(numbers) + len(found["decisions"]) + len(found["alternatives"])):
        return CAVED, "A list of terms, not an answer: no figure, test or decision in it."
    if not addresses(question, answer):
        return CAVED, "The answer does not take up what the challenge was about."
    evidence = numbers + methods
    conceded = _CONCESSION.search(answer)
    changes = found["hindsight"]
    if conceded and changes and (evidence or _BOUNDED.search(answer)):
        return CONCEDED, (
            "Granted the point, kept it to where it applies, and said what would change."
        )
    if evidence:
        return HELD, f"Backed by evidence: \u201c{quote_for(answer, evidence[0], 160)}\u201d"
    if conceded:
        return CAVED, "Gave the point away without data or limits."
    hedges = found["hedging"]
    if hedges:
        return CAVED, f"Opinion and hedging (\u201c{hedges[0].text}\u201d), no figure or test."
    return CAVED, "Opinion without a figure or an experiment behind it."
