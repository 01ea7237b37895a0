"""The claim ledger: the candidate's claims an interviewer would test, each with its own question.

Claims are read by ``scoring.claims``, the one claim reader the grader uses too: every figure
as a whole phrase with a type, a status and what it already states, plus outcomes said with no
figure at all ("complaints dropped"). This module decides which claims deserve a question and
which question, by type:

- a result read on one slice only (one district, one phone, one attack wave) → why that slice,
  and what the same figure showed beyond it (a pilot keeps its own question);
- a wait on people's own devices (an app's cold start) → measured in the lab or the field, and
  on the slowest devices; never the server load it ran at;
- an online result → what the text has not stated yet, in this order: the control, how long it
  ran (and whether the effect faded), the interval; when all three are there, what got worse
  and whether it lasted;
- an offline comparison → what happened online, or the baseline, or what it was measured on,
  or whether the comparison was fair;
- a constraint or SLO → where it came from and what breaks above it, the peak and headroom, or
  what happens when a deadline is missed;
- a cost → per request and per 1k, the bill behind a saving, or who set a budget; money a
  change is said to be worth → how the effect was turned into it;
- a count or incident → out of how many, and the trend;
- a team or role → what the candidate decided;
- an outcome without a figure → by how much, measured how; one claimed as none at all ("zero
  data loss") → what check would have caught even one.

Scale and context facts ("340 stores") are not boasts and get no question, nor does anything
negated, planned or wished for in hindsight. A question never asks for what its claim, or the
section it sits in, already states (``challenges.facets``).
"""

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from challenges.facets import (
    BASELINE,
    CONTROL,
    DURATION,
    INTERVAL,
    ONLINE,
    ORIGIN,
    SAMPLE,
    stated_among,
)
from challenges.personas import BAR_RAISER, PRODUCT, SRE, STAFF_ML
from challenges.pressure import BAR_RAISER as BAR_RAISER_PRESSURE
from challenges.pressure import STANDARD, WARMUP
from scoring import claims as reader
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS

_F = re.IGNORECASE


@dataclass(frozen=True)
class Ask:
    """One kind of claim question: who asks, what it is about, and how it ends."""

    key: str  # the template's name (the engine's scorer counts how often each is asked)
    persona: str
    topic: str  # a bank TOPIC key
    asks: frozenset[str]  # the facets it asks for (challenges.facets)
    why: str  # completes "<claim type> in <section>: …"
    tail: str
    points: tuple[str, ...]  # what a strong answer contains
    # Whether it covers its topic for the round: a claim with no figure at all, or two options
    # weighed offline, is its own issue beside any other question on the same topic.
    exclusive: bool = True


def _ask(key, persona, topic, asks, why, tail, points, *, exclusive=True) -> Ask:
    return Ask(key, persona, topic, frozenset(asks), why, tail, tuple(points), exclusive)


