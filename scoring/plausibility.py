"""Plausibility: the figures and reasons a senior interviewer would not take at face value.

Each rule is data: a key (shared with the challenge bank's `flag` triggers), how serious it is,
why an interviewer doubts it, and the published figure behind the doubt. A rule reads the
claims of a project (`scoring.claims`) and its words, and raises a `Flag` that quotes the
candidate's own phrase.

Two severities:
- RED: not believable as said. It caps the section it is in at 1 (the rubric's "implausible
  or bare numbers"), unless that same section explains how the figure was measured and why it
  holds, and the review shows it with its reason.
- AMBER: believable, but the evidence does not show what is claimed (a pre/post comparison
  called causal, offline gains never tested online). A section with one cannot be
  "exemplary"; the engine attacks it.

Pure Python, no Django: the graders, the engine and the readiness check all call `find_flags`.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from scoring.claims import (
    BUILT,
    COST,
    OFFLINE,
    ONLINE,
    TEAM,
    Claim,
    phrase_around,
    read_claims,
)
from scoring.listener import listen
from scoring.patterns import compile_lowered, lowered

RED = "red"
AMBER = "amber"
_F = re.IGNORECASE


@dataclass(frozen=True)
class Rule:
    key: str
    severity: str
    title: str
    doubt: str  # why an interviewer doubts it; "{quote}" is the candidate's phrase
    source: str  # the published figure or rule of thumb behind the doubt
    cap: int | None = None  # the most its section can score (RED: 1; evidence AMBER: 3)

    def __post_init__(self):
        if self.cap is None and self.severity == RED:
            object.__setattr__(self, "cap", 1)


RULES: dict[str, Rule] = {
    rule.key: rule
    for rule in (
        Rule(
            "near_perfect_metric",
            RED,
            "Near-perfect metric",
            "{quote}: figures this close to perfect usually mean the label leaked into a "
            "feature or the test set overlaps training. An interviewer will ask how the label "
            "is defined and when each feature is computed.",
            "Behavioural prediction (churn, clicks, conversion) rarely passes an AUC of about "
            "0.9; 0.99 calls for the label's definition and feature timestamps (GRADING.md).",
        ),
        Rule(
            "rare_class_accuracy",
            RED,
            "Accuracy on a rare class",
            "{quote}: when the positive class is a few percent of traffic, predicting "
            "\u201cnegative\u201d every time already scores that high. Without the base rate, "
            "precision and recall the figure says nothing.",
            "Accuracy on a class under a few percent of traffic needs base rate, precision and "
            "recall (GRADING.md).",
        ),
        Rule(
            "implausible_lift",
            RED,
            "Effect far beyond what changes like this produce",
            "{quote}: online effects of a model or ranking change are usually a few percent; "
            "a gain this large needs an explanation before anyone believes it.",
            "The best revenue idea in Bing's history raised revenue 12% (Kohavi & Thomke, "
            "HBR 2017); trees plus LR beat either alone by ~3% normalised entropy (He et al., "
            "2014).",
        ),
        Rule(
            "systems_mismatch",
            RED,
            "Figures that cannot all hold",
            "{quote}: latency, throughput and budget imply each other, and these do not fit "
            "together. An interviewer will do the arithmetic out loud.",
            "5M QPS on a $1k monthly budget is about $0.0000000001 a request (GRADING.md).",
        ),
        Rule(
            "savings_exceed_bill",
            RED,
            "Savings that do not add up",
            "{quote}: a saving larger than the bill it comes from, or cost falling steeply "
            "while the work grows, contradicts itself.",
            "Savings cannot exceed the bill they come from (GRADING.md).",
        ),
        Rule(
            "contradiction",
            RED,
            "Contradicts another part of the answer",
            "{quote}: this does not match what was said elsewhere in the same project.",
            "Numbers or roles that contradict each other across sections.",
        ),
        Rule(
            "authority_reason",
            RED,
            "Authority given as the reason",
            "{quote}: \u201cstate of the art\u201d, \u201cbest practice\u201d or \u201cthe numbers "
            "speak for themselves\u201d is not a reason; an interviewer wants the comparison "
            "you ran.",
            "A repeated claim is not evidence (Twyman's law; Kohavi et al., KDD 2014).",
        ),
        Rule(
            "sweeping_ownership",
            RED,
            "Ownership too sweeping to believe",
            "{quote}: claiming every decision, or that nothing would have happened without you, "
            "invites the question of what the others did; name the decisions that were yours.",
            "Ownership is about specific decisions (GRADING.md).",
        ),
        Rule(
            "pre_post",
            AMBER,
            "Before/after across calendar periods",
            "{quote}: a comparison of one period with another mixes your change with "
            "seasonality and everything else that moved; without a control group it is not "
            "an effect.",
            "Controlled experiments are the way to attribute an effect (Kohavi et al.).",
            cap=3,
        ),
        Rule(
            "offline_only",
            AMBER,
            "Offline gain never measured online",
            "{quote}: offline gains often shrink or vanish online; nothing here says what "
            "happened for users.",
            "Offline-online gaps are routine in ranking and recommendations.",
            cap=3,
        ),
        Rule(
            "short_test",
            AMBER,
            "A test too short to trust",
            "{quote}: a test shorter than a weekly cycle, or without an interval, cannot "
            "separate the effect from noise and novelty.",
            "Run experiments for at least a full week (Kohavi et al., KDD 2014).",
            cap=3,
        ),
        Rule(
            "no_control",
            AMBER,
            "Intervention judged without a control group",
            "{quote}: without a group that did not get the intervention, there is no telling "
            "what it changed.",
            "Incremental effect needs a counterfactual.",
            cap=3,
        ),
        Rule(
            "attributed_revenue",
            AMBER,
            "Revenue attributed, not measured",
            "{quote}: revenue counted from orders that touched a feature includes what people "
            "would have bought anyway.",
            "Attributed revenue overstates incremental revenue (cannibalisation).",
            cap=3,
        ),
        Rule(
            "logged_feedback",
            AMBER,
            "Evaluated on feedback the old system shaped",
            "{quote}: people can only click what they were shown, so logs from the old "
            "system favour the old system's choices.",
            "Exposure and position bias in logged feedback.",
        ),
        Rule(
            "random_split",
            AMBER,
            "Random split on data that moves in time",
            "{quote}: a random split lets the model see the future of the period it is tested "
            "on; an out-of-time split is the honest test.",
            "Temporal leakage in validation.",
        ),
        Rule(
            "tuned_on_eval",
            AMBER,
            "Tuned on the set it is judged on",
            "{quote}: a threshold or choice tuned on the evaluation set, or a hand-picked set, "
            "makes the reported figure optimistic.",
            "Held-out, representative evaluation.",
            cap=3,
        ),
        Rule(
            "no_baseline_metric",
            AMBER,
            "A figure with nothing to compare it to",
            "{quote}: without the previous system's figure on the same data, the number has "
            "no meaning.",
            "A number earns credit when it has a baseline (GRADING.md).",
        ),
        Rule(
            "given_budget",
            AMBER,
            "A budget taken as given",
            "{quote}: a limit that decided the design needs an origin: who set it, and what "
            "breaks above it.",
            "Budgets trace to an SLO or a measured effect on users.",
        ),
        Rule(
            "rating_as_quality",
            AMBER,
            "A rating standing in for correctness",
            "{quote}: people liking the output does not show it is right; an interviewer will "
            "ask how often it was wrong or missed something.",
            "Satisfaction is not accuracy.",
            cap=3,
        ),
        Rule(
            "unit_cost_missing",
            AMBER,
            "Paid inference with no unit cost",
            "{quote}: at this volume an interviewer expects the cost per request and the bill.",
            "Cost per 1k requests is a standard figure for serving.",
        ),
        Rule(
            "false_alarm_action",
            AMBER,
            "Acting on positives without their cost",
            "{quote}: every false positive triggers the action; its rate and its cost "
            "downstream are missing.",
            "False positives carry an operational cost.",
        ),
    )
}
FLAG_KEYS: tuple[str, ...] = tuple(RULES)

# Thresholds, with the figure each comes from (see the rules' sources).
AUC_CEILING_BEHAVIOURAL = 0.95
AUC_CEILING = 0.98
ACCURACY_CEILING = 99.0  # percent
RARE_CLASS_SHARE = 5.0  # percent of traffic
HIGH_ACCURACY = 90.0  # percent: what predicting the majority class already beats on a rare one
ONLINE_LIFT_CEILING = 25.0  # percent, for revenue, conversions, engagement
OFFLINE_LOSS_GAIN_CEILING = 10.0  # percent, log-loss or normalised entropy
RATIO_CEILING = 20.0  # "from 60 minutes to 5 seconds", "from 8 ms to 0.1 ms"
DOLLARS_PER_MILLION_FLOOR = 0.002  # cheaper per million requests than any real serving
SHORT_TEST_DAYS = 7
HIGH_VOLUME_PER_MONTH = 10_000
MILLION_SCALE_QPS = 1_000_000  # a model answering in under a millisecond at this rate


@dataclass(frozen=True)
class Passage:
    ref: object  # what the caller uses to place a flag: a turn index or a section key
    section: str
    text: str


@dataclass(frozen=True)
class Flag:
    rule: str
    severity: str
    ref: object
    section: str
    quote: str  # the candidate's words, verbatim (whole words, "…" where cut)
    reason: str

    @property
    def title(self) -> str:
        return RULES[self.rule].title

    @property
    def source(self) -> str:
        return RULES[self.rule].source

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "title": self.title,
            "section": self.section,
            "ref": self.ref,
            "quote": self.quote,
            "reason": self.reason,
            "source": self.source,
        }


@dataclass
class _Project:
    passages: list[Passage]
    claims: list[tuple[Passage, Claim]]
    heard: dict[int, str]  # passage index -> heard text, lowercased

    @cached_property
    def _whole(self) -> str:
        return "\n".join(self.heard.values())

    def text(self) -> str:
        return self._whole

    def matches(
        self, pattern: re.Pattern, sections: tuple[str, ...] = ()
    ) -> Iterator[tuple[Passage, re.Match]]:
        """Every match of `pattern` in the passages' heard text (of `sections`, if given)."""
        for i, passage in enumerate(self.passages):
            if not sections or passage.section in sections:
                for match in pattern.finditer(self.heard[i]):
                    yield passage, match

    def sections_text(self, *keys: str) -> str:
        return "\n".join(self.heard[i] for i, p in enumerate(self.passages) if p.section in keys)


