"""Text detectors: each finds one kind of substance in an answer and returns the spans it matched.

Pure functions over plain text, no Django. Every detector reads the answer as a listener hears
it (`scoring.listener`): "ten milliseconds at p ninety-nine" is found as "10 ms p99". A span's
`start`/`end` point into the candidate's own text, so quotes stay verbatim; its `text` is the
heard form ("10 ms"), which is what claims are compared by. The readiness check, the challenge
engine and the graders all build on them, so they aim at *claims*, not vocabulary: a number
counts when it carries
a unit or a baseline, a decision counts when "I" makes it about something, an alternative counts
when it is named. Counting and capping is the grader's job; detectors only say where.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from scoring.listener import listen
from scoring.patterns import compile_lowered, lowered


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    start: int
    end: int
    text: str


# One word of a claim: may hold "0.8", "p95", "$2M" or "≤80", never a sentence's full stop.
_TOKEN = r"[\w$%/@+≤<>&()-]+(?:[.,]\d+)*"
_WORDS = r"(?:[ \t]+" + _TOKEN + ")"

# A number: optional sign or currency, digits with separators, optional magnitude suffix.
_NUM = r"(?:[$€£]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|b)(?![a-z]))?"
_SIGN = r"[-+–−~≈]"
# Units that make a number a claim on their own ("74 ms", "4 GB", "5 ML teams" is too loose,
# so counts need a counted noun right after the number).
_UNIT = (
    r"(?:ms|milliseconds?|µs|us|ns|secs?|seconds?|s|mins?|minutes?|h|hrs?|hours?|days?|weeks?"
    r"|months?|quarters?|years?|%|pp|percent(?:age points?)?|percentage points?|points?|bps"
    r"|basis points|x|×|qps|rps|tps|req(?:uest)?s?/s(?:ec)?|requests?|calls|queries|gb|mb|tb|kb"
    r"|pb|gib|mib|tib|gigs?|megs?|gigabytes?|megabytes?|kilobits?|megabits?|kbps|mbps"
    r"|usd|eur|dollars?|cents?|users?|customers?|clients?|engineers?|people"
    r"|devs?|developers?|scientists?|teams?|services?|servers?|hosts?|nodes?|machines?"
    r"|instances?|pods?|gpus?|cpus?|cores?|vcpus?|incidents?|outages?|pages|tickets?"
    r"|languages?|models?|features?|items?|candidates?|comments?|notifications?|events?"
    r"|messages?|rows?|records?|layers?|errors?|regions?|countries?|markets?|datacenters?"
    r"|dcs?|shards?|partitions?|replicas?|clicks?|sessions?|orders?|bookings?|transactions?"
    r"|videos?|documents?|labels?|annotators?|partners?|merchants?|stores?|dimensions?"
    r"|parameters?|params?|tokens?|images?|files?|jobs?|pipelines?|tables?|experiments?"
    r"|million|billion|thousand|k(?=\s)|m(?=\s))"
)
# Units that only measure something when the thing measured is named nearby ("+3.2% watch
# time" is a claim, "improved by 20%" is not).
_RELATIVE_UNITS = {
    "%",
    "pp",
    "percent",
    "percentage point",
    "percentage points",
    "points",
    "point",
    "bps",
    "basis points",
    "x",
    "×",
}
_MEASURE_WORDS = compile_lowered(
    r"latency|p50|p90|p95|p99|p999|cost|spend|revenue|profit|margin|ctr|click|conversion"
    r"|retention|churn|watch[- ]?time|engagement|session|time|duration|speed|throughput|qps"
    r"|auc|f1|ndcg|map@|recall|precision|accuracy|error|fpr|fnr|false[- ](?:positive|negative)"
    r"|opt[- ]?outs?|complaints?|incidents?|outages?|uptime|availability|reliability|sla|slo"
    r"|memory|cpu|gpu|compute|storage|traffic|volume|load|users?|signups?|bookings?|orders?"
    r"|sales|gmv|mttr|mttd|cycle|iteration|diversity|exposure|coverage|abuse|reports?|appeals?"
    r"|spam|fraud|loss|size|capacity|utili[sz]ation|headroom|budget|variance|cache hit|hit rate"
    r"|\w+[- ]rate|d1|d7|d30|dau|mau|wau|tickets?|bugs?|freshness|staleness|skew|drift"
    r"|requests?|clicks?|views?|impressions?|sends?|notifications?|messages?|money|\$"
    r"|mape|wmape|smape|rmse|mae|log[- ]?loss|perplexity|bleu|rouge|win rate|lift|gain|share"
    r"|abandon\w*|calibration|prevalence|refunds?|late|on-time|queue|wait|error|miss\w*|accura\w*"
    r"|gap|difference|delta|spread|uplift|win rate|hit rate",
)
# Number-led patterns start with a one-character guard: a single check rejects the positions
# where no number can begin, before the lookbehind and optional signs are tried.
_NUMBER_START = r"(?=[-+–−~≈$€£\d])"
_NUMBER_WITH_UNIT = compile_lowered(
    rf"{_NUMBER_START}(?<![\w.@/])(?:{_SIGN}\s?)?{_NUM}\s?-?\s?(?P<unit>{_UNIT})(?![a-z0-9])"
)
# A fraction said as a word, of something named: "about a fifth of real failures",
# "two-thirds of the alerts". A share, as "20% of real failures" is.
_FRACTION_OF = compile_lowered(
    r"\b(?:a|one|two|three|four)[- ](?:third|fifth|quarter|tenth)s? of (?:the |all |our |its )?"
    r"(?!(?:an? |the )?(?:hour|day|week|month|year|century|mile)s?\b)[a-z][a-z-]+"
)
# "40,000 invoices" is what "40k invoices" and a spoken "forty thousand invoices" are.
_GROUPED_THOUSANDS = compile_lowered(r"(?<![\w.,$€£])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
# "212 flagged invoices", "60 tenants": a count of the domain's own things.
_COUNT_OF_NOUN = compile_lowered(
    r"(?<![\w.,$€£:/])\d{1,3}(?![\d.,:/%])\s(?:(?!(?:of|and|or|to|in|at|on|by|for|per|the|a"
    r"|an|most|more|many|few|other|all|some|each|every)\b)[a-z][a-z-]+\s){0,2}?"
    r"(?!(?:was|is|has|this|his|its|as|us|does|yes|less|plus|always|perhaps)\b)[a-z][a-z-]*s\b"
)
_CURRENCY = compile_lowered(
    rf"(?<![\w.])(?:{_SIGN}\s?)?[$€£]\s?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|b)\b)?"
)
# "p95 74", "AUC of 0.81", "F1 = 0.9": a named metric followed by its value.
_METRIC_VALUE = compile_lowered(
    r"\b(?:p\d{2,3}|auc|f1|ndcg(?:@\d+)?|map@\d+|recall(?:@\d+)?|precision(?:@\d+)?|accuracy"
    rf"|rmse|mape|mae|fpr|ctr|uptime|availability)\s*(?:of|=|:|at|was|is|went to|to)?\s*"
    rf"[<>≤≥~]?\s*(?:{_SIGN}\s?)?\d+(?:[.,]\d+)*(?:\s?%)?",
)


def _spans(kind: str, pattern: re.Pattern, text: str, group: int = 0) -> list[Span]:
    return [
        Span(kind, m.start(group), m.end(group), text[m.start(group) : m.end(group)])
        for m in pattern.finditer(lowered(text))
        if m.group(group)
    ]


def _sentence_window(text: str, start: int, end: int, before: int, after: int) -> str:
    lo = max(0, start - before)
    hi = min(len(text), end + after)
    window = text[lo:hi]
    # Stay inside the sentence: a metric named in the previous sentence does not explain this one.
    left = max(window.rfind(". ", 0, start - lo), window.rfind("\n", 0, start - lo))
    right_candidates = [
        i for i in (window.find(". ", end - lo), window.find("\n", end - lo)) if i >= 0
    ]
    right = min(right_candidates) if right_candidates else len(window)
    return window[left + 1 : right]


_SET_AGAINST = compile_lowered(
    r"\b(?:off by|wrong by|missed by|against|versus|vs\.?|compared (?:to|with)|than|ours)\b"
    r"[^.]{0,40}\d\s?%|\d\s?%[^.]{0,40}\b(?:against|versus|vs\.?|than|ours)\b"
    # a figure a test returned: "the A/A run showed 0.1%"
    r"|\b(?:showed|shows|found|measured|gave|returned|came (?:in|out) at)\s+(?:a |an )?~?\d"
)
# A share of the cases that a verb of catching names, just before it: "it only caught 49%".
_CAUGHT = compile_lowered(
    r"\b(?:caught|catches|catching|flagged|detected|blocked|missed|covered|resolved|matched"
    r"|answered|routed)\s+(?:only |about |around |roughly |nearly |just )?~?$"
)
_OF_WHAT = re.compile(r"\s+of\s+(?:the\s+|all\s+)?[a-z]")


def _names_what_it_measures(text: str, start: int, end: int) -> bool:
    # "0.5% of clean comments" says what it is a share of.
    if _OF_WHAT.match(lowered(text), end) or _CAUGHT.search(
        lowered(text[max(0, start - 40) : start])
    ):
        return True
    context = _sentence_window(text, start, end, 200, 120)
    rest = lowered(context.replace(text[start:end], " "))
    # "off by 60%, and ours under 40%": figures set against each other measure the same thing.
    return bool(_MEASURE_WORDS.search(rest) or _SET_AGAINST.search(rest))


def _numbers_with_units(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _NUMBER_WITH_UNIT.finditer(lowered(text)):
        if m.group("unit").lower() in _RELATIVE_UNITS and not _names_what_it_measures(
            text, m.start(), m.end()
        ):
            continue
        found.append(Span("numbers_with_units", m.start(), m.end(), text[m.start() : m.end()]))
    found += _spans("numbers_with_units", _GROUPED_THOUSANDS, text)
    found += _spans("numbers_with_units", _COUNT_OF_NOUN, text)
    found += _spans("numbers_with_units", _CURRENCY, text)
    found += _spans("numbers_with_units", _FRACTION_OF, text)
    found += _spans("numbers_with_units", _METRIC_VALUE, text)
    return _dedupe(found, text)


def _dedupe(spans: list[Span], text: str) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            last = kept[-1]
            if span.end > last.end:
                kept[-1] = Span(last.kind, last.start, span.end, text[last.start : span.end])
            continue
        kept.append(span)
    return kept


_ABOUT = r"(?:about |around |roughly |~\s?)?"
_VAL = rf"(?:{_SIGN}\s?)?{_NUM}(?:\s?-?\s?{_UNIT}(?![a-z0-9]))?"
_BEFORE_AFTER = compile_lowered(
    # Word-led forms, behind one word boundary.
    r"\b(?:"
    # "from 92 ms to 74 ms", "from 10/quarter to 2/quarter", "from days to hours"
    rf"from\s+(?:~\s?)?{_VAL}(?:/\w+)?\s+(?:down |up )?to\s+(?:~\s?)?{_VAL}(?:/\w+)?"
    rf"|from\s+(?:seconds|minutes|hours|days|weeks|months)\s*(?:(?:down )?to|→|->)\s*"
    r"(?:milliseconds|seconds|minutes|hours|days|weeks)"
    # a change verb with its size: "cut p95 by 18 ms", "reduced cost by 12%"
    r"|(?:cut|reduc\w*|lower\w*|decreas\w*|dropp\w*|fell|fall\w*|increas\w*|improv\w*"
    r"|rais\w*|rose|grew|grow\w*|boost\w*|lift\w*|sav\w*|shrank|shrunk|shav\w*|trimm\w*"
    r"|speed\w* up|sped up|gain\w*)\b(?:\s+[\w-]+){0,4}?\s+by\s+(?:~\s?)?"
    rf"{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a change verb with the number right after it: "fell 28%", "rose +3.2% watch time"
    r"|(?:fell|dropped|rose|grew|jumped|climbed|declined|shrank|improved|increased"
    rf"|decreased|went (?:up|down))\s+(?:{_SIGN}\s?)?{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a change verb, then one figure to another with what they count in between: "fell from
    # 17 in the two quarters before to 1", "went from about 150 a month to 2"
    r"|(?:fell|dropped|rose|grew|went|came down|climbed|declined|shrank|jumped|improved"
    rf"|increased|decreased)\s+from\s+{_ABOUT}{_VAL}(?![\w.,]\d)[^.;]{{0,40}}?\s+to\s+{_ABOUT}"
    rf"(?:{_VAL}|zero|one)\b"
    r")"
    # Number-led forms, behind one guard.
    rf"|{_NUMBER_START}(?<![\w.])(?:"
    # "92 ms → 74 ms", "14 days -> 6 days"
    rf"{_VAL}(?:/\w+)?\s*(?:→|->|=>|⇒|➝)\s*{_VAL}(?:/\w+)?"
    # a value against a named baseline: "+2.1% vs control", "3x faster than the old job"
    rf"|{_VAL}\s+(?:\w+\s+){{0,3}}?(?:vs\.?|versus|compared (?:to|with)|relative to|against"
    r"|over|than)\s+(?:the\s+)?(?:\w+\s+)?(?:baseline|control|before|previous|prior|old"
    r"|legacy|last|existing|current|holdout|status quo|v1|teacher|\d)"
    # a value beside where it came from: "0.3%, up from 0.29%"
    rf"|{_VAL}[,;]?\s+(?:up|down) from\s+{_VAL}"
    # a comparative: "18 ms faster", "24% fewer notifications"
    rf"|{_NUM}\s?-?\s?{_UNIT}\s+(?:faster|slower|cheaper|lower|higher|fewer|more|less|better"
    r"|worse|smaller|larger|bigger)\b"
    r")"
    # a signed change with a unit: "p95 –18 ms", "cost –12%"
    rf"|(?=[-+–−])(?<![^\s(:;,])[-+–−]\s?\d+(?:[.,]\d+)*\s?-?\s?{_UNIT}(?![a-z0-9])",
)


_ABSOLUTE_UNIT = compile_lowered(
    rf"\d\s?-?\s?(?!(?:%|pp|x|×|points?|bps)(?![a-z]))(?:{_UNIT})(?![a-z0-9])|[$€£]|/\w"
)


# "escalations fell from 42 to 9": a change from one figure to another, told by its subject.
_CHANGE_FROM = compile_lowered(r"^[a-z ]+ from ")


def _before_after(text: str) -> list[Span]:
    # "improved by 20%" compares against nothing we can name; it needs the measured thing.
    spans = [
        span
        for span in _spans("before_after", _BEFORE_AFTER, text)
        if _ABSOLUTE_UNIT.search(lowered(span.text))
        or _CHANGE_FROM.match(lowered(span.text))
        or _names_what_it_measures(text, span.start, span.end)
    ]
    return _dedupe(spans, text)


# Keyword patterns put one \b in front of the whole alternation: checked once per position,
# it skips the inside of words before any alternative is tried (much faster than \b on each).
_MEASUREMENT = compile_lowered(
    r"\b(?:A/B(?:[- ]?test\w*)?|AB[- ]test\w*|A/A\b|split[- ]test\w*|hold[- ]?outs?\b"
    r"|control (?:group|bucket|arm|cell)s?\b|randomi[sz]ed\b(?:\s+\w+){0,2}|CUPED\b"
    # a test over the units the business runs on: "paired control stores", "a store-level test"
    r"|control (?:stores|sites|regions|markets|cities|wards|clinics|branches|warehouses)\b"
    r"|(?:I|we) ran (?:it|this|that) as an? [\w-]+(?: [\w-]+)? (?:test|experiment|trial)\b"
    r"|confidence intervals?\b|\d+\s?% CI\b|p[- ]?values?\b|p\s*[<=≤]\s*0?\.\d+"
    r"|statistically (?:significant|insignificant)\b|stat[- ]sig\w*|sequential test\w*"
    r"|interleav\w+|canary\b|shadow (?:mode|traffic|test\w*|deploy\w*)\b|backtest\w*"
    r"|offline (?:eval\w*|replay|test\w*)\b|load[- ]test\w*|benchmark\w*|profil(?:ed|ing)\b"
    r"|power analysis\b|(?:I|we) (?:measured|tracked|compared|prototyped|tested)\b"
    r"|measured\s+(?:it|them|this|that|by|with|on|over|via|using|across|in)\b"
    # what was measured, then how: "measured misses with the post-merge suite"
    r"|measured (?:[\w-]+ ){1,3}(?:with|by|via|using|against|on every|across)\b"
    # a silent run beside the old system, or a comparison group named in words
    r"|silent (?:mode|run|period)\b|compared (?:with|to|against) (?:[\w-]+ ){0,3}(?:that|which"
    r"|who) (?:had|have|did|were)(?: not|n't)\b"
    r"|survey\w*|time[- ]tracking\b|experiment\w*|diff(?:erence)?[- ]in[- ]diff\w*"
    r"|bootstrap\w*|incident (?:cost )?analysis\b|post[- ]?mortems?\b|ablation\w*"
    r"|cohort analysis\b|traces?\b|flame ?graphs?\b"
    # a migration checked against the old system: "a checksum reconciliation", "row counts"
    r"|reconcil\w+|checksums?\b|row[- ]counts?\b|(?:row|record)[- ]by[- ](?:row|record)\b"
    r"|split (?:\w+ )?(?:\d+/\d+|randomly|at random|by (?:user|ticket|request|session|store"
    r"|account|card|device)\w*(?: ?id| hash)?)|\d+/\d+ split)",
)


def _measurement(text: str) -> list[Span]:
    return _dedupe(_spans("measurement", _MEASUREMENT, text), text)


_VARIANCE = compile_lowered(
    r"[±]\s?\d[\d.]*\s?\S*|\+/-\s?\d[\d.]*\s?\S*"
    r"|\b(?:confidence intervals?\b|\d+\s?% (?:CI|interval)\b|p\s*[<=≤]\s*0?\.\d+"
    r"|p[- ]?values?\b(?:\s+(?:of|was|=|<)\s*0?\.\d+)?"
    r"|(?:not\s+)?statistically (?:significant|insignificant)\b|stat[- ]sig\w*"
    r"|standard (?:deviation|error)s?\b|variance\b|error bars?\b|CUPED\b"
    r"|minimum detectable effect\b|MDE\b|power analysis\b|within (?:the )?noise\b"
    r"|bootstrap\w*|significan(?:t|ce) at\b|no significant\b|(?:sample size|seeds?)\b)",
)


def _variance(text: str) -> list[Span]:
    return _dedupe(_spans("variance", _VARIANCE, text), text)


# Verbs that say a choice was made, not only work done: "chose X over Y", "set the limit".
_CHOICE_VERBS = (
    r"chose|choose|picked|selected|decided|proposed|pitched|championed|pushed for|argued for"
    r"|negotiated|convinced|recommended|rejected|killed|made the (?:call|decision)"
    r"|took the decision|set(?! up)"
)
_DECISION_VERBS = (
    _CHOICE_VERBS + r"|designed|redesigned|architected|built|rebuilt|wrote"
    r"|rewrote|authored|led|owned|drove"
    r"|ran|set up|implemented|introduced|migrated|created|defined|prototyped|shipped|launched"
    r"|replaced|switched|moved|tuned|trained|added"
    r"|removed|split|started|initiated|mentored|hired|coordinated|scoped|planned|benchmarked"
    r"|profiled|established|refactored|optimi[sz]ed|deployed|rolled out|sized|dropped|cut"
    r"|took (?:ownership|over)|was responsible for"
    r"|was accountable for|was in charge of|was the (?:tech(?:nical)? lead|lead|owner|DRI)"
    r"|was (?:tech(?:nical)? )?lead"
)
# What a decision is about: up to eight words, or a list of them ("owned model design, the
# feature pipeline and the rollout").
_DECISION_OBJECT = rf"(?:[ \t]+(?!and\b|but\b){_TOKEN},?){{1,8}}(?:[ \t]+and{_WORDS}{{1,4}})?"
_DECISION = compile_lowered(
    r"\bI(?:\s+(?:have|had|personally|also|then|first|later|eventually|initially|finally"
    rf"|ultimately|myself|alone|originally))*\s+(?:{_DECISION_VERBS})"
    rf"(?:,? and (?:{_DECISION_VERBS}))?\b"
    rf"(?P<object>{_DECISION_OBJECT})"
    rf"|\bmy (?:decision|call|proposal|design) (?:was|is)(?P<object2>{_WORDS}{{1,8}})"
    # Notes drop the "I": "Tech lead for 4 engineers. Owned model design and the rollout."
    rf"|(?:^|(?<=[.;:\n])|(?<=[.;:\n] ))[ \t]*(?:co-)?(?:{_DECISION_VERBS})\b"
    rf"(?P<object3>{_DECISION_OBJECT})"
    # "I did most of the feature work"
    r"|\bI did (?:most of |much of |a lot of |all of |the bulk of )?(?P<object4>the [\w-]+ work)",
)
# Clerical work is not ownership: "I wrote the meeting notes".
_CLERICAL = compile_lowered(
    r"\b(?:notes|minutes|agenda|meetings?|status updates?|invites?|calendar|slides|emails?"
    r"|the tickets)\b"
)
_VAGUE = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "things",
        "thing",
        "stuff",
        "something",
        "everything",
        "anything",
        "lots",
        "lot",
        "a",
        "an",
        "the",
        "some",
        "of",
        "to",
        "on",
        "for",
        "with",
        "and",
        "or",
        "them",
        "everyone",
        "much",
        "many",
        "more",
        "most",
        "all",
    ]
)


def _decisions(text: str) -> list[Span]:
    found = []
    for m in _DECISION.finditer(lowered(text)):
        raw = next(
            (group for group in m.group("object", "object2", "object3", "object4") if group), ""
        )
        obj = raw.lower().split()
        if _CLERICAL.search(raw):
            continue
        if any(word.strip(".,;") not in _VAGUE for word in obj):
            found.append(Span("decisions", m.start(), m.end(), text[m.start() : m.end()]))
    return found


# A choice said in the first person: a choosing verb, or one option said against another ("I
# built the cache rather than buying one"), in a sentence whose subject is "I", before anyone else
# becomes its subject ("I wrote the spec and we decided ..." is the team's choice) ...
_CHOICE = compile_lowered(
    r"\bI\b(?:(?![.;!?])(?!\b(?:we|they|he|she|who|which)\b).)*?"
    rf"\b(?:{_CHOICE_VERBS}|instead of|rather than)\b"
    # ... or claimed as one's own: "my call was ...", "... that was my proposal", "the call,
    # moving to one model, was mine".
    r"|\bmy (?:decision|call|proposal|choice) (?:was|is)\b"
    r"|\b(?:was|is) my (?:decision|call|proposal|idea|choice)\b"
    r"|\b(?:call|decision|choice)\b[^.;!?]*\b(?:was|is) mine\b"
)


def states_choice(text: str) -> bool:
    """Does the answer say a choice the candidate made, not only work they did ("I built the
    pipeline, wrote the runbook and ran the rollout" says none)?"""
    return bool(_CHOICE.search(lowered(text)))


_WE = compile_lowered(rf"\b(?:we|our team)(?:'ve|'d|'re)?{_WORDS}{{1,6}}")


def _we_statements(text: str) -> list[Span]:
    return _spans("we_statements", _WE, text)


def _alt_name(n: int) -> str:
    return rf"(?P<name{n}>(?:[ \t]*{_TOKEN}){{1,6}})"


_ALTERNATIVE = compile_lowered(
    r"\b(?:alternatives?|options?|approach(?:es)?|candidates?)(?:\s+(?:[A-D1-4]|one|two))?"
    rf"\s*(?::|was|were|would have been|being|is|included)\s*{_alt_name(1)}"
    r"|\b(?:we|I|the team)\s+(?:also\s+|first\s+|briefly\s+)?(?:considered|evaluated|tried"
    r"|prototyped|benchmarked|compared|looked at|weighed|explored|rejected|ruled out|tested"
    rf"|piloted|trialled|trialed)\s+(?:using\s+)?{_alt_name(2)}"
    rf"|\b(?:instead of|rather than|as opposed to|versus|vs\.?|over)\s+{_alt_name(3)}"
    rf"|\bcompared (?:it )?(?:to|with|against)\s+{_alt_name(4)}"
    # "the second was Chapelle's joint model", "the other option is a vendor API"
    r"|\b(?:the )?(?:second|third|other|next|runner-up)(?: (?:one|option|alternative|candidate))?"
    rf"\s+(?:was|is|were)\s+{_alt_name(5)}"
    # a path not taken, said as what it would have done: "Buying a managed store would have
    # been faster", "Prophet per series needed 9 hours, too slow"
    r"|(?:^|(?<=[.;:!?] ))(?P<name6>(?:[\w'-]+ ){0,5}?[\w'-]+) (?:would have|would've)"
    r" (?:been|cost|needed|taken|required|meant|given|added|doubled|broken|brought|bought"
    r"|made|saved|cut|halved|tripled|forced|pushed|kept|lost|raised|lowered)\b"
    # ... or as what it had going for it before it lost: "Static selection was exact in theory,
    # but ...", "Counting globally, with one shared key, gave perfect fairness but measured ...",
    # "Keeping the old rule cost nothing, but ..."
    r"|(?:^|(?<=[.;:!?] ))(?P<name8>(?:[\w'%-]+,? ){0,11}?[\w'%-]+),? (?:was|were|looked|seemed"
    r"|sounded|gave|offered|promised|cost) (?:\w+ ){0,2}?(?:in theory|on paper|attractive"
    r"|tempting|appealing|simple|simpler|free|nothing|cheap|cheaper|easy|easier|exact|perfect"
    r"|fair|faster|quicker)\b[^.;!?]{0,90}?\bbut\b"
    r"|(?:^|(?<=[.;:!?] ))(?P<name7>(?:[\w'-]+ ){0,4}?[\w'-]+) (?:(?:needed|measured|scored|took"
    r"|came in at|ran at|cost|reached|got|achieved|hit)\s+~?\d"
    r"|(?:reduced|cut|improved|lowered|raised)\s+(?:[\w-]+ ){0,3}?(?:by )?~?\d)"
    # a decimal point ("0.11 against 0.09") does not end the sentence
    r"(?:[^.;]|\.(?=\d)){0,60}\b(?:over (?:the|our)|too (?:slow"
    r"|expensive|big|large)|against|versus|vs|worse|broke|missed|above|than|but)",
)
# Words that may open an alternative's name without being it: "was to wait seven days".
_ARTICLES = frozenset(
    ["a", "an", "the", "our", "their", "its", "his", "her", "my", "using", "to", "just", "simply"]
)
_QUANTIFIERS = frozenset(
    [
        "few",
        "several",
        "some",
        "many",
        "various",
        "different",
        "multiple",
        "couple",
        "of",
        "two",
        "three",
        "four",
        "five",
        "more",
        "other",
        "alternative",
        "possible",
    ]
)
_NOT_A_NAME = _VAGUE | frozenset(
    [
        "alternatives",
        "alternative",
        "options",
        "option",
        "other",
        "others",
        "approaches",
        "approach",
        "baseline",
        "control",
        "before",
        "previous",
        "prior",
        "time",
        "period",
        "year",
        "quarter",
        "month",
        "week",
        "day",
        "days",
        "weeks",
        "months",
        "years",
        "solutions",
        "solution",
        "ideas",
        "idea",
        "things",
        "ones",
        "one",
        # a person is not an option: "we would have saved a week"
        "we",
        "i",
        "they",
        "you",
    ]
)


def _alternatives(text: str) -> list[Span]:
    found = []
    for m in _ALTERNATIVE.finditer(lowered(text)):
        name = next(g for g in m.groups() if g is not None).split()
        # The first word must name something: "we considered XGBoost", not "we considered
        # other options" or "over time".
        words = [w.strip(".,;:()").lower() for w in name]
        while words and words[0] in _ARTICLES:
            words.pop(0)
        # "a few different options", "three approaches": a count of things is not a name.
        while len(words) > 1 and words[0] in _QUANTIFIERS:
            words.pop(0)
        first = words[0] if words else ""
        if not first or first in _NOT_A_NAME or first.replace(".", "").isdigit():
            continue
        found.append(Span("alternatives", m.start(), m.end(), text[m.start() : m.end()]))
    return found


_TRADEOFF = compile_lowered(
    r"\b(?:trade-?offs?\b|traded\b(?:\s+\w+){0,4}|at the (?:cost|expense|price) of\b"
    r"|in exchange for\b|pros\b|cons\b|downsides?\b|upsides?\b|drawbacks?\b"
    r"|sacrific\w+|gave up\b|giving up\b|(?:we|I|and) accepted\b|accepting\b"
    r"|cost us\b|the price (?:was|we paid|of)\b|not (?:worth|justified)\b|worth (?:it|the)\b"
    r"|penalty\b|overhead\b|but (?:it )?(?:cost|costs|added|adds|was|were|needed|needs"
    r"|required|requires|lost|loses|trailed|trails|violated|violates|underfit\w*|plateau\w*"
    r"|broke|breaks)\b|won on\b|lost on\b)",
)


def _tradeoff_language(text: str) -> list[Span]:
    return _spans("tradeoff_language", _TRADEOFF, text)


_PREVENTS = (
    r"(?:can(?:['’]?t|not)?|could(?:n['’]?t)?|won['’]?t|never|no longer|does(?:n['’]?t| not)"
    r"|do(?:n['’]?t| not)|will|would)"
)
_FAILURE_OR_MECHANISM = (
    r"(?:not |ever |only |still |safely )?(?:be |get )?"
    r"(?:block|stall|starv|replay|retr(?:y|i)|roll(?:s|ed)? back|recover|los[et]|drop|corrupt"
    r"|overwr|double[- ]?(?:charg|count|book|bill)|time[sd]? out|crash|take[sn]? down|took down"
    r"|overload|overrun|pile[sd]? up|back(?:s|ed)? up|fail(?:s|ed)? over|resum|rebuil|reprocess"
    r"|re-?run|restart|deadlock|leak|collid|duplicat|wedg|halt|hang|hung|spill|evict|throttl"
    r"|crowd(?:s|ed)? out|swamp|flood|saturat|exhaust|queue|buffer|fall(?:s)? back|fell back"
    r"|survive|outlive)[a-z]*"
)
_RATIONALE = compile_lowered(
    r"\b(?:because(?: of)?|so that|since(?!\s+(?:\d|then|last|early|january|february|march"
    r"|april|may|june|july|august|september|october|november|december))|due to|in order to"
    r"|given that|which (?:meant|means|let|lets|allowed|allows|kept|keeps|gave|gives|avoided"
    r"|avoids|is why)|that way|the reason (?:was|is|being)|this (?:let|lets|allowed|allows|kept"
    r"|keeps|meant|means)|to (?:keep|meet|stay|fit|avoid|prevent|guarantee|hit)|is what (?:lets"
    r"|keeps|makes|allows)|that'?s why|otherwise|as a fallback|in case|so (?:that|the|we|it"
    r"|they|you|our|their|agents|users|no|every|each)(?:'(?:re|d|ll|s|ve))?"
    # a purpose said with whoever benefits: "so clerks fix two fields", "so analysts can see",
    # "so an outage pages once"
    r"|so (?:[a-z-]+ ){1,2}(?:can|could|would|will|only|never|no longer|don'?t|doesn'?t)"
    r"|so [a-z-]+s (?!of\b|and\b|far\b|much\b|many\b)[a-z]+|so (?:a|an|one) [a-z-]+ [a-z]+s"
    # a failure the design prevents, or the mechanism it allows, told of whatever it happens
    # to: "so a slow ledger write never blocks checkout", "so one tenant's burst can't starve
    # the others", "so a failed batch can be replayed"
    r"|so (?!(?:far|much|many)\b|[a-z-]+ that\b)(?:[a-z-]+(?:['’]s)? ){1,4}"
    rf"{_PREVENTS}(?= {_FAILURE_OR_MECHANISM}))\b"
    rf"{_WORDS}{{2,12}}",
)


# A reason about the telling, not the system: "because the context matters for what comes
# after", "so let me start at the top", "since I covered a lot of ground".
_ABOUT_THE_TELLING = compile_lowered(
    r"\b(?:let me|bear with|I(?:'ll|'d| will| would)?(?: (?:like|want|try) to)? (?:go (?:through"
    r"|into|over)|walk you|come back|start (?:from|at|with)|set (?:it|things|the scene)|lay it"
    r"|cover|covered|went into|sum|recap|expand)|comes? (?:back|up) later|(?:a lot of|much|some)"
    r" ground|the (?:whole |full )?(?:picture|setting|scene)|context (?:really )?matters"
    r"|(?:details|rest) only makes? sense)"
)


# Familiarity or convention is not a technical reason: "because the team already knew it",
# "since that's the usual setup", "so it fits in with the rest of our stack"; nor is a benefit
# that names no mechanism or figure: "so it stays up to date", "so it is easier to manage",
# "which is why it is so fast".
_NOT_A_TECHNICAL_REASON = compile_lowered(
    r"^(?!.*\d)(?:so|which is why|that'?s why) (?:that )?(?:it|they|things|everything)(?:'s| is"
    r"| are| stays?| keeps?| gets?| doesn't(?: get)?| don't(?: get)?| works?)(?: so| more)?"
    r" (?:up to date|out of date|up with|easier|better|smarter|cleaner|simpler|fine|well\b"
    r"|slow things|fast|faster|quick|quicker|reliable|robust|scalable|stable)"
    r"|\b(?:already (?:knew|know|used|use|had|have|ran|run)|familiar|comfortable with"
    r"|(?:the|an?|industry|fairly|pretty) (?:standard|usual|default|common|normal)\b"
    r"|best practice|everyone(?: else)? (?:uses|used|does|did)|most (?:companies|teams|people)"
    r"|(?:popular|trendy|fashionable)\b|fit(?:s|ted)? (?:in )?(?:well |nicely )?with"
    r" (?:everything|the rest|what we|our (?:existing|other|current))"
    r"|(?:hard|difficult|easy) to set up)"
)


def _rationale(text: str) -> list[Span]:
    return [
        span
        for span in _spans("rationale", _RATIONALE, text)
        if not _ABOUT_THE_TELLING.search(lowered(span.text))
        and not _NOT_A_TECHNICAL_REASON.search(lowered(span.text))
    ]


# A choice justified by what it took away: "which cut alerts from single noisy readings by a
# third", "which removed a nightly full rebuild". A reason for the design, kept apart from
# `rationale` because it explains no figure: a doubtful number beside it stays doubtful.
_CONSEQUENCE = compile_lowered(
    r"\bwhich (?:cut|removed|halved|reduced|eliminated|stopped|dropped|saved|spared|shaved"
    rf"|trimmed|got rid of|took out|freed)\b{_WORDS}{{2,12}}"
)


def _consequence(text: str) -> list[Span]:
    return _spans("consequence", _CONSEQUENCE, text)


_FLOW_WORD = r"[A-Za-z][\w/&()-]*(?:\s+[A-Za-z][\w/&()-]*){0,3}"
_ARROWS = ("→", "->", "=>", "⇒", "➝")
_ARROW = "(?:" + "|".join(re.escape(a) for a in _ARROWS) + ")"
_FLOW_ARROWS = compile_lowered(
    rf"(?<![\w.]){_FLOW_WORD}\s*{_ARROW}\s*{_FLOW_WORD}(?:\s*{_ARROW}\s*{_FLOW_WORD})*"
)
_FLOW_VERBS = compile_lowered(
    r"\b(?:feeds?|fed|flows?|flowed|lands?|landed|streams?|streamed|writes?|wrote|reads?"
    r"|publish(?:es|ed)?|consumes?|consumed|pushes|pushed|sends?|sent|passes|passed|pulls?|pulled"
    r"|loads?|loaded|ingests?|ingested|go|goes|went|joins?|joined|emits?|emitted|forwards?"
    r"|forwarded|routes?|routed|served|cached|stored|indexed|exports?|exported|sinks?|fetch(?:es|ed)?"
    r"|enrich(?:es|ed)|lookups?|queues?|queued|batched|materiali[sz]ed|compiled"
    # a request's path through services: "leases a slice of quota from Redis", "looks up the
    # tenant's quota in a cache", "uploads in the background", "applies them in clock order"
    r"|leases?|leased|looks? up|looked up|uploads?|uploaded|syncs?|synced|replicat(?:es|ed)"
    r"|appl(?:y|ies|ied)|copies|copied|polls?|polled|comes?|came)"
    r"(?:\s+[\w'-]+){0,5}?\s+(?:into|to|from|through|via|onto|out to|in)\s+(?:the\s+|a\s+|an\s+)?"
    r"[\w-]+(?:\s+[\w-]+){0,2}"
    r"|\b(?:upstream|downstream) (?:of|from|to)\s+[\w-]+(?:\s+[\w-]+){0,2}",
)


_DURATIONS = compile_lowered(
    r"^(?:\w+\s+)*?(?:from\s+)?(?:seconds|minutes|hours|days|weeks|months|quarters|years)\s*"
    r"(?:→|->|=>|⇒|➝)\s*(?:seconds|minutes|hours|days|weeks|months|quarters|years)$",
)


def _data_flow(text: str) -> list[Span]:
    # "MTTR from days → hours" is a result, not a pipeline.
    spans = _spans("data_flow", _FLOW_VERBS, text)
    # The arrow pattern tries every word as a start; it only runs where there is an arrow.
    if any(arrow in text for arrow in _ARROWS):
        spans += _spans("data_flow", _FLOW_ARROWS, text)
    return sorted(
        (
            s
            for s in spans
            if not _DURATIONS.match(lowered(s.text))
            and not _ABOUT_THE_TELLING.search(lowered(text[max(0, s.start - 12) : s.end]))
        ),
        key=lambda s: s.start,
    )


_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_BOUND_NUM = (
    rf"(?:[$€£]\s?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|b)(?![a-z]))?|{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9]))"
)
_CONSTRAINT = compile_lowered(
    r"(?:[≤<≥>]=?|\b(?:under|below|within|at most|at least|no more than|less than|fewer than"
    r"|more than|max(?:imum)?(?: of)?|cap(?:ped)? (?:at|of)|limit(?:ed)? (?:to|of)"
    r"|budget (?:of|was|is)|SL[AO] (?:of|was|is)|target (?:of|was|is)|ceiling of|needed"
    r"|target(?:ed|ing)|aim(?:ed|ing)? (?:at|for)|goal (?:of|was|is)"
    r"|up to|keep (?:it )?(?:under|below)|stay (?:under|below)|not exceed|exceed))"
    rf"\s*:?\s*(?:~\s?)?{_BOUND_NUM}"
    # throughput and volume: "120k QPS", "200M comments a day", "3k requests per second"
    rf"|{_NUMBER_START}(?<![\w.]){_NUM}\s?(?:qps|rps|tps|req(?:uest)?s?/s(?:ec)?|events?/s(?:ec)?)\b"
    rf"|{_NUMBER_START}(?<![\w.]){_NUM}\s?-?\s?{_UNIT}\s+(?:per|a|an|/|each)\s?(?:second|sec|minute|min|hour"
    r"|day|week|month|user|request|host|node)\b"
    # named limits with a value: "memory 4 GB per host", "p95 latency: 80 ms"
    r"|\b(?:latency|memory|budget|cost|throughput|p\d{2,3}|error rate|uptime|availability"
    r"|sla|slo|fpr|deadline)\b(?:\s+[\w-]+){0,2}?\s*(?:of|:|=|is|was|at|must be|had to be"
    rf"|needed to be)\s*(?:~\s?)?{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a bound whose figure is a word: "finish in under a minute", "at most one night", "within
    # a quarter"
    r"|\b(?:under|below|within|in less than|less than|at most|no more than)\s+(?:a|an|half an?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"\s+(?:second|minute|hour|day|night|week|sprint|month|quarter|year)s?\b"
    # a limit said as what must not get worse: "gross margin must not get worse", "the close
    # could not slip", "could not miss more cases than the old rule"
    r"|\b(?:must|could|can|should)(?:n't| not| never)(?: let [^.;,]{1,30}?)?\s+(?:get worse|worsen"
    r"|regress|degrade|slip|fall|drop|go (?:up|down))\b"
    r"|\b(?:must|could|can|should)(?:n't| not)\s+\w+\s+(?:any )?(?:more|fewer|less|worse|higher"
    r"|lower|later|slower)\b[^.;]{0,30}?\bthan (?:the|today|before|it did|we did|now)\b"
    # a date: "launch by March", "ship within 6 weeks", "live before Q4"
    r"|\b(?:launch\w*|ship\w*|deadline|live|ready|deliver\w*|go-live|due)\s+(?:date\s+)?"
    rf"(?:by|before|in|within|of|was|for)\s+(?:the end of\s+|early\s+|late\s+|mid-?\s*)?"
    rf"(?:{_MONTHS}|Q[1-4]|black friday|(?:the\s+)?holiday\w*|{_NUM}\s?(?:days?|weeks?|months?))\b"
    # ... or a date that a requirement must meet: "had to be moved by June", "done before the end
    # of the quarter"
    r"|\b(?:had to|has to|must|needed to|needs to)\b[^.;!?]{0,60}?\b(?:by|before)\s+"
    rf"(?:the end of\s+(?:the\s+)?)?(?:{_MONTHS}|Q[1-4]|quarter|year|month)\b",
)


def _constraints(text: str) -> list[Span]:
    return _dedupe(_spans("constraints", _CONSTRAINT, text), text)


_HEDGING = compile_lowered(
    r"\b(?:I think|I guess|I believe|I feel(?: like)?|maybe|probably|perhaps|possibly"
    r"|(?:I'm |I am )?not (?:really )?sure|I don't (?:really )?(?:remember|know)"
    r"|hopefully|it seemed|seemed to|might have|may have|more or less|somewhat|I suppose"
    r"|arguably|presumably|something like|or so|I'd say"
    r"|it depends|in theory|should be fine|pretty (?:sure|much|good))\b",
)


def _hedging(text: str) -> list[Span]:
    return _spans("hedging", _HEDGING, text)


_HINDSIGHT = compile_lowered(
    # Notes: "Hindsight: would invest earlier in calibrated scores."
    r"(?:^|(?<=[.;:\n])|(?<=[.;:\n] ))[ \t]*would (?:have )?\w+"
    r"|\b(?:in hindsight\b|hindsight:|looking back\b|in retrospect\b|next time\b|next iteration\b"
    r"|if I (?:did|were to do|had to do|could do|started) (?:it|this|that)?\s*(?:again|over)\b"
    r"|(?:I|we)(?:'d| would)(?: (?:also|probably|still|rather|definitely))?(?: have)?(?: \w+)?"
    r" (?:do|done|change|changed|invest|invested|start"
    r"|started|use|used|add|added|build|built|pick|picked|choose|chosen|try|tried|move|moved"
    r"|spend|spent|push|pushed|measure|measured|test|tested|ship|shipped|skip|skipped|drop"
    r"|dropped|cut|instrument|instrumented|calibrate|calibrated|involve|involved|ask|asked|set"
    r"|begin|focus|focused|split|switch|switched|prioriti[sz]e|prioriti[sz]ed|rethink|revisit"
    r"|design|designed|plan|planned|run|automate|automated|narrow|narrowed)\b"
    # A would-clause marked as a change of course: "I'd now exclude ...", "we'd instead train".
    r"|(?:I|we)(?:'d| would) (?:now|instead|today) \w+"
    r"|should have\b|lessons? (?:I |we )?learn(?:ed|t) (?:was|were|is|:)"
    r"|(?:I|we) learn(?:ed|t) (?:that|to|how)\b"
    r"|what I(?:'d| would) change\b|differently\b|regret\w*|my mistake\b|mistake was\b"
    r"|could have shipped\b|could have been\b)",
)


def _hindsight(text: str) -> list[Span]:
    return _spans("hindsight", _HINDSIGHT, text)


def _heard(find: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    """Run `find` on the heard text and point its spans back at what was said."""

    @wraps(find)
    def detector(said: str) -> list[Span]:
        heard = listen(said)
        spans = []
        for span in find(heard.text):
            start, end = heard.source(span.start, span.end)
            spans.append(Span(span.kind, start, end, span.text))
        return spans

    return detector


numbers_with_units = _heard(_numbers_with_units)
before_after = _heard(_before_after)
measurement = _heard(_measurement)
variance = _heard(_variance)
decisions = _heard(_decisions)
we_statements = _heard(_we_statements)
alternatives = _heard(_alternatives)
tradeoff_language = _heard(_tradeoff_language)
rationale = _heard(_rationale)
consequence = _heard(_consequence)
data_flow = _heard(_data_flow)
constraints = _heard(_constraints)
hedging = _heard(_hedging)
hindsight = _heard(_hindsight)

DETECTORS: dict[str, Callable[[str], list[Span]]] = {
    "numbers_with_units": numbers_with_units,
    "before_after": before_after,
    "measurement": measurement,
    "variance": variance,
    "decisions": decisions,
    "we_statements": we_statements,
    "alternatives": alternatives,
    "tradeoff_language": tradeoff_language,
    "rationale": rationale,
    "consequence": consequence,
    "data_flow": data_flow,
    "constraints": constraints,
    "hedging": hedging,
    "hindsight": hindsight,
}


class Detections(dict):
    """Spans per detector over one text, each detector run on first use: a grader reading one
    section needs only a few of them."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def __missing__(self, kind: str) -> list[Span]:
        spans = self[kind] = DETECTORS[kind](self.text)
        return spans


def detect_all(text: str) -> dict[str, list[Span]]:
    """Every detector over one text, keyed by detector name."""
    return {name: detector(text) for name, detector in DETECTORS.items()}