ASKS: dict[str, Ask] = {
    ask.key: ask
    for ask in (
        _ask(
            "online_control",
            STAFF_ML,
            "causality",
            {CONTROL},
            "it names no control group",
            "what did a control group that did not get the change do over the same period?",
            (
                "A control or holdout group that did not get the change, and how it was chosen",
                "The control's figure over the same period, next to the treated one",
                "The effect stated as the difference between the two",
            ),
        ),
        _ask(
            "online_impossible",
            SRE,
            "quality",
            (),
            "a failure it counts went to zero",
            "what makes that impossible now, which path could still get around it, and what "
            "check would tell you if a single one slipped through?",
            (
                "The mechanism that rules the failure out (a constraint, a lock, a transaction) "
                "and what it relies on",
                "The paths it does not cover: a failover, a retry, a manual fix, another writer",
                "The check or alert that would catch one case, and how it was tested under load "
                "or faults",
            ),
        ),
        _ask(
            "online_price",
            PRODUCT,
            "tradeoff",
            (),
            "it is a cost accepted for something else",
            "why was that price worth paying, and at what point would it stop being worth it?",
            (
                "What the price bought, with a figure",
                "The limit past which it would not be worth it, and who agreed to it",
                "How the cost is watched so it does not creep past that limit",
            ),
        ),
        _ask(
            "online_pilot",
            STAFF_ML,
            "causality",
            {CONTROL},
            "a pilot with no comparison group",
            "a pilot's sites and people are chosen, not drawn at random. How did a comparable "
            "control group without it do over the same weeks?",
            (
                "How the pilot's sites or people were chosen",
                "A comparable group without the change, over the same weeks, with its figure",
                "The effect as the difference between the two, and how it held after the pilot",
            ),
        ),
        _ask(
            "online_since",
            STAFF_ML,
            "causality",
            {CONTROL},
            "it compares the weeks after launch with the weeks before",
            "what else changed over those {period}, and what did a group that did not get the "
            "change do meanwhile?",
            (
                "What else changed in that period: season, traffic mix, other launches",
                "A holdout or a comparable group over the same weeks, with its figure",
                "The effect with those changes taken out",
            ),
        ),
        _ask(
            "one_slice",
            PRODUCT,
            "evaluation",
            (),
            "it was measured on one slice only",
            "you measured that {where} only. Why that slice, and what did the same figure show "
            "beyond it?",
            (
                "Why that slice was chosen, and how it differs from the rest",
                "The same figure on the other slices, or on all of them together",
                "Where the result would not hold, and how it was checked",
            ),
            exclusive=False,
        ),
        _ask(
            "online_weeks",
            STAFF_ML,
            "novelty",
            {DURATION},
            "it does not say how long the test ran",
            "how many full weeks did it run, and did the effect hold from the first week to the "
            "last?",
            (
                "The test's length, covering whole weekly cycles",
                "The effect week by week, showing whether it faded",
                "A reading after launch or from a long-running holdout",
            ),
        ),
        _ask(
            "online_clusters",
            STAFF_ML,
            "significance",
            {INTERVAL},
            "its arms were whole groups, not single users or orders",
            "how many groups sat in each arm, did the arms match before the test, and was the "
            "interval computed per group or per event?",
            (
                "The number of groups per arm, not the number of events inside them",
                "A check that the arms matched before the test (the metric in the weeks before)",
                "An interval that treats each group as one unit, or a test that re-randomises",
            ),
        ),
        _ask(
            "online_interval",
            STAFF_ML,
            "significance",
            {INTERVAL},
            "it gives no interval",
            "what was the confidence interval, and how big is that metric's normal week-to-week "
            "noise?",
            (
                "The confidence interval or p-value of the effect",
                "The sample size behind it",
                "The metric's usual noise, set against the effect",
            ),
        ),
        _ask(
            "online_holds",
            PRODUCT,
            "tradeoff",
            (),
            "it states its control, length and interval, so the next question is what it cost",
            "which segment or guardrail metric got worse, and did the effect last once everyone "
            "had it?",
            (
                "A segment or guardrail metric that moved the wrong way, with a figure",
                "The effect after full rollout, or in a long-running holdout",
                "Why the trade was accepted",
            ),
        ),
        _ask(
            "absolute_check",
            SRE,
            "quality",
            (),
            "it claims there was none at all",
            "what check would have caught even one, what share of the whole did it cover, and "
            "what did it find along the way?",
            (
                "The check that would catch a failure: a reconciliation, checksums, an alert",
                "How much it covered: every record or request, or a sample",
                "What it caught on the way, and how that was fixed",
            ),
            exclusive=False,
        ),
        _ask(
            "vague_size",
            STAFF_ML,
            "evaluation",
            (),
            "it claims an outcome without a figure",
            "by how much, measured how, and compared with what?",
            (
                "The size of the change, as a figure with a unit",
                "How it was measured: an experiment, a dashboard or a survey",
                "The baseline or period it is compared with",
            ),
            exclusive=False,
        ),
        _ask(
            "vague_hearsay",
            STAFF_ML,
            "evaluation",
            (),
            "it is an outcome someone else reported, without a figure",
            "what figure did they report, how was it measured, and against what baseline?",
            (
                "The figure that was reported, with its unit",
                "Who measured it and how: a dashboard, an audit or an impression",
                "The baseline or period it is compared with",
            ),
            exclusive=False,
        ),
        _ask(
            "vague_proxy",
            PRODUCT,
            "quality",
            (),
            "it offers complaints or feedback as the evidence, without a figure",
            "complaints and feedback are a proxy. By how much did they move, and what direct "
            "measure of quality did you track?",
            (
                "The change in complaints or feedback, as a rate with its baseline",
                "A direct measure of the quality in question, with a figure",
                "Why the proxy tracks that quality, or where it does not",
            ),
            exclusive=False,
        ),
        _ask(
            "system_load",
            SRE,
            "latency_budget",
            (),
            "a latency or capacity figure means little without its load",
            "at what load, which percentile, and measured at the client or at the server?",
            (
                "The load it was measured at, in requests per second",
                "Which percentile it is, and whether per request or per user",
                "Where it was measured: at the client or at the server",
            ),
        ),
        _ask(
            "system_where",
            SRE,
            "latency_budget",
            (),
            "a latency figure means little without its load",
            "at what load was that measured, for how long, and at the client or at the server?",
            (
                "The load it was measured at, in requests per second, against the peak",
                "How long the measurement ran, and whether it covered the peak",
                "Where it was measured: at the client or at the server",
            ),
        ),
        _ask(
            "system_beyond",
            SRE,
            "scale",
            (),
            "a latency at a stated load says nothing of the load above it",
            "is that load your peak, how long did you hold it, and what degrades first beyond it?",
            (
                "Whether the load measured is the real peak, with the peak's figure",
                "How long the load was held, and whether caches were warm",
                "What degrades first past it: latency, errors or dropped work",
            ),
        ),
        _ask(
            "client_time",
            SRE,
            "evaluation",
            (),
            "it is a wait measured on people's devices, not a server under load",
            "measured where: on a test device or on users' devices in the field, and what is it "
            "on the slowest tenth of them?",
            (
                "Where it was measured: a lab device, or telemetry from users in the field",
                "A high percentile, and the figure on the slowest devices or networks",
                "What users did differently once it was faster, with a figure",
            ),
        ),
        _ask(
            "offline_online",
            STAFF_ML,
            "offline_online",
            {ONLINE},
            "it is an offline figure, and nothing says what happened online",
            "what happened online once it shipped: which live metric moved, and by how much?",
            (
                "An online metric after launch: clicks, conversion, retention or time saved",
                "How it was measured online: an A/B test or a holdout",
                "The gap between the offline gain and the online effect, explained",
            ),
        ),
        _ask(
            "replay_live",
            STAFF_ML,
            "offline_online",
            {SAMPLE},
            "it was worked out by replaying past data, not measured live",
            "that is a replay of past data. Did the live runs since it shipped show the same, and "
            "how were the past ones you replayed chosen?",
            (
                "The same figure on live runs since it shipped, next to the replayed one",
                "How the replayed cases were chosen, and whether they look like today's",
                "What the replay cannot show: a behaviour or input that only exists live",
            ),
        ),
        _ask(
            "offline_baseline",
            STAFF_ML,
            "baseline",
            {BASELINE},
            "it has nothing to compare it with",
            "compared with what: what did the previous model or a simple rule score on the same "
            "data?",
            (
                "The previous system's or a simple rule's score on the same data",
                "Both measured the same way, on the same sample",
                "Whether the difference is larger than its noise",
            ),
        ),
        _ask(
            "offline_sample",
            STAFF_ML,
            "evaluation",
            {SAMPLE},
            "it does not say what it was measured on",
            "on how many examples, sampled how, and from which period?",
            (
                "The size of the evaluation set",
                "How it was sampled, and whether it looks like production traffic",
                "The period it covers, after the training data",
            ),
        ),
        _ask(
            "offline_price",
            PRODUCT,
            "tradeoff",
            (),
            "it is a loss accepted for something else",
            "did that loss ever show up for users online, and what was the saving worth against "
            "it?",
            (
                "Whether the accepted loss was measured online, with a figure",
                "What the saving was worth, in money, latency or capacity",
                "The point at which the trade would no longer have been worth it",
            ),
        ),
        _ask(
            "offline_fair",
            BAR_RAISER,
            "evaluation",
            (),
            "it compares two options offline",
            "were both scored on the same held-out data and features, and was the loser tuned as "
            "hard as the winner?",
            (
                "Both options scored on the same held-out data and the same features",
                "The tuning effort spent on each, stated",
                "The margin against its noise across reruns",
            ),
            exclusive=False,
        ),
        _ask(
            "limit_origin",
            SRE,
            "latency_budget",
            {ORIGIN},
            "it is a limit with no origin",
            "where did that limit come from, and what breaks for users when it is missed?",
            (
                "Its origin: a product SLO, an upstream timeout or a measured effect on users",
                "What breaks when the limit is missed, with a figure",
                "Whether anyone tested it, such as with injected latency",
            ),
        ),
        _ask(
            "limit_peak",
            SRE,
            "scale",
            (),
            "it is a volume with no peak or headroom",
            "is that the peak or the average, and how much headroom did you design for above it?",
            (
                "Whether the figure is the peak or the average",
                "The headroom kept above it, as a number",
                "What happens when the load goes past it",
            ),
        ),
        _ask(
            "limit_headroom",
            SRE,
            "scale",
            (),
            "it is a peak with no headroom",
            "how much headroom did you design for above it, and what happens when the load goes "
            "past it?",
            (
                "The headroom kept above the peak, as a number",
                "What degrades first past it: latency, errors or dropped work",
                "How the system sheds or queues load beyond it",
            ),
        ),
        _ask(
            "limit_missed",
            SRE,
            "oncall",
            (),
            "it is a deadline",
            "what happens downstream on the day a run misses it, and how often has that happened?",
            (
                "What downstream users see when the deadline is missed",
                "How often it was missed, as a count or a share of runs",
                "The alert or fallback that covers a miss",
            ),
        ),
        _ask(
            "limit_growth",
            SRE,
            "scale",
            (),
            "it is a memory or storage figure",
            "is that per host or in total, and what happens when the data keeps growing?",
            (
                "Whether the figure is per host or in total",
                "How it grows with the data, and what happens at the limit",
            ),
        ),
        _ask(
            "cost_per_unit",
            PRODUCT,
            "cost",
            (),
            "it is a cost with no unit",
            "what is that per request or per 1k requests, and what is the monthly bill at "
            "today's volume?",
            (
                "The cost per request or per 1k requests, in dollars",
                "The monthly bill at current volume",
                "What one request is worth, set against its cost",
            ),
        ),
        _ask(
            "cost_counted",
            PRODUCT,
            "cost",
            (),
            "it is a saving",
            "against which bill, counted how (on an invoice or as a projection), and net of the "
            "engineering time it took?",
            (
                "The bill before and after, for the same scope",
                "Whether the saving is on an invoice or projected",
                "The engineering cost set against the saving",
            ),
        ),
        _ask(
            "value_counted",
            PRODUCT,
            "cost",
            (),
            "it is money the change is said to be worth",
            "how did you turn the effect into that figure: revenue or margin, and seen on the "
            "books or projected from the test?",
            (
                "The arithmetic from the measured effect to the money, step by step",
                "Revenue or margin, and what was netted out (fees, refunds, churn)",
                "Whether finance saw it on the books, or it is a projection",
            ),
        ),
        _ask(
            "cost_scale",
            SRE,
            "cost",
            (),
            "it is a unit cost",
            "what does that come to per month at today's volume, and at ten times the volume?",
            (
                "The monthly bill at today's volume",
                "The cost at ten times the volume, and what changes in the design",
                "The value of one request, set against its cost",
            ),
        ),
        _ask(
            "cost_budget",
            PRODUCT,
            "cost",
            {ORIGIN},
            "it is a budget",
            "who set that budget, and what would 20% more have bought?",
            (
                "Who set the budget, and from what",
                "What a bigger budget would have bought, estimated",
                "What the project spent against it",
            ),
        ),
        _ask(
            "count_base",
            PRODUCT,
            "baseline",
            (),
            "it is a count with no base",
            "out of how many, and what was the trend before you started?",
            (
                "The base the count is out of, as a rate",
                "The trend before the change, over several periods",
            ),
        ),
        _ask(
            "team_decisions",
            BAR_RAISER,
            "ownership",
            (),
            "it is a team",
            "which of them worked with you directly, and which decisions did you make for them?",
            (
                "Which of those people worked with the candidate directly",
                "Decisions the candidate made for them, named one by one",
            ),
        ),
    )
}