def _flag(rule: str, passage: Passage, quote: str) -> Flag:
    definition = RULES[rule]
    return Flag(
        rule,
        definition.severity,
        passage.ref,
        passage.section,
        quote,
        definition.doubt.format(quote=f"\u201c{quote}\u201d"),
    )


def _wherever_said(rule: str, pattern: re.Pattern) -> Callable[[_Project], Iterator[Flag]]:
    """A check that flags every place the candidate says `pattern`, whatever else they said."""

    def check(project: _Project) -> Iterator[Flag]:
        for passage, match in project.matches(pattern):
            yield _flag_at(rule, passage, match)

    return check


def _flag_at(rule: str, passage: Passage, match: re.Match) -> Flag:
    """A flag quoting the candidate's words behind a match on the passage's heard text."""
    return _flag(rule, passage, _phrase(passage, match))


def _phrase(passage: Passage, heard_match: re.Match) -> str:
    """The candidate's words behind a match on heard text: its clause, as whole words (the
    sentence, when the clause alone says too little: "Since launch")."""
    start, end = listen(passage.text).source(*heard_match.span())
    return phrase_around(passage.text, start, end, min_words=6)


_UP_DOWN = compile_lowered(
    r"(?P<down>\b(?:fell|dropped|declined|down|cut|reduc\w*|lower\w*|decreas\w*|sav\w*|shr[au]nk)"
    r"\b|[-–−](?=\s?\d))|(?P<up>\b(?:rose|up|increas\w*|improv\w*|grew|gain\w*|lift\w*|boost\w*"
    r"|jump\w*|climb\w*|more|higher|better|went up)\b|\+(?=\s?\d))"
)


