"""The claim ledger: what a candidate asserted that a sharp interviewer would attack.

Claims are found with scoring's detectors (numbers with units, before → after pairs,
first-person decisions) and with the technique aliases (named choices); this module only
decides which spans are claims, how bold each is, and how to turn one into a question.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from challenges.personas import BAR_RAISER, PRODUCT, SRE, STAFF_ML
from challenges.pressure import BAR_RAISER as BAR_RAISER_PRESSURE
from challenges.pressure import STANDARD, WARMUP
from challenges.techniques import TECHNIQUE_BY_KEY, find_techniques
from scoring import detectors
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS

BEFORE_AFTER = "before_after"
NUMBER = "number"
DECISION = "decision"
CHOICE = "choice"

KIND_LABELS = {
    BEFORE_AFTER: "Before → after",
    NUMBER: "Figure",
    DECISION: "Decision",
    CHOICE: "Named choice",
}
_KIND_WEIGHT = {BEFORE_AFTER: 3.0, NUMBER: 2.0, DECISION: 1.5, CHOICE: 1.0}
# Results are where inflated claims live; constraints and comparisons come next.
_SECTION_WEIGHT = {"results": 1.0, "tradeoffs": 0.5, "defense": 0.5, "problem": 0.3}
_RELATIVE = re.compile(r"%|\bpp\b|\bx\b|×|percent", re.IGNORECASE)
_MAX_QUOTE_WORDS = 12
# A clause ends at these marks; a full stop only when followed by a space, so "0.8" survives.
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[;:()\n]|,\s|\s[—–-]\s")
# Words after a number that start a new thought ("74 ms in a two-week test"): the quote stops.
_QUOTE_STOP = re.compile(r"in|a|an|at|on|for|with|by|during|over|after|and|but|while", re.I)
_ASIDE = re.compile(r"\s*[(,]\s*")


@dataclass(frozen=True)
class Claim:
    kind: str  # before_after, number, decision or choice
    section: str
    quote: str  # the words to quote back, verbatim from the candidate's text
    boldness: float
    technique: str = ""  # the technique key, for a named choice

    @property
    def slug(self) -> str:
        digest = hashlib.sha1(f"{self.kind}|{self.quote}".encode()).hexdigest()[:10]
        return f"claim-{self.section}-{digest}"

    @property
    def persona(self) -> str:
        return _persona_for(self)

    @property
    def section_title(self) -> str:
        return SECTION_BY_KEY[self.section].title

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def question(self) -> str:
        return claim_question(self)

    def __str__(self) -> str:
        return self.quote


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a span, or the span with a few words either side if that is long."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    clause = text[left:right].strip()
    if len(clause.split()) <= _MAX_QUOTE_WORDS:
        return clause
    # What a number measures is usually named just before it ("p95 latency went from …").
    before = text[left:start].split()[-5:]
    after = []
    for word in text[end:right].split()[:3]:
        if _QUOTE_STOP.fullmatch(word):
            break
        after.append(word)
    return " ".join([*before, text[start:end], *after])


def _boldness(kind: str, section: str, quote: str) -> float:
    if kind not in (BEFORE_AFTER, NUMBER):
        return _KIND_WEIGHT[kind]
    bonus = 0.5 if _RELATIVE.search(quote) else 0.0
    return _KIND_WEIGHT[kind] + _SECTION_WEIGHT.get(section, 0.0) + bonus


@lru_cache(maxsize=4096)
def detect(name: str, text: str) -> tuple[detectors.Span, ...]:
    """One detector's spans for one text, remembered: a project's sections are read again at
    every pick of every session, and detectors are pure functions of the text."""
    return tuple(detectors.DETECTORS[name](text))


class LazySpans(dict):
    """One text's detector spans, each detector run only when first asked for.

    Shaped like `detectors.detect_all(text)`, so `scoring.gaps.codes_from` can share it with
    the ledger: the engine then runs each detector at most once per section.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, name: str) -> list[detectors.Span]:
        spans = self[name] = list(detect(name, self.text))
        return spans


@lru_cache(maxsize=4096)
def section_claims(section: str, text: str) -> tuple[tuple[int, Claim], ...]:
    """The claims in one section's text with their positions, in reading order."""
    spans = LazySpans(text)
    found: list[tuple[int, str, int, int]] = []  # (position, kind, start, end)
    pairs = spans["before_after"]
    found += [(span.start, BEFORE_AFTER, span.start, span.end) for span in pairs]
    found += [
        (span.start, NUMBER, span.start, span.end)
        for span in spans["numbers_with_units"]
        if not any(span.start < pair.end and pair.start < span.end for pair in pairs)
    ]
    found += [(span.start, DECISION, span.start, span.end) for span in spans["decisions"]]

    claims: list[tuple[int, Claim]] = []
    quoted: set[str] = set()
    last_end = -1
    for position, kind, start, end in sorted(found):
        quote = _clause(text, start, end)
        # "92 → 74 ms (–18 ms)" restates one claim; so do two spans in one clause.
        restated = last_end >= 0 and _ASIDE.fullmatch(text[last_end:start])
        last_end = end
        if restated or any(quote in earlier or earlier in quote for earlier in quoted):
            continue
        quoted.add(quote)
        claims.append((position, Claim(kind, section, quote, _boldness(kind, section, quote))))

    named: set[str] = set()
    for hit in find_techniques(text):
        if hit.technique not in named:
            named.add(hit.technique)
            claim = Claim(
                CHOICE, section, hit.text, _boldness(CHOICE, section, hit.text), hit.technique
            )
            claims.append((hit.start, claim))
    return tuple(sorted(claims, key=lambda row: row[0]))