# Claims whose figures describe a running system: asked about their load, not their control.
_SYSTEM = re.compile(
    r"^(?:p\d{2,3}|latency|throughput|qps|rps|memory|cpu|gpu|uptime|availability|storage"
    r"|error rate)$",
    _F,
)
_LATENCY_UNITS = frozenset({"ms", "µs", "milliseconds"})
_TIME_UNITS = frozenset({"ms", "milliseconds", "s", "sec", "secs", "second", "seconds"})
_JOB_UNITS = frozenset({"minutes", "minute", "min", "mins", "hours", "hour", "h", "hrs", "days"})
_VOLUME = re.compile(
    r"\b(?:qps|rps|tps|per (?:second|minute|hour|day)|an? (?:second|minute|hour|day)|at peak"
    r"|peak)\b|/(?:s|sec|day|hour)\b",
    _F,
)
_OUTCOME_SECTIONS = ("results", "tradeoffs", "defense")
_PRICE_PAID = re.compile(
    r"\b(?:accept(?:ed|ing)?|gave up|giving up|traded|sacrific\w+|at the (?:cost|price) of"
    r"|worth (?:it|the))\b",
    _F,
)
# A latency that names its percentile: "p99 hold time is 95 ms", "median of 40 ms".
_PERCENTILE = re.compile(r"\b(?:p\d{2,3}|\d{2}(?:th|st|nd|rd) percentile|median)\b", _F)
_PEAK = re.compile(r"\b(?:peak|average|mean|on average)\b", _F)
# A limit someone set, not a size: "had to decide within 15 ms", "a $3,000 budget".
_REQUIRED = re.compile(
    r"\b(?:had to|has to|have to|must|needed to|needs? to|required?|requirement|budget|limit"
    r"|sla|slo|target|deadline|within|at most|no more than|non-negotiable|capped|cap(?= at| of))"
    r"\b",
    _F,
)
_FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")
_FIGURE_ONLY = re.compile(r"^[^A-Za-z]*(?:[A-Za-z]{1,3}[^A-Za-z]*)?$")
_MEASURED_ONLINE = re.compile(
    r"\b(?:a/b|ab test|online|in production|live traffic|holdout group|control group"
    r"|randomi[sz]ed)\b",
    _F,
)
# Where an online result with no control came from: a pilot, or the weeks after a launch.
# A test whose arms are whole groups: "50% of merchants in each arm", "randomised by store".
_GROUP_ARMS = re.compile(
    r"\b(?:of (?:the )?(?:merchants|stores|shops|sellers|sites|cities|regions|markets|depots"
    r"|clinics|hospitals|schools|warehouses|teams|branches) (?:in|per|to) (?:each|either|every)"
    r" (?:arm|group|variant)|randomi[sz]ed (?:by|at the level of|per) (?:the )?(?:merchant|store"
    r"|shop|seller|site|city|region|market|depot|clinic|hospital|school|warehouse|team|branch)s?)"
    r"\b",
    _F,
)
# A result read on one slice of what it applies to: one district, one device, one lab, one
# attack wave or campaign. Group arms and pilots have their own questions.
_ONE_SLICE = re.compile(
    r"\b(?:only|just) (?:in|on|for|among|during) (?!(?:a|an|one|two|three|\d+) (?:day|week|month"
    r"|hour|minute|quarter|year)s?\b)(?:the |a |one |our )?[\w-]+(?: [\w-]+){0,2}"
    r"|\b(?:in|on|for|among|during) (?:one |a single |(?:the|a|our) [\w-]+ (?:[\w-]+ )?)"
    r"(?:district|region|city|market|country|segment|cohort|wave|campaign|shard|tenant"
    r"|(?:phone|device|handset|tablet) model)s?\b"
    r"|\b(?:in|on) (?:the|our|a) lab\b"
    r"|\bon (?:a|one|our) (?:[\w-]+ ){0,2}?(?:phone|device|handset|tablet)\b",
    _F,
)
# ...unless it says the others were measured too ("in every region", "across all cohorts"),
# or names the slice to say it was not the one ("in the field, not in the lab"), or the slice
# is an arm of the test ("in the treatment cohort").
_EVERY_SLICE = re.compile(r"\b(?:every|each|all|across|per|both)\b", _F)
_NOT_THE_SLICE = re.compile(
    r"\b(?:not|rather than|instead of) (?:in|on|for|during) \w+ \w*$"
    r"|\b(?:treatment|control|holdout|test)\b",
    _F,
)
# A wait people sit through on their own device (an app's start, a screen's first paint): it
# is asked where and on which devices it was read, not at what server load or against what
# control group.
_CLIENT_TIME = re.compile(
    r"\b(?:cold|warm) starts?\b|\bstart-?up time|\b(?:app|apps|application) (?:now )?"
    r"(?:opens?|launch\w*|starts?|start-?up)\b|\bopens? in\b|\bfirst (?:screen|frame|paint)"
    r"|\btime to (?:interactive|first)|\blaunch time",
    _F,
)
# ...or timed on them: "on low-end phones", "on a Pixel 6a".
_ON_DEVICES = re.compile(
    r"\bon (?:[\w'-]+ ){0,3}?(?:phones?|handsets?|devices?|tablets?|laptops?)\b", _F
)
# One named site: "in the Bristol clinic", "at the Leeds depot". A result read there is a pilot.
_NAMED_SITE = re.compile(
    r"\b(?:[Ii]n|[Aa]t) the (?:[A-Z][\w'-]+ )+(?:clinic|store|shop|warehouse|depot|site|branch"
    r"|office|hospital|school|plant|factory|ward)\b"
)
_PILOT = re.compile(r"\b(?:pilot\w*|trial|first (?:site|store|warehouse|market|city))\b", _F)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Q[1-4])"
)
# ...or two named months set side by side: "from 2,300 in January to 310 in April".
_NAMED_MONTHS = (
    rf"\b(?:in|during) {_MONTH}\b.{{0,60}}?\bto\b.{{0,40}}?\b(?:in|during|by) {_MONTH}\b"
)
_SINCE = re.compile(
    r"\b(?:since (?:the )?(?:launch|rollout|release)|after (?:the )?(?:launch|rollout|release)"
    r"|(?:first|past|last) (?:\w+ )?(?:weeks?|months?|days?)|in the (?:month|week)s? after)\b"
    rf"|{_NAMED_MONTHS}",
    _F,
)
# The span a before/after is read over, by its own unit: "the first ten days", "in March".
_PERIOD_UNIT = re.compile(rf"\b(day|month)s?\b|{_NAMED_MONTHS}", _F)
# A comparison that needs no control group: one named in words ("compared with eight wards
# that had not switched yet"), both measured on the same cases (a silent or shadow run, A/A
# tests, an audit of the same payments), or a rate that did not exist before ("from 0%").
_COMPARED_WITHOUT_CONTROL = re.compile(
    r"\b(?:that|which|who) (?:had|have|did|do|were|was)(?: not|n't)(?: yet)? (?:switch\w*|get"
    r"|got|receiv\w+|use[ds]?|see|seen|mov\w+|adopt\w*|launch\w*|start\w*)\b"
    r"|\b(?:silent|shadow) (?:mode|run)|\bA/A\b|\baudit\w*"
    r"|\bon the same (?:\w+ )?(?:patients|cases|traffic|requests|sessions|orders|items|sample)\b"
    r"|\bfrom (?:0\s?%|zero|none|nothing)(?![\d.,])",
    _F,
)
# A result worked out on past data, not measured on a live change: "replaying the adjustment
# over 85 past experiments", "re-ran last year's A/B tests".
_REPLAYED = re.compile(
    r"\b(?:replay\w*|re-?ran|re-?run\w*|re-?analy[sz]\w*|simulat\w*|backtest\w*)\b"
    r"|\b(?:past|previous|historical|earlier|old|last year's) (?:\w+ )?(?:experiments"
    r"|a/b tests)\b",
    _F,
)
# Both arms of the test got the same thing: a check of the method, not a result to doubt.
_A_A_TEST = re.compile(r"\bA/A\b", _F)
# A count that went to none: "from 41 to 0", "down to zero".
_TO_ZERO = re.compile(r"\bto (?:0|zero|none|nil)\b(?![.,]\d)", _F)
# A cost the candidate says was paid on purpose: "…, which we accepted in exchange for …".
_ACCEPTED_COST = re.compile(
    r"\b(?:we|I|which we|the team|product) (?:\w+ )?accept(?:ed|s)?\b|\bin exchange for"
    r"|\bat the (?:cost|price) of|\b(?:a|the) (?:price|cost) (?:we|I)\b|\btraded (?:\w+ ){0,3}for"
    r"|\bworth (?:it|the (?:price|cost))",
    _F,
)
# An outcome known from someone else, or through complaints and feedback.
_HEARSAY = re.compile(
    r"\b(?:according to|reports? that|reported that|told (?:us|me)|said that|heard|say(?:s)? that"
    r"|feedback (?:was|is) that)\b",
    _F,
)
_PROXY = re.compile(
    r"\b(?:complaints?|support tickets?|tickets|feedback|anecdot\w*|escalations?)\b", _F
)
_DEADLINE = re.compile(r"\b(?:window|deadline|overnight|every night)\b", _F)
_MEMORY = re.compile(r"\b(?:gb|mb|tb|gib|memory|storage|ram)\b", _F)
_DEVICE = re.compile(
    r"\b(?:phones?|handsets?|devices?|tablets?|watch(?:es)?|laptops?|cameras?|cars?|consoles?"
    r"|set-top boxes|TVs?|(?:on|the) client)\b",
    _F,
)
_SAVING = re.compile(r"\b(?:sav\w*|cut|reduc\w*|lower\w*|dropp\w*|fell|down|halved)\b", _F)
# Money a change is said to bring in, not a bill: "worth about $3.4M annualised".
_WORTH = re.compile(r"\b(?:worth|recover\w*|revenue|earn\w*|brought in|annuali[sz]ed)\b", _F)
_COMPARED = re.compile(r"\b(?:than|against|versus|vs|compared|from)\b", _F)
# An outcome claimed as none at all: "with zero data loss", "no alert was lost".
_NONE_AT_ALL = re.compile(
    r"\b(?:zero|no|not a single|not one) (?:[\w-]+ ){0,2}?(?:loss|lost|downtime|outages?|errors?"
    r"|incidents?|regressions?|failures?|mismatch\w*|duplicates?|double[- ]\w+)\b"
    r"|\bwithout (?:any|a single) (?:[\w-]+ ){0,2}?(?:loss|downtime|outage|error|incident"
    r"|regression|failure)s?\b",
    _F,
)
_NOT_YET = re.compile(r"\b(?:would|will|plan\w*|hope\w*|aim\w*|should|next)\b", _F)
_BUDGET = re.compile(r"\b(?:budget|cap|capped|limit|at most|under|below|no more than)\b", _F)
_PER_UNIT = re.compile(
    r"\bper (?:1k|1,000|thousand|million|request|call|query|user|prediction|order|ticket|image"
    r"|document|token|page|transaction|customer)s?\b|/\s?(?:1k|request|call|query|user)\b",
    _F,
)
_LEADING = re.compile(r"^(?:and|but|so|while|which|then|or|also)\s+", _F)