def _percent_change(claim: Claim) -> float | None:
    """The relative change a claim states, in percent (+ for up), if it states one: a pair
    of figures ("from 0.78 to 0.97"), or a share said as a change ("rose 4.1%", "+300%")."""
    values = claim.values
    if claim.change and values[0].value:
        return 100.0 * (values[1].value - values[0].value) / abs(values[0].value)
    at = claim.sentence.find(values[0].text.strip()) if values else -1
    if at < 0 or values[0].unit not in ("%", "x"):
        return None
    verb = None
    sentence = lowered(claim.sentence)
    for match in _UP_DOWN.finditer(sentence, max(0, at - 60), at + 1):
        verb = match
    if verb is None:
        after = sentence[at + len(values[0].text) : at + len(values[0].text) + 25]
        verb = (
            _UP_DOWN.match(after.strip())
            if re.match(r"\s*(?:more|fewer|less|higher|lower)\b", after, _F)
            else None
        )
    if verb is None:
        return None
    size = values[0].value if values[0].unit == "%" else 100.0 * (values[0].value - 1)
    return -size if verb.group("down") else size


_BEHAVIOURAL = compile_lowered(
    r"\b(?:churn|click|ctr|conversion|convert|purchase|buy|cancel\w*|retention|engagement"
    r"|default(?:s|ed)? (?:on|within|rate)|delinquen\w*|repay\w*|credit risk"
    r"|subscri\w+|booking|intent|propensity|next[- ]\w+ prediction|will (?:leave|return))\b"
)
_PERFECT_WORDS = compile_lowered(
    r"\b(?:100\s?%\s?(?:recall|precision|accura\w+|calibrat\w+|sensitiv\w+|specific\w*"
    r"|of (?:fraud|abuse|spam|cases))"
    r"|(?:recall|precision|accuracy) of 100\s?%|zero false [\w-]+"
    # every error of every kind gone, not a narrow class of them ("zero IBAN errors")
    r"|zero (?:errors|mistakes|issues|defects|misses|fraud)|never (?:made|makes) a (?:wrong|bad"
    r"|single) [\w-]+"
    r"|(?:false[- ]positive|error) rate of (?:exactly )?(?:zero|0\s?%)|exactly (?:1\.0|zero|0)"
    r"|never (?:wrong|misses|makes a mistake)|perfect(?:ly)? (?:accura\w+|calibrat\w+|recall)"
    r"|(?:late|wrong|missed) \w+ went to 0\s?%|no false (?:blocks|positives))\b"
)


def _near_perfect(project: _Project) -> Iterable[Flag]:
    behavioural = bool(_BEHAVIOURAL.search(project.text()))
    for passage, claim in project.claims:
        if claim.status != BUILT:
            continue
        value = claim.values[-1].value
        metric = claim.metric
        if metric in ("auc", "roc-auc", "roc auc") and value <= 1:
            ceiling = AUC_CEILING_BEHAVIOURAL if behavioural else AUC_CEILING
            if value >= ceiling:
                yield _flag("near_perfect_metric", passage, claim.phrase)
        elif (
            metric == "accuracy"
            and _accuracy_percent(claim) >= ACCURACY_CEILING
            and not _rare_class(project)
        ):
            yield _flag("near_perfect_metric", passage, claim.phrase)
    for passage, match in project.matches(_PERFECT_WORDS):
        yield _flag_at("near_perfect_metric", passage, match)


_PREVALENCE = compile_lowered(
    r"(?:\b(?:about|only|around|roughly|under|below|less than|just)\s+)?~?(\d+(?:\.\d+)?)\s?%"
    r"\s+(?:of\s+(?:all\s+)?(?:\w+\s+){0,3}?(?:are|is|were|was|reach|arrive|get|turn out|end up"
    r"|contain|have)|of\s+(?:transactions|parcels|accounts|orders|images|listings|comments"
    r"|uploads|items|posts|messages|payments|claims|traffic|users|requests|sessions)\b"
    r"|prevalence"
    r"|base rate|positive rate)"
)
_PR_METRICS = compile_lowered(
    r"\b(?:precision|recall|f1|pr[- ]auc|false[- ](?:positive|negative)s?|fpr|fnr"
    r"|base rate|prevalence|sensitivity|specificity)\b"
)


_ALLOCATION = compile_lowered(
    r"\b(?:a/?b|test|experiment|ramp\w*|roll\w*|canary|holdout|bucket|arm|exposed|shadow)\b"
)


def _rare_class(project: _Project) -> bool:
    """Does the project say the positive class is a few percent of what it scores? ("About
    1.1% of parcels arrive damaged", "fraud is under 1% of traffic"; not "a test on 5% of
    traffic", which is how much the test saw.)"""
    text = project.text()
    return any(
        float(m.group(1)) <= RARE_CLASS_SHARE
        and not _ALLOCATION.search(text, max(0, m.start() - 40), m.start())
        for m in _PREVALENCE.finditer(text)
    )


