"""How a candidate met each challenge: held with evidence, conceded well, or caved/evaded.

Judged as an interviewer does, by whether the answer engages the challenge's mechanism and
brings evidence for the position it takes, not by the words it shares with the question:

- the answer engages the challenge when it takes up its subject: its words, its family of
  subjects (a doubt about noise is met by a test and its interval), or its meaning; a challenge
  from the bank also carries the key points of a strong answer, each checked by meaning
  (`scoring.meaning`) and shown covered or missing;
- evidence is a figure with a unit or a baseline, or an experiment; a figure that is itself
  implausible, or an appeal to authority ("state of the art", "the numbers speak for
  themselves"), is the claim repeated, not evidence;
- granting the point is fine when it comes with data, a bound and what would change
  ("conceded well"); granting it without them, hedging, repeating the question, or a list of
  terms is caving.
"""

import re
from dataclasses import dataclass

from scoring import detectors as d
from scoring import meaning
from scoring.claims import CALENDAR_UNIT, measures_something, read_claims
from scoring.graders.text import content_stems, gradability, keyword_list, quote_for
from scoring.listener import listen
from scoring.patterns import lowered
from scoring.plausibility import RED, Flag, Passage, find_flags
from scoring.transcript import Turn

HELD = "held"
CONCEDED = "conceded"
CAVED = "caved"
OUTCOME_LABELS = {
    HELD: "Held with evidence",
    CONCEDED: "Conceded well",
    CAVED: "Caved or evaded",
}
# What each outcome is worth in the project's pushback score (0-1): a concession backed by
# data, bounded and turned into a lesson is as good an answer as holding the line.
OUTCOME_CREDIT = {HELD: 1.0, CONCEDED: 1.0, CAVED: 0.0}

