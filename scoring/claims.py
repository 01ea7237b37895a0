"""The claim reader: what a candidate asserted, as whole phrases with a type and a status.

One reader serves the readiness check, the challenge engine and the graders. It reads the text
as a listener hears it (`scoring.listener`), finds every figure, and turns each into a claim:

- the whole phrase it belongs to, verbatim from the candidate ("p95 from 92 ms to 74 ms",
  "a 45-minute batch window"), cut at word boundaries with "…" when the clause runs long;
- its type: an offline comparison, an online experiment, a constraint or SLO, a scale or
  context fact, a cost, an incident or count, a team or role;
- its status: built, negated ("GPUs were not approved"), planned, or hindsight ("in hindsight
  I would have used a bandit"), so that nobody is asked about a thing they never built;
- what it already states (a control, a duration, an interval, a baseline, a method, a sample),
  so that a question never asks for what the text already says.

Pure Python, no Django. `status_at` also tells the engine whether a named technique was built.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from scoring.listener import Heard, listen
from scoring.patterns import compile_lowered, lowered

OFFLINE = "offline"
ONLINE = "online"
CONSTRAINT = "constraint"
CONTEXT = "context"
COST = "cost"
COUNT = "count"
TEAM = "team"
CLAIM_TYPES: dict[str, str] = {
    OFFLINE: "Offline comparison",
    ONLINE: "Online result",
    CONSTRAINT: "Constraint or SLO",
    CONTEXT: "Scale or context",
    COST: "Cost",
    COUNT: "Incident or count",
    TEAM: "Team or role",
}

BUILT = "built"
NEGATED = "negated"
PLANNED = "planned"
HINDSIGHT = "hindsight"
STATUSES = (BUILT, NEGATED, PLANNED, HINDSIGHT)

# Facets a claim can state about itself.
FACETS = ("control", "duration", "interval", "baseline", "method", "sample", "online", "offline")

_F = re.IGNORECASE
_NUMBER = r"[-+–−~≈]?\s?[$€£]?\d+(?:[.,]\d+)*"
_SUFFIX = r"(?:\s?(?:k|m|bn|b)(?![a-z]))?"
_UNIT_WORD = r"(?:\s?-?\s?(?P<unit>%|pp\b|x\b|×|[a-zA-Z/@][\w/@-]*))?"
_QUANTITY = compile_lowered(
    rf"(?<![\w.@/])(?P<number>\d{{1,2}}:\d\d(?:\s?[ap]m)?|{_NUMBER}{_SUFFIX}){_UNIT_WORD}"
)
# Figures that describe how a claim was measured rather than claim anything themselves: a
# test's length, the share of traffic in it, its interval, a "top 5%" qualifier.
_FACET_FIGURE_AFTER = compile_lowered(
    r"\s?(?:-\s?)?(?:(?:long|day|week|month)\s+)?(?:a/?b|ab\b|tests?|experiments?|pilots?|trials?"
    r"|holdouts?|canar(?:y|ies)|runs?|windows? of|splits?|samples?|interleav\w*|shadow|intervals?"
    r"|of "
    r"(?:traffic|users|auction|requests|sessions|queries|subscribers|sellers|advertisers|the "
    r"traffic)|(?:confidence|ci\b)|significance"
    # an arm's share, however its population is named: "50% of eligible subscribers were
    # targeted by the new model", "10% of flagged accounts were held out"
    r"|of (?:[\w-]+ ){1,3}?(?:were|was) (?:targeted|assigned|randomi[sz]ed|exposed|held out"
    r"|treated|bucketed|enrolled|put in))"
)
_FACET_FIGURE_BEFORE = compile_lowered(
    r"(?:\b(?:top|bottom|interval of|ci of|between|p\s?[<=≤]|n\s?=|per)|±|\+/-)[\s-]*~?\s*$"
)
# "for 4 weeks", "over 3 days": how long something ran, not a claim (but "for 4 engineers" is).
_DURATION_BEFORE = compile_lowered(r"\b(?:for|over|during|across|after|in the first)\s*~?\s*$")
# A named metric right before a bare value: "AUC 0.99", "precision of 0.93", "p99 6 ms".
_METRIC_NAMES = (
    r"p\d{2,3}|auc|roc[- ]auc|pr[- ]auc|f1|ndcg(?:@\d+)?|map(?:@\d+)?|mrr|recall(?:@\d+)?"
    r"|precision(?:@\d+)?|accuracy|rmse|mape|wmape|wape|mase|mae|smape|fpr|fnr|ctr|cvr|log[- ]?loss"
    r"|normali[sz]ed entropy|calibration|bleu|rouge|win rate|hit rate|error rate|uptime"
    r"|availability|latency|throughput|qps|cost|spend|bill|revenue|gmv|aov|order value"
    r"|conversions?|conversion rate|retention|churn|watch[- ]?time|engagement|opt[- ]?outs?"
    r"|complaints?|appeals?|refunds?|incidents?|outages?|queue time|wait(?:ing)? time"
    r"|abandonment|open rate|click rate|click-through|applications?|bookings?|orders?"
    r"|memory|storage|gpu hours|prevalence|false positives?|false negatives?|recall"
    r"|mttr|cycle time|iteration cycle|rating|nps|csat|eta error|error"
)
_METRIC = compile_lowered(rf"\b(?:{_METRIC_NAMES})\b")
_METRIC_AFTER = compile_lowered(rf"\s*(?:{_METRIC_NAMES})\b")
_OFFLINE_METRICS = compile_lowered(
    r"\b(?:auc|roc|pr[- ]auc|f1|ndcg|map|mrr|recall|precision|accuracy|rmse|mape|wmape|wape"
    r"|mase|mae"
    r"|smape|log[- ]?loss|normali[sz]ed entropy|bleu|rouge|win rate|calibration|perplexity)\b"
)
_ONLINE_METRICS = compile_lowered(
    r"\b(?:revenue|gmv|aov|order value|conversions?|retention|churn|watch[- ]?time|engagement"
    r"|opt[- ]?outs?|complaints?|appeals?|refunds?|ctr|click rate|open rate|click-through"
    r"|applications?|bookings?|orders?|sessions?|queue time|wait(?:ing)? time|abandonment"
    r"|spend|sales|dau|mau|signups?|purchases?|installs?|subscri\w+|cancel\w*|reports?)\b"
)
_SYSTEM_METRICS = compile_lowered(
    r"\b(?:p\d{2,3}|latency|throughput|qps|rps|error rate|uptime|availability|memory|cpu|gpu"
    r"|storage|mttr|ms|milliseconds?)\b"
)
_PEOPLE = compile_lowered(
    r"^(?:engineers?|people|developers?|devs?|scientists?|teams?|analysts?|designers?"
    r"|researchers?|reports|pms?|product managers?|orgs?|organi[sz]ations|squads?|lawyers?"
    r"|annotators?|labell?ers?|reviewers?|moderators?|contractors?)$"
)
_COUNTED = compile_lowered(
    r"^(?:incidents?|outages?|pages|bugs?|tickets?|complaints?|appeals?|escalations?|sev\w*"
    r"|postmortems?|rollbacks?|alerts?)$"
)
_TIME_UNITS = compile_lowered(
    r"^(?:ms|milliseconds?|µs|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?"
    r"|months?|quarters?|years?|nights?)$"
)
_MONEY = compile_lowered(r"[$€£]|\b(?:usd|eur|dollars?|cents?|euros?|pounds?|bucks)\b")
_SCALED = compile_lowered(r"\d\s?(?:k|m|bn)\b|\b(?:thousand|million|billion)\b")
_COST_WORDS = compile_lowered(
    r"\b(?:cost|costs|costing|spend|spending|bill|budget|price|pricing|saving|savings|saved"
    r"|save|expensive|cheaper|compute|opex|capex|per (?:1k|1,000|thousand|million))\b"
)
_COST_AS_VERB = compile_lowered(
    r"\bcost(?:s|ing)?(?: us| them| me)?(?: about| roughly| around| nearly| only)? ~?\d"
)
_BOUND = compile_lowered(
    r"(?:[≤<≥>]=?|\b(?:under|below|within|at most|at least|no more than|less than|fewer than"
    r"|max(?:imum)?|cap(?:ped)?|limit(?:ed)?|budget|sl[ao]|target|ceiling|up to|not exceed"
    r"|had to|have to|has to|must|needed to|needs? to|required?|requirement|by|before"
    r"|deadline|guarantee\w*|keep (?:it )?(?:under|below)|stay (?:under|below))\b)"
)
_COMPARISON = compile_lowered(
    r"\b(?:from\b.{1,40}?\bto|vs\.?|versus|compared (?:to|with)|against|relative to|than"
    r"|up from|down from|(?:cut(?!-?over)|reduc\w*|lower\w*|decreas\w*|dropp\w*|fell|fall\w*"
    r"|increas\w*|improv\w*|rais\w*|rose|grew|grow\w*|boost\w*|lift\w*|gain\w*|sav\w*|shr[au]nk|went"
    r"|jumped|climbed|declined|beat|beats|lost|loses|trailed|better|worse|faster|slower"
    r"|cheaper|higher|lower|fewer|more|less|halved|doubled|tripled))\b|→|->|[+–−]\s?\d"
)
_ONLINE_CONTEXT = compile_lowered(
    r"\b(?:a/?b(?:[- ]?tests?)?|ab[- ]tests?|online|live|in production|production traffic"
    r"|experiment\w*|hold-?outs? (?:group|of users|bucket)|control(?: group| arm| bucket)?"
    r"|randomi[sz]ed|treatment|interleav\w+|canary|rolled out|rollout|launch\w*|after launch"
    r"|pilot|users?|traffic|since launch|in the month after)\b"
)
_OFFLINE_CONTEXT = compile_lowered(
    r"\b(?:offline|backtest\w*|replay|eval(?:uation)?(?: set)?|test set|held[- ]out(?: set)?"
    r"|validation|cross[- ]validat\w+|benchmark\w*|on (?:last|the) \w+'s? (?:click )?logs"
    r"|logged|labelled set|labeled set|golden set)\b"
)
_FACET_PATTERNS: dict[str, re.Pattern] = {
    "control": re.compile(
        r"\b(?:control|hold-?out|a/?b|ab[- ]test|randomi[sz]ed|treatment|both arms|arms?"
        r"|interleav\w+|split by|bucket\w*|counterfactual|diff(?:erence)?[- ]in[- ]diff\w*)\b",
        _F,
    ),
    "duration": re.compile(
        r"\b\d+(?:[.,]\d+)?[- ]?(?:days?|weeks?|months?|quarters?)\b(?:[- ]long)?"
        r"|\bfor (?:a|one|two|three|four|six) (?:days?|weeks?|months?)\b"
        r"|\b(?:a|one|two|three|four|six)[- ](?:day|week|month)\b",
        _F,
    ),
    "interval": re.compile(
        r"\b(?:confidence interval|\d+\s?% ci|ci\b|p\s*[<=≤]\s*0?\.\d+|p[- ]?values?"
        r"|statistically significant|significant at|not significant|standard error|±|\+/-"
        r"|error bars?|interval)\b|±",
        _F,
    ),
    "baseline": re.compile(
        r"\b(?:from\b.{1,40}?\bto|vs\.?|versus|compared (?:to|with)|against|relative to"
        r"|baseline|up from|down from|than (?:the )?(?:old|previous|prior|baseline|control"
        r"|legacy|before))\b|→|->",
        _F,
    ),
    "method": re.compile(
        r"\b(?:a/?b(?:[- ]?tests?)?|ab[- ]tests?|hold-?outs?|backtest\w*|interleav\w+|shadow"
        r"|canary|offline eval\w*|benchmark\w*|load[- ]test\w*|survey\w*|audit\w*|replay"
        r"|cuped|diff(?:erence)?[- ]in[- ]diff\w*|blind[- ]?(?:label\w*|review\w*)"
        r"|measured|randomi[sz]ed|time[- ]tracking)\b",
        _F,
    ),
    "sample": re.compile(
        r"\b(?:n\s?=\s?\d[\d,]*|\d+(?:[.,]\d+)?\s?% of (?:traffic|users|auction|requests|sessions)"
        r"|on [\d,.]+k? (?:\w+ )?(?:images|prompts|users|pairs|examples|samples|queries|sessions"
        r"|comments|items|advertisers|stores|zones|contracts|lawyers)|sample of [\d,.]+k?)\b",
        _F,
    ),
    "online": _ONLINE_CONTEXT,
    "offline": _OFFLINE_CONTEXT,
}
_HINDSIGHT_MARK = compile_lowered(
    r"\b(?:in hindsight|looking back|in retrospect|next time|if I (?:did|were to do|had to do"
    r"|could do|started) (?:it|this|that)? ?(?:again|over)|(?:I|we)(?:'d| would)(?: have)?"
    r"|should have|could have|would have|wish(?:ed)? (?:I|we)|next iteration|I'd now"
    r"|if I were starting over|the lesson)\b"
)
_PLANNED_MARK = compile_lowered(
    r"\b(?:plan(?:ned|ning)? to|will|going to|next quarter|next year|on the roadmap|roadmap"
    r"|want(?:ed)? to|hope to|intend\w* to|considering|thinking about|future work|later this"
    r"|eventually)\b"
)
_NEGATION_MARK = compile_lowered(
    r"\b(?:not|never|no|n't|without|weren't|wasn't|didn't|don't|couldn't|instead of"
    r"|rather than|ruled out|rejected|dropped|abandoned|decided against)\b|n't\b"
)
_CLAUSE_BREAK = re.compile(r"[;:()\n]|,\s|\s[—–-]\s|\.(?=\s|$)|[!?](?=\s|$)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+|;\s")
_MAX_PHRASE_WORDS = 22
# A phrase cut out of a long clause neither starts nor ends on one of these: "…against the".
_DANGLING = frozenset(
    re.findall(
        r"\w+",
        "a an the of to in on at for with by from and or but as than against over under into "
        "per via that which who whose while when where so its their our my his her this these",
    )
)
_RANGE_LEAD = compile_lowered(r"\b(?:between|interval|range|ranged|ranging|ci|confidence)\b|±")
_INTERVAL_WORDS = compile_lowered(r"\b(?:interval|ci|confidence|margin of error)\b|±|\+/-")
# How two figures of one claim are joined: "92 → 74 ms", "from 0.78 to 0.97", "$48.20 against
# $43.10", "3.8% and 4.4%" (a range).
_JOINED = compile_lowered(r"\s*(?:to|→|->|=>|and|-|–)\s*(?:~\s?)?")
_AGAINST = compile_lowered(
    r"[\s,]*(?:\w+\s+){0,3}?(?:vs\.?|versus|against|compared (?:to|with)|than|from|down from"
    r"|up from|over)\s+(?:\w+\s+){0,2}?(?:~\s?)?"
)

# Where it started, after a comma: "rose to 780, up from 610", "rated 4.2 out of 5, up from
# 2.9", "opens in 1.9 seconds at p90, down from 4.4 seconds".
_STARTED_FROM = compile_lowered(r"(?:\s+[\w.-]+){0,3},\s*(?:up|down) from\s+(?:~\s?)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # "%", "pp", "x", "$", "ms", "s", a counted noun, or ""
    text: str  # as heard: "74 ms", "$1,900", "0.99"


@dataclass(frozen=True, slots=True)
class Claim:
    type: str
    status: str
    phrase: str  # verbatim from the text, whole words, "…" where cut
    start: int  # in the text as written or said
    end: int
    metric: str  # what it measures, lowercased ("p95", "auc", "revenue"), or ""
    values: tuple[Quantity, ...]
    stated: frozenset[str]
    sentence: str  # the heard sentence it sits in, for rules that read around it
    change: bool = False  # its first two figures are a before and an after ("from 92 to 74 ms")

    @property
    def type_label(self) -> str:
        return CLAIM_TYPES[self.type]

    @property
    def is_comparison(self) -> bool:
        return self.change or "baseline" in self.stated

    @property
    def as_built(self) -> bool:
        return self.status == BUILT


def _same_unit(values: tuple[Quantity, ...]) -> bool:
    return len({v.unit for v in values}) == 1


_CLOCK = re.compile(r"(\d{1,2}):(\d\d)(?:\s?([ap])m)?", _F)
_NOT_DIGITS = re.compile(r"[\s$€£~≈+]")
_THOUSANDS = re.compile(r",\d{3}(?!\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _value(number: str) -> float | None:
    clock = _CLOCK.fullmatch(number.strip())
    if clock:  # a time of day, in hours: "by 05:00"
        hours = int(clock.group(1)) % 12 if clock.group(3) else int(clock.group(1))
        return (
            hours + (12 if (clock.group(3) or "").lower() == "p" else 0) + int(clock.group(2)) / 60
        )
    cleaned = _NOT_DIGITS.sub("", number).replace("–", "-").replace("−", "-")
    scale = 1.0
    lowered = cleaned.lower()
    for suffix, size in (("bn", 1e9), ("b", 1e9), ("m", 1e6), ("k", 1e3)):
        if lowered.endswith(suffix):
            cleaned, scale = cleaned[: -len(suffix)], size
            break
    cleaned = cleaned.replace(",", "") if _THOUSANDS.search(cleaned) else cleaned
    try:
        return float(cleaned.replace(",", ".")) * scale
    except ValueError:
        return None


def _unit(raw: str | None, number: str) -> str:
    if any(c in number for c in "$€£"):
        return "$"
    if not raw:
        return ""
    unit = raw.lower().strip("-")
    if unit in ("%", "percent"):
        return "%"
    if unit in ("×", "times"):
        return "x"
    if unit in ("milliseconds", "millisecond", "msec"):
        return "ms"
    if unit in ("dollars", "dollar", "usd", "bucks"):
        return "$"
    return unit


_NOT_UNITS = compile_lowered(
    r"^(?:and|or|to|of|in|on|at|a|an|the|for|with|by|from|than|vs|is|was|were|are|it|that"
    r"|this|per|each|every|which|who|so|but|when|while|after|before|over|under|into|as"
    r"|against|across|versus|within|above|below|higher|lower|more|less|better|worse|faster"
    r"|slower|cheaper|off|up|down|out|then|since|because|if|we|i|they|our|my|on|all|only"
    r"|about|around|roughly|nearly|almost|just|still|both|either|neither|instead|through)$"
)


def _quantities(text: str, spoken: str) -> list[tuple[int, int, Quantity]]:
    """Every figure in heard text that claims something: (start, end, quantity). `text` is
    the heard text lowercased (what the patterns read), `spoken` as heard (what is shown)."""
    found = []
    facet_end = -1
    for m in _QUANTITY.finditer(text):
        number = m.group("number")
        value = _value(number)
        if value is None:
            continue
        raw_unit = m.group("unit")
        end = m.end()
        if raw_unit and _NOT_UNITS.match(raw_unit):
            raw_unit, end = None, m.end("number")
        # A year is not a claim.
        if raw_unit is None and _YEAR.fullmatch(number.strip()):
            continue
        unit = "time" if ":" in number else _unit(raw_unit, number)
        before = text[max(0, m.start() - 16) : m.start()]
        if (
            _FACET_FIGURE_AFTER.match(text, end)
            or _FACET_FIGURE_BEFORE.search(before)
            or (_TIME_UNITS.match(unit) and _DURATION_BEFORE.search(before))
            # the far end of a range whose near end was a facet: "interval of 2.6% to 5.6%"
            or re.fullmatch(
                r"\s*(?:to|and|-|–)\s*", text[facet_end : m.start()] if facet_end >= 0 else "x"
            )
        ):
            # "the 2.9% to 6.7% interval": the near end of the range goes with it
            if found and _JOINED.fullmatch(text[found[-1][1] : m.start()]):
                found.pop()
            facet_end = end
            continue
        found.append((m.start(), end, Quantity(value, unit, spoken[m.start() : end])))
    return found


@lru_cache(maxsize=1024)
def _breaks(pattern: re.Pattern, text: str) -> tuple[list[int], list[int]]:
    """Where each break of `pattern` starts and ends in `text`, found once per text."""
    spans = [m.span() for m in pattern.finditer(text)]
    return [start for start, _ in spans], [end for _, end in spans]


def _bounds(pattern: re.Pattern, text: str, start: int, end: int) -> tuple[int, int]:
    starts, ends = _breaks(pattern, text)
    before = bisect_right(ends, start) - 1
    left = ends[before] if before >= 0 and starts[before] < start else 0
    after = bisect_left(starts, end)
    right = starts[after] if after < len(starts) else len(text)
    return left, right


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(_CLAUSE_BREAK, text, start, end)


def _sentence_bounds(text: str, start: int) -> tuple[int, int]:
    return _bounds(_SENTENCE_BREAK, text, start, start)


def _metric_near(text: str, left: int, start: int, end: int, right: int) -> str:
    """The metric a figure measures: named right after it ("18 ms p95"), else the nearest
    before it in its clause ("p95 latency went from 92 to 74 ms"), else a little after."""
    adjacent = _METRIC_AFTER.match(text, end, right)
    if adjacent:
        return adjacent.group(0).strip().lower()
    # "AUC of 0.99", "p95 was 74 ms": the metric just before the figure governs it...
    near = list(_METRIC.finditer(text, max(left, start - 40), start))
    if near:
        return near[-1].group(0).lower()
    # ...otherwise the clause's subject: "conversions at equal spend rose 4.1%".
    before = _METRIC.search(text, left, start)
    if before:
        return before.group(0).lower()
    after = _METRIC.search(text, end, min(right, end + 25))
    return after.group(0).lower() if after else ""


def _status(sentence_before: str, clause: str) -> str:
    if _HINDSIGHT_MARK.search(sentence_before) or _HINDSIGHT_MARK.search(clause):
        return HINDSIGHT
    if _PLANNED_MARK.search(clause):
        return PLANNED
    return BUILT


_NOT_AFTER = compile_lowered(r"\s*(?:was|were|is|are) (?:not|never)\b")


def status_at(text: str, start: int, end: int) -> str:
    """Whether the thing named at [start, end) of `text` was built, or only negated, planned
    or wished for in hindsight: "GPUs were not approved", "in hindsight I'd use a bandit"."""
    text = lowered(text)
    sentence_start, sentence_end = _sentence_bounds(text, start)
    before = text[sentence_start:start]
    after = text[end:sentence_end]
    if _HINDSIGHT_MARK.search(before):
        return HINDSIGHT
    if _PLANNED_MARK.search(before[-60:]):
        return PLANNED
    clause_start, clause_end = _clause_bounds(text, start, end)
    near = text[max(clause_start, start - 40) : start] + " " + text[end : min(clause_end, end + 40)]
    if _NEGATION_MARK.search(near) or _NOT_AFTER.match(after):
        return NEGATED
    return BUILT


_LIMIT_TALK = compile_lowered(
    r"\b(?:constraints?|limits?|requirements?|had to|have to|has to|must|needed to|need to"
    r"|required|budget|sl[ao]s?|deadline|non-negotiable"
    # a limit said as what must not happen: "without raising the error rate above 5%"
    r"|without (?:raising|increasing|pushing|letting|exceeding|going|adding|losing))\b"
)
_THROUGHPUT = compile_lowered(
    r"^(?:qps|rps|tps|req(?:uest)?s?/s(?:ec)?|requests?|events?|messages?|queries)$"
    r"|/(?:s|sec|second|day|hour|min)$"
)
_PER_TIME = compile_lowered(
    r"^\s*(?:a|an|per|each|every|/)\s*(?:second|sec|minute|hour|day|night|week|month)\b"
)
_REVENUE = compile_lowered(r"\b(?:revenue|sales|gmv|order value|aov|profit|margin|income)\b")
# What customers spend is their behaviour, measured like revenue, not the project's bill:
# "spend per shopper", "the variance of spend", "buyers' spend"; "our spend per customer" is
# still what the project pays.
_CUSTOMER_SPEND = compile_lowered(
    r"(?<!our )\bspend(?:ing)? (?:per|of each|of every|by) (?:\w+ )?(?:shoppers?|users?|customers?"
    r"|buyers?|members?|visitors?|players?|subscribers?|guests?|households?|riders?|diners?)\b"
    r"|\b(?:shopper|user|customer|buyer|member|visitor|player|subscriber|guest|household|rider"
    r"|diner)s?'?s? spend|\b(?:variance|distribution|spread|dispersion) (?:of|in) (?:\w+ )?spend"
)


_ONLINE_WORD = compile_lowered(r"\bonline\b")
_OFFLINE_WORD = compile_lowered(r"\boffline\b")
_ONLINE_EVIDENCE = compile_lowered(r"\b(?:online|a/?b|live|in production)\b")


def _type(
    section: str,
    sentence: str,
    clause: str,
    before: str,
    after: str,
    metric: str,
    values: list[Quantity],
) -> str:
    units = {v.unit for v in values}
    nouns = [u for u in units if u and u not in ("%", "pp", "x", "$")]
    if any(_PEOPLE.match(n) for n in nouns):
        return TEAM
    comparison = bool(_COMPARISON.search(clause))
    # "cost us four hundred ten K a year": a bare amount in thousands or millions beside a
    # cost word is money, said without its currency.
    bare_amount = any(
        v.unit in ("", "thousand", "million", "billion") and _SCALED.search(v.text) for v in values
    )
    money = (
        "$" in units
        or bool(_MONEY.search(clause))
        or (bare_amount and bool(_COST_WORDS.search(clause)))
    )
    # "cost four points of recall", "cost us 25 ms": a price paid in something other than money.
    paid_otherwise = (
        not money and units.isdisjoint({"%", "x"}) and bool(_COST_AS_VERB.search(clause))
    )
    earned = _REVENUE.search(clause) or _CUSTOMER_SPEND.search(clause)
    if (money or _COST_WORDS.search(metric)) and not earned and not paid_otherwise:
        return COST
    if any(_COUNTED.match(n) for n in nouns) and "%" not in units:
        return COUNT
    rate = any(_THROUGHPUT.search(n) for n in nouns) or bool(_PER_TIME.match(after))
    if _BOUND.search(before[-30:]) and not comparison:
        return CONSTRAINT
    if section == "problem" and (_LIMIT_TALK.search(sentence) or rate):
        return CONSTRAINT
    # "offline" elsewhere in the sentence does not make a revenue lift in this clause offline
    online_here = bool(_ONLINE_METRICS.search(metric)) and not _OFFLINE_CONTEXT.search(clause)
    if _OFFLINE_CONTEXT.search(sentence) and not _ONLINE_WORD.search(clause) and not online_here:
        return OFFLINE
    if _ONLINE_EVIDENCE.search(sentence) and not _OFFLINE_WORD.search(clause):
        return ONLINE
    if _OFFLINE_METRICS.search(metric):
        return OFFLINE
    if comparison and (_ONLINE_METRICS.search(metric) or money or _ONLINE_CONTEXT.search(sentence)):
        return ONLINE
    if section in ("results", "defense") and (metric or comparison):
        return ONLINE
    return CONTEXT


def _phrase(said: str, start: int, end: int) -> str:
    """The words said at [start, end), widened to whole words, with "…" where a clause was cut."""
    while start > 0 and said[start - 1].isalnum():
        start -= 1
    while end < len(said) and said[end].isalnum():
        end += 1
    return said[start:end].strip(" ,;:")


def _window(text: str, left: int, start: int, end: int, right: int) -> tuple[int, int]:
    """The clause [left, right), or whole words around [start, end) if the clause is long:
    what a figure measures is usually named just before it."""
    words = [m.span() for m in re.finditer(r"\S+", text[left:right])]
    if len(words) <= _MAX_PHRASE_WORDS:
        return left, right
    first = next(i for i, (_, w_end) in enumerate(words) if left + w_end > start)
    last = max(i for i, (w_start, _) in enumerate(words) if left + w_start < end)
    lo = max(0, first - 7)
    hi = min(len(words) - 1, max(last + 4, lo + _MAX_PHRASE_WORDS - 1))

    def word(i: int) -> str:
        return text[left + words[i][0] : left + words[i][1]].lower().strip(",;:")

    # A figure at the cut keeps what it counts ("with 25" -> "with 25 lawyers"); then no
    # function word is left hanging at either end.
    if hi < len(words) - 1 and word(hi)[:1].isdigit():
        hi += 1
    while hi > last and word(hi) in _DANGLING:
        hi -= 1
    while lo < first and word(lo) in _DANGLING:
        lo += 1
    return left + words[lo][0], left + words[hi][1]


def _cut(said: str, left: int, right: int, clause_left: int, clause_right: int) -> str:
    phrase = _phrase(said, left, right)
    if left > clause_left and said[clause_left:left].strip():
        phrase = "…" + phrase
    if right < clause_right and said[right:clause_right].strip(" .,;"):
        phrase = phrase + "…"
    return phrase


@lru_cache(maxsize=4096)
def _facets(sentence: str) -> frozenset[str]:
    """What a sentence states about the claims in it: a control, a duration, an interval…"""
    return frozenset(
        facet for facet, pattern in _FACET_PATTERNS.items() if pattern.search(sentence)
    )


def phrase_around(text: str, start: int, end: int, *, min_words: int = 0) -> str:
    """The clause of `text` around [start, end), as whole words, with "…" where it was cut;
    its sentence when the clause has fewer than `min_words` words."""
    left, right = _clause_bounds(text, start, end)
    if len(text[left:right].split()) < min_words:
        left, right = _sentence_bounds(text, start)
        right = max(right, end)
    lo, hi = _window(text, left, start, end, right)
    return _cut(text, lo, hi, left, right)


# A span of the calendar ("a seven-day window", "6 weeks"): how long, not what was measured.
CALENDAR_UNIT = compile_lowered(r"\b(?:days?|weeks?|months?|quarters?|years?)$")
_MEASURE_UNITS = frozenset({"%", "pp", "x", "$", "ms", "s", "qps", "gb", "mb", "points", "point"})


def measures_something(claim: Claim) -> bool:
    """A figure that measures rather than names: "212 flagged invoices", not "a seven-day
    window", not "the two". What counts as evidence, for the pushback judge and the gaps."""
    if all(CALENDAR_UNIT.search(lowered(v.unit or "-")) for v in claim.values):
        return False
    small_count = all(v.value < 10 and v.unit not in _MEASURE_UNITS for v in claim.values)
    return not (claim.type == CONTEXT and not claim.metric and small_count)


