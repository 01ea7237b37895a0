"""The challenge engine: the pushback that hurts most for this project, and what to ask next.

`pick` chooses a project's challenges when a round starts; `repick` chooses them again after
each answer, from what was just said; `follow_up` answers one answer on its own (the practise
page). All three read a project the same way (`_read`) and score the same candidates:

1. **Flags** (most damaging first): the grader's plausibility rules (`scoring.plausibility`)
   run over the project and the answers; each raised flag makes the bank's entries for it
   eligible, their ``{quote}`` filled with the candidate's own words. A red flag (a figure
   nobody would believe) outranks everything; evidence signals (amber) come next, weighted by
   how much they undermine what is claimed.
2. **Weaknesses**: a gap `scoring.gaps` finds in a section (and its answers) makes its entries
   eligible; gaps that keep a section from being ready count more, an empty section most.
3. **Claims**: the claim ledger (`challenges.claims`) asks each claim what its type calls for
   and its text has not stated.
4. **Domain packs** for the domains the project reads as (`challenges.domains`), and
   **techniques** the candidate built with (named only as an alternative, negated, planned or
   in hindsight does not count).
5. **General topics** (leakage, label delay, the offline–online gap, cost, drift…), scored by
   how relevant the project makes each (`challenges.relevance`); every project gets at least
   one question on a general topic.

Then the best are taken greedily: at most one per flag, gap, technique or claim; one per topic
(flags excepted: two flags are two problems); a section already attacked counts against
another pick there; a round has at least one general question and, at standard and
bar-raiser pressure, a question on one of the candidate's outcome claims. A challenge that
asks for something its section, or the answer just given, already states is never picked
(`challenges.facets`): no "name an alternative" after an answer that named two. Ties are
broken by a hash of the seed and the slug, so a seed always gives the same picks.

`repick` keeps the round's shape: it returns as many challenges as were still planned, what
the last answer raised taking the place of the least damaging of them.
"""

import hashlib
import re
import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from django.core.cache import cache

from challenges import claims as ledger
from challenges.bank import (
    ALWAYS,
    DOMAIN,
    FLAG,
    GENERAL_TOPICS,
    TECHNIQUE,
    TOPIC_LABELS,
    WEAKNESS,
    fill_quote,
)
from challenges.domains import DOMAIN_BY_KEY, domain_words, find_domains
from challenges.facets import asked_facets, detected, stated_among, states
from challenges.personas import PERSONA_LABELS
from challenges.pressure import (
    CHALLENGES_PER_PROJECT,
    CLAIM_QUESTIONS_PER_PROJECT,
    PRESSURE_LABELS,
    PRESSURE_RANK,
    STANDARD,
)
from challenges.relevance import COST as COST_CLAIMS
from challenges.relevance import (
    LATENCY_LIMIT,
    MODEL_TOPICS,
    NOVELTY,
    OFFLINE,
    ONLINE,
    Relevance,
    learns_from_data,
    shows_people_something_new,
    topic_relevance,
)
from challenges.selectors import BankRow, active_bank_rows, forget_bank_rows
from challenges.techniques import TECHNIQUE_BY_KEY, find_techniques
from scoring import claims as claim_reader
from scoring import plausibility
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS
from scoring.gaps import BLOCKING_GAPS, codes_from, gap_message

BANK = "bank"
CLAIM = "claim"
FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Pick:
    slug: str
    section: str
    question: str
    persona: str
    persona_label: str
    reason: str
    kind: str = BANK  # "bank", "claim", or "follow_up" (aimed at the answer just given)
    key_points: tuple[str, ...] = ()  # what a strong answer contains
    topic: str = ""  # a bank TOPIC key, or ""
    trigger_kind: str = ""  # flag, weakness, claim, technique, domain or always
    trigger: str = ""  # the flag, gap code, claim template, technique or domain key


class Answer(NamedTuple):
    """One answer given in the round so far."""

    section: str
    text: str
    slug: str = ""  # the challenge it answers; "" for a section's prompt


# Why a weakness challenge was picked, in the candidate's terms.
_GAP_REASONS = {
    "empty": "you left {section} empty",
    "no_numbers": "your {section} has no number with a unit",
    "no_baseline": "your {section} named no baseline",
    "no_measurement": "your {section} never says how it was measured",
    "no_variance": "your {section} gives no confidence interval or noise level",
    "only_we": "your {section} says what 'we' did, never what you decided",
    "no_alternative": "your {section} names no alternative",
    "no_comparison": "your {section} never says why the alternative lost",
    "no_rationale": "your {section} says what you built but not why",
    "no_data_flow": "your {section} does not trace how data flows",
    "no_constraint_numbers": "your {section} gives no hard limit with a number",
    "no_hindsight": "your {section} says nothing you would change",
    "no_evidence": "your {section} defends with opinion, not data",
    "hedging": "your {section} hedges more than it states",
}
_GAP_WEIGHT = {"empty": 3}  # an empty section is weaker than one with a gap or two