_F = re.IGNORECASE
# (what the challenge is about, what in an answer speaks to that subject)
_SUBJECTS: tuple[tuple[re.Pattern, re.Pattern], ...] = (
    (
        re.compile(
            r"nois|luck|chance|significan|varian|prove|proof|how do you know|measur|believe"
            r"|trust|causal|confound|novelty|seasonal|real effect|sample|vanish|online",
            _F,
        ),
        re.compile(
            r"A/B|hold-?out|control|randomi|interval|p[- ]?value|p\s*<|significan|arms?\b"
            r"|CUPED|sample|cohort|week|experiment|varian|bootstrap|replicat|A/A|interleav"
            r"|backtest|blind|audit|diff(?:erence)?[- ]in|\btest\w*|split|compared|measured",
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
        re.compile(r"cost|expensive|price|budget|money|cheap|roi|worth|overkill", _F),
        re.compile(
            r"cost|budget|[$€£]|compute|spend|sav(?:e|ed|ing)|roi|break-?even|cheaper"
            r"|per (?:month|year|request|1k)|lines|stage|maintain",
            _F,
        ),
    ),
    (
        re.compile(
            r"instead|why not|alternativ|simpler|overkill|over-?engineer|wouldn't"
            r"|would not|just use|we'd use|better option|why did you (?:pick|choose)"
            r"|brittle|simplistic|dated|vendor|in-house|per-\w+|global|human",
            _F,
        ),
        re.compile(
            r"instead|rather than|considered|prototyp|compared|alternativ|because"
            r"|trade-?off|versus|\bvs\b|simpler|tried|trialled|tested|measured|against",
            _F,
        ),
    ),
    (
        re.compile(
            r"your (?:role|part|contribution|decision)|what did you|who (?:decided|led|"
            r"built)|team (?:did|effort)|you personally|without you|\byours\b"
            r"|which (?:calls|decisions|choices|parts)\b",
            _F,
        ),
        re.compile(
            r"\bI\s+(?:chose|decided|led|built|designed|owned|drove|proposed|wrote|ran"
            r"|backtested|showed|set|picked|negotiated|argued)|\bmine\b|\bmy (?:decision|call"
            r"|proposal)",
            _F,
        ),
    ),
    (
        re.compile(
            r"fail|break|outage|reliab|incident|risk|edge case|what if|safety|abuse|fair"
            r"|wrong|holiday",
            _F,
        ),
        re.compile(
            r"fail|fallback|incident|outage|reliab|alert|monitor|roll ?back|guardrail"
            r"|canary|retr(?:y|ies)|error|redundan|on-?call|appeal|override|review|audit",
            _F,
        ),
    ),
    (
        # A gain slipping back over time is met by what guards it: a gate, a check, an alert.
        re.compile(r"regress|creep|slip\w* back|come back|drift|decay|what stops|prevent", _F),
        re.compile(
            r"regress|crept|creep|drift|gate|block\w*|benchmark|budget|alert|monitor|guard"
            r"|every (?:build|release|merge|deploy)",
            _F,
        ),
    ),
    (
        re.compile(
            r"come from|came from|where did|who (?:set|picked|chose)|out of the air"
            r"|arbitrary|made up|origin",
            _F,
        ),
        re.compile(
            r"came from|comes from|based on|derived|experiment|abandon|traced"
            r"|set by|SLO|SLA|upstream|budget",
            _F,
        ),
    ),
    (
        re.compile(r"hindsight|again|change|differently|regret|mistake|lesson", _F),
        re.compile(
            r"hindsight|next time|(?:would|'d) (?:have )?\w+|should have|differently|lesson"
            r"|learn",
            _F,
        ),
    ),
)
_CONCESSION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:agreed|granted)\b"
    r"|\b(?:you'?re (?:probably |partly )?right|you are right|you might be right|fair (?:point"
    r"|challenge|criticism|enough|question|worry)|that'?s fair|good point|I agree"
    r"|I concede|admittedly|that'?s true|it'?s true|it is true|valid (?:point|concern)"
    r"|to be fair|I was wrong|we were wrong|it was a mistake|the weak spot|the honest answer"
    r"|I can'?t (?:really )?argue|hard to argue|I can'?t (?:completely |fully )?rule out"
    r"|I don'?t have a (?:strong|better) (?:answer|argument|defen[cs]e)|that'?s a real concern"
    r"|I'?d concede|I won'?t argue|partly (?:right|true|fair)|in part)\b"
    # A partial yes opens the answer: "Partly, yes.", "For the first year, yes."
    r"|^(?:[^.!?]{0,40},\s*)?yes[.;:]"
    # ... or a yes limited by its first words: "Partly, yes, and ...", "At first, yes, ...",
    # "For most tenants, yes, ..."
    r"|^(?:partly|partially|in part|somewhat|to (?:a|some) (?:degree|extent)|at first|initially"
    r"|early on|sometimes|for (?:most|some|many) [^.!?,]{1,30}),\s*yes\b"
    # ... or a share of the charge granted as the answer's first words, yes or not: "Partly,
    # it did fail once", "Partly — nothing did", "A little, and I measured how much.",
    # "Some of it, on one category.", "Fewer than it might sound."
    r"|^(?:partly|partially|in part)\b(?!\s+(?:because|due|since|thanks))"
    r"|^(?:a little|a bit|slightly|some of (?:it|that|them)|not (?:entirely|always|completely"
    r"|fully)|(?:fewer|less) than (?:it|you) (?:might|may|would) (?:sound|think|seem|expect))"
    r"\s*[,.;:—–-]"
    # Owning the miss: "that's on me", "my mistake", "I got that wrong", "I underestimated".
    r"|\b(?:that'?s on me|(?:my|our) (?:mistake|fault|miss)\b"
    r"|(?:I|we|the first (?:version|model|cut|release)) (?:got|had) (?:that|this|it) wrong"
    r"|I (?:under|over)-?(?:estimated|rated|valued))"
    r"|(?:^|(?<=[.!?]\s))(?:yes,\s*)?(?:there|it|that|this)(?:'s| is) a real (?:effect|risk|cost"
    r"|problem|concern|trade-?off|weakness|gap|limitation)"
    # The charge granted in a few words, then its size promised: "It is biased, and I measured
    # where.", "Yes, it was worse, and I can say by how much."
    r"|^(?:yes,\s*)?(?:it|that|this|they|(?:some|part|much) of (?:it|that|them))"
    r" (?:is|was|are|were|did|does)\b(?![^.!?,]*\b(?:not|never|no)\b)[^.!?,;]{0,30},?"
    r" and I (?:measured|checked|quantified|can (?:say|put|show|tell|quantify))\b"
    r"|\b(?:half|part|some) of (?:that|it|this) (?:lands|is fair|is true|holds)\b"
    r"|\bfor (?:one|some|that) (?:group|segment|slice|case)s?,? (?:it|they) (?:is|are|was|were)"
    r" worse\b",
    _F,
)
_HOLDS_ANYWAY = re.compile(
    r"\b(?:but|however|still|where I'?d hold|that said|even so|what I can say)\b", _F
)
_BOUNDED = re.compile(
    r"\b(?:only|except|limited to|in (?:this|that|the) case|at our scale|for our|but not"
    r"|not for|as long as|unless|where it|where I'?d hold|on (?:the|that) (?:part|slice|segment)"
    r"|for (?:the|our) (?:largest|biggest|smallest|long-lag|short)|upper bound|for a large part"
    # ... or to a slice named by what sets it apart: "for teams that merge daily", "for sessions
    # under 30 seconds", "on the slowest networks".
    r"|for \w+ (?:that|who|under|over|above|below|with(?:out)?)|on (?:the )?(?:slow|slowest"
    r"|fast|fastest|largest|smallest|oldest|newest|cheapest)\b)\b",
    _F,
)
# What would change, said as a plan that depends on what happens or what it would take: "If
# that rate rose, I would hide ...", "a stepped rollout would settle it", "the next gap I'd close".
_WOULD_CHANGE = re.compile(
    r"\bif [^.!?]{3,60},\s*(?:I|we)(?:'d| would) \w+"
    r"|\bwould (?:settle|close|fix|resolve|answer) (?:it|that|this|the (?:gap|question|doubt))"
    r"|\bthe next (?:gap|step|thing|fix) (?:I|we)(?:'d| would)\b",
    _F,
)
_UNSURE = re.compile(
    r"\b(?:I'?d (?:have|need) to (?:go back|check|look)|I don'?t (?:really )?(?:know|remember"
    r"|have (?:the|numbers|data|a))|I'?m not (?:\w+ )?sure|not (?:completely |fully |really )?sure"
    r"|hard to (?:say|know|tell)|can'?t (?:really )?say|no idea|never (?:looked|measured|checked"
    r"|compared|did)|didn'?t (?:really )?(?:look|measure|compare|test|check)|I guess|I think"
    r"|maybe|probably|might have|it depends)\b",
    _F,
)