@lru_cache(maxsize=4096)
def read_claims(text: str, section: str = "") -> tuple[Claim, ...]:
    """Every claim in one text, in reading order. `section` sharpens the typing ("400k QPS"
    in Problem is a constraint; "p99 6 ms" in Results is an outcome)."""
    heard = listen(text or "")
    spoken = heard.text
    low = lowered(spoken)  # the patterns are compiled for lowercased text (much faster)
    claims: list[Claim] = []
    quantities = _quantities(low, spoken)
    used: set[int] = set()
    for n, (start, end, quantity) in enumerate(quantities):
        if n in used:
            continue
        left, right = _clause_bounds(low, start, end)
        # Figures in one clause with the same unit, or joined by "to"/"→", are one claim:
        # "from 92 ms to 74 ms", "61% → 74%".
        group = [(start, end, quantity)]
        for m in range(n + 1, len(quantities)):
            if m in used:
                continue
            other_start, other_end, other = quantities[m]
            between = low[group[-1][1] : other_start]
            started_from = other.unit in (quantity.unit, "") and _STARTED_FROM.fullmatch(between)
            if other_start >= right and not started_from:
                break
            if (
                _JOINED.fullmatch(between)
                or started_from
                or (other.unit == quantity.unit and _AGAINST.fullmatch(between))
            ):
                group.append(quantities[m])
                used.add(m)
                right = max(right, _clause_bounds(low, other_start, other_end)[1])
        first, last = group[0][0], group[-1][1]
        sentence_left, sentence_right = _sentence_bounds(low, first)
        sentence = low[sentence_left:sentence_right]
        clause = low[left:right]
        before = low[sentence_left:first]
        metric = _metric_near(low, left, first, last, right)
        values = [q for _, _, q in group]
        kind = _type(section, sentence, clause, before, low[last:right], metric, values)
        lead = low[left:first]
        joiner = low[group[0][1] : group[1][0]] if len(group) > 1 else ""
        is_range = (
            len(group) > 1
            and not _STARTED_FROM.fullmatch(joiner)
            and bool(_RANGE_LEAD.search(lead) or re.fullmatch(r"\s*and\s*", joiner))
        )
        if is_range and _INTERVAL_WORDS.search(clause):
            continue  # "a 95% interval of +2.6% to +3.8%" says how sure, not what moved
        change = len(group) > 1 and not is_range and _same_unit(tuple(values[:2]))
        stated = _facets(sentence)
        if change:
            stated |= {"baseline"}
        phrase, said_left, said_right = _placed(heard, left, first, last, right)
        claims.append(
            Claim(
                type=kind,
                status=_status(before, clause),
                phrase=phrase,
                start=said_left,
                end=said_right,
                metric=metric,
                values=tuple(values),
                stated=stated,
                change=change,
                sentence=spoken[sentence_left:sentence_right],
            )
        )
    return tuple(claims)