def extract_claims(*texts_by_section: dict[str, str]) -> list[Claim]:
    """Every claim in the given texts (a project's sections, and maybe the answers given in a
    session), boldest first; ties in section then reading order. A claim made twice counts
    once."""
    ranked = []
    for part, text_by_section in enumerate(texts_by_section):
        for order, section in enumerate(SECTION_KEYS):
            text = text_by_section.get(section) or ""
            ranked += [
                (-claim.boldness, order, part, position, claim)
                for position, claim in section_claims(section, text)
            ]
    ranked.sort(key=lambda row: row[:4])
    claims, slugs = [], set()
    for *_, claim in ranked:
        if claim.slug not in slugs:
            slugs.add(claim.slug)
            claims.append(claim)
    return claims


class _Ask(NamedTuple):
    """Who asks about a claim, how the question ends, and what a strong answer contains."""

    persona: str
    tail: str
    points: tuple[str, ...]


# What to ask about a number depends on what it measures; the first topic that matches wins.
_TOPICS: tuple[tuple[re.Pattern, _Ask], ...] = (
    (
        re.compile(r"\b(?:ms|milliseconds?|µs|latency|p\d{2,3})\b", re.IGNORECASE),
        _Ask(
            SRE,
            "at what QPS, and is that percentile per request or per user? Measured at the "
            "client or at the server?",
            (
                "The load the latency was measured at, in requests per second",
                "Which percentile it is, and whether per request or per user",
                "Where it was measured: at the client or at the server",
            ),
        ),
    ),
    (
        re.compile(r"[$€£]|\b(?:cost|spend|revenue|usd|dollars?|budget)\b", re.IGNORECASE),
        _Ask(
            PRODUCT,
            "per which unit and over which period, and does it count the engineering time?",
            (
                "The unit and the period the money figure is per",
                "Whether engineering and operating time is counted in it",
                "How the figure was measured or estimated",
            ),
        ),
    ),
    (
        re.compile(r"\b(?:gb|mb|tb|gib|memory|storage)\b", re.IGNORECASE),
        _Ask(
            SRE,
            "per host or in total, and what happens when the data keeps growing?",
            (
                "Whether the figure is per host or in total",
                "How it grows with the data, and what happens at the limit",
            ),
        ),
    ),
    (
        re.compile(r"\b(?:engineers?|people|teams?|developers?|scientists?)\b", re.IGNORECASE),
        _Ask(
            BAR_RAISER,
            "which of them worked with you directly, and what did you decide for them?",
            (
                "Which of those people worked with the candidate directly",
                "Decisions the candidate made for them, named one by one",
            ),
        ),
    ),
    (
        _RELATIVE,
        _Ask(
            STAFF_ML,
            "against which control, over how long, and what was the confidence interval?",
            (
                "The control or baseline the change was measured against",
                "How long it was measured for",
                "The interval or the noise band around the figure",
            ),
        ),
    ),
    (
        re.compile(r"\b(?:qps|rps|tps|requests?|throughput)\b", re.IGNORECASE),
        _Ask(
            SRE,
            "is that the peak or the average, and how much headroom did you keep above it?",
            (
                "Whether the throughput figure is the peak or the average",
                "The headroom kept above it, as a number",
            ),
        ),
    ),
)
_DEFAULT = _Ask(
    STAFF_ML,
    "how did you measure it, and what would it have been without your change?",
    (
        "How the figure was measured: an experiment, a dashboard or an estimate",
        "What it would have been without the change: a baseline or a control",
    ),
)
_DECISION = _Ask(
    BAR_RAISER,
    "which other options were on the table, who disagreed, and what evidence settled it?",
    (
        "The other options that were on the table, named",
        "Who disagreed, and on what grounds",
        "The evidence that settled the decision",
    ),
)
_CHOICE = _Ask(
    STAFF_ML,
    "what part did it play, what did it win or lose against, and by how much?",
    (
        "The part the named technique played in the system",
        "What it was compared against",
        "The measured difference, as a figure",
    ),
)


def _ask(claim: Claim) -> _Ask:
    if claim.kind == DECISION:
        return _DECISION
    if claim.kind == CHOICE:
        return _CHOICE
    return next((ask for pattern, ask in _TOPICS if pattern.search(claim.quote)), _DEFAULT)


def _persona_for(claim: Claim) -> str:
    return _ask(claim).persona


def claim_question(claim: Claim, *, pressure: str = STANDARD) -> str:
    """A pointed question that quotes the claim back to the candidate."""
    tail = _ask(claim).tail
    if claim.kind == CHOICE:
        label = TECHNIQUE_BY_KEY[claim.technique].label
        named = claim.quote if label.lower() == claim.quote.lower() else f"{claim.quote} ({label})"
        return f"You named {named}: {tail}"
    if pressure == WARMUP:
        return f'You mentioned "{claim.quote}". Tell me more: {tail}'
    if pressure == BAR_RAISER_PRESSURE:
        return f'You said "{claim.quote}". I am not convinced yet: {tail}'
    return f'You said "{claim.quote}": {tail}'


def claim_key_points(claim: Claim) -> tuple[str, ...]:
    """What a strong answer to the claim's question contains."""
    return _ask(claim).points