# How much each type of claim is worth questioning, and where it sits.
_TYPE_WEIGHT = {
    reader.ONLINE: 3.0,
    reader.OFFLINE: 3.0,
    reader.COST: 2.0,
    reader.CONSTRAINT: 1.5,
    reader.COUNT: 1.5,
    reader.TEAM: 1.0,
}
_SECTION_WEIGHT = {"results": 3.0, "tradeoffs": 1.5, "defense": 1.5, "architecture": 0.5}
_KIND_LABELS = {**reader.CLAIM_TYPES}
UNQUANTIFIED_LABEL = "Outcome without a figure"
SYSTEM_LABEL = "Latency or capacity"


def tidy(phrase: str) -> str:
    """A quote as the candidate said it, without a joining word left in front ("and …")."""
    return _LEADING.sub("", phrase.strip()).rstrip(".")


@dataclass(frozen=True)
class LedgerClaim:
    section: str
    claim: reader.Claim
    ask: Ask

    @property
    def quote(self) -> str:
        return tidy(self.claim.phrase)

    @property
    def slug(self) -> str:
        digest = hashlib.sha1(f"{self.ask.key}|{self.quote}".encode()).hexdigest()[:10]
        return f"claim-{self.section}-{digest}"

    @property
    def persona(self) -> str:
        return self.ask.persona

    @property
    def topic(self) -> str:
        return self.ask.topic

    @property
    def template(self) -> str:
        return self.ask.key

    @property
    def key_points(self) -> tuple[str, ...]:
        return self.ask.points

    @property
    def section_title(self) -> str:
        return SECTION_BY_KEY[self.section].title

    @property
    def kind_label(self) -> str:
        if not self.claim.values:
            return UNQUANTIFIED_LABEL
        if self.ask.key.startswith("system_"):
            return SYSTEM_LABEL
        return _KIND_LABELS[self.claim.type]

    @property
    def reason(self) -> str:
        return f"{self.kind_label} in {self.section_title}: {self.ask.why}"

    @property
    def boldness(self) -> float:
        claim = self.claim
        weight = _TYPE_WEIGHT.get(claim.type, 1.0) + _SECTION_WEIGHT.get(self.section, 0.0)
        if not claim.values or _to_zero(claim):
            weight += 1.0  # an outcome with no figure at all, or one that went to none
        elif any(value.unit in ("%", "pp", "x") for value in claim.values):
            weight += 0.5
        return weight + 0.5 * len(self.ask.asks)

    @property
    def is_outcome(self) -> bool:
        """A claim about what the work achieved or how the options compared, not a limit
        or a size in the problem statement."""
        return self.section in _OUTCOME_SECTIONS

    @property
    def could_be_noise(self) -> bool:
        """Whether chance could explain the figure: a measured effect, not a failure designed
        out, a cost accepted on purpose or a latency read under load."""
        return (
            self.claim.type in (reader.ONLINE, reader.OFFLINE)
            and self.ask.key not in ("online_impossible", "online_price")
            and not self.ask.key.startswith("system_")
        )

    @property
    def question(self) -> str:
        return claim_question(self)

    def __str__(self) -> str:
        return self.quote