# What a bluff says again when pushed, instead of evidence: authority ("it's the industry
# standard"), the result as its own proof, or all the credit ("nobody else could have").
_CLAIM_RESTATED = frozenset({"authority_reason", "sweeping_ownership"})
# A premise granted and answered at once by what was built against it: "You're right that
# matching only proves we copied them, so I added a second check.", "Fair point. Besides the
# replay, we also checked every total against the ledger."
_ACTED_ON = re.compile(
    r"[^.!?]{0,80}?\bso (?:I|we) (?:also )?(?:added|built|set up|put in|introduced|wrote"
    r"|designed)\b"
    r"|(?:[^.!?]{0,80}[.!?]\s+)?[^.!?]{0,80}?\b(?:I|we) also (?:added|built|set up|put in"
    r"|introduced|checked|reconciled|audited)\b",
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
    key_points: tuple[str, ...] = ()
    covered: tuple[bool, ...] = ()

    def as_dict(self) -> dict:
        return {
            "turn": self.turn,
            "section": self.section,
            "question": self.question,
            "outcome": self.outcome,
            "label": self.label,
            "reason": self.reason,
            "key_points": list(self.key_points),
            "covered": list(self.covered),
        }


# The candidate's own words quoted back in a challenge ('You said "...": why?').
_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def addresses(question: str, answer: str) -> bool:
    """Does the answer take up what the challenge is about (its words or its subject)? The
    subject is what the challenge asks, not what it quotes: a question quoting "a gain inside
    the noise" is not about significance unless it asks about it."""
    heard = listen(answer).text
    asked = content_stems(listen(question).text)
    said = content_stems(heard)
    if asked and len(asked & said) / len(asked) >= 0.25:
        return True
    ask = _QUOTED.sub(" ", question)
    if any(q.search(ask) and a.search(heard) for q, a in _SUBJECTS):
        return True
    return meaning.similarity(heard, (question,))[0] >= meaning.ON_TOPIC


def _repeats_question(question: str, answer: str) -> bool:
    """An answer that says the challenge back: nearly all its words come from the question."""
    asked = content_stems(listen(question).text)
    said = content_stems(listen(answer).text)
    return bool(said) and len(said - asked) <= max(2, len(said) // 5)


# An experiment counts as evidence when the answer says what it showed, not when it only
# names one ("I'd have to check the experiment again").
_RESULT_VERB = re.compile(
    r"\b(?:showed|shows|found|confirmed|preferred|came (?:out|within|in)|held|agreed|gave|moved"
    r"|caught|detected|flagged|missed|kept|stayed"
    r"|cut|dropped|rose|fell|beat|lost|won|reached|measured at|was (?:flat|stable|within))\b",
    _F,
)


def _evidence(turn: Turn, found: d.Detections, flags: list[Flag]) -> list[d.Span]:
    """Figures and experiments with a result in the answer, minus those an interviewer would
    not believe and calendar durations that only name a thing ("a seven-day window")."""
    figures = [s for s in found["numbers_with_units"] if not CALENDAR_UNIT.search(lowered(s.text))]
    figures += found["before_after"]
    # A figure the claim reader finds that the unit detectors do not: "went up to about
    # 4,100", "15 of 19", "0.6 of an engineer".
    figures += [
        d.Span("claim", c.start, c.end, c.values[0].text)
        for c in read_claims(turn.answer, turn.section)
        if measures_something(c) and not any(s.start < c.end and c.start < s.end for s in figures)
    ]
    experiments = [
        s
        for s in found["measurement"]
        if _RESULT_VERB.search(quote_for(turn.answer, s, 200))
        and not _UNSURE.search(quote_for(turn.answer, s, 200))
    ]
    doubtful = [flag.quote.strip("…") for flag in flags if flag.severity == RED]
    return [
        s
        for s in figures + experiments
        if not any(turn.answer[s.start : s.end] in q for q in doubtful)
    ]


def judge(
    turn: Turn, found: d.Detections | None = None, flags: list[Flag] | None = None
) -> Outcome:
    """The outcome of one challenge turn. `found` reuses detections already run on its answer,
    `flags` the plausibility flags already raised on it."""
    found = found or d.Detections(turn.answer)
    if flags is None:
        flags = find_flags([Passage(turn.index, turn.section, turn.answer)])
    outcome, reason, covered = _judge(turn, found, flags)
    return Outcome(
        turn.index,
        turn.section,
        turn.question,
        outcome,
        OUTCOME_LABELS[outcome],
        reason,
        turn.key_points,
        tuple(covered),
    )


def _judge(turn: Turn, found: d.Detections, flags: list[Flag]) -> tuple[str, str, list[bool]]:
    question, answer = turn.question, turn.answer
    covered = meaning.covered(answer, turn.key_points) if turn.key_points else []
    evidence = _evidence(turn, found, flags)
    if not gradability(answer, question, len(evidence)).gradable:
        return CAVED, "No answer to grade.", covered
    claims = len(evidence) + len(found["decisions"]) + len(found["alternatives"])
    if keyword_list(listen(answer).text, claims):
        return CAVED, "A list of terms, not an answer: no figure, test or decision in it.", covered
    restated = next((f.quote for f in flags if f.rule in _CLAIM_RESTATED), None)
    if restated:
        return (
            CAVED,
            f"Repeats the claim instead of defending it (\u201c{restated}\u201d): an appeal to "
            "authority, to the result itself or to having done everything alone is not evidence.",
            covered,
        )
    conceded = _CONCESSION.search(answer)
    if conceded and _ACTED_ON.match(answer, conceded.end()):
        conceded = None  # the challenge's premise granted, then what was built against it
    if conceded and not evidence:
        return (
            CAVED,
            (
                f"Gave the point away (\u201c{conceded.group(0)}\u201d) without data: no figure, "
                "test or limit on what is conceded."
            ),
            covered,
        )
    if _repeats_question(question, answer):
        return CAVED, "Says the challenge back without answering it.", covered
    # Granting the point takes it up; otherwise the answer must be about the challenge.
    engaged = conceded or any(covered) or addresses(question, answer)
    if not engaged:
        # What it missed is beside it: the key points on the review, and the top fix.
        return CAVED, "The answer does not take up what the challenge was about.", covered
    changes = found["hindsight"]
    if conceded:
        if changes or _BOUNDED.search(answer) or _WOULD_CHANGE.search(answer):
            return (
                CONCEDED,
                (
                    "Granted the point, backed the concession with "
                    f"\u201c{quote_for(answer, evidence[0], 120)}\u201d, kept it to where it "
                    "applies, and said what would change."
                ),
                covered,
            )
        if _HOLDS_ANYWAY.search(answer, conceded.end()):
            return HELD, _held_reason(answer, evidence), covered
        return CONCEDED, "Granted the point and backed the concession with data.", covered
    if evidence:
        return HELD, _held_reason(answer, evidence), covered
    unsure = _UNSURE.search(answer)
    if unsure:
        return (
            CAVED,
            (
                f"Hedged (\u201c{unsure.group(0)}\u201d) without a figure or a test behind the "
                "position."
            ),
            covered,
        )
    return CAVED, "Opinion without a figure or an experiment behind it.", covered


def _held_reason(answer: str, evidence: list[d.Span]) -> str:
    return f"Backed by evidence: \u201c{quote_for(answer, evidence[0], 160)}\u201d"
