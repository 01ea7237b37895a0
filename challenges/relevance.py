"""How much each general topic matters for one project: which general question to ask.

Every project gets at least one question on a general topic (leakage, label delay, the
offline–online gap, cost, drift…). Which one is not left to chance: each topic has signals, the
situations in which a senior interviewer reaches for it ("the outcome you predict arrives
weeks later" → label delay; "the model decides what people see" → feedback loops), read from
the project's words, its claims and the techniques it was built with. A topic's relevance is
the sum of the weights of its signals found, and the strongest signal gives the reason shown
to the candidate.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from scoring.patterns import compile_lowered, lowered


@dataclass(frozen=True)
class Signal:
    pattern: re.Pattern | None  # words in the project, or
    claim_type: str  # a kind of claim the claim reader found in it
    weight: float
    reason: str  # what makes the topic matter here ("{words}": the project's words that
    # matched its pattern's group of that name); "" for a signal that only adds weight
    evidence: bool = False  # the words show the problem itself, not only a setting prone to it


def _signal(pattern: str, weight: float, reason: str, *, evidence: bool = False) -> Signal:
    return Signal(compile_lowered(rf"\b(?:{pattern})\b"), "", weight, reason, evidence)


def _claims_of(claim_type: str, weight: float, reason: str) -> Signal:
    return Signal(None, claim_type, weight, reason)


# Kinds of claims a signal can read (`topic_relevance`'s claim_types).
OFFLINE = "offline"
ONLINE = "online"
COST = "cost"
LATENCY_LIMIT = "latency"

# Inputs that exist only as a forecast when a model runs ahead of time: tomorrow's weather is
# known as a forecast, yesterday's as a record. Trained on the record, served on the forecast.
_CONDITIONS = (
    r"weather|temperatures?|rain\w*|wind(?: speed)?|precipitation|sunshine|humidity|snow\w*"
)
_RECORDED_CONDITIONS = (
    rf"(?:actual|observed|recorded|measured|historical) (?:\w+ ){{0,3}}?(?:{_CONDITIONS})"
    rf"|(?:{_CONDITIONS}) (?:\w+ ){{0,4}}?(?:recorded|observed|measured)"
)
ACTUALS_FOR_A_FORECAST = (
    rf"(?:{_RECORDED_CONDITIONS})(?=[\s\S]*\bforecasts?\b)"
    rf"|forecasts?\b(?=[\s\S]*(?:{_RECORDED_CONDITIONS}))"
)

# A feature that records how someone answered a message sent after the moment of prediction:
# "whether the guest replied to the reminder", "appointment confirmed by text".
FEATURE_AFTER_THE_PREDICTION = (
    r"(?:features?|inputs?|signals?|scor\w+|predict\w*|model)\b[^.]{0,160}?"
    r"\b(?P<words>(?:confirm\w*|repl(?:y|ied|ies)|respon\w+|acknowledg\w*|answer\w*|opened"
    r"|clicked)(?: \w+){0,4} (?:texts?|sms|messages?|emails?|reminders?|calls?|notifications?"
    r"|links?))"
)

SIGNALS: dict[str, tuple[Signal, ...]] = {
    "leakage": (
        _signal(
            FEATURE_AFTER_THE_PREDICTION,
            2.0,
            "it learns from “{words}”, a reply to a message that may only come after the "
            "moment it predicts",
            evidence=True,
        ),
        _signal(
            ACTUALS_FOR_A_FORECAST,
            2.0,
            "it learns from the conditions as recorded, which it only has as a forecast when it "
            "runs",
            evidence=True,
        ),
        _signal(
            r"features?|signals?|inputs", 1.0, "your model learns from features built from logs"
        ),
        _signal(
            r"predict\w*|likely to|propensity|score[sd]? (?:every|each)|classif\w+",
            1.0,
            "it predicts an outcome from data recorded around it",
        ),
        _signal(r"labels?|labell?ed|ground truth|targets?", 0.5, "it learns from labels"),
    ),
    "label_delay": (
        _signal(
            r"churn\w*|cancel\w*|conver(?:t|ts|ted|sions?)|fraud\w*|chargebacks?|refunds?"
            r"|defaults? on|retention|repay\w*|next \d+ days|within \d+ days"
            r"|in the next \w+ (?:days|weeks|months)|claims? (?:filed|paid)|lifetime value",
            2.0,
            "the outcome you predict is only known days or weeks later",
        ),
    ),
    "novelty": (
        _signal(
            r"a/b|experiment\w*|launch\w*|rolled out|roll-?out|redesign\w*|widgets?|new (?:layout"
            r"|ranking|design|version|feed|ui)",
            1.0,
            "people saw something new, and new things draw clicks for a while",
        ),
        _signal(r"feeds?|homepage|home page|newsletter|notifications?|emails?", 0.5, ""),
        _claims_of(ONLINE, 0.5, ""),
    ),
    "interference": (
        _signal(
            r"marketplace|sellers?|buyers?|drivers?|riders?|couriers?|advertisers?|auctions?"
            r"|inventory|supply|two-sided|friends?|social|matchmaking|match(?:es|ed)?|queue"
            r"|shared (?:budget|pool|capacity)",
            1.5,
            "your users share inventory, budgets or each other, so test arms can take from "
            "each other",
        ),
        _signal(
            r"a/b|experiment\w*|treatment|control group|randomi[sz]\w+|test arms?",
            1.0,
            "an experiment whose arms share anything can mistake a transfer for a gain",
        ),
    ),
    "feedback_loop": (
        _signal(
            # "retrains weekly on the logins that the step-up flow confirmed as attacks"
            r"(?:retrain\w*|re-?trained|learns?|trained) (?:[\w-]+ ){0,6}?(?:on|from) "
            r"(?:[\w-]+ ){0,4}?(?:that|which|the) (?:[\w-]+ ){0,4}?"
            r"(?:flagged|confirmed|caught|blocked|approved|rejected|held|stopped|reviewed)",
            2.0,
            "it learns only from the cases its own decisions picked out, which it then confirms",
            evidence=True,
        ),
        _signal(
            r"recommend\w*|rank\w*|feeds?|personali[sz]\w+|top \d+|shown|surfac\w+",
            1.0,
            "the model decides what people see, and what they see becomes training data",
        ),
        _signal(
            r"offers?|discounts?|divert\w*|block\w*|flag(?:s|ged)?|hold\w*|remov\w+|ban\w*"
            r"|pushed to|sends?|targeted",
            1.0,
            "the model acts on its picks, so the outcomes you learn from next are its own doing",
        ),
        _signal(r"retrain\w*|weekly|nightly|daily|click logs?|feedback|corrections?", 0.5, ""),
    ),
    "position_bias": (
        _signal(
            r"rank(?:er|ers|ing|ings)?|top \d+|positions?|slots?|carousel|search results"
            r"|results page|ordered list",
            1.0,
            "people click what sits near the top, whatever it is",
        ),
        _signal(r"clicks?|click-through|ctr|click logs?", 1.0, "you learn from logged clicks"),
    ),
    "drift": (
        _signal(
            r"weekly|nightly|daily|hourly|retrain\w*|months?|quarters?|seasonal\w*|trends?"
            r"|adversar\w*|fraud\w*|abuse|spam\w*|new (?:items|users|products|articles)",
            1.0,
            "the model keeps running while the world it learned from moves",
        ),
        _signal(r"production|in prod|live|monitor\w*|dashboards?", 0.5, ""),
    ),
    "fairness": (
        _signal(
            # People a decision is about; not the ML homonyms ("50 candidates" from retrieval,
            # a "large language model", "eligible users" of a test).
            # (a loan that is lent money, not a library's: "loan records" of books are not)
            r"applicants?|patients?|borrowers?|lend\w*|(?:personal|home|car|student|business"
            r"|small|payday|mortgage) loans?|loans? (?:applic\w+|approv\w+|decisions?|officers?)"
            r"|credit|hiring|job candidates|tenants"
            r"|insurance|eligibility|(?<!large )languages?(?! models?)|dialects?|accents?|skin"
            r"|gender|age groups?|disabilit\w+|minorit\w+",
            2.0,
            "its mistakes may fall harder on some groups of people than others",
        ),
        _signal(
            r"users?|customers?|subscribers?|players?|sellers?|creators?|drivers?|regions?"
            r"|countries",
            0.5,
            "",
        ),
    ),
    "offline_online": (
        _claims_of(
            OFFLINE, 2.0, "you report offline metrics, and offline gains often shrink online"
        ),
        _signal(r"offline|backtest\w*|held-out|holdout|validation|test set", 0.5, ""),
    ),
    "cost": (
        _signal(
            r"gpus?|tpus?|hosted|api|tokens?|llms?|cluster|hosts?|instances?|cloud|compute"
            r"|inference|serving",
            1.5,
            "it runs on paid compute at volume",
        ),
        _claims_of(COST, 1.0, "you put money figures on it"),
        _signal(r"per (?:day|hour|second|month)|a (?:day|month)|qps|million|\d+k|\d+m\b", 0.5, ""),
    ),
    "oncall": (
        _signal(
            r"services?|real-time|realtime|online serving|api|endpoints?|pipelines?|jobs?"
            r"|kafka|streams?|queues?|sla|slo|uptime|availability|p99|p95",
            1.0,
            "it is a production system someone gets paged for",
        ),
        _claims_of(LATENCY_LIMIT, 0.5, ""),
    ),
}


# What any model in production is asked about when nothing points elsewhere.
PRIORS = {"drift": 0.5, "oncall": 0.5}

# The general topics that presuppose a model learned from data: a project without one (an app
# made to start faster, a variance-reduction method) is not asked about its features' leakage,
# its labels or its drift.
MODEL_TOPICS = frozenset(
    {"leakage", "label_delay", "feedback_loop", "position_bias", "offline_online", "drift"}
)
_LEARNED = compile_lowered(
    r"\b(?:models?|classifiers?|neural|trained|training|retrain\w*|machine learning|ml|llms?"
    r"|auc|auroc|gradient[- ]boost\w*|xgboost|lightgbm|embeddings?|fine-?tun\w+|transformers?"
    r"|learned|learners?)\b"
)


def learns_from_data(text: str) -> bool:
    """Does the project (title, tags, sections) have a model learned from data?"""
    return bool(_LEARNED.search(lowered(text)))


# Novelty presupposes people saw something new. A method for reading experiments (variance
# reduction, sequential tests) changes how a test is read, not what anyone sees.
NOVELTY = "novelty"
_READS_TESTS = compile_lowered(
    r"\b(?:cuped|variance[- ]reduction|covariate[- ]adjust\w*|sequential (?:testing|tests?)"
    r"|stratified (?:sampling|estimators?))\b"
)
_SHOWN_TO_PEOPLE = compile_lowered(
    r"\b(?:new (?:[\w-]+ )?(?:layout|ranking|design|version|feed|ui|page|screen|flow|feature"
    r"|widget)s?"
    r"|redesign\w*|widgets?|rolled out to (?:users|customers|members))\b"
)


def shows_people_something_new(text: str) -> bool:
    """Is what the project changed something people see, or only how its tests are read?"""
    text = lowered(text)
    return not _READS_TESTS.search(text) or bool(_SHOWN_TO_PEOPLE.search(text))


@dataclass(frozen=True)
class Relevance:
    score: float
    reason: str
    evidence: bool = False  # a signal found shows the problem itself (`Signal.evidence`)


@lru_cache(maxsize=1024)
def topic_relevance(text: str, claim_types: frozenset[str] = frozenset()) -> dict[str, Relevance]:
    """Each general topic's relevance to a project's text (title, tags and sections), with
    the reason of its strongest signal. ``claim_types`` are the kinds of claims the claim
    reader found in it (OFFLINE, ONLINE, COST, LATENCY_LIMIT)."""
    found = {}
    said = text
    text = lowered(text)
    for topic, signals in SIGNALS.items():
        hits = {}  # signal -> its match, or True for a kind of claim found
        for signal in signals:
            if signal.pattern is None:
                if signal.claim_type in claim_types:
                    hits[signal] = True
            elif match := signal.pattern.search(text):
                hits[signal] = match
        reasons = [signal for signal in hits if signal.reason]
        strongest = max(reasons, key=lambda signal: signal.weight, default=None)
        found[topic] = Relevance(
            PRIORS.get(topic, 0.0) + sum(signal.weight for signal in hits),
            _reason(strongest, hits.get(strongest), said),
            any(signal.evidence for signal in hits),
        )
    return found


def _reason(signal: Signal | None, match, text: str) -> str:
    """The signal's reason, quoting the project's own words where it says "{words}"."""
    if signal is None:
        return ""
    if "{words}" not in signal.reason:
        return signal.reason
    return signal.reason.format(words=text[match.start("words") : match.end("words")])
