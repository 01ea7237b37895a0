"""What a question asks for, and what a text already states.

An interviewer who listens never asks for what was just said: after "a two-week A/B test
against control" there is no asking for the control or the duration, and after an answer that
named two alternatives there is no "argue for the option you rejected". Both sides are read as
the same small set of facets:

- ``control``, ``duration``, ``interval``, ``baseline``, ``method``, ``sample``, ``online``:
  what a claim states about how it was measured (read by ``scoring.claims``);
- ``alternative`` (another option was named), ``comparison`` (and why it lost), ``number`` (a
  figure with a unit), ``ownership`` (a decision in the first person), ``hindsight`` (what
  would change), ``origin`` (where a budget came from) and ``rates`` (precision, recall or a
  base rate), read with scoring's detectors and a few patterns.

A question's facets are read from its words (``asked_facets``), a text's from its claims and
detectors (``stated_facets``); the engine drops a challenge when the two meet.
"""

import re
from functools import lru_cache

from scoring import claims as claim_reader
from scoring import detectors
from scoring.plausibility import budget_origin_said

ALTERNATIVE = "alternative"
COMPARISON = "comparison"
CONTROL = "control"
DURATION = "duration"
INTERVAL = "interval"
BASELINE = "baseline"
METHOD = "method"
SAMPLE = "sample"
NUMBER = "number"
OWNERSHIP = "ownership"
HINDSIGHT = "hindsight"
ORIGIN = "origin"
RATES = "rates"
ONLINE = "online"
FACETS = (
    CONTROL,
    DURATION,
    INTERVAL,
    BASELINE,
    METHOD,
    SAMPLE,
    ONLINE,
    "offline",
    ALTERNATIVE,
    COMPARISON,
    NUMBER,
    OWNERSHIP,
    HINDSIGHT,
    ORIGIN,
    RATES,
)

_F = re.IGNORECASE

# What a question asks for, read from its words. Broad on purpose: a question that might ask
# for something already said is better left unasked.
_ASKS: tuple[tuple[str, re.Pattern], ...] = (
    (
        ALTERNATIVE,
        re.compile(
            r"\bwhat else (?:did you consider|was on the table)|\boption you rejected"
            r"|\bname (?:one|an?) (?:option|alternative)|\bwhich option came closest"
            r"|\bsecond-best option|\bother options were on the table|\bno alternatives",
            _F,
        ),
    ),
    (
        COMPARISON,
        re.compile(
            r"\bwhy it lost|\bwhat tipped the decision|\bwhich number decided"
            r"|\bwhat did you measure on both",
            _F,
        ),
    ),
    (
        CONTROL,
        re.compile(
            r"\bagainst which control|\bcounterfactual|\bwhat did (?:a|the|your) control group"
            r"|\bwhich control group",
            _F,
        ),
    ),
    (
        DURATION,
        re.compile(
            r"\bhow long did (?:you|it|the test) (?:measure|run)|\bover how long"
            r"|\bhow many (?:full )?(?:days|weeks)",
            _F,
        ),
    ),
    (
        INTERVAL,
        re.compile(
            r"\bconfidence interval|\binterval\b|\bp-value|\blook like noise|\bwobble"
            r"|\bnoise of that metric|\bnot a good week|\bhow sure are you",
            _F,
        ),
    ),
    (
        BASELINE,
        re.compile(
            r"\bcompared with what|\bwhat was the baseline|\bnumber before you started"
            r"|\bstarting point",
            _F,
        ),
    ),
    (NUMBER, re.compile(r"\bactual number|\bin one number|\bwhat did the metric actually do", _F)),
    (
        OWNERSHIP,
        re.compile(
            r"\bdecisions (?:were yours|did you personally make)|\bwhat did you own"
            r"|\byours alone|\bbuilt yourself|\bwhat was yours\b",
            _F,
        ),
    ),
    (
        HINDSIGHT,
        re.compile(
            r"\bwould you do differently|\bwould you change|\bchange if you did it again", _F
        ),
    ),
    (
        ORIGIN,
        re.compile(r"\bwhere did (?:your|the|that) (?:\w+ )?(?:budget|limit) come from", _F),
    ),
    (RATES, re.compile(r"\bprecision and recall\b", _F)),
)

# An alternative said in passing: "we also looked at a GRU", "two options: …", "instead of".
_ALTERNATIVE_WORDS = re.compile(
    r"\b(?:considered|looked at|evaluated|compared|tried|prototyped|benchmarked|weighed"
    r"|versus|vs\.?|instead of|rather than|as opposed to|the other option|alternatives?"
    r"|(?:two|three|several|both) (?:options|approaches|candidates|designs)"
    # a comparison implies the other option: "LightGBM beat it", "was more accurate but"
    r"|beat|beats|outperform\w*|(?:more|less) (?:accurate|expensive)|(?:better|worse|faster"
    r"|slower|cheaper) than)\b",
    _F,
)
_RATES = re.compile(
    r"\b(?:precision|recall|f1|false[- ](?:positive|negative)s?|base rate|prevalence)\b", _F
)


@lru_cache(maxsize=4096)
def detected(name: str, text: str) -> tuple[detectors.Span, ...]:
    """One of scoring's detectors over one text, remembered: the engine reads a project's
    sections again at every pick, and detectors are pure functions of the text."""
    return tuple(detectors.DETECTORS[name](text))


@lru_cache(maxsize=1024)
def asked_facets(question: str) -> frozenset[str]:
    """The facets a question asks for."""
    return frozenset(facet for facet, pattern in _ASKS if pattern.search(question))


def _alternative(text: str) -> bool:
    return bool(detected("alternatives", text) or _ALTERNATIVE_WORDS.search(text))


def _comparison(text: str) -> bool:
    return bool(
        detected("alternatives", text)
        and (detected("rationale", text) or detected("tradeoff_language", text))
    )


# How each facet is read off a text; the claim reader's facets come from its own patterns.
_READERS = {
    ALTERNATIVE: _alternative,
    COMPARISON: _comparison,
    NUMBER: lambda text: bool(detected("numbers_with_units", text)),
    OWNERSHIP: lambda text: bool(detected("decisions", text)),
    HINDSIGHT: lambda text: bool(detected("hindsight", text)),
    ORIGIN: budget_origin_said,
    RATES: lambda text: bool(_RATES.search(text)),
}


@lru_cache(maxsize=16384)
def states(text: str, facet: str) -> bool:
    """Whether a text (a section, an answer) already states one facet. Read one facet at a
    time, when a question asks for it: most texts are never asked most facets."""
    if not text or not text.strip():
        return False
    reader = _READERS.get(facet)
    return reader(text) if reader else facet in claim_reader.stated_facets(text)


def stated_facets(text: str) -> frozenset[str]:
    """Every facet a text already states."""
    return frozenset(facet for facet in FACETS if states(text, facet))


def stated_among(texts, facets: frozenset[str]) -> frozenset[str]:
    """Which of `facets` any of `texts` states."""
    return frozenset(facet for facet in facets if any(states(text, facet) for text in texts))
