"""Plain-text helpers the graders share: words, sentences, quotes, "is this an answer at all"."""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from scoring.detectors import Span

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")

_STOPWORDS = """a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your yours i'm we're it's that's don't didn't wasn't isn't"""
STOPWORDS = frozenset(_STOPWORDS.split())
# Words too generic to say what a challenge is about.
_GENERIC_WORDS = """really think know approach thing things way ways well also still even much
    many get got make made use used using say said tell walk me us one two like look looks
    seem seems sure
    done need needs want wants go going right wrong good bad better best work worked works
    would why whole actually never always ever wouldn't won't can't"""
_GENERIC = STOPWORDS | frozenset(_GENERIC_WORDS.split())
# Vocabulary of engineering, product and measurement talk: an answer without any of it, and
# without a single detected claim, is not about a project.
_DOMAIN = re.compile(
    r"\b(?:latenc|model|data|user|customer|client|system|servic|server|pipelin|team|cost|featur"
    r"|train|deploy|build|built|design|architect|api|databas|cache|queue|stream|batch|rank"
    r"|recommend|search|index|quer|traffic|request|product|launch|releas|metric|experiment|test"
    r"|result|perform|scal|reliab|availab|memory|cpu|gpu|infra|cloud|kubernetes|kafka|redis"
    r"|spark|flink|python|java|code|engineer|project|problem|constraint|budget|deadline|decid"
    r"|decision|chose|choos|lead|led|own|alternativ|option|trade|accura|precision|recall|auc"
    r"|revenue|conversion|retention|engagement|click|fraud|risk|secur|privacy|complian|migrat"
    r"|monitor|alert|incident|outage|bug|rollout|canary|baseline|improv|reduc|increas|faster"
    r"|slower|throughput|storage|schema|sql|job|workflow|label|classif|embedding|inferenc|serv"
    r"|endpoint|mobile|web|app|platform|network|message|notification|event|log|dashboard"
    r"|benchmark|profil|optimi|quantiz|hardware|vendor|stakeholder|manager|roadmap|ship"
    r"|prototyp|algorithm|heuristic|rule|threshold|signal|nois|varian|significan|confiden"
    r"|hypothes|hindsight|mistake|lesson|learn|feed|idea|solution|approach|fix|goal|version"
    r"|quality|issue|process|tool|compan|business)"
    # short words match whole, so "slowly" is not "SLO"
    r"|\b(?:ms|qps|p9\d|sla|slo|ml|ai|llm|etl|ci|cd|api|app|web|log|bug|job|fix|sql|own|led)\b",
    re.IGNORECASE,
)
_KEYBOARD_MASH = re.compile(r"(?:[^aeiouy\W\d_]{5,}|(.)\1{3,})", re.IGNORECASE)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def as_sentence(text: str) -> str:
    """The text with a full stop at its end, unless it ends a sentence already."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!", "”", '"')) else f"{text}."


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def stem(word: str) -> str:
    """A crude stem: enough to match "noise"/"noisy" or "latency"/"latencies"."""
    word = word.lower().strip("'-")
    return word[:5] if len(word) > 5 else word.rstrip("s")


@lru_cache(maxsize=256)
def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's meaningful words (a challenge is compared with each answer)."""
    return frozenset(
        stem(w) for w in words(text) if w.lower() not in _GENERIC and not w[0].isdigit()
    )


@dataclass(frozen=True, slots=True)
class Gradability:
    gradable: bool
    reason: str  # "", "empty", "gibberish" or "off_topic"


def gradability(answer: str, question: str = "", claims: int = 0) -> Gradability:
    """Whether an answer can be graded at all; `claims` is how many detector spans it produced.

    Never guesses a score for text that says nothing: blank, keyboard noise, the same word over
    and over, or fluent text about something other than an engineering project.
    """
    tokens = words(answer)
    if len(tokens) < 3:
        return Gradability(False, "empty")
    if claims:
        return Gradability(True, "")
    alpha = [t.lower() for t in tokens if not t[0].isdigit()]
    mashed = sum(1 for t in alpha if _KEYBOARD_MASH.search(t))
    if alpha and (mashed / len(alpha) > 0.3 or len(set(alpha)) / len(alpha) < 0.3):
        return Gradability(False, "gibberish")
    domain = _DOMAIN.search(answer) is not None
    stop_share = sum(1 for t in alpha if t in STOPWORDS) / max(1, len(alpha))
    if stop_share < 0.1 and not domain:
        return Gradability(False, "gibberish")
    if not domain and not (content_stems(answer) & content_stems(question)):
        return Gradability(False, "off_topic")
    return Gradability(True, "")