def _accuracy_percent(claim: Claim) -> float:
    """An accuracy level in percent ("99.2%", "0.992"); 0 for a change ("1 point worse")."""
    quantity = claim.values[-1]
    if quantity.unit == "%":
        return quantity.value
    if quantity.unit == "" and quantity.value <= 1:
        return quantity.value * 100
    return 0.0


def _rare_class_accuracy(project: _Project) -> Iterable[Flag]:
    if not _rare_class(project):
        return
    for passage, claim in project.claims:
        if claim.metric != "accuracy" or claim.status != BUILT:
            continue
        if _accuracy_percent(claim) < HIGH_ACCURACY:
            continue
        if _PR_METRICS.search(lowered(claim.sentence)):
            continue
        yield _flag("rare_class_accuracy", passage, claim.phrase)


# Top-line business metrics: a feature's own click-through can double, the company's revenue
# or conversion rate does not move by tens of percent from one model.
_BUSINESS = compile_lowered(
    r"\b(?:revenue|sales|gmv|conversions?|conversion rate|orders?|bookings?|purchases?"
    r"|retention|signups?|order value|aov|profit|dau|mau)\b"
)
_LOSS = compile_lowered(r"\b(?:log[- ]?loss|normali[sz]ed entropy|cross[- ]entropy)\b")
_ERROR = compile_lowered(r"\b(?:latency|p\d\d|error|mape|mae|rmse|eta|wait|delay)\b")


def _implausible_lift(project: _Project) -> Iterable[Flag]:
    for passage, claim in project.claims:
        if claim.status != BUILT:
            continue
        change = _percent_change(claim)
        if change is None:
            continue
        business = claim.type == ONLINE and _BUSINESS.search(claim.metric or lowered(claim.phrase))
        if business and change >= ONLINE_LIFT_CEILING:
            yield _flag("implausible_lift", passage, claim.phrase)
            continue
        if _LOSS.search(claim.metric) and abs(change) >= OFFLINE_LOSS_GAIN_CEILING:
            yield _flag("implausible_lift", passage, claim.phrase)
            continue
        values = claim.values
        if (
            claim.change
            and values[-1].value > 0
            and _ERROR.search(claim.metric or lowered(claim.phrase))
            and _seconds(values[0]) / max(_seconds(values[-1]), 1e-9) >= RATIO_CEILING
        ):
            yield _flag("implausible_lift", passage, claim.phrase)


_TO_SECONDS = {
    "ms": 1e-3,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hour": 3600,
    "hours": 3600,
    "day": 86400,
    "days": 86400,
}


def _seconds(quantity) -> float:
    return quantity.value * _TO_SECONDS.get(quantity.unit, 1)


_ABSOLUTE_SYSTEMS = compile_lowered(
    r"\b(?:scales? (?:infinitely|without limit)|infinite(?:ly)? scal\w+|no bottlenecks?"
    r"|zero (?:latency|cost)|100\s?% (?:uptime|availability)"
    r"|at no cost|no cost at all|costs? nothing|never (?:fails|goes down))\b"
)

# What a path not taken had going for it, before why it lost: "Keeping the old buckets cost
# nothing, but autoscaling ..." is not a claim about what was built.
_GRANTED_THEN_REJECTED = re.compile(r",?\s+but\b", _F)


def _qps(claim: Claim) -> float | None:
    for value in claim.values:
        if value.unit in ("qps", "rps", "tps") or re.search(
            r"\b(?:qps|requests? (?:a|per) second)\b", claim.phrase, _F
        ):
            return value.value
    return None


_BUDGET = compile_lowered(
    r"\b(?:under|below|at most|budget|within|no more than|less than|cap)\b[^.]{0,20}[$€£]?\d"
    r"[^.]{0,20}\b(?:a|per|/)\s?month\b"
)


_SUB_MILLISECOND = compile_lowered(r"\bsub-?millisecond|\b0?\.\d+\s?ms\b|\bunder 1\s?ms\b")


def _systems_mismatch(project: _Project) -> Iterable[Flag]:
    qps = [(p, c) for p, c in project.claims if _qps(c)]
    # A monthly serving budget: "under $1k a month", "a budget of $4,000 a month".
    budgets = [
        (p, c, v.value)
        for p, c in project.claims
        if c.type == COST
        and _BUDGET.search(lowered(c.phrase))
        and not re.search(r"\b(?:training|extra|more|rose|saved|savings)\b", c.phrase, _F)
        for v in c.values
        if v.unit == "$"
    ]
    for passage, claim in qps:
        rate = _qps(claim)
        for _, budget_claim, dollars in budgets:
            per_million = dollars / (rate * 2.6e6) * 1e6
            if per_million < DOLLARS_PER_MILLION_FLOOR:
                yield _flag("systems_mismatch", passage, f"{claim.phrase} … {budget_claim.phrase}")
    for passage, claim in qps:
        rate = _qps(claim)
        if rate >= MILLION_SCALE_QPS and _SUB_MILLISECOND.search(lowered(claim.sentence)):
            yield _flag("systems_mismatch", passage, claim.phrase)
    for passage, match in project.matches(_ABSOLUTE_SYSTEMS):
        if not _GRANTED_THEN_REJECTED.match(match.string, match.end()):
            yield _flag_at("systems_mismatch", passage, match)


_GREW = compile_lowered(
    r"\b(?:twice|double\w*|2x|3x|three times|tripl\w*)\b(?:\s+\w+){0,3}\s+(?:data|traffic"
    r"|volume|users|requests|examples|rows|models?)|\b(?:data|traffic|volume)\s+(?:doubled"
    r"|tripled|grew)"
)


_COST_WORD = compile_lowered(r"\b(?:costs?|spend(?:ing)?|bills?)\b")


