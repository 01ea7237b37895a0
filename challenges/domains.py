"""The domains a project can belong to, each with the words that betray it.

A domain pack in the bank is asked only of projects in its domain. ``find_domains`` reads a
project's title, tags and section texts (joined into one text) and returns the domains it finds,
the best-evidenced first. Aliases are regular expressions matched case-insensitively on word
boundaries (``(?-i:...)`` makes an acronym case-sensitive, as in ``techniques.py``). A *strong*
alias places a project in the domain on its own; a *weak* one only suggests it, so two
different weak aliases are needed: "fraud" or "feed" alone decides nothing.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from challenges.techniques import COLD_START, literal_prefix
from scoring.patterns import compile_lowered

STRONG = 2  # evidence from one strong alias; a domain needs this much
WEAK = 1


@dataclass(frozen=True)
class Domain:
    key: str
    label: str
    projects: str  # completes "In …": which projects its pack is asked of
    strong: tuple[str, ...]
    weak: tuple[str, ...]


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "ads",
        "Ads",
        "ads projects",
        strong=(
            r"advertis(?:ers?|ing|ements?)",
            r"ad (?:auctions?|ranking|serving|targeting|spend|budgets?|campaigns?|clicks?"
            r"|impressions?|load|inventory|creatives?|revenue|delivery)",
            r"auto[- ]?bid(?:ding|der)?",
            r"bid (?:shading|landscape|optimi[sz]ation|strateg(?:y|ies))",
            r"(?-i:eCPM|CPM|CPC|CPA|ROAS|oCPM)s?",
            r"sponsored (?:products?|listings?|results?|posts?)",
            r"budget pacing",
            r"(?-i:CVR)",
        ),
        weak=(
            r"ads",
            r"(?-i:CTR)",
            r"bid(?:s|ding|ders?)?",
            r"auctions?",
            r"campaigns?",
            r"click[- ]through",
        ),
    ),
    Domain(
        "recsys",
        "Recommendations and feeds",
        "recommendation and feed projects",
        strong=(
            r"recommend(?:er|ers|ations?)(?: systems?| engines?| models?)?",
            # An app's home feed alone is what it shows, not what it ranks ("feeds?" below).
            r"(?:news|for[- ]you) ?feeds?",
            r"feed ranking",
            r"collaborative filtering",
            r"candidate (?:generation|retrieval|sets?)",
            r"next[- ](?:item|video|song|basket)",
            r"(?:people|items?|videos?) you may (?:know|like)",
        ),
        weak=(
            r"feeds?",
            r"candidates",
            r"watch[- ]?time",
            r"personali[sz](?:ed|ation)",
            COLD_START,
            r"engagement",
            r"catalog(?:ue)?s?",
            r"(?-i:NDCG)(?:@\d+)?",
            r"two[- ]tower",
            r"creators?",
            r"co[- ]purchases?",
        ),
    ),
    Domain(
        "search",
        "Search ranking",
        "search ranking projects",
        strong=(
            r"search (?:ranking|results?|engines?|relevance|quer(?:y|ies)|sessions?|traffic)",
            r"learning[- ]to[- ]rank",
            r"(?-i:LTR)",
            r"(?-i:BM25)",
            r"query (?:understanding|rewriting|expansion|intent|classification)",
            r"relevance (?:labels?|judg(?:e)?ments?|ratings?)",
            r"autocomplete|typeahead|query suggestions?|spell[- ]correction",
            r"zero[- ]results?(?: rate)?",
        ),
        weak=(
            r"quer(?:y|ies)",
            r"search(?:es|ers)?",
            r"(?-i:NDCG)(?:@\d+)?",
            r"(?-i:MRR)",
            r"relevance",
            r"inverted index|elasticsearch|opensearch|solr",
        ),
    ),
    Domain(
        "trust_safety",
        "Trust & safety",
        "trust & safety projects",
        strong=(
            r"(?:content )?moderat(?:ion|ors?)",
            r"trust (?:&|and) safety",
            r"abus(?:e|ive)",
            r"toxic(?:ity)?",
            r"hate speech",
            r"harass(?:ment|ing)?",
            r"spam(?:mers?|my)?",
            r"scam(?:s|mers?)?",
            r"policy[- ]violating",
            r"fake (?:accounts?|reviews?|listings?)",
            r"account takeovers?",
            r"(?-i:CSAM|NSFW)",
        ),
        weak=(
            r"fraud(?:ulent|sters?)?",
            r"chargebacks?",
            r"adversar(?:ial|ies|y)",
            r"appeals?",
            r"human review(?:ers)?|review queues?",
            r"bans?|banned|takedowns?",
            r"bots?",
            r"user reports?|reported (?:content|posts?|accounts?|users?)",
            r"integrity (?:teams?|signals?)",
        ),
    ),
    Domain(
        "forecasting",
        "Forecasting",
        "forecasting projects",
        strong=(
            r"forecast(?:s|ing|ed|ers?)?",
            r"demand (?:planning|prediction|model(?:l?ing)?)",
            r"(?-i:MAPE|WAPE|sMAPE|MASE)",
            r"replenishment",
            r"safety stock",
            r"(?-i:ARIMA)|exponential smoothing|holt[- ]winters|prophet",
            r"quantile (?:loss|forecasts?|regression)",
        ),
        weak=(
            r"time[- ]series",
            r"seasonality|seasonal",
            r"horizons?",
            r"backtest(?:s|ing|ed)?",
            r"stock[- ]?outs?",
            r"inventory",
            r"demand",
            r"(?:weekly|daily|hourly) (?:sales|volumes?|orders)",
        ),
    ),
    Domain(
        "llm",
        "LLM serving and RAG",
        "LLM serving and RAG projects",
        strong=(
            r"(?-i:LLMs?)",
            r"large language models?",
            r"(?-i:GPT)(?:-?\d[\w.]*)?",
            r"(?-i:RAG)",
            r"retrieval[- ]augmented(?: generation)?",
            r"hallucinat(?:e|es|ed|ing|ions?)",
            r"claude|llama|mistral|gemini",
            r"v(?-i:LLM)|(?-i:TGI)",
            r"context windows?|long[- ]context",
            r"prompt (?:engineering|templates?|injection|caching)|prompting|system prompts?",
            r"(?-i:KV)[- ]cache",
        ),
        weak=(
            r"prompts",  # "prompt" alone is as often an adjective
            r"(?:input|output|prompt|context) tokens|tokens? per|per (?:1k |1m )?tokens?",
            r"chat ?bots?|assistants?",
            r"summari[sz](?:ation|e|es|ed|ing)",
            r"generative",
            r"embeddings?",
            r"vector (?:index|database|db|store|search)",
            r"guardrails?",
        ),
    ),
    Domain(
        "platform",
        "Data and infra platforms",
        "data and infra platform projects",
        strong=(
            r"feature (?:stores?|platforms?)",
            r"(?:data|ml|machine learning|training|serving|inference|pipeline) platforms?",
            r"ml infra(?:structure)?",
            r"data (?:lake(?:house)?s?|contracts?|mesh)",
            r"schema (?:registry|evolution)",
            r"model registry",
            r"point[- ]in[- ]time (?:joins?|correct(?:ness)?)",
            r"(?:kafka|streaming|event|spark|compute) (?:platform|infrastructure|infra|clusters?)",
        ),
        weak=(
            r"(?-i:ETL|ELT)",
            r"backfills?",
            r"self[- ]serv(?:e|ice)",
            r"lineage",
            r"data quality",
            r"(?:data )?warehouses?",
            r"(?:onboard(?:ed|ing)|adopt(?:ed|ion) (?:by|across)) (?:\w+ )?teams",
            r"platform team",
        ),
    ),
)

DOMAIN_BY_KEY: dict[str, Domain] = {domain.key: domain for domain in DOMAINS}
DOMAIN_KEYS: tuple[str, ...] = tuple(DOMAIN_BY_KEY)
DOMAIN_CHOICES: list[tuple[str, str]] = [(domain.key, domain.label) for domain in DOMAINS]


def _pattern(aliases: tuple[str, ...]) -> list[tuple[str, re.Pattern, bool]]:
    """Each alias compiled, with the literal text every match starts with: the pattern runs
    only when that text occurs, as in the technique scan. An alias with a case-sensitive part
    ("(?-i:ETL)") reads the text as written; the others read it lowercased, which is faster."""
    return [
        (
            literal_prefix(alias),
            re.compile(rf"\b(?:{alias})\b", re.IGNORECASE)
            if "(?-i:" in alias
            else compile_lowered(rf"\b(?:{alias})\b"),
            "(?-i:" in alias,
        )
        for alias in aliases
    ]


_ALIASES = tuple((domain.key, _pattern(domain.strong), _pattern(domain.weak)) for domain in DOMAINS)
_ALIASES_BY_KEY = {key: (*strong, *weak) for key, strong, weak in _ALIASES}


def _found(aliases: list[tuple[str, re.Pattern, bool]], text: str, lowered: str) -> int:
    return sum(
        1
        for needle, alias, as_written in aliases
        if needle in lowered and alias.search(text if as_written else lowered)
    )


def domain_evidence(text: str) -> dict[str, int]:
    """Each domain's evidence in ``text``: STRONG per different strong alias found, WEAK per
    different weak one. Saying a word twice adds nothing."""
    lowered = text.lower()
    return {
        key: STRONG * _found(strong, text, lowered) + WEAK * _found(weak, text, lowered)
        for key, strong, weak in _ALIASES
    }


def domain_words(text: str, key: str, most: int = 2) -> tuple[str, ...]:
    """The words that place ``text`` in domain ``key``, as written there: one per different
    alias found, strong aliases first, at most ``most``. A question's reason quotes them, so
    the candidate sees what in their own notes called for it."""
    lowered = text.lower()
    # Lowercasing keeps every position unless a character changes length ("İ").
    source = text if len(lowered) == len(text) else lowered
    words: list[str] = []
    for needle, alias, as_written in _ALIASES_BY_KEY[key]:
        if needle not in lowered:
            continue
        found = alias.search(text if as_written else lowered)
        if found and found.group().lower() not in (word.lower() for word in words):
            words.append(source[found.start() : found.end()])
            if len(words) == most:
                break
    return tuple(words)


@lru_cache(maxsize=4096)
def find_domains(text: str) -> tuple[str, ...]:
    """The domains ``text`` belongs to, the best-evidenced first (ties in ``DOMAINS`` order)."""
    evidence = domain_evidence(text)
    found = [key for key in DOMAIN_KEYS if evidence[key] >= STRONG]
    return tuple(sorted(found, key=lambda key: -evidence[key]))