# Words that name a method or a concern without making a claim; many of them and few claims is a
# keyword list, not an answer.
_BUZZ = re.compile(
    r"\b(?:scalab\w*|robust|low[- ]latency|cost[- ]efficient|state[- ]of[- ]the[- ]art|best "
    r"practices?|data[- ]driven|end[- ]to[- ]end|cutting[- ]edge|synerg\w*|leverag\w*|impact\w*"
    r"|alignment|ownership|leadership|trade-?offs?|alternatives?|baselines?|metrics?|kpis?|slas?"
    r"|p9\d|qps|cuped|a/b|confidence intervals?|p-?values?|significance|variance|evidence"
    r"|hindsight|lessons learned|rigou?r)\b"
)
_STUFFING_MIN = 5
_STUFFING_RATIO = 3


_FRAGMENT = re.compile(r"[,;:.!?\n]+")
_LIST_MIN_WORDS = 20
_SHORT_FRAGMENT = 3
# Share of the words that sit in fragments of three words or fewer: a list of terms is mostly
# that (0.7-1.0 on our calibration sets); sentences, spoken or written, stay under 0.3.
_LIST_SHARE = 0.5


def keyword_list(text: str, claims: int) -> bool:
    """Terms strung together with hardly a claim among them ("A/B CUPED p-values impact"), or
    a list of fragments with no sentence in it ("latency, p99, QPS, 10, 400, 30, 70%")."""
    buzz = len(_BUZZ.findall(text.lower()))
    if buzz >= _STUFFING_MIN and buzz > _STUFFING_RATIO * claims:
        return True
    fragments = [len(f.split()) for f in _FRAGMENT.split(text) if f.strip()]
    total = sum(fragments)
    short = sum(n for n in fragments if n <= _SHORT_FRAGMENT)
    return total >= _LIST_MIN_WORDS and short / total >= _LIST_SHARE


@lru_cache(maxsize=64)
def _sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence starts and ends: found once per text, however many quotes it gives."""
    breaks = list(_SENTENCE_END.finditer(text))
    return [0] + [m.end() for m in breaks], [m.start() for m in breaks] + [len(text)]


def quote_for(text: str, span: Span, limit: int = 220) -> str:
    """The sentence around a span, verbatim from the text, cut at word boundaries to at most
    `limit` characters, with "…" where it was cut."""
    starts, ends = _sentence_bounds(text)
    start = starts[bisect_right(starts, span.start) - 1]
    end = ends[bisect_left(ends, span.end)]
    sentence_start, sentence_end = start, end
    if end - start > limit:
        # Keep the matched claim in the middle of a window rather than the sentence's opening.
        start = max(start, min(span.start, end - limit) - (limit - (span.end - span.start)) // 2)
        end = min(end, start + limit)
        while start > sentence_start and not text[start - 1].isspace():
            start += 1
        while end < sentence_end and end > start and not text[end].isspace():
            end -= 1
    quote = text[start:end].strip()
    if start > sentence_start:
        quote = "…" + quote
    if end < sentence_end and text[end:sentence_end].strip():
        quote += "…"
    return quote


_SPACING_AND_SIGNS = re.compile(r"[\s\-–−+~≈]+")


@lru_cache(maxsize=1024)
def normalized(span_text: str) -> str:
    """How a claim is compared for "said that already": case, spacing and signs ignored."""
    return _SPACING_AND_SIGNS.sub(" ", span_text.lower()).strip()


def distinct(spans: list[Span]) -> list[Span]:
    """One span per distinct claim: saying the same number three times earns it once."""
    seen: set[str] = set()
    out = []
    for span in spans:
        key = normalized(span.text)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out