_PERIOD = compile_lowered(
    r"\b(?:a|per|each|every) (month|year)\b|\b(month|year)ly\b|\b(?:annual)(?:ly)?\b"
)


def _period(claim: Claim) -> str:
    """The period a claim's amounts cover, "month" or "year", or "" when it names none."""
    found = _PERIOD.search(lowered(claim.phrase))
    return (found.group(1) or found.group(2) or "year") if found else ""


def _savings_exceed_bill(project: _Project) -> Iterable[Flag]:
    for passage, claim in project.claims:
        # "costs dropped 95% while volume tripled" is read as an online change; it is a cost.
        is_cost = claim.type == COST or _COST_WORD.search(lowered(claim.phrase))
        if claim.status != BUILT or not is_cost:
            continue
        change = _percent_change(claim)
        if change is None:
            continue
        # "the bill fell 150%": more than all of it saved.
        if change < -100 or (change <= -30 and _GREW.search(lowered(claim.sentence))):
            yield _flag("savings_exceed_bill", passage, claim.phrase)
    bills = [
        (v.value, _period(c))
        for _, c in project.claims
        if c.type == COST
        for v in c.values
        if v.unit == "$"
    ]
    for passage, claim in project.claims:
        if claim.type != COST or not re.search(r"\bsav(?:e|ed|ing|ings)\b", claim.phrase, _F):
            continue
        saved = max((v.value for v in claim.values if v.unit == "$"), default=0)
        period = _period(claim)
        # "$294,000 a year" set against "$31,000 a month": the bill over the saving's period
        scale = {("month", "year"): 12, ("year", "month"): 1 / 12}
        others = [b * scale.get((p, period), 1) for b, p in bills if b != saved]
        if (
            saved
            and others
            and saved > max(others) * 1.01
            and re.search(r"\b(?:bill|total|whole|entire)\b", project.text(), _F)
        ):
            yield _flag("savings_exceed_bill", passage, claim.phrase)


def _contradiction(project: _Project) -> Iterable[Flag]:
    teams = [
        (p, c, max(v.value for v in c.values))
        for p, c in project.claims
        if c.type == TEAM and re.search(r"\bengineers?|people|developers?\b", c.phrase, _F)
    ]
    for passage, claim, size in teams:
        for other_passage, other, other_size in teams:
            if other_passage.section != passage.section and size >= 2 * other_size >= 2:
                yield _flag("contradiction", passage, f"{claim.phrase} … {other.phrase}")
                break


_AUTHORITY = compile_lowered(
    r"\b(?:because (?:it(?:'s| is)|they(?:'re| are)|that(?:'s| is)) (?:the )?"
    r"(?:state[- ]of[- ]the[- ]art|industry standard|best practice|what everyone uses|modern)"
    r"|(?:it(?:'s| is)|was|is) (?:the )?state[- ]of[- ]the[- ]art(?:\b[^.]{0,40}\b(?:so|therefore"
    r"|of course|obviously|clearly))?"
    r"|(?:our|my|the) (?:approach|model|method|design|system) (?:is|was) (?:the )?state[- ]of"
    r"[- ]the[- ]art"
    r"|(?:every|all the|the best) (?:top |serious |big )?(?:companies|teams|\w+ teams?) (?:use|do)"
    r"|what the best \w+ (?:teams|companies) use|industry standard|best practices?"
    r"|\bspeaks? for (?:themselves|itself)|the numbers (?:prove|settle) it"
    r"|the results (?:prove|settle)\w* (?:it|that)"
    # Any result offered as its own proof: "the 85% drop proves it", "zero errors prove it works".
    r"|\bprov(?:es|ed|e) (?:it|that|this|everything|them wrong|the choice|there(?:'s| is) no"
    r"|(?:that )?(?:i|we) (?:was|were) right)"
    # ... or shown by it: "which shows the decisions were right".
    r"|\b(?:shows|showed|shown) (?:that )?(?:the|my|our) (?:decisions?|choices?|approach|call"
    r"|design|plan)s? (?:was|were) (?:right|correct)"
    r"|end of (?:story|discussion)|no (?:reason|need) to (?:even )?(?:test|compare|try)"
    r"|(?:we|I) (?:already )?knew (?:ours|it|our \w+) was better|beyond any doubt"
    r"|nobody (?:in the \w+ )?(?:questioned|complained|has ever complained))\b"
)


_SWEEPING = compile_lowered(
    r"\b(?:without me,? (?:none of (?:this|it)|nothing|this (?:project)?|the project|it)\b"
    r"[^.]{0,40}|(?:I|me) (?:alone|single-?handedly)|I (?:made|took) every"
    r"(?: \w+)? decision|I (?:did|designed|built|decided) (?:everything|it all|all of it)"
    r"|(?:designed|built|decided|owned|drove) everything"
    r"|every (?:important |key )?decision was mine"
    r"|I (?:owned|drove|ran) (?:all of it|it all)"
    r"|(?:the )?(?:\w+ )?(?:engineers|others|team|squad|everyone else) (?:mostly|just|only"
    r"|essentially) "
    r"(?:followed|helped|validated|executed|implemented)\b[^.]{0,20}"
    r"|followed my (?:design|lead|plan|direction|vision|instructions|recommendations)"
    r"|(?:the ideas|all the ideas)"
    r"[^.]{0,30}\bwere mine|it was my project|wasn't really a team effort"
    # The whole system as one person's build, or nobody else able to do it.
    r"|i personally (?:\w+ )?(?:built|designed|wrote|created|owned|did)\b[^.]{0,15}\b(?:whole"
    r"|entire)\b|(?:built|designed|wrote|created) (?:the |our |an? )?(?:whole|entire)\b[^.]{0,40}"
    r"\b(?:myself|alone|on my own|by myself)|(?:nobody|no one) else (?:in the \w+ |on the \w+ )?"
    r"(?:had|could|understood|knew|contributed)"
    r"|I was the only (?:\w+ ){1,2}(?:in|on|at) (?:the|our) \w+ (?:who|with|that)\b)"
)