def _placed(heard: Heard, left: int, start: int, end: int, right: int) -> tuple[str, int, int]:
    """The phrase the candidate said for the heard span [start, end) of clause [left, right),
    and where it sits in what they said."""
    said_left, said_right = _said(heard, *_window(heard.text, left, start, end, right))
    clause_left, clause_right = _said(heard, left, right)
    return (
        _cut(heard.said, said_left, said_right, clause_left, clause_right),
        said_left,
        said_right,
    )


def _said(heard: Heard, start: int, end: int) -> tuple[int, int]:
    if start >= end:
        return heard.source(start, start + 1)
    return heard.source(start, end)


def read_sections(sections: dict[str, str]) -> dict[str, tuple[Claim, ...]]:
    """The claims of each section of a project, by section key."""
    return {key: read_claims(text or "", key) for key, text in sections.items()}


@lru_cache(maxsize=4096)
def stated_facets(text: str) -> frozenset[str]:
    """What a whole text states about its claims (a control, a duration, an interval…), as
    heard: what a question about that text must not ask for again."""
    return _facets(lowered(listen(text or "").text))


# An outcome said to have moved: "complaints dropped", "duplicates went down a lot".
_OUTCOME_VERB = compile_lowered(
    r"\b(?:dropped|fell|rose|went (?:up|down|away)|increased|decreased|improved|reduced"
    r"|declined|grew|doubled|halved|tripled|jumped|shrank|plummeted|soared|disappeared"
    r"|got (?:better|worse|faster|slower)|(?:is|are|was|were) (?:now )?(?:much |far )?"
    r"(?:better|faster|fewer|lower|higher))\b"
)
_OUTCOME_SECTIONS = ("", "results", "defense")