# Scores. A red flag outranks everything; evidence signals (amber) come next, by how much
# each undermines what is claimed; then gaps, claims, domain packs, techniques, topics.
_RED_SCORE = 80.0
_AMBER_SCORE = 56.0
_AMBER_WEIGHT = {
    "pre_post": 10.0,
    "no_control": 10.0,
    "attributed_revenue": 8.0,
    "offline_only": 8.0,
    "random_split": 8.0,
    "tuned_on_eval": 8.0,
    "rating_as_quality": 8.0,
    "no_baseline_metric": 6.0,
    "short_test": 6.0,
    "logged_feedback": 6.0,
    "false_alarm_action": 6.0,
    "given_budget": 4.0,
    "unit_cost_missing": 2.0,
}
_WEAK_SIGNAL = 6.0  # a question on an outcome claim may take the place of a signal this weak
_FLAG_IN_ITS_SECTION = 2.0  # the entry asks in the section where the flag was raised
_EMPTY_SCORE = 60.0
_BLOCKING_GAP_SCORE = 44.0
_GAP_SCORE = 30.0
_PER_SECTION_GAP = 3.0
_GAP_ORDER_STEP = 3.0  # find_gaps lists the most important gap first
_CLAIM_SCORE = 44.0  # plus the claim's boldness (1–9)
_DOMAIN_SCORE = 30.0
_FIRST_DOMAIN = 2.0
_TECHNIQUE_SCORE = 28.0
_TECHNIQUE_ASIDE = 10.0  # named only in Trade-offs or Defense, not where it was built
_GENERAL_SCORE = 14.0
_PER_RELEVANCE = 8.0
_MAX_RELEVANCE = 3.0
_EVIDENCE_OF_IT = 18.0  # the project's words show the problem itself: asked like a weak signal
_ALWAYS_SCORE = 8.0
_OWN_PRESSURE_BONUS = 6.0
_RECENTLY_SEEN_PENALTY = 30.0
_SAME_SECTION_PENALTY = 10.0
_JITTER = 3.0
_FRESH_BONUS = 24.0  # raised by the answer just given: asked next, in the same round
_PLANNED_BONUS = 4.0  # already planned: kept unless something better came up
_TECHNIQUE_SECTIONS = ("tradeoffs", "defense")
_COST_TOPIC = "cost"
_NO_VARIANCE = "no_variance"
_PICKS_PER_DOMAIN_QUESTION = 3  # one domain-pack question in a round of 2–5, two in 6


@dataclass
class _Candidate:
    score: float
    group: str  # at most one pick per group: one per flag, gap, technique or claim
    topic: str
    section: str
    slug: str
    pick: Pick
    asks: frozenset[str] = frozenset()
    is_flag: bool = False
    is_red: bool = False
    weak_signal: bool = False  # an evidence signal that undermines less than the others
    is_claim: bool = False
    strong_claim: bool = False  # a claim about an outcome (Results, Trade-offs, Defense)
    fresh: bool = False  # raised by the answer just given
    pressing: bool = False  # a domain's question on a general topic the project makes pressing

    @property
    def is_domain(self) -> bool:
        return self.pick.trigger_kind == DOMAIN

    @property
    def is_general(self) -> bool:
        """A question on a general topic, asked of any project (not a technique), a domain's
        own question on one that the project makes pressing, or the cost of what the project
        claims to have saved or spent (its cost claim is the cost question to ask)."""
        if self.topic not in GENERAL_TOPICS:
            return False
        if self.is_claim:
            return self.strong_claim and self.topic == _COST_TOPIC
        return self.pressing or self.pick.trigger_kind in (ALWAYS, FLAG)


@dataclass
class _Reading:
    """What the engine read of a project and the answers given so far."""

    gaps: dict[str, list[str]]
    weakness: dict[str, int]
    flags: list[tuple[plausibility.Flag, bool]]  # (flag, raised by the answer just given)
    claims: list[tuple[ledger.LedgerClaim, bool]]
    built: dict[str, tuple[str, str]]  # technique -> (section, the words used)
    domains: tuple[str, ...]
    domain_words: dict[str, tuple[str, ...]]  # domain -> the record's words that place it there
    relevance: dict  # general topic -> Relevance
    parts: dict[str, list[str]]  # each section's text and its answers
    last: str = ""  # the answer just given, if this is a live reading
    learns: bool = True  # a model learned from data is part of what was built
    shows_new: bool = True  # people see what changed (not only how its tests are read)
    batch_only: bool = False  # it runs as a scheduled job and states no request latency


# A project that runs as a scheduled job ("each night it writes a plan"), and a request latency.
_BATCH = re.compile(
    r"\b(?:nightly|overnight|every (?:night|morning|evening)|each (?:night|morning|evening)"
    r"|batch|daily (?:job|run|list|plan))\b",
    re.IGNORECASE,
)
_REQUEST_LATENCY = re.compile(
    r"\b\d[\d.,]*\s?(?:ms|milliseconds)\b|\bp9\d\b|\blatenc", re.IGNORECASE
)
# A question about the time a request takes.
_ABOUT_LATENCY = re.compile(r"\blatenc\w*|\bmilliseconds\b", re.IGNORECASE)

# A question that presupposes a model learned from data.
_ABOUT_A_MODEL = re.compile(
    r"\b(?:models?|training|retrain\w*|labels?|scores?|predictions?)\b", re.IGNORECASE
)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(section: str) -> str:
    return SECTION_BY_KEY[section].title


