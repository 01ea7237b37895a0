"""The challenge engine: which pushback hurts most for this candidate and this project.

`pick` scores every eligible challenge in the bank plus questions built from the
candidate's own claims, then takes the best ones while spreading them over sections:
- a weakness challenge fires when scoring's gap finder reports its gap code, and scores
  higher the weaker its section is, so the weakest section is attacked first;
- a claim question quotes the candidate's boldest numbers and decisions back at them;
- a technique challenge fires when the text names the technique;
- an "always" challenge fills the rest.
Challenges seen recently score lower; excluded ones never come back. Ties are broken by a
`random.Random(seed)`, so a seed always gives the same picks.
"""

import random
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache, partial

from challenges import claims as claim_ledger
from challenges.bank import ALWAYS, TECHNIQUE, WEAKNESS
from challenges.personas import PERSONA_LABELS
from challenges.pressure import BAR_RAISER as BAR_RAISER_PRESSURE
from challenges.pressure import (
    CHALLENGES_PER_PROJECT,
    CLAIM_QUESTIONS_PER_PROJECT,
    PRESSURE_LABELS,
    PRESSURE_RANK,
    STANDARD,
    WARMUP,
)
from challenges.selectors import BankRow, active_bank_rows, forget_bank_rows
from challenges.techniques import TECHNIQUE_BY_KEY, find_techniques
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS
from scoring.gaps import codes_from, gap_message

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
    kind: str = BANK  # "bank", "claim" or "follow_up"
    key_points: tuple[str, ...] = ()  # what a strong answer contains


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

# Scores: weakness first (plus how weak the section is), then claims, techniques, the rest.
_WEAKNESS_SCORE = 40.0
_CLAIM_SCORE = 30.0
_CLAIM_PER_BOLDNESS = 4.0
_TECHNIQUE_SCORE = 25.0
_ALWAYS_SCORE = 5.0
_PER_SECTION_GAP = 4.0
_GAP_ORDER_STEP = 4.0  # find_gaps lists the most important gap first; beats the jitter
_ALTERNATIVE_ONLY_PENALTY = 12.0
_ALTERNATIVE_SECTIONS = ("tradeoffs", "defense")
_OWN_PRESSURE_BONUS = 6.0
_RECENTLY_SEEN_PENALTY = 30.0
_SAME_SECTION_PENALTY = 12.0
_JITTER = 3.0
_CLAIM_KINDS = (claim_ledger.BEFORE_AFTER, claim_ledger.NUMBER, claim_ledger.DECISION)


@dataclass
class _Candidate:
    score: float
    group: str  # at most one pick per group: one per gap, per technique, per claim
    section: str
    slug: str
    make: Callable[[], Pick]  # built only for the winners


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _gap_reason(code: str, section: str) -> str:
    title = SECTION_BY_KEY[section].title
    if code in _GAP_REASONS:
        return _capitalised(_GAP_REASONS[code].format(section=title))
    return gap_message(code, section)


def _bank_pick(row: BankRow, reason: str, kind: str = BANK) -> Pick:
    return Pick(
        slug=row.slug,
        section=row.section,
        question=row.question,
        persona=row.persona,
        persona_label=PERSONA_LABELS.get(row.persona, row.persona),
        reason=reason,
        kind=kind,
        key_points=row.key_points,
    )


def _claim_pick(claim: claim_ledger.Claim, *, pressure: str, kind: str = CLAIM) -> Pick:
    title = SECTION_BY_KEY[claim.section].title
    return Pick(
        slug=claim.slug,
        section=claim.section,
        question=claim_ledger.claim_question(claim, pressure=pressure),
        persona=claim.persona,
        persona_label=PERSONA_LABELS[claim.persona],
        reason=f'One of your boldest claims, in {title}: "{claim.quote}"',
        kind=kind,
        key_points=claim_ledger.claim_key_points(claim),
    )


@lru_cache(maxsize=4096)
def _gap_codes(section: str, text: str) -> tuple[str, ...]:
    return tuple(codes_from(section, text, claim_ledger.LazySpans(text)))


def _section_gaps(section: str, parts: list[str]) -> list[str]:
    """What the section text and the answers so far still lack, together.

    Each part is read on its own (so a project's sections stay cached across picks while
    answers change); a gap counts only if every part has it, since an answer can supply
    what the written section lacked. A part too short to read is ignored.
    """
    readable = [
        codes for codes in (_gap_codes(section, part) for part in parts) if codes != ("empty",)
    ]
    if not readable:
        return ["empty"]
    first, *others = readable
    return [code for code in first if all(code in codes for codes in others)]