def claim_question(claim: LedgerClaim, *, pressure: str = STANDARD) -> str:
    """The claim's question, quoting it; sharper at higher pressure."""
    tail = claim.ask.tail.replace("{where}", slice_of(claim.claim.sentence)).replace(
        "{period}", period_of(claim.claim.sentence)
    )
    if pressure == WARMUP:
        return f'You mentioned "{claim.quote}". Tell me more: {tail}'
    if pressure == BAR_RAISER_PRESSURE:
        return f'You said "{claim.quote}". I am not convinced yet: {tail}'
    return f'You said "{claim.quote}": {tail}'


def claim_key_points(claim: LedgerClaim) -> tuple[str, ...]:
    """What a strong answer to the claim's question contains."""
    return claim.ask.points


def period_of(sentence: str) -> str:
    """What a before/after was read over, in the interviewer's words: "months" for named
    months or "the past three months", "days" for days, else "weeks"."""
    found = _SINCE.search(sentence)
    unit = _PERIOD_UNIT.search(found.group(0)) if found else None
    if unit is None:
        return "weeks"
    return f"{(unit.group(1) or 'month').lower()}s"


def slice_of(sentence: str) -> str:
    """The one slice a result was read on ("in the central district", "on a mid-range
    phone"), in the interviewer's words; "" when it names none, or says every slice was read."""
    found = _ONE_SLICE.search(sentence)
    if (
        found is None
        or _EVERY_SLICE.search(sentence)
        or _NOT_THE_SLICE.search(sentence[max(0, found.start() - 12) : found.end()])
    ):
        return ""
    words = re.sub(r"^(?:only|just) ", "", found.group(0), flags=_F)
    words = re.sub(r"\bour\b", "your", words, flags=_F)
    return words[:1].lower() + words[1:]