# --- Evidence signals (amber) ----------------------------------------------------------

_PERIODS = compile_lowered(
    r"\b(?:in|during|for)\s+(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|q[1-4])\b.{0,80}\b(?:against|vs\.?|versus|compared (?:to|with)"
    r"|than|from)\b.{0,40}\b(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|q[1-4]|last (?:month|quarter|year))\b"
    r"|\b(?:month|week|quarter|year|weeks|months)\s+(?:before|after)\s+(?:the\s+)?(?:launch"
    r"|rollout|release)\b|\bsince (?:the )?(?:launch|rollout|we launched|release)\b"
    r"|\b(?:jump|drop|rise|fall|change)\s+(?:right\s+)?after (?:the )?launch\b"
    r"|\bcompared (?:to|with) last (?:quarter|month|year)\b"
    r"|\bthan (?:in |during )?(?:the )?(?:previous|prior|last) (?:quarter|month|year)\b"
)
_CONTROL = compile_lowered(
    r"\b(?:a/?b|ab[- ]test|control|hold-?out group|holdout of|randomi[sz]ed|treatment|arms?"
    r"|diff(?:erence)?[- ]in[- ]diff\w*|synthetic control|switchback|interleav\w+)\b"
)


# A holdout a model metric was scored on is a test split, not a control group: "AUC 0.99 on a
# random 20% holdout of subscribers".
_EVALUATION_SPLIT = compile_lowered(
    r"\b(?:auc|accuracy|precision|recall|f1|ndcg\S*|log[- ]?loss|rmse|mape|mae|random(?:ly)?"
    r"|test set|validation)\b"
)


def _has_control(text: str) -> bool:
    """Does the (lowercased, heard) text name a control group for an intervention?"""
    for match in _CONTROL.finditer(text):
        start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        end = min(
            (i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0),
            default=len(text),
        )
        if not _EVALUATION_SPLIT.search(text, start, end):
            return True
    return False


def _pre_post(project: _Project) -> Iterable[Flag]:
    text = project.text()
    if _has_control(text):
        return
    found = next(project.matches(_PERIODS, ("results", "defense", "problem")), None)
    if found:
        yield _flag_at("pre_post", *found)


_ONLINE_EVIDENCE = compile_lowered(
    r"\b(?:a/?b|ab[- ]test|online|live|in production|interleav\w+|hold-?out group"
    r"|control group|canary|shadow|pilot|staged|diff(?:erence)?[- ]in[- ]diff\w*|open rate"
    r"|click rate|ctr|users (?:clicked|saw))\b"
)


def _offline_only(project: _Project) -> Iterable[Flag]:
    results = project.sections_text("results", "defense")
    if _ONLINE_EVIDENCE.search(results):
        return
    for passage, claim in project.claims:
        if (
            passage.section == "results"
            and claim.type == OFFLINE
            and (claim.is_comparison or "offline" in claim.stated)
        ):
            yield _flag("offline_only", passage, claim.phrase)
            return


_TEST_LENGTH = compile_lowered(
    r"\b(\d+)[- ]?(day|week)s?\b[- ]?(?:long\s+)?(?:a/?b|ab|test|experiment|pilot)"
)


def _short_test(project: _Project) -> Iterable[Flag]:
    for passage, match in project.matches(_TEST_LENGTH):
        days = int(match.group(1)) * (7 if match.group(2).lower() == "week" else 1)
        if days < SHORT_TEST_DAYS:
            yield _flag_at("short_test", passage, match)
            return


_INTERVENTION = compile_lowered(
    r"\b(?:send|sent|sends|offer\w*|discount\w*|coupon\w*|outreach|campaign|nudge\w*"
    r"|notif\w+|email\w*)\b"
)
_NAIVE_OUTCOME = compile_lowered(
    r"\b(?:most|many|\d+\s?%) of (?:the )?(?:targeted|flagged|contacted|selected|treated)"
    r"[^.]{0,60}|(?:targeted|contacted) (?:users|subscribers|customers)[^.]{0,40}"
    r"(?:did|went on to|ended up)[^.]{0,30}"
    # "most of the customers we emailed opened within a day"
    r"|\b(?:most|many|\d+\s?%) of (?:the )?(?:\w+ )?(?:users|customers|subscribers|members"
    r"|people|players|drivers|patients|buyers|sellers|accounts|listeners|readers)"
    r" (?:(?:that|who) )?(?:we|were|got|received)\s+(?:\w+\s+)?(?:emailed|contacted|targeted"
    r"|messaged|notified|called|sent|offered|nudged)[^.]{0,60}"
)


def _no_control(project: _Project) -> Iterable[Flag]:
    text = project.text()
    if _has_control(text) or not _INTERVENTION.search(text):
        return
    found = next(project.matches(_NAIVE_OUTCOME), None)
    if found:
        yield _flag_at("no_control", *found)
        return


_ATTRIBUTED = compile_lowered(
    r"\b(?:generated|drove|driven|brought in|attributed|from|through|via)\s+(?:[$€£][\d.,]+\s?\w*"
    r"\s+(?:of\s+)?(?:[\w-]+\s+)?(?:revenue|sales|gmv)|(?:[\w-]+\s+){0,3}(?:revenue|sales|gmv))"
    r"|[$€£][\d.,]+\s?\w*\s+(?:of\s+)?(?:add-on\s+|attributed\s+|incremental\s+)?(?:revenue"
    r"|sales|gmv)\s+(?:from|through|via|generated|driven)"
    r"|\battribute\w* (?:the )?(?:full|whole|entire|all)"
)