@lru_cache(maxsize=4096)
def read_unquantified(text: str, section: str = "") -> tuple[Claim, ...]:
    """Outcomes claimed without a figure, in reading order: "complaints about unfair matches
    dropped", "duplicates in search results went down a lot". An interviewer asks to size
    them. Each is an online claim with no values; only Results and Defense are read (a
    Problem's "sales declined" is the situation, not a claim)."""
    if section not in _OUTCOME_SECTIONS:
        return ()
    heard = listen(text or "")
    spoken = lowered(heard.text)
    claims = []
    for sentence in re.finditer(r"[^.!?\n]+", spoken):
        verb = _OUTCOME_VERB.search(sentence.group(0))
        if verb is None or re.search(r"\d", sentence.group(0)):
            continue
        start, end = sentence.start() + verb.start(), sentence.start() + verb.end()
        left, right = _clause_bounds(spoken, start, end)
        clause = spoken[left:right]
        before = spoken[sentence.start() : start]
        if _NEGATION_MARK.search(spoken[max(left, start - 25) : start]):
            continue
        phrase, said_left, said_right = _placed(heard, left, start, end, right)
        claims.append(
            Claim(
                type=ONLINE,
                status=_status(before, clause),
                phrase=phrase,
                start=said_left,
                end=said_right,
                metric=_metric_near(spoken, left, start, end, right),
                values=(),
                stated=_facets(sentence.group(0)),
                sentence=heard.text[sentence.start() : sentence.end()].strip(),
            )
        )
    return tuple(claims)