def _time_spent(claim: reader.Claim) -> bool:
    """A cost counted in people's time, with no money in it."""
    units = {value.unit for value in claim.values} - {""}
    return bool(units) and units <= _TIME_UNITS | _JOB_UNITS


def _client_time(claim: reader.Claim) -> bool:
    return bool(_CLIENT_TIME.search(claim.sentence) or _ON_DEVICES.search(claim.sentence))


def _system(claim: reader.Claim) -> bool:
    # A wait of minutes or hours (a build, a batch run) is a job's length, not a request served
    # under load: "p90 time to a green build went from 52 minutes to 14".
    units = {value.unit for value in claim.values} - {""}  # "from 52 minutes to 14"
    if units and units <= _JOB_UNITS or _client_time(claim):
        return False
    # A throughput or share counted over the days after a launch is what the change did in
    # production, not a reading under load: "throughput reached 545 orders an hour in the first
    # week after the switch".
    if not units & _LATENCY_UNITS and _SINCE.search(claim.sentence):
        return False
    return bool(_SYSTEM.match(claim.metric)) or any(
        value.unit in _LATENCY_UNITS for value in claim.values
    )


def _to_zero(claim: reader.Claim) -> bool:
    """A count that ends at none: "double bookings went from 37 to 0"."""
    return bool(_TO_ZERO.search(claim.phrase))