def _attributed_revenue(project: _Project) -> Iterable[Flag]:
    for passage, match in project.matches(_ATTRIBUTED, ("results", "defense")):
        if not _has_control(match.string):
            yield _flag_at("attributed_revenue", passage, match)
            return


_LOGGED = compile_lowered(
    r"\b(?:on|from|using)\s+(?:[\w']+\s+){0,6}?(?:click|impression|engagement|interaction"
    r"|feedback|search|session|play|view|watch|listen\w*|purchase|order|browsing|rating)s?"
    r"\s+logs?\b|\blogged (?:clicks|impressions|feedback|interactions|plays|views)\b"
)


def _logged_feedback(project: _Project) -> Iterable[Flag]:
    text = project.text()
    if re.search(r"\b(?:propensity|position bias|exposure bias|randomi[sz]ed|ips)\b", text, _F):
        return
    found = next(project.matches(_LOGGED), None)
    if found:
        yield _flag_at("logged_feedback", *found)
        return


_RANDOM_SPLIT = compile_lowered(
    r"\brandom(?:ly)?\s+(?:\d+\s?%\s+|\d+/\d+\s+)?(?:split|holdout|hold-out"
    r"|train[- ]test split)\b|\b(?:split|held out)\s+(?:\w+\s+)?at random\b"
)
# "a random 25% sample" is a split only where a model's score is reported on it.
_RANDOM_SAMPLE = compile_lowered(r"\brandom(?:ly)?\s+(?:\d+\s?%\s+|\d+/\d+\s+)?(?:sample|subset)\b")


def _random_split(project: _Project) -> Iterable[Flag]:
    if re.search(
        r"\b(?:out-of-time|time-based|temporal|by time|later weeks|split by date)\b",
        project.text(),
        _F,
    ):
        return
    for i, passage in enumerate(project.passages):
        heard = project.heard[i]
        match = _RANDOM_SPLIT.search(heard) or next(
            (m for m in _RANDOM_SAMPLE.finditer(heard) if _scored_on(heard, m)), None
        )
        if match:
            yield _flag_at("random_split", passage, match)
            return


def _scored_on(heard: str, match: re.Match) -> bool:
    """Is a model's score reported in the sentence of the match? The match's own "random" is
    not one: a random sample kept to audit or explore with is not a test split."""
    start = heard.rfind(". ", 0, match.start()) + 1
    end = heard.find(". ", match.end())
    end = end if end >= 0 else len(heard)
    return bool(
        _EVALUATION_SPLIT.search(heard, start, match.start())
        or _EVALUATION_SPLIT.search(heard, match.end(), end)
    )


_TUNED = compile_lowered(
    r"\b(?:tuned|chose|picked|set|selected|calibrated)\b[^.]{0,40}\bon the (?:same )?(?:eval"
    r"\w*|test|validation) set\b|\b(?:assembled|hand-picked|hand picked|curated|collected)"
    r"\b[^.]{0,40}\b(?:myself|by hand|from known)\b|\bI assembled\b[^.]{0,40}"
)


def _tuned_on_eval(project: _Project) -> Iterable[Flag]:
    found = next(project.matches(_TUNED), None)
    if found:
        yield _flag_at("tuned_on_eval", *found)
        return


def _no_baseline_metric(project: _Project) -> Iterable[Flag]:
    if re.search(
        r"\b(?:baseline|previous|old|before|vs\.?|versus|compared|against|up from|down from)\b"
        r"|\bfrom\s+(?:\w+\s+){0,2}?~?[$€£]?\d",
        project.sections_text("results"),
        _F,
    ):
        return
    for passage, claim in project.claims:
        if (
            passage.section == "results"
            and claim.type == OFFLINE
            and not claim.is_comparison
            and re.search(r"\b(?:precision|recall|accuracy|f1|rating)\b", claim.metric, _F)
        ):
            yield _flag("no_baseline_metric", passage, claim.phrase)
            return


_GIVEN = compile_lowered(
    r"\b(?:the\s+)?(?:\d+(?:\.\d+)?\s?(?:ms|s|seconds?|gb|mb)\s+)?(?:latency |memory |cost )?"
    r"(?:budget|limit|sla|slo|target)\s+(?:was|is)\s+(?:non-negotiable|fixed|given|set|a hard"
    r" requirement)|\bnon-negotiable\b|\bwe were given\b[^.]{0,40}|\bhad to\s+(?:decide|run|"
    r"respond|answer|finish|complete)\s+within\s+\d"
)
_BUDGET_ORIGIN = compile_lowered(
    r"\b(?:came from|comes from|because (?:the|our) (?:upstream|client|page|app)|abandonment"
    r"|we measured|experiment (?:adding|injecting) (?:delay|latency)|derived from|traced to)\b"
)


_BUDGET_WORD = compile_lowered(r"\b(?:budget|limit|target|sla|slo|ceiling|cap)\b")


def budget_origin_said(text: str) -> bool:
    """Where a budget came from is said beside it: "the 40 ms came from the page's SLO"."""
    return any(
        _BUDGET_WORD.search(sentence) and _BUDGET_ORIGIN.search(sentence)
        for sentence in re.split(r"(?<=[.!?])\s+", text)
    )


def _given_budget(project: _Project) -> Iterable[Flag]:
    found = next(project.matches(_GIVEN), None)
    if found and not budget_origin_said(project.text()):
        yield _flag_at("given_budget", *found)


_RATING = compile_lowered(
    r"\brated\b[^.]{0,40}\b\d(?:\.\d)?\s?(?:/\s?5|out of (?:5|five|10|ten))"
    r"|\b\d(?:\.\d)?\s?(?:/\s?5|out of (?:5|five))\b"
    r"|\b(?:satisfaction|csat|thumbs[- ]up)\b[^.]{0,30}\d"
    # the share of outputs users voted up: "64% of the answers got a thumbs up"
    r"|\d\s?%[^.]{0,60}\b(?:thumbs[- ]up|upvot\w+|(?:marked|rated|voted) (?:as )?helpful)\b"
)