def _gap_reason(code: str, section: str) -> str:
    if code in _GAP_REASONS:
        return _capitalised(_GAP_REASONS[code].format(section=_title(section)))
    return gap_message(code, section)


def _jitter(seed: int, slug: str) -> float:
    return zlib.crc32(f"{seed}:{slug}".encode()) / 2**32 * _JITTER


class _Spans(dict):
    """One text's detector spans, each detector run when first asked for (and remembered)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, name: str) -> list:
        spans = self[name] = list(detected(name, self.text))
        return spans


@lru_cache(maxsize=4096)
def _gap_codes(section: str, text: str) -> tuple[str, ...]:
    return tuple(codes_from(section, text, _Spans(text)))


def _section_gaps(section: str, parts: list[str]) -> list[str]:
    """What the section text and the answers so far still lack, together.

    Each part is read on its own (so a project's sections stay cached while answers change);
    a gap counts only if every part has it, since an answer can supply what the written
    section lacked. A part too short to read is ignored.
    """
    readable = [
        codes for codes in (_gap_codes(section, part) for part in parts) if codes != ("empty",)
    ]
    if not readable:
        return ["empty"]
    first, *others = readable
    return [code for code in first if all(code in codes for codes in others)]


# The words that make a named thing the alternative that lost, just before it: "over an
# embedding model", "we also considered a GRU".
_WEIGHED_BEFORE = re.compile(
    r"\b(?:considered|looked at|evaluated|weighed|over|versus|vs\.?)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


# Words a question quotes as the candidate's own: "You keep saying 'we'", 'You named "Kafka"'.
_QUOTED_WORDS = re.compile(r"(?<!\w)'([^']+)'(?!\w)|\"([^\"]+)\"")


def _domain_reason(domain: str, words: tuple[str, ...]) -> str:
    """Why a domain pack's question: the candidate's own words that place the project there."""
    quoted = " and ".join(f"“{word}”" for word in words)
    return f"{quoted} in your notes: a question for {DOMAIN_BY_KEY[domain].projects}"


def _quotes_were_said(question: str, parts: list[str]) -> bool:
    """Whether the candidate said at least one of the words the question quotes as theirs (or
    it quotes none): a question never puts words in the candidate's mouth."""
    quoted = [single or double for single, double in _QUOTED_WORDS.findall(question)]
    return not quoted or any(
        re.search(rf"(?<!\w){re.escape(words)}(?!\w)", part, re.IGNORECASE)
        for words in quoted
        for part in parts
    )


# A technique named by how something was made ("fine-tuned", "gradient-boosted"): a word
# that describes a component, not one that names it.
_DESCRIBING = re.compile(r"ed$", re.IGNORECASE)


def _component_named(reading: _Reading, section: str) -> str:
    """The first thing the section names as built, in the candidate's words."""
    return next(
        (
            words
            for where, words in reading.built.values()
            if where == section and not _DESCRIBING.search(words)
        ),
        "",
    )


def _gain_measured(reading: _Reading, section: str) -> str:
    """The boldest measured effect the section states, as the candidate said it."""
    gains = [
        claim for claim, _ in reading.claims if claim.section == section and claim.could_be_noise
    ]
    return max(gains, key=lambda claim: claim.boldness).quote if gains else ""


# Gap questions that open with the candidate's own words they are about: the component named
# without a reason, the gain asked whether it is noise.
_OWN_WORDS = {
    "no_rationale": ("You named {quote}. ", _component_named),
    "no_variance": ("You said {quote}. ", _gain_measured),
}


def _quoting_the_candidate(row: BankRow, reading: _Reading) -> str:
    """A gap question opened by what the candidate said that it is about; "" when the section
    says nothing it could quote."""
    opener, words_of = _OWN_WORDS.get(row.trigger, ("", None))
    words = words_of(reading, row.section) if words_of else ""
    if not words:
        return ""
    question = fill_quote(opener, ledger.tidy(words)) + row.question
    return question if _quotes_were_said(question, reading.parts[row.section]) else ""


@lru_cache(maxsize=4096)
def _built_mentions(section: str, text: str) -> tuple[tuple[str, str], ...]:
    """The techniques a text names as built: (key, words), first mention each.

    Not built: a mention negated ("GPUs were not approved"), planned or only wished for in
    hindsight (`scoring.claims.status_at`), or named as the alternative that lost."""
    found: dict[str, str] = {}
    for hit in find_techniques(text):
        if hit.technique in found:
            continue
        if claim_reader.status_at(text, hit.start, hit.end) != claim_reader.BUILT:
            continue
        if _WEIGHED_BEFORE.search(text, max(0, hit.start - 50), hit.start):
            continue
        found[hit.technique] = hit.text
    return tuple(found.items())


def _claim_types(sections: Mapping[str, str]) -> frozenset[str]:
    """The kinds of claims the project makes that bear on a general topic's relevance."""
    kinds = set()
    for section, text in sections.items():
        for claim in claim_reader.read_claims(text or "", section):
            if claim.type == claim_reader.OFFLINE and section != "problem":
                kinds.add(OFFLINE)
            elif claim.type == claim_reader.ONLINE and section != "problem":
                kinds.add(ONLINE)
            elif claim.type == claim_reader.COST:
                kinds.add(COST_CLAIMS)
            elif claim.type == claim_reader.CONSTRAINT and claim.metric in ("p99", "p95", "p50"):
                kinds.add(LATENCY_LIMIT)
    return frozenset(kinds)


def _read(
    sections: Mapping[str, str],
    answers: Sequence[Answer],
    *,
    title: str = "",
    tags: str = "",
    live: bool = False,
) -> _Reading:
    """Read a project and its answers. `live`: the last answer was just given, so what it
    raises is fresh (asked next) and what it states is never asked for."""
    sections = {key: sections.get(key) or "" for key in SECTION_KEYS}
    last = len(answers) - 1 if live else -1
    parts = {key: [text for text in [sections[key]] if text] for key in SECTION_KEYS}
    for answer in answers:
        if answer.section in parts and answer.text:
            parts[answer.section].append(answer.text)
    gaps = {key: _section_gaps(key, parts[key]) for key in SECTION_KEYS}
    weakness = {key: sum(_GAP_WEIGHT.get(code, 1) for code in codes) for key, codes in gaps.items()}

    passages = [plausibility.Passage(key, key, text) for key, text in sections.items() if text]
    passages += [
        plausibility.Passage(("answer", i), answer.section, answer.text)
        for i, answer in enumerate(answers)
        if answer.section in SECTION_BY_KEY and answer.text
    ]
    flags = [(flag, flag.ref == ("answer", last)) for flag in plausibility.find_flags(passages)]

    answer_texts = [{answer.section: answer.text} for answer in answers]
    claims = ledger.extract_claims(sections, *answer_texts)
    fresh = set()
    if live and answers and answers[-1].section in SECTION_BY_KEY:
        fresh = {claim.slug for claim in ledger.extract_claims(answer_texts[-1])}

    built: dict[str, tuple[str, str]] = {}
    readings = [(key, text) for key, text in sections.items()] + [
        (answer.section, answer.text) for answer in answers if answer.section in SECTION_BY_KEY
    ]
    # Where it was built counts for more than where it was weighed.
    for section, text in sorted(readings, key=lambda row: row[0] in _TECHNIQUE_SECTIONS):
        for technique, words in _built_mentions(section, text or ""):
            built.setdefault(technique, (section, words))

    # What the project is, not the options it weighed: a general topic is read from every
    # section but Alternatives & Trade-offs ("a regression on 40 features" that lost does not
    # make a project that predicts from features).
    whole = "\n".join(
        [title, tags]
        + [text for key, text in sections.items() if key != "tradeoffs"]
        + [a.text for a in answers if a.section != "tradeoffs"]
    )
    record = "\n".join([title, tags, *sections.values()])
    domains = find_domains(record)
    return _Reading(
        gaps=gaps,
        weakness=weakness,
        flags=flags,
        claims=[(claim, claim.slug in fresh) for claim in claims],
        built=built,
        domains=domains,
        domain_words={key: domain_words(record, key) for key in domains},
        relevance=topic_relevance(whole, _claim_types(sections)),
        parts=parts,
        last=answers[-1].text if live and answers else "",
        learns=learns_from_data(whole),
        shows_new=shows_people_something_new(whole),
        batch_only=bool(_BATCH.search(whole)) and not _REQUEST_LATENCY.search(whole),
    )


# A project record's reading (about 10 KB pickled) is kept this long after the save (or the
# round start) that read it; a round started later reads the record again, once.
READING_CACHE_SECONDS = 7 * 24 * 3600


def _reading_key(sections: Mapping[str, str], title: str, tags: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for text in (title, tags, *(sections.get(key) or "" for key in SECTION_KEYS)):
        digest.update(text.encode())
        digest.update(b"\0")
    return f"challenges:reading:{digest.hexdigest()}"


def read_project(sections: Mapping[str, str], *, title: str = "", tags: str = "") -> _Reading:
    """The engine's reading of a project record before any answer, kept in Django's cache
    under a hash of its text: it is a pure function of the text, and the cache keys carry
    the code's fingerprint, so a deploy that changes a reader reads every project again.

    Saving a project reads it (`projects.services`), so a round finds its projects read
    and its start picks in a few milliseconds instead of reading four records afresh."""
    key = _reading_key(sections, title, tags)
    reading = cache.get(key)
    if reading is None:
        reading = _read(sections, [], title=title, tags=tags)
        cache.set(key, reading, READING_CACHE_SECONDS)
    return reading


def _bank_pick(row: BankRow, reason: str, *, question: str = "", kind: str = BANK) -> Pick:
    return Pick(
        slug=row.slug,
        section=row.section,
        question=question or row.question,
        persona=row.persona,
        persona_label=PERSONA_LABELS.get(row.persona, row.persona),
        reason=reason,
        kind=kind,
        key_points=row.key_points,
        topic=row.topic,
        trigger_kind=row.trigger_kind,
        trigger=row.trigger,
    )


def _claim_pick(claim: ledger.LedgerClaim, *, pressure: str) -> Pick:
    return Pick(
        slug=claim.slug,
        section=claim.section,
        question=ledger.claim_question(claim, pressure=pressure),
        persona=claim.persona,
        persona_label=PERSONA_LABELS[claim.persona],
        reason=claim.reason,
        kind=CLAIM,
        key_points=claim.key_points,
        topic=claim.topic,
        trigger_kind=CLAIM,
        trigger=claim.template,
    )


def _group(row: BankRow) -> str:
    """At most one challenge a round per group: per flag, per gap, per technique; any other
    entry is a group of its own."""
    if row.trigger_kind == FLAG:
        return f"flag:{row.trigger}"
    if row.trigger_kind == WEAKNESS:
        return f"gap:{row.section}:{row.trigger}"
    if row.trigger_kind == TECHNIQUE:
        return f"technique:{row.trigger}"
    return f"{row.trigger_kind}:{row.slug}"


def _general_score(relevance: Relevance) -> float:
    score = _GENERAL_SCORE + _PER_RELEVANCE * min(relevance.score, _MAX_RELEVANCE)
    return score + (_EVIDENCE_OF_IT if relevance.evidence else 0.0)


def _could_be_noise(reading: _Reading, section: str) -> bool:
    """Whether a section's results could be chance, so that asking for their noise fits: it
    states none, or one of them is a measured effect."""
    claims = [claim for claim, _ in reading.claims if claim.section == section]
    return not claims or any(claim.could_be_noise for claim in claims)


def _flag_reason(flag: plausibility.Flag) -> str:
    kind = "A red flag" if flag.severity == plausibility.RED else "Weak evidence"
    return f"{kind} in {_title(flag.section)}: {flag.title.lower()}"


def _candidates(
    reading: _Reading,
    *,
    pressure: str,
    seed: int,
    seen: set[str],
    excluded: set[str],
) -> list[_Candidate]:
    level = PRESSURE_RANK[pressure]
    weakest = max(SECTION_KEYS, key=lambda key: reading.weakness[key])
    flags_by_rule: dict[str, list[tuple[plausibility.Flag, bool]]] = {}
    for flag, fresh in reading.flags:
        flags_by_rule.setdefault(flag.rule, []).append((flag, fresh))

    found: list[_Candidate] = []
    for row in active_bank_rows():
        if row.slug in excluded or PRESSURE_RANK.get(row.pressure, 0) > level:
            continue
        if not reading.learns and _ABOUT_A_MODEL.search(row.question):
            continue  # "when the model acts" asked of rules, "caching model outputs" of a CDN
        if reading.batch_only and _ABOUT_LATENCY.search(row.question):
            continue  # "the latency at each hop" of a plan written every night
        if row.topic == NOVELTY and not reading.shows_new:
            continue  # "did the effect fade?" of a variance-reduction method
        kind = row.trigger_kind
        fresh = False
        question = ""
        is_red = False
        pressing = False
        if kind == FLAG:
            raised = flags_by_rule.get(row.trigger)
            if not raised:
                continue
            # The answer just given first, then a flag raised in the entry's own section.
            flag, fresh = min(raised, key=lambda f: (not f[1], f[0].section != row.section))
            is_red = flag.severity == plausibility.RED
            score = _RED_SCORE if is_red else _AMBER_SCORE + _AMBER_WEIGHT.get(flag.rule, 0.0)
            if flag.section == row.section:
                score += _FLAG_IN_ITS_SECTION
            question = fill_quote(row.question, ledger.tidy(flag.quote))
            reason = _flag_reason(flag)
        elif kind == WEAKNESS:
            codes = reading.gaps[row.section]
            if row.trigger not in codes or not _quotes_were_said(
                row.question, reading.parts[row.section]
            ):
                continue
            if row.trigger == _NO_VARIANCE and not _could_be_noise(reading, row.section):
                continue  # "the confidence interval" of seats double-sold "from 41 to 0"
            if row.trigger == "empty":
                score = _EMPTY_SCORE
            else:
                blocking = row.trigger in BLOCKING_GAPS.get(row.section, ())
                score = (
                    (_BLOCKING_GAP_SCORE if blocking else _GAP_SCORE)
                    + _PER_SECTION_GAP * reading.weakness[row.section]
                    - _GAP_ORDER_STEP * codes.index(row.trigger)
                )
            reason = _gap_reason(row.trigger, row.section)
            question = _quoting_the_candidate(row, reading)
        elif kind == TECHNIQUE:
            if row.trigger not in reading.built:
                continue
            where, words = reading.built[row.trigger]
            score = _TECHNIQUE_SCORE
            if where in _TECHNIQUE_SECTIONS:
                score -= _TECHNIQUE_ASIDE
            technique = TECHNIQUE_BY_KEY.get(row.trigger)
            label = technique.label if technique else ""
            named = words if not label or label.lower() == words.lower() else f"{words} ({label})"
            reason = f"You named {named} in {_title(where)}"
        elif kind == DOMAIN:
            if row.trigger not in reading.domains:
                continue
            score = _DOMAIN_SCORE
            reason = _domain_reason(row.trigger, reading.domain_words[row.trigger])
            # A domain's own question on a general topic the project makes pressing is worth
            # at least the general question on it ("the weather forecast rather than the
            # weather", asked of a model trained on the weather as recorded).
            relevance = reading.relevance.get(row.topic)
            if row.topic in GENERAL_TOPICS and relevance is not None and relevance.reason:
                general = _general_score(relevance)
                if general > score:
                    score, pressing = general, True
                    reason = f"{TOPIC_LABELS[row.topic]}: {relevance.reason}"
            if row.trigger == reading.domains[0]:
                score += _FIRST_DOMAIN
        elif kind == ALWAYS:
            if row.topic in MODEL_TOPICS and not reading.learns:
                continue  # no model, so nothing to leak, drift or learn from itself
            relevance = reading.relevance.get(row.topic)
            if row.topic in GENERAL_TOPICS and relevance is not None:
                score = _general_score(relevance)
                why = relevance.reason or f"any {_title(row.section)} answer should survive it"
                label = TOPIC_LABELS[row.topic]
                reason = f"{label}: {why}"
            else:
                score = _ALWAYS_SCORE + reading.weakness[row.section]
                if row.section == weakest and reading.weakness[row.section]:
                    reason = f"{_title(row.section)} is the weakest part of this project"
                else:
                    reason = (
                        f"A {PRESSURE_LABELS[pressure].lower()} question any "
                        f"{_title(row.section)} answer should survive"
                    )
        else:
            continue
        group = _group(row)
        asks = asked_facets(row.question)
        if asks and stated_among([reading.last], asks):
            continue  # never ask for what the answer just given states
        if asks and kind != FLAG and stated_among(reading.parts[row.section], asks):
            continue  # nor for what the section already says (a gap the detectors missed)
        if row.pressure == pressure:
            score += _OWN_PRESSURE_BONUS
        if row.slug in seen:
            score -= _RECENTLY_SEEN_PENALTY
        found.append(
            _Candidate(
                score=score + _jitter(seed, row.slug),
                group=group,
                topic=row.topic,
                section=row.section,
                slug=row.slug,
                pick=_bank_pick(row, reason, question=question),
                asks=asks,
                is_flag=kind == FLAG,
                is_red=is_red,
                weak_signal=kind == FLAG
                and not is_red
                and _AMBER_WEIGHT.get(row.trigger, 0.0) <= _WEAK_SIGNAL,
                fresh=fresh,
                pressing=pressing,
            )
        )

    flag_quotes = [(flag.section, ledger.tidy(flag.quote)) for flag, _ in reading.flags]
    for claim, fresh in reading.claims:
        if claim.slug in excluded or stated_among([reading.last], claim.ask.asks):
            continue
        if claim.topic == NOVELTY and not reading.shows_new:
            continue
        quote = claim.quote
        if any(
            section == claim.section and (quote in words or words in quote)
            for section, words in flag_quotes
        ):
            continue  # the flag's own question asks about it better
        score = _CLAIM_SCORE + claim.boldness
        if claim.slug in seen:
            score -= _RECENTLY_SEEN_PENALTY
        found.append(
            _Candidate(
                score=score + _jitter(seed, claim.slug),
                group=f"claim:{claim.slug}",
                topic=claim.topic if claim.ask.exclusive else "",
                section=claim.section,
                slug=claim.slug,
                pick=_claim_pick(claim, pressure=pressure),
                asks=claim.ask.asks,
                is_claim=True,
                strong_claim=claim.is_outcome,
                fresh=fresh,
            )
        )
    return found


class _Selection:
    """Greedy selection under the engine's rules: one per group, one per topic (flags aside),
    at most so many claim and domain-pack questions, less for a section already attacked."""

    def __init__(
        self, *, claim_limit: int, domain_limit: int, taken_groups=(), taken_topics=()
    ) -> None:
        self.chosen: list[_Candidate] = []
        self.claim_limit = claim_limit
        self.domain_limit = domain_limit
        self.groups: set[str] = set(taken_groups)
        self.topics: set[str] = set(taken_topics)
        self.per_section: dict[str, int] = {}

    def allows(self, candidate: _Candidate) -> bool:
        if candidate.group in self.groups:
            return False
        # A question on a cost claim is the round's cost question, beside its outcome claims.
        if (
            candidate.is_claim
            and not candidate.is_general
            and sum(c.is_claim and not c.is_general for c in self.chosen) >= self.claim_limit
        ):
            return False
        if candidate.is_domain and sum(c.is_domain for c in self.chosen) >= self.domain_limit:
            return False
        return candidate.is_flag or not candidate.topic or candidate.topic not in self.topics

    def value(self, candidate: _Candidate) -> float:
        """A candidate's worth here: less in a section already attacked."""
        return candidate.score - _SAME_SECTION_PENALTY * self.per_section.get(candidate.section, 0)

    def rank(self, candidate: _Candidate) -> float:
        """What decides whether its group is asked at all. A flag or a claim is about the
        candidate's own words, wherever they sit, so only the choice among a flag's entries
        looks at the sections already attacked."""
        return candidate.score if candidate.is_flag or candidate.is_claim else self.value(candidate)

    def add(self, candidate: _Candidate) -> None:
        self.chosen.append(candidate)
        self.groups.add(candidate.group)
        if candidate.topic:
            self.topics.add(candidate.topic)
        self.per_section[candidate.section] = self.per_section.get(candidate.section, 0) + 1

    def best(self, candidates: list[_Candidate], section: str | None = None) -> _Candidate | None:
        allowed = [
            c for c in candidates if (section is None or c.section == section) and self.allows(c)
        ]
        top = max(allowed, key=lambda c: (self.rank(c), c.slug), default=None)
        if top is None:
            return None
        group = [c for c in allowed if c.group == top.group]
        return max(group, key=lambda c: (self.value(c), c.slug))


def _select(
    candidates: list[_Candidate],
    wanted: int,
    *,
    claims: tuple[int, int],
    slots: Sequence[str] | None = None,
    taken_groups: Collection[str] = (),
    taken_topics: Collection[str] = (),
) -> list[_Candidate]:
    """The best `wanted` candidates (or one per slot's section), with at least one question on
    a general topic and ``claims[0]`` to ``claims[1]`` claim questions, when there are such
    to ask."""
    least_claims, most_claims = claims

    def selection_of(kept: list[_Candidate]) -> _Selection:
        selection = _Selection(
            claim_limit=most_claims,
            domain_limit=max(1, wanted // _PICKS_PER_DOMAIN_QUESTION),
            taken_groups=taken_groups,
            taken_topics=taken_topics,
        )
        for candidate in kept:
            selection.add(candidate)
        return selection

    selection = selection_of([])
    for section in slots if slots is not None else [None] * wanted:
        best = selection.best(candidates, section)
        if best is not None:
            selection.add(best)
    chosen = selection.chosen
    # Every project gets a general question, and a question on one of its own outcome claims
    # when it makes one: each takes the place of the least damaging pick (never a red flag, a
    # follow-up on the answer just given, nor the pick that meets the other need; a claim
    # question takes the place of the weaker evidence signals only).
    # (what the pick must be, how many, the flags whose place it may take)
    # (A round that need not ask about claims, a warm-up, takes no cost claim as its general
    # question.)
    needs = [
        (lambda c: c.is_general and (least_claims or not c.is_claim), 1, lambda c: not c.is_red),
        (lambda c: c.strong_claim, least_claims, lambda c: c.weak_signal),
    ]
    # A pick's worth when it could make way: its group's best entry, not the one chosen to
    # spread the sections.
    worth: dict[str, float] = {}
    for candidate in candidates:
        worth[candidate.group] = max(worth.get(candidate.group, candidate.score), candidate.score)
    for index, (meets, count, may_replace_flag) in enumerate(needs):
        while sum(map(meets, chosen)) < count:
            met_before = [need for need, _, _ in needs[:index]]
            replaceable = [
                c
                for c in chosen
                if not c.fresh
                and (not c.is_flag or may_replace_flag(c))
                and not meets(c)
                and not any(need(c) and sum(map(need, chosen)) == 1 for need in met_before)
            ]
            for weakest in sorted(replaceable, key=lambda c: worth[c.group]):
                trial = selection_of([c for c in chosen if c is not weakest])
                found = trial.best(
                    [c for c in candidates if meets(c)],
                    weakest.section if slots is not None else None,
                )
                # Swapping a pick for another on its own topic only trades one question on it
                # for a weaker one.
                if found is not None and not (found.topic and found.topic == weakest.topic):
                    chosen = [found if c is weakest else c for c in chosen]
                    break
            else:
                break
    return chosen


def _as_follow_up(candidate: _Candidate) -> Pick:
    pick = candidate.pick
    return replace(pick, kind=FOLLOW_UP, reason=f"Following up on your answer. {pick.reason}")


def _ordered(chosen: list[_Candidate]) -> list[Pick]:
    """Most damaging first: follow-ups on the answer just given, then by score."""
    ranked = sorted(chosen, key=lambda c: (not c.fresh, -c.score, c.slug))
    return [_as_follow_up(c) if c.fresh else c.pick for c in ranked]


def _check_pressure(pressure: str) -> None:
    if pressure not in PRESSURE_RANK:
        raise ValueError(f"unknown pressure {pressure!r}")


def pick(
    *,
    sections: Mapping[str, str],
    answers: Mapping[str, str] | None = None,
    pressure: str,
    recently_seen: Collection[str] = (),
    exclude: Collection[str] = (),
    seed: int,
    count: int | None = None,
    title: str = "",
    tags: str = "",
) -> list[Pick]:
    """The challenges for one project, most damaging first.

    `sections` holds the project's text per section key, `answers` any answers given so far
    per section; `title` and `tags` help tell the project's domain. `exclude` are slugs
    already asked in this session (never repeated); `recently_seen` are slugs from the user's
    recent sessions (avoided when something else fits). Without `count`, the round's picks:
    the pressure level's number (2, 4 or 6) under the engine's rules; with it, the best `count`
    challenges by score alone (one per flag, gap, technique or claim), for callers that rank.
    """
    _check_pressure(pressure)
    wanted = CHALLENGES_PER_PROJECT[pressure] if count is None else count
    given = [Answer(key, text) for key, text in (answers or {}).items() if text]
    if given:
        reading = _read(sections, given, title=title, tags=tags)
    else:
        reading = read_project(sections, title=title, tags=tags)
    candidates = _candidates(
        reading, pressure=pressure, seed=seed, seen=set(recently_seen), excluded=set(exclude)
    )
    if count is not None:  # a ranking, not a round: every candidate on its score
        ranked = sorted(candidates, key=lambda c: (-c.score, c.slug))
        chosen, groups = [], set()
        for candidate in ranked:
            if candidate.group not in groups and len(chosen) < wanted:
                groups.add(candidate.group)
                chosen.append(candidate)
        return _ordered(chosen)
    return _ordered(_select(candidates, wanted, claims=CLAIM_QUESTIONS_PER_PROJECT[pressure]))


def _taken_by(asked: Collection[str]) -> tuple[set[str], set[str]]:
    """The groups and topics of bank challenges already asked of this project."""
    groups, topics = set(), set()
    for row in active_bank_rows():
        if row.slug in asked:
            groups.add(_group(row))
            if row.topic:
                topics.add(row.topic)
    return groups, topics


def repick(
    *,
    sections: Mapping[str, str],
    answers: Sequence[Answer],
    planned: Sequence[Pick],
    pressure: str,
    seed: int,
    asked: Collection[str] = (),
    exclude: Collection[str] = (),
    recently_seen: Collection[str] = (),
    title: str = "",
    tags: str = "",
    keep_sections: bool = False,
) -> list[Pick]:
    """The project's remaining challenges, chosen again after an answer.

    `answers` are the answers given to this project so far, in order; the last is the one
    just given. `planned` are the challenges still to come, as `pick` or an earlier `repick`
    returned them; `asked` the slugs already asked of this project (never repeated, and their
    flags and topics count as covered); `exclude` slugs asked of other projects in the session.

    Returns exactly ``len(planned)`` picks, most pressing first: a follow-up on what was just
    said (a new doubtful figure, a claim the answer made) takes the place of a planned
    challenge, so the round's count never grows; a planned challenge the answer has made moot
    (it asks for what was just stated, or its flag is gone) is replaced. With `keep_sections`
    each returned pick has the section of the planned one in its place (for rounds that ask a
    challenge right after its section).
    """
    _check_pressure(pressure)
    if not planned:
        return []
    reading = _read(sections, answers, title=title, tags=tags, live=True)
    candidates = _candidates(
        reading,
        pressure=pressure,
        seed=seed,
        seen=set(recently_seen),
        excluded=set(asked) | set(exclude),
    )
    planned_slugs = {p.slug for p in planned}
    for candidate in candidates:
        if candidate.fresh:
            candidate.score += _FRESH_BONUS
        elif candidate.slug in planned_slugs:
            candidate.score += _PLANNED_BONUS
    groups, topics = _taken_by(asked)
    slots = [p.section for p in planned] if keep_sections else None
    chosen = _select(
        candidates,
        len(planned),
        claims=CLAIM_QUESTIONS_PER_PROJECT[pressure],
        slots=slots,
        taken_groups=groups,
        taken_topics=topics,
    )
    if keep_sections:
        return _fill_slots(chosen, planned)
    picks = _ordered(chosen)
    # Too few candidates left: keep planned challenges, so the count never shrinks either.
    kept = {p.slug for p in picks}
    for planned_pick in planned:
        if len(picks) >= len(planned):
            break
        if planned_pick.slug not in kept and planned_pick.slug not in asked:
            picks.append(planned_pick)
            kept.add(planned_pick.slug)
    return picks[: len(planned)]


def _fill_slots(chosen: list[_Candidate], planned: Sequence[Pick]) -> list[Pick]:
    """One pick per planned slot, each in the slot's section; a slot nothing fits keeps its
    planned challenge."""
    free = list(chosen)
    picks = []
    for slot in planned:
        match = next((c for c in free if c.section == slot.section), None)
        if match is None:
            picks.append(slot)
            continue
        free.remove(match)
        picks.append(_as_follow_up(match) if match.fresh else match.pick)
    return picks


def follow_up(*, section: str, answer: str, pressure: str = STANDARD) -> Pick | None:
    """One question on this answer alone: a doubtful figure in it, what it lacked, or a claim
    it made; never something it already states. None when nothing stands out."""
    if section not in SECTION_BY_KEY:
        raise ValueError(f"unknown section {section!r}")
    _check_pressure(pressure)
    reading = _read({section: answer or ""}, [])
    candidates = [
        c
        for c in _candidates(reading, pressure=pressure, seed=0, seen=set(), excluded=set())
        if c.section == section
        and (c.is_flag or c.is_claim or c.pick.trigger_kind == WEAKNESS)
        and not stated_among(reading.parts[section], c.asks)
    ]
    best = max(candidates, key=lambda c: (c.score, c.slug), default=None)
    if best is None:
        return None
    return replace(best.pick, kind=FOLLOW_UP)


@dataclass(frozen=True)
class Signals:
    """What the engine reads in a project before choosing: its domains (best-evidenced first)
    and the plausibility flags raised on its text."""

    domains: tuple[str, ...]
    flags: tuple[plausibility.Flag, ...]


def signals(*, sections: Mapping[str, str], title: str = "", tags: str = "") -> Signals:
    """The domains and flags the engine finds in a project record (the command shows them)."""
    reading = _read(sections, [], title=title, tags=tags)
    return Signals(reading.domains, tuple(flag for flag, _ in reading.flags))


def clear_caches() -> None:
    """Forget the bank and every text read so far (the benchmark times a first sight)."""
    forget_bank_rows()
    for cached in (
        _gap_codes,
        detected,
        _built_mentions,
        ledger.section_claims,
        find_techniques,
        find_domains,
        topic_relevance,
        states,
        claim_reader.read_claims,
        claim_reader.read_unquantified,
        claim_reader.stated_facets,
        claim_reader.listen,
        plausibility._find_flags,
    ):
        cached.cache_clear()