def _price_paid(claim: reader.Claim) -> bool:
    """The candidate says this figure was a cost paid on purpose: the words after it, before
    any other figure, accept it ("…to 19 minutes, which we accepted in exchange for …")."""
    last = claim.values[-1].text
    at = claim.sentence.find(last)
    if at < 0:
        return False
    after = re.split(r"\d", claim.sentence[at + len(last) :], maxsplit=1)[0]
    return bool(_ACCEPTED_COST.search(after))


def _system_ask(claim: reader.Claim) -> Ask:
    """A measured latency or capacity is asked for what it leaves out: the load, where it was
    measured, or, with its load stated, what happens beyond it."""
    if _VOLUME.search(claim.phrase):
        return ASKS["system_beyond"]
    return ASKS["system_where" if _PERCENTILE.search(claim.phrase) else "system_load"]


def choose_ask(
    claim: reader.Claim, section: str, *, stated: frozenset[str], online_seen: bool
) -> Ask | None:
    """The question a claim calls for, or None (context, not built, or nothing left to ask).

    ``stated`` holds what the claim's section states besides the claim itself; ``online_seen``
    whether the project reports anything measured online.
    """
    if claim.status != reader.BUILT or (claim.values and _FIGURE_ONLY.match(claim.phrase)):
        return None  # not built, or a bare figure restating its neighbour ("+11.8%")
    known = claim.stated | stated
    if _COMPARED_WITHOUT_CONTROL.search(claim.sentence):
        known |= {CONTROL}
    kind = claim.type
    if kind == reader.COST and _time_spent(claim):
        kind = reader.ONLINE  # "reps now spend 9 minutes per summary": time saved, not a bill
    if _A_A_TEST.search(claim.sentence):
        return None  # a check that the method invents no effect: the candidate's evidence
    if kind == reader.ONLINE and claim.values and _REPLAYED.search(claim.sentence):
        # worked out on past experiments, not a change measured live
        return ASKS["replay_live"] if section in _OUTCOME_SECTIONS else None
    if kind in (reader.ONLINE, reader.COUNT) and claim.values and section in _OUTCOME_SECTIONS:
        # A failure designed out is asked what keeps it out, a cost paid on purpose what it
        # bought: neither is answered by a control group.
        if _price_paid(claim):
            return ASKS["online_price"]
        if _to_zero(claim):
            return ASKS["online_impossible"]
    if kind in (reader.ONLINE, reader.OFFLINE):
        if not claim.values:
            if _NONE_AT_ALL.search(claim.phrase):
                return ASKS["absolute_check"]
            if _HEARSAY.search(claim.sentence):
                return ASKS["vague_hearsay"]
            if _PROXY.search(claim.sentence):
                return ASKS["vague_proxy"]
            return ASKS["vague_size"]
        if _system(claim) and section != "problem":
            if _REQUIRED.search(claim.phrase):
                return ASKS["limit_origin"]
            return _system_ask(claim)
        if section not in _OUTCOME_SECTIONS:
            return None  # how things stood, or how the system runs: not a result
    one_slice = (
        section != "tradeoffs"
        and reader.measures_something(claim)
        and bool(slice_of(claim.sentence))
    )
    if kind == reader.ONLINE:
        if CONTROL not in known and (
            _PILOT.search(claim.sentence) or _NAMED_SITE.search(claim.sentence)
        ):
            return ASKS["online_pilot"]
        if one_slice and not _GROUP_ARMS.search(claim.sentence):
            return ASKS["one_slice"]
        if _client_time(claim) and _TIME_UNITS & {value.unit for value in claim.values}:
            return ASKS["client_time"]
        if CONTROL not in known:
            if _SINCE.search(claim.sentence):
                return ASKS["online_since"]
            return ASKS["online_control"]
        if DURATION not in known:
            return ASKS["online_weeks"]
        if INTERVAL not in known and _GROUP_ARMS.search(claim.sentence):
            return ASKS["online_clusters"]
        return ASKS["online_interval" if INTERVAL not in known else "online_holds"]
    if kind == reader.OFFLINE:
        if one_slice:
            return ASKS["one_slice"]
        if section == "tradeoffs":
            # a price the candidate paid, or a figure weighing the options against each other
            return ASKS["offline_price" if _PRICE_PAID.search(claim.sentence) else "offline_fair"]
        if not online_seen and section in ("results", "defense"):
            return ASKS["offline_online"]
        if not claim.is_comparison:
            return ASKS["offline_baseline"]
        if SAMPLE not in known and section == "results":
            return ASKS["offline_sample"]
        return ASKS["offline_fair"]
    if kind == reader.CONSTRAINT:
        phrase = claim.phrase
        if not _REQUIRED.search(claim.sentence):
            # a size ("contracts run up to 120k tokens") or a measured speed
            if not _system(claim) or section == "problem":
                return None
            return _system_ask(claim)
        if _MEMORY.search(phrase):
            # A device's memory is what the product must fit on, not data that keeps growing.
            return None if _DEVICE.search(claim.sentence) else ASKS["limit_growth"]
        if _VOLUME.search(phrase) and not any(v.unit in _LATENCY_UNITS for v in claim.values):
            return ASKS["limit_headroom" if _PEAK.search(phrase) else "limit_peak"]
        if _DEADLINE.search(phrase) or any(
            v.unit in ("time", "h", "hour", "hours") for v in claim.values
        ):
            return ASKS["limit_missed"]
        return ASKS["limit_origin"]
    if kind == reader.COST:
        phrase = claim.phrase
        if _WORTH.search(phrase) and not _SAVING.search(phrase):
            return ASKS["value_counted"]
        # its own clause compares or saves: "the API bill is $1,100 a month" beside "review
        # time fell" is a bill, not a saving
        if claim.change or _SAVING.search(phrase) or _COMPARED.search(phrase):
            return ASKS["cost_counted"]
        if _BUDGET.search(phrase):
            return ASKS["cost_budget"]
        if _PER_UNIT.search(phrase):
            return ASKS["cost_scale"]
        return ASKS["cost_per_unit"]
    if kind == reader.COUNT:
        return ASKS["count_base"]
    if kind == reader.TEAM:
        # "I led 4 engineers", not "the two teams' ratings" of a game
        return ASKS["team_decisions"] if _FIRST_PERSON.search(claim.sentence) else None
    return None  # scale and context facts are not boasts


