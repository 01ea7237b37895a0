"""Text detectors: each finds one kind of substance in an answer and returns the spans it matched.

Pure functions over plain text, no Django. The readiness check, the challenge engine and the
graders all build on them, so they aim at *claims*, not vocabulary: a number counts when it carries
a unit or a baseline, a decision counts when "I" makes it about something, an alternative counts
when it is named. Counting and capping is the grader's job; detectors only say where.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    start: int
    end: int
    text: str


_FLAGS = re.IGNORECASE
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
    r"|pb|gib|mib|tib|usd|eur|dollars?|cents?|users?|customers?|clients?|engineers?|people"
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
_MEASURE_WORDS = re.compile(
    r"latency|p50|p90|p95|p99|p999|cost|spend|revenue|profit|margin|ctr|click|conversion"
    r"|retention|churn|watch[- ]?time|engagement|session|time|duration|speed|throughput|qps"
    r"|auc|f1|ndcg|map@|recall|precision|accuracy|error|fpr|fnr|false[- ](?:positive|negative)"
    r"|opt[- ]?outs?|complaints?|incidents?|outages?|uptime|availability|reliability|sla|slo"
    r"|memory|cpu|gpu|compute|storage|traffic|volume|load|users?|signups?|bookings?|orders?"
    r"|sales|gmv|mttr|mttd|cycle|iteration|diversity|exposure|coverage|abuse|reports?|appeals?"
    r"|spam|fraud|loss|size|capacity|utili[sz]ation|headroom|budget|variance|cache hit|hit rate"
    r"|\w+[- ]rate|d1|d7|d30|dau|mau|wau|tickets?|bugs?|freshness|staleness|skew|drift"
    r"|requests?|clicks?|views?|impressions?|sends?|notifications?|messages?|money|\$",
    _FLAGS,
)
_NUMBER_WITH_UNIT = re.compile(
    rf"(?<![\w.@/])(?:{_SIGN}\s?)?{_NUM}\s?-?\s?(?P<unit>{_UNIT})(?![a-z0-9])", _FLAGS
)
_CURRENCY = re.compile(rf"(?<![\w.])(?:{_SIGN}\s?)?[$€£]\s?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|b)\b)?")
# "p95 74", "AUC of 0.81", "F1 = 0.9": a named metric followed by its value.
_METRIC_VALUE = re.compile(
    r"\b(?:p\d{2,3}|auc|f1|ndcg(?:@\d+)?|map@\d+|recall(?:@\d+)?|precision(?:@\d+)?|accuracy"
    rf"|rmse|mape|mae|fpr|ctr|uptime|availability)\s*(?:of|=|:|at|was|is|went to|to)?\s*"
    rf"[<>≤≥~]?\s*(?:{_SIGN}\s?)?\d+(?:[.,]\d+)*(?:\s?%)?",
    _FLAGS,
)


def _spans(kind: str, pattern: re.Pattern, text: str, group: int = 0) -> list[Span]:
    return [
        Span(kind, m.start(group), m.end(group), m.group(group))
        for m in pattern.finditer(text)
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


def _names_what_it_measures(text: str, start: int, end: int) -> bool:
    context = _sentence_window(text, start, end, 50, 35)
    return bool(_MEASURE_WORDS.search(context.replace(text[start:end], " ")))


def numbers_with_units(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _NUMBER_WITH_UNIT.finditer(text):
        if m.group("unit").lower() in _RELATIVE_UNITS and not _names_what_it_measures(
            text, m.start(), m.end()
        ):
            continue
        found.append(Span("numbers_with_units", m.start(), m.end(), m.group(0)))
    found += _spans("numbers_with_units", _CURRENCY, text)
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


_VAL = rf"(?:{_SIGN}\s?)?{_NUM}(?:\s?-?\s?{_UNIT}(?![a-z0-9]))?"
_BEFORE_AFTER = re.compile(
    # "from 92 ms to 74 ms", "from 10/quarter to 2/quarter", "from days to hours"
    rf"\bfrom\s+(?:~\s?)?{_VAL}(?:/\w+)?\s+(?:down |up )?to\s+(?:~\s?)?{_VAL}(?:/\w+)?"
    rf"|\bfrom\s+(?:seconds|minutes|hours|days|weeks|months)\s*(?:(?:down )?to|→|->)\s*"
    r"(?:milliseconds|seconds|minutes|hours|days|weeks)"
    # "92 ms → 74 ms", "14 days -> 6 days"
    rf"|(?<![\w.]){_VAL}(?:/\w+)?\s*(?:→|->|=>|⇒|➝)\s*{_VAL}(?:/\w+)?"
    # a value against a named baseline: "+2.1% vs control", "3x faster than the old job"
    rf"|(?<![\w.]){_VAL}\s+(?:\w+\s+){{0,3}}?(?:vs\.?|versus|compared (?:to|with)|relative to"
    r"|against|over|than)\s+(?:the\s+)?(?:\w+\s+)?(?:baseline|control|before|previous|prior"
    r"|old|legacy|last|existing|current|holdout|status quo|v1|teacher|\d)"
    # a signed change with a unit: "p95 –18 ms", "cost –12%"
    rf"|(?:^|(?<=[\s(:;,]))[-+–−]\s?\d+(?:[.,]\d+)*\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a change verb with its size: "cut p95 by 18 ms", "reduced cost by 12%"
    r"|\b(?:cut|reduc\w*|lower\w*|decreas\w*|dropp\w*|fell|fall\w*|increas\w*|improv\w*"
    r"|rais\w*|rose|grew|grow\w*|boost\w*|lift\w*|sav\w*|shrank|shrunk|shav\w*|trimm\w*"
    r"|speed\w* up|sped up|gain\w*)\b(?:\s+[\w-]+){0,4}?\s+by\s+(?:~\s?)?"
    rf"{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a change verb with the number right after it: "fell 28%", "rose +3.2% watch time"
    r"|\b(?:fell|dropped|rose|grew|jumped|climbed|declined|shrank|improved|increased"
    rf"|decreased|went (?:up|down))\s+(?:{_SIGN}\s?)?{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a value beside where it came from: "0.3%, up from 0.29%"
    rf"|(?<![\w.]){_VAL}[,;]?\s+(?:up|down) from\s+{_VAL}"
    # a comparative: "18 ms faster", "24% fewer notifications"
    rf"|(?<![\w.]){_NUM}\s?-?\s?{_UNIT}\s+(?:faster|slower|cheaper|lower|higher|fewer|more|less"
    r"|better|worse|smaller|larger|bigger)\b",
    _FLAGS,
)


_ABSOLUTE_UNIT = re.compile(
    rf"\d\s?-?\s?(?!(?:%|pp|x|×|points?|bps)(?![a-z]))(?:{_UNIT})(?![a-z0-9])|[$€£]|/\w", _FLAGS
)


def before_after(text: str) -> list[Span]:
    # "improved by 20%" compares against nothing we can name; it needs the measured thing.
    spans = [
        span
        for span in _spans("before_after", _BEFORE_AFTER, text)
        if _ABSOLUTE_UNIT.search(span.text) or _names_what_it_measures(text, span.start, span.end)
    ]
    return _dedupe(spans, text)


_MEASUREMENT = re.compile(
    r"\bA/B(?:[- ]?test\w*)?|\bAB[- ]test\w*|\bA/A\b|\bsplit[- ]test\w*|\bhold[- ]?outs?\b"
    r"|\bcontrol (?:group|bucket|arm|cell)s?\b|\brandomi[sz]ed\b(?:\s+\w+){0,2}|\bCUPED\b"
    r"|\bconfidence intervals?\b|\b\d+\s?% CI\b|\bp[- ]?values?\b|\bp\s*[<=≤]\s*0?\.\d+"
    r"|\bstatistically (?:significant|insignificant)\b|\bstat[- ]sig\w*|\bsequential test\w*"
    r"|\binterleav\w+|\bcanary\b|\bshadow (?:mode|traffic|test\w*|deploy\w*)\b|\bbacktest\w*"
    r"|\boffline (?:eval\w*|replay|test\w*)\b|\bload[- ]test\w*|\bbenchmark\w*|\bprofil(?:ed|ing)\b"
    r"|\bpower analysis\b|\b(?:I|we) (?:measured|tracked|compared|prototyped|tested)\b"
    r"|\bmeasured\s+(?:it|them|this|that|by|with|on|over|via|using|across|in)\b"
    r"|\bsurvey\w*|\btime[- ]tracking\b|\bexperiment\w*|\bdiff(?:erence)?[- ]in[- ]diff\w*"
    r"|\bbootstrap\w*|\bincident (?:cost )?analysis\b|\bpost[- ]?mortems?\b|\bablation\w*"
    r"|\bcohort analysis\b|\btraces?\b|\bflame ?graphs?\b",
    _FLAGS,
)


def measurement(text: str) -> list[Span]:
    return _dedupe(_spans("measurement", _MEASUREMENT, text), text)


_VARIANCE = re.compile(
    r"\bconfidence intervals?\b|\b\d+\s?% CI\b|±\s?\d[\d.]*\s?\S*|\+/-\s?\d[\d.]*\s?\S*"
    r"|\bp\s*[<=≤]\s*0?\.\d+|\bp[- ]?values?\b(?:\s+(?:of|was|=|<)\s*0?\.\d+)?"
    r"|\b(?:not\s+)?statistically (?:significant|insignificant)\b|\bstat[- ]sig\w*"
    r"|\bstandard (?:deviation|error)s?\b|\bvariance\b|\berror bars?\b|\bCUPED\b"
    r"|\bminimum detectable effect\b|\bMDE\b|\bpower analysis\b|\bwithin (?:the )?noise\b"
    r"|\bbootstrap\w*|\bsignifican(?:t|ce) at\b|\bno significant\b|\b(?:sample size|seeds?)\b",
    _FLAGS,
)


def variance(text: str) -> list[Span]:
    return _dedupe(_spans("variance", _VARIANCE, text), text)


_DECISION_VERBS = (
    r"chose|choose|picked|selected|decided|designed|redesigned|architected|built|rebuilt|wrote"
    r"|rewrote|authored|led|owned|drove|proposed|pitched|championed|pushed for|argued for"
    r"|ran|set up|set|implemented|introduced|migrated|created|defined|prototyped|shipped|launched"
    r"|negotiated|convinced|recommended|replaced|killed|switched|moved|tuned|trained|added"
    r"|removed|split|started|initiated|mentored|hired|coordinated|scoped|planned|benchmarked"
    r"|profiled|established|refactored|optimi[sz]ed|deployed|rolled out|sized|dropped|cut"
    r"|made the (?:call|decision)|took (?:ownership|over|the decision)|was responsible for"
    r"|was accountable for|was in charge of|was the (?:tech(?:nical)? lead|lead|owner|DRI)"
    r"|was (?:tech(?:nical)? )?lead"
)
_DECISION = re.compile(
    r"\bI(?:\s+(?:have|had|personally|also|then|first|later|eventually|initially|finally"
    rf"|ultimately|myself|alone|originally))*\s+(?:{_DECISION_VERBS})\b"
    rf"(?P<object>(?:[ \t]+(?!and\b|but\b){_TOKEN}){{1,8}})"
    rf"|\bmy (?:decision|call|proposal|design) (?:was|is)(?P<object2>{_WORDS}{{1,8}})",
    _FLAGS,
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


def decisions(text: str) -> list[Span]:
    found = []
    for m in _DECISION.finditer(text):
        obj = (m.group("object") or m.group("object2") or "").lower().split()
        if any(word.strip(".,;") not in _VAGUE for word in obj):
            found.append(Span("decisions", m.start(), m.end(), m.group(0)))
    return found


_WE = re.compile(rf"\b(?:we|our team)(?:'ve|'d|'re)?{_WORDS}{{1,6}}", _FLAGS)


def we_statements(text: str) -> list[Span]:
    return _spans("we_statements", _WE, text)


def _alt_name(n: int) -> str:
    return rf"(?P<name{n}>(?:[ \t]*{_TOKEN}){{1,6}})"


_ALTERNATIVE = re.compile(
    r"\b(?:alternatives?|options?|approach(?:es)?|candidates?)(?:\s+(?:[A-D1-4]|one|two))?"
    rf"\s*(?::|was|were|would have been|being|is|included)\s*{_alt_name(1)}"
    r"|\b(?:we|I|the team)\s+(?:also\s+|first\s+|briefly\s+)?(?:considered|evaluated|tried"
    r"|prototyped|benchmarked|compared|looked at|weighed|explored|rejected|ruled out|tested"
    rf"|piloted|trialled|trialed)\s+(?:using\s+)?{_alt_name(2)}"
    rf"|\b(?:instead of|rather than|as opposed to|versus|vs\.?|over)\s+{_alt_name(3)}"
    rf"|\bcompared (?:it )?(?:to|with|against)\s+{_alt_name(4)}",
    _FLAGS,
)
_ARTICLES = frozenset(["a", "an", "the", "our", "their", "its", "his", "her", "my", "using"])
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
    ]
)


def alternatives(text: str) -> list[Span]:
    found = []
    for m in _ALTERNATIVE.finditer(text):
        name = next(g for g in m.groups() if g is not None).split()
        # The first word must name something: "we considered XGBoost", not "we considered
        # other options" or "over time".
        words = [w.strip(".,;:()").lower() for w in name]
        while words and words[0] in _ARTICLES:
            words.pop(0)
        first = words[0] if words else ""
        if not first or first in _NOT_A_NAME or first.replace(".", "").isdigit():
            continue
        found.append(Span("alternatives", m.start(), m.end(), m.group(0)))
    return found


_TRADEOFF = re.compile(
    r"\btrade-?offs?\b|\btraded\b(?:\s+\w+){0,4}|\bat the (?:cost|expense|price) of\b"
    r"|\bin exchange for\b|\bpros\b|\bcons\b|\bdownsides?\b|\bupsides?\b|\bdrawbacks?\b"
    r"|\bsacrific\w+|\bgave up\b|\bgiving up\b|\b(?:we|I) accepted\b|\baccepting\b"
    r"|\bcost us\b|\bthe price (?:was|we paid|of)\b|\bnot (?:worth|justified)\b"
    r"|\bworth (?:it|the)\b"
    r"|\bpenalty\b|\boverhead\b|\bbut (?:it )?(?:cost|costs|added|adds|was|were|needed|needs"
    r"|required|requires|lost|loses|trailed|trails|violated|violates|underfit\w*|plateau\w*"
    r"|broke|breaks)\b|\bwon on\b|\blost on\b",
    _FLAGS,
)


def tradeoff_language(text: str) -> list[Span]:
    return _spans("tradeoff_language", _TRADEOFF, text)


_RATIONALE = re.compile(
    r"\b(?:because(?: of)?|so that|since(?!\s+(?:\d|then|last|early|january|february|march"
    r"|april|may|june|july|august|september|october|november|december))|due to|in order to"
    r"|given that|which (?:meant|means|let|lets|allowed|allows|kept|keeps|gave|gives|avoided"
    r"|avoids)|that way|the reason (?:was|is|being)|this (?:let|lets|allowed|allows|kept|keeps"
    r"|meant|means)|to (?:keep|meet|stay|fit|avoid|prevent|guarantee|hit))\b"
    rf"{_WORDS}{{2,12}}",
    _FLAGS,
)


def rationale(text: str) -> list[Span]:
    return _spans("rationale", _RATIONALE, text)


_FLOW_WORD = r"[A-Za-z][\w/&()-]*(?:\s+[A-Za-z][\w/&()-]*){0,3}"
_DATA_FLOW = re.compile(
    rf"(?<![\w.]){_FLOW_WORD}\s*(?:→|->|=>|⇒|➝)\s*{_FLOW_WORD}(?:\s*(?:→|->|=>|⇒|➝)\s*{_FLOW_WORD})*"
    r"|\b(?:feeds?|fed|flows?|flowed|lands?|landed|streams?|streamed|writes?|wrote|reads?"
    r"|publish(?:es|ed)?|consumes?|consumed|pushes|pushed|sends?|sent|passes|passed|pulls?|pulled"
    r"|loads?|loaded|ingests?|ingested|go|goes|went|joins?|joined|emits?|emitted|forwards?"
    r"|forwarded|routes?|routed|served|cached|stored|indexed|exports?|exported|sinks?|fetch(?:es|ed)?"
    r"|enrich(?:es|ed)|lookups?|queues?|queued|batched|materiali[sz]ed|compiled)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:into|to|from|through|via|onto|out to|in)\s+(?:the\s+|a\s+|an\s+)?"
    r"[\w-]+(?:\s+[\w-]+){0,2}"
    r"|\b(?:upstream|downstream) (?:of|from|to)\s+[\w-]+(?:\s+[\w-]+){0,2}",
    _FLAGS,
)


_DURATIONS = re.compile(
    r"^(?:\w+\s+)*?(?:from\s+)?(?:seconds|minutes|hours|days|weeks|months|quarters|years)\s*"
    r"(?:→|->|=>|⇒|➝)\s*(?:seconds|minutes|hours|days|weeks|months|quarters|years)$",
    _FLAGS,
)


def data_flow(text: str) -> list[Span]:
    # "MTTR from days → hours" is a result, not a pipeline.
    return [s for s in _spans("data_flow", _DATA_FLOW, text) if not _DURATIONS.match(s.text)]


_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_BOUND_NUM = (
    rf"(?:[$€£]\s?\d+(?:[.,]\d+)*(?:\s?(?:k|m|bn|b)(?![a-z]))?|{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9]))"
)
_CONSTRAINT = re.compile(
    r"(?:≤|<=|<|≥|>=|>|\bunder|\bbelow|\bwithin|\bat most|\bat least|\bno more than|\bless than"
    r"|\bmore than|\bmax(?:imum)?(?: of)?|\bcap(?:ped)? (?:at|of)|\blimit(?:ed)? (?:to|of)"
    r"|\bbudget (?:of|was|is)|\bSL[AO] (?:of|was|is)|\btarget (?:of|was|is)|\bceiling of"
    r"|\bup to|\bkeep (?:it )?(?:under|below)|\bstay (?:under|below)|\bnot exceed|\bexceed)"
    rf"\s*:?\s*(?:~\s?)?{_BOUND_NUM}"
    # throughput and volume: "120k QPS", "200M comments a day", "3k requests per second"
    rf"|(?<![\w.]){_NUM}\s?(?:qps|rps|tps|req(?:uest)?s?/s(?:ec)?|events?/s(?:ec)?)\b"
    rf"|(?<![\w.]){_NUM}\s?-?\s?{_UNIT}\s+(?:per|a|an|/|each)\s?(?:second|sec|minute|min|hour"
    r"|day|week|month|user|request|host|node)\b"
    # named limits with a value: "memory 4 GB per host", "p95 latency: 80 ms"
    r"|\b(?:latency|memory|budget|cost|throughput|p\d{2,3}|error rate|uptime|availability"
    r"|sla|slo|fpr|deadline)\b(?:\s+[\w-]+){0,2}?\s*(?:of|:|=|is|was|at|must be|had to be"
    rf"|needed to be)\s*(?:~\s?)?{_NUM}\s?-?\s?{_UNIT}(?![a-z0-9])"
    # a date: "launch by March", "ship within 6 weeks", "live before Q4"
    r"|\b(?:launch\w*|ship\w*|deadline|live|ready|deliver\w*|go-live|due)\s+(?:date\s+)?"
    rf"(?:by|before|in|within|of|was|for)\s+(?:the end of\s+|early\s+|late\s+|mid-?\s*)?"
    rf"(?:{_MONTHS}|Q[1-4]|black friday|(?:the\s+)?holiday\w*|{_NUM}\s?(?:days?|weeks?|months?))\b",
    _FLAGS,
)


def constraints(text: str) -> list[Span]:
    return _dedupe(_spans("constraints", _CONSTRAINT, text), text)


_HEDGING = re.compile(
    r"\bI think\b|\bI guess\b|\bI believe\b|\bI feel(?: like)?\b|\bmaybe\b|\bprobably\b"
    r"|\bperhaps\b|\bpossibly\b|\bkind of\b|\bsort of\b|\bkinda\b"
    r"|\b(?:I'm |I am )?not (?:really )?sure\b"
    r"|\bI don't (?:really )?(?:remember|know)\b|\bhopefully\b|\bit seemed\b|\bseemed to\b"
    r"|\bmight have\b|\bmay have\b|\bmore or less\b|\bsomewhat\b|\bI suppose\b|\barguably\b"
    r"|\bpresumably\b|\bsomething like\b|\bor so\b|\bI'd say\b|\bbasically\b|\bto be honest\b"
    r"|\bhonestly\b|\bit depends\b|\bin theory\b|\bshould be fine\b|\bpretty (?:sure|much|good)\b",
    _FLAGS,
)


def hedging(text: str) -> list[Span]:
    return _spans("hedging", _HEDGING, text)


_HINDSIGHT = re.compile(
    r"\bin hindsight\b|\blooking back\b|\bin retrospect\b|\bnext time\b|\bnext iteration\b"
    r"|\bif I (?:did|were to do|had to do|could do|started) (?:it|this|that)?\s*(?:again|over)\b"
    r"|\b(?:I|we)(?:'d| would)(?: have)?(?: \w+)? (?:do|done|change|changed|invest|invested|start"
    r"|started|use|used|add|added|build|built|pick|picked|choose|chosen|try|tried|move|moved"
    r"|spend|spent|push|pushed|measure|measured|test|tested|ship|shipped|skip|skipped|drop"
    r"|dropped|cut|instrument|instrumented|calibrate|calibrated|involve|involved|ask|asked|set"
    r"|begin|focus|focused|split|switch|switched|prioriti[sz]e|prioriti[sz]ed|rethink|revisit"
    r"|design|designed|plan|planned|run|automate|automated|narrow|narrowed)\b"
    r"|\bshould have\b|\blessons? (?:I |we )?learn(?:ed|t) (?:was|were|is|:)"
    r"|\b(?:I|we) learn(?:ed|t) (?:that|to|how)\b"
    r"|\bwhat I(?:'d| would) change\b|\bdifferently\b|\bregret\w*|\bmy mistake\b|\bmistake was\b"
    r"|\bcould have shipped\b|\bcould have been\b",
    _FLAGS,
)


def hindsight(text: str) -> list[Span]:
    return _spans("hindsight", _HINDSIGHT, text)


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