def _candidates(
    *,
    sections: dict[str, str],
    answers: dict[str, str],
    pressure: str,
    seen: set[str],
    excluded: set[str],
    rng,
) -> list[_Candidate]:
    gaps = {
        key: _section_gaps(key, [text for text in (sections.get(key), answers.get(key)) if text])
        for key in SECTION_KEYS
    }
    weakness = {key: sum(_GAP_WEIGHT.get(code, 1) for code in codes) for key, codes in gaps.items()}
    weakest = max(SECTION_KEYS, key=lambda key: weakness[key])
    claims = claim_ledger.extract_claims(sections, answers)
    # technique -> (section, the words used); a technique named where the candidate describes
    # what they built counts for more than one named among the alternatives.
    named: dict[str, tuple[str, str]] = {}
    for claim in sorted(
        (c for c in claims if c.kind == claim_ledger.CHOICE),
        key=lambda c: (c.section in _ALTERNATIVE_SECTIONS, SECTION_KEYS.index(c.section)),
    ):
        named.setdefault(claim.technique, (claim.section, claim.quote))

    level = PRESSURE_RANK[pressure]
    found: list[_Candidate] = []
    for row in active_bank_rows():
        if row.slug in excluded or PRESSURE_RANK.get(row.pressure, 0) > level:
            continue
        title = SECTION_BY_KEY[row.section].title
        if row.trigger_kind == WEAKNESS:
            codes = gaps[row.section]
            if row.trigger not in codes:
                continue
            score = (
                _WEAKNESS_SCORE
                + _PER_SECTION_GAP * weakness[row.section]
                - _GAP_ORDER_STEP * codes.index(row.trigger)
            )
            reason = _gap_reason(row.trigger, row.section)
            group = f"gap:{row.section}:{row.trigger}"
        elif row.trigger_kind == TECHNIQUE:
            if row.trigger not in named:
                continue
            where, words = named[row.trigger]
            score = _TECHNIQUE_SCORE
            if where in _ALTERNATIVE_SECTIONS:
                score -= _ALTERNATIVE_ONLY_PENALTY
            technique = TECHNIQUE_BY_KEY.get(row.trigger)
            label = technique.label if technique else ""
            named_as = (
                words if not label or label.lower() == words.lower() else f"{words} ({label})"
            )
            reason = f"You named {named_as} in {SECTION_BY_KEY[where].title}"
            group = f"technique:{row.trigger}"
        elif row.trigger_kind == ALWAYS:
            score = _ALWAYS_SCORE + weakness[row.section]
            if row.section == weakest and weakness[row.section]:
                reason = f"{title} is the weakest part of this project"
            else:
                level_label = PRESSURE_LABELS[pressure].lower()
                reason = f"A {level_label} question any {title} answer should survive"
            group = f"always:{row.slug}"
        else:
            continue
        if row.pressure == pressure:
            score += _OWN_PRESSURE_BONUS
        if row.slug in seen:
            score -= _RECENTLY_SEEN_PENALTY
        found.append(
            _Candidate(
                score + rng.random() * _JITTER,
                group,
                row.section,
                row.slug,
                partial(_bank_pick, row, reason),
            )
        )

    attackable = [c for c in claims if c.kind in _CLAIM_KINDS and c.slug not in excluded]
    for claim in attackable[: CLAIM_QUESTIONS_PER_PROJECT[pressure]]:
        score = _CLAIM_SCORE + _CLAIM_PER_BOLDNESS * claim.boldness
        if claim.slug in seen:
            score -= _RECENTLY_SEEN_PENALTY
        found.append(
            _Candidate(
                score + rng.random() * _JITTER,
                f"claim:{claim.slug}",
                claim.section,
                claim.slug,
                partial(_claim_pick, claim, pressure=pressure),
            )
        )
    return found


def clear_caches() -> None:
    """Forget the bank and every text read so far (the benchmark times a first sight)."""
    forget_bank_rows()
    for cached in (_gap_codes, claim_ledger.section_claims, claim_ledger.detect, find_techniques):
        cached.cache_clear()


def pick(
    *,
    sections: dict[str, str],
    answers: dict[str, str] | None = None,
    pressure: str,
    recently_seen: Collection[str] = (),
    exclude: Collection[str] = (),
    seed: int,
    count: int | None = None,
) -> list[Pick]:
    """The challenges for one project, most damaging first.

    `sections` holds the project's text per section key, `answers` the answers given so
    far in the session. `exclude` are slugs already asked in this session (never
    repeated); `recently_seen` are slugs from the user's recent sessions (avoided when
    something else fits). `count` defaults to the pressure level's number.
    """
    if pressure not in PRESSURE_RANK:
        raise ValueError(f"unknown pressure {pressure!r}")
    rng = random.Random(seed)
    wanted = CHALLENGES_PER_PROJECT[pressure] if count is None else count
    candidates = _candidates(
        sections=sections,
        answers=answers or {},
        pressure=pressure,
        seen=set(recently_seen),
        excluded=set(exclude),
        rng=rng,
    )
    # Greedy, so that each section already attacked makes the next one there less likely.
    candidates.sort(key=lambda c: (-c.score, c.slug))
    chosen: list[Pick] = []
    groups: set[str] = set()
    per_section: dict[str, int] = {}
    while candidates and len(chosen) < wanted:
        best = max(
            candidates,
            key=lambda c: c.score - _SAME_SECTION_PENALTY * per_section.get(c.section, 0),
        )
        candidates.remove(best)
        if best.group in groups:
            continue
        groups.add(best.group)
        per_section[best.section] = per_section.get(best.section, 0) + 1
        chosen.append(best.make())
    return chosen


# For a live follow-up the middle level reads best; the others are fallbacks.
_FOLLOW_UP_PRESSURES = (STANDARD, WARMUP, BAR_RAISER_PRESSURE)


def follow_up(*, section: str, answer: str) -> Pick | None:
    """The follow-up that targets what this answer lacked, or probes its boldest claim.

    None when the answer lacks nothing and claims nothing worth probing.
    """
    if section not in SECTION_BY_KEY:
        raise ValueError(f"unknown section {section!r}")
    codes = list(_gap_codes(section, answer or ""))
    if codes:
        rows = [
            row
            for row in active_bank_rows()
            if row.section == section and row.trigger_kind == WEAKNESS and row.trigger in codes
        ]
        if rows:
            row = min(
                rows,
                key=lambda r: (
                    codes.index(r.trigger),
                    _FOLLOW_UP_PRESSURES.index(r.pressure),
                    r.slug,
                ),
            )
            return _bank_pick(row, _gap_reason(row.trigger, section), kind=FOLLOW_UP)
    claims = [c for c in claim_ledger.extract_claims({section: answer}) if c.kind in _CLAIM_KINDS]
    if claims:
        return _claim_pick(claims[0], pressure=STANDARD, kind=FOLLOW_UP)
    return None