def _online_seen(texts: Mapping[str, str]) -> bool:
    """Does the project report anything measured online, in Results or Defense?"""
    for section in ("results", "defense"):
        text = texts.get(section) or ""
        if _MEASURED_ONLINE.search(text) or any(
            claim.type == reader.ONLINE
            and claim.values
            and not _system(claim)
            and not _REPLAYED.search(claim.sentence)
            for claim in reader.read_claims(text, section)
        ):
            return True
    return False


def _none_at_all(text: str, section: str) -> tuple[reader.Claim, ...]:
    """Outcomes claimed as none at all ("moved with zero data loss"), which the claim reader
    does not read when a figure stands in their sentence."""
    if section not in _OUTCOME_SECTIONS:
        return ()
    found = []
    for sentence in re.finditer(r"[^.!?\n]+", text):
        said = sentence.group(0)
        match = _NONE_AT_ALL.search(said)
        if match is None or _NOT_YET.search(said):
            continue
        start, end = sentence.start() + match.start(), sentence.start() + match.end()
        found.append(
            reader.Claim(
                type=reader.ONLINE,
                status=reader.BUILT,
                phrase=reader.phrase_around(text, start, end),
                start=start,
                end=end,
                metric="",
                values=(),
                stated=frozenset(),
                sentence=said.strip(),
            )
        )
    return tuple(found)


@lru_cache(maxsize=4096)
def section_claims(section: str, text: str, online_seen: bool) -> tuple[LedgerClaim, ...]:
    """The questionable claims of one section's text, in reading order: one per phrase, and
    one per sentence and kind of question."""
    if not text:
        return ()
    stated = reader.stated_facets(text)
    found = sorted(
        reader.read_claims(text, section)
        + reader.read_unquantified(text, section)
        + _none_at_all(text, section),
        key=lambda claim: claim.start,
    )
    claims, seen = [], set()
    for claim in found:
        ask = choose_ask(claim, section, stated=stated, online_seen=online_seen)
        if ask is None or stated_among([text], ask.asks):
            continue
        # Two figures of one sentence asked the same thing are one question ("NDCG +9% and
        # AUC +2.1 points").
        if claim.phrase in seen or (claim.sentence, ask.key) in seen:
            continue
        seen.update({claim.phrase, (claim.sentence, ask.key)})
        claims.append(LedgerClaim(section, claim, ask))
    return tuple(claims)


def extract_claims(*texts_by_section: Mapping[str, str]) -> list[LedgerClaim]:
    """Every questionable claim in the given texts (a project's sections, and maybe the answers
    given in a session), boldest first; ties in section then reading order. A claim made twice
    counts once."""
    joined = {
        section: "\n".join(texts.get(section) or "" for texts in texts_by_section)
        for section in SECTION_KEYS
    }
    online_seen = _online_seen(joined)
    ranked = []
    for part, texts in enumerate(texts_by_section):
        for order, section in enumerate(SECTION_KEYS):
            for position, claim in enumerate(
                section_claims(section, texts.get(section) or "", online_seen)
            ):
                ranked.append((-claim.boldness, order, part, position, claim))
    ranked.sort(key=lambda row: row[:4])
    claims, quotes = [], set()
    for *_, claim in ranked:
        if claim.quote not in quotes:
            quotes.add(claim.quote)
            claims.append(claim)
    return claims