# What a system produced, whose rating can stand in for its correctness: "rated the summaries",
# "the suggested replies got a thumbs-up". A survey of a tool's users rates the tool, and their
# satisfaction can be the very outcome claimed.
_OUTPUT = compile_lowered(
    r"\b(?:summar(?:y|ies)|answers?|repl(?:y|ies)|responses?|suggest\w+|recommendations?"
    r"|predictions?|forecasts?|translations?|transcri(?:pts?|ptions?)|captions?|drafts?|outputs?"
    r"|generated|generations?|completions?|labels?|matches|rankings?|classifications?|chatbot|bot"
    r"|assistant|copilot|model(?:'s)?)\b"
)


def _rating_as_quality(project: _Project) -> Iterable[Flag]:
    if re.search(
        r"\b(?:error rate|missed|hallucinat\w+|factual|faithful\w*|wrong \w+ rate"
        r"|precision|recall)\b",
        project.sections_text("results"),
        _F,
    ):
        return
    for passage, match in project.matches(_RATING):
        if _OUTPUT.search(_sentence_around(match)):
            yield _flag_at("rating_as_quality", passage, match)
            return


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _sentence_around(match: re.Match) -> str:
    """The sentence of the heard text that holds a match ("4.4" ends no sentence)."""
    before = _SENTENCE_END.split(match.string[: match.start()])[-1]
    after = _SENTENCE_END.split(match.string[match.end() :])[0]
    return before + match.group(0) + after


_PAID = compile_lowered(
    r"\b(?:hosted|api|llm|gpt|claude|long-context|tokens?|inference endpoint)\b"
)
_VAGUE_COST = compile_lowered(
    r"\bcosts? (?:were|was|are|is) (?:acceptable|fine|reasonable|manageable|worth it|justified)"
    r"\b[^.]{0,30}|\b(?:acceptable|reasonable) (?:cost|price)\b"
)


def _unit_cost_missing(project: _Project) -> Iterable[Flag]:
    text = project.text()
    if not _PAID.search(text):
        return
    if any(c.type == COST for _, c in project.claims):
        return
    found = next(project.matches(_VAGUE_COST), None)
    if found:
        yield _flag_at("unit_cost_missing", *found)
        return
    for passage, claim in project.claims:
        if (
            claim.values
            and claim.values[-1].value >= HIGH_VOLUME_PER_MONTH
            and re.search(r"\b(?:a|per) (?:month|day)\b", claim.sentence, _F)
        ):
            yield _flag("unit_cost_missing", passage, claim.phrase)
            return


_ACTION = compile_lowered(
    r"\b(?:divert\w*|block(?:s|ed|ing)? (?:the |a )?(?:listing|post|comment|user|account"
    r"|payment|transaction|upload)s?|auto-?hold\w*|auto-?declin\w*|auto-?reject\w*"
    r"|(?:declined|rejected|blocked|held) automatically"
    r"|hold(?:s|ing)? (?:the |a )?(?:listing|account"
    r"|payment|order)|quarantin\w+|suspend\w*|send (?:them )?(?:a |an )?(?:discount|offer"
    r"|coupon)|pushed to the crm|page[sd]? (?:the )?on-?call|sends? a \w+ signal)\b"
)


def _false_alarm_action(project: _Project) -> Iterable[Flag]:
    text = project.text()
    if re.search(r"\b(?:false[- ]positives?|false alarms?|fpr|precision|wrongly)\b", text, _F):
        return
    found = next(project.matches(_ACTION, ("problem", "architecture")), None)
    if found:
        yield _flag_at("false_alarm_action", *found)


_CHECKS: tuple[Callable[[_Project], Iterable[Flag]], ...] = (
    _near_perfect,
    _rare_class_accuracy,
    _implausible_lift,
    _systems_mismatch,
    _savings_exceed_bill,
    _contradiction,
    _wherever_said("authority_reason", _AUTHORITY),
    _wherever_said("sweeping_ownership", _SWEEPING),
    _pre_post,
    _offline_only,
    _short_test,
    _no_control,
    _attributed_revenue,
    _logged_feedback,
    _random_split,
    _tuned_on_eval,
    _no_baseline_metric,
    _given_budget,
    _rating_as_quality,
    _unit_cost_missing,
    _false_alarm_action,
)


def find_flags(passages: Iterable[Passage]) -> list[Flag]:
    """Every flag raised on a project's passages (its sections, or an interview's turns)."""
    return list(_find_flags(tuple(passages)))


@lru_cache(maxsize=1024)
def _find_flags(passages: tuple[Passage, ...]) -> tuple[Flag, ...]:
    # Rules read lowercased heard text (the patterns are compiled for it: much faster than
    # matching without case); offsets are the heard text's, so quotes map back to what was said.
    heard = {i: lowered(listen(p.text).text) for i, p in enumerate(passages)}
    claims = [(p, c) for p in passages for c in read_claims(p.text, p.section)]
    project = _Project(list(passages), claims, heard)
    flags: list[Flag] = []
    seen: set[tuple[str, object, str]] = set()
    for check in _CHECKS:
        for flag in check(project):
            key = (flag.rule, flag.ref, flag.quote)
            if key not in seen:
                seen.add(key)
                flags.append(flag)
    return tuple(flags)


def section_flags(sections: dict[str, str]) -> list[Flag]:
    """The flags of a project record: one passage per section, each flag's ref its section."""
    return find_flags(Passage(key, key, text or "") for key, text in sections.items())
