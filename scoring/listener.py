"""Hear an answer the way a listener does: numbers as figures, units spelled one way, fillers gone.

A candidate says "about forty milliseconds at p ninety-nine" or writes "~40 ms p99"; an
interviewer hears the same fact. `listen` rewrites spoken forms into written ones before any
detector runs, and keeps a map back to the candidate's own characters, so evidence is always
quoted verbatim from what they said, never from our rewrite.

Numbers go through `text2num` (a kept library) run by run; the forms it does not read are
handled here: a decimal said without its zero ("point seven eight"), "two and a half", "half a
percent", "one point nine million", "p ninety-five", "ten x". Fillers ("um", "you know",
"basically", "like" before a figure) are dropped and reported, so they neither count as hedges
nor dilute an answer, and the delivery report can count them.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from scoring.patterns import compile_lowered, lowered

_UNITS_WORDS = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TENS_AND_SCALES = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
    "thirty forty fifty sixty seventy eighty ninety hundred thousand million billion"
)
_NUMBER_WORDS = frozenset([*_UNITS_WORDS, *_TENS_AND_SCALES.split()])
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Small numbers said alone stay words ("one model", "the two of us") unless a unit follows:
# "two engineers", "six hours" and "one percent" are figures.
_SMALL = 10
_UNIT_AFTER = re.compile(
    r"(?:percent|per cent|percentage|points?|pp|x|times|ms|milli\w*|micro\w*|seconds?|secs?"
    r"|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|k|m|b|bn|gb|mb|tb"
    r"|gigs?|megs?|gigabytes?|megabytes?|kilobits?|megabits?"
    r"|dollars?|cents?|euros?|pounds?|bucks|engineers?|people|developers?|scientists?|teams?"
    r"|lawyers?|annotators?|labell?ers?|reviewers?|analysts?|services?|servers?|hosts?|nodes?"
    r"|machines?|gpus?|cpus?|cores?|replicas?|shards?|regions?|markets?|countries?|languages?"
    r"|layers?|heads?|stages?|incidents?|outages?|pages|tickets?|qps|rps|tps|requests?"
    r"|calls|queries|users?|customers?|sellers?|advertisers?|stores?|zones?|items?|images?"
    r"|orders?|sessions?|clicks?|events?|rows?|labels?|examples?|samples?|features?"
    r"|candidates?|tokens?|documents?|prompts?|contracts?|forecasts?|comments?|parcels?"
    r"|listings?|sprints?)$",
    re.IGNORECASE,
)
# What a filler is. "like" only counts before a figure or between commas ("it was, like,
# slow"); "a model like XGBoost" keeps it. "so", "right", "okay", "well" only open a sentence.
_FILLER_ALWAYS = compile_lowered(
    r"\b(?:u+m+|u+h+m*|e+r+m+|hmm+|mm+|you know|i mean|basically|literally|kinda|honestly"
    r"|to be honest|actually)\b"
    # "sort of" and "kind of" are fillers unless they name a kind: "a new kind of ranker". The
    # lookahead comes first so the eleven lookbehinds run only where "sort of" or "kind of" is.
    r"|\b(?=(?:sort|kind) of\b)(?<!\bwhat )(?<!\bthis )(?<!\bthat )(?<!\bthe )(?<!\ba )"
    r"(?<!\bany )(?<!\bsome )(?<!\bwhich )(?<!\bevery )(?<!\bsame )(?<!\bone )(?:sort|kind) of\b"
)
_FILLER_OPENING = compile_lowered(
    r"(?:^|(?<=[.!?;:]\s)|(?<=[.!?;:]))\s*(?:(?:so|okay|ok|right|well|yeah|yes|now)\b"
    r"[,]?\s*)+(?=\w)"
)
# A figure coming next: "like forty", "like about 3%", "like point two".
_FIGURE = (
    r"(?:about\s+|around\s+)?(?:[$€£]?\d|(?:"
    + "|".join(sorted(_NUMBER_WORDS - {"oh"}))
    + r"|a hundred|a thousand|half|point)\b)"
)
_FILLER_LIKE = compile_lowered(r"(?<=,)\s*(like)\s*(?=,)|\b(like)\s+(?=" + _FIGURE + ")")
_FIGURE_AHEAD = compile_lowered(_FIGURE)
# Where a figure may be said in words: a number word, "a hundred", "point seven", "p fifty".
_SPOKEN_START = compile_lowered(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS - set(_SCALES) - {"hundred"})) + r"|point|half"
    r"|a(?= (?:hundred|thousand|million))|p(?= (?:" + "|".join(sorted(_NUMBER_WORDS)) + r")))\b"
)
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|\s+|.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Heard:
    """An answer as heard (`text`) and as said (`said`), with where each heard part came from."""

    said: str
    text: str
    # Pieces of the heard text in order: (heard start, said start, said end, copied). A copied
    # piece maps character for character; a rewritten one ("forty" -> "40") maps as a whole.
    pieces: tuple[tuple[int, int, int, bool], ...]
    fillers: tuple[tuple[int, int], ...]  # (start, end) in `said` of every filler dropped

    def _origin(self, position: int) -> tuple[int, int]:
        heard_start, said_start, said_end, copied = self.pieces[
            bisect_right(self.pieces, (position, len(self.said) + 1)) - 1
        ]
        if copied:
            at = said_start + position - heard_start
            return at, at + 1
        return said_start, said_end

    def source(self, start: int, end: int) -> tuple[int, int]:
        """The span of `said` that the heard characters [start, end) came from."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self._origin(start)[0], self._origin(end - 1)[1]


class _Builder:
    def __init__(self, said: str):
        self.said = said
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int, int, bool]] = []
        self.length = 0

    def keep(self, start: int, end: int) -> None:
        last = self.pieces[-1] if self.pieces else None
        if last and last[3] and last[2] == start:  # extends the copied run before it
            self.pieces[-1] = (last[0], last[1], end, True)
        else:
            self.pieces.append((self.length, start, end, True))
        self.parts.append(self.said[start:end])
        self.length += end - start

    def put(self, text: str, start: int, end: int) -> None:
        self.pieces.append((self.length, start, end, False))
        self.parts.append(text)
        self.length += len(text)

    def build(self, fillers) -> Heard:
        return Heard(self.said, "".join(self.parts), tuple(self.pieces), tuple(fillers))


def _fillers(text: str) -> list[tuple[int, int, int, int]]:
    """(drop start, drop end, word start, word end) for every filler: the words themselves,
    and what to drop with them (the commas that set them off, the space after)."""
    words = [m.span() for m in _FILLER_ALWAYS.finditer(text)]
    words += [m.span() for m in _FILLER_OPENING.finditer(text)]
    words += [m.span(1) if m.group(1) else m.span(2) for m in _FILLER_LIKE.finditer(text)]
    found: list[tuple[int, int, int, int]] = []
    for start, end in sorted(words):
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if start >= end or (found and start < found[-1][1]):
            continue
        drop_start = start
        before = text[:start].rstrip(" ")
        after = text[end:].lstrip(" ")
        # "I also, um, negotiated": both commas go (unless the first belongs to a filler
        # already dropped).
        if (
            before.endswith(",")
            and after.startswith(",")
            and (not found or len(before) - 1 >= found[-1][1])
        ):
            drop_start = len(before) - 1
        if after.startswith(","):
            after = after[1:].lstrip(" ")
        word_end = start + len(text[start:end].rstrip(" ,"))
        found.append((drop_start, len(text) - len(after), start, word_end))
    return found


def _format(value: float) -> str:
    if value >= 10_000:
        for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
            if value >= scale:
                return f"{value / scale:g}{suffix}"
    if value >= 1_000 and value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"


def _integer(words: list[str]) -> tuple[float, int] | None:
    """The longest prefix of number words text2num can read: (value, words used)."""
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        if phrase.endswith(" and"):
            continue
        try:
            return float(text2num(phrase, "en")), size
        except ValueError:
            continue
    return None


def _read_number(words: list[str]) -> tuple[float, int] | None:
    """A number said in words at the start of `words` (lowercased tokens, no spaces).

    Returns (value, tokens consumed) or None. Handles what text2num does not: a leading
    "a" ("a hundred"), decimals ("three point one", "point seven eight", "one point oh
    eight"), "and a half", and a scale after a decimal ("one point nine million").
    """
    i = 0
    value = None
    if words[:1] == ["a"] and len(words) > 1 and words[1] in ("hundred", "thousand", "million"):
        words = ["one", *words[1:]]
    if words and words[0] in _NUMBER_WORDS and words[0] != "oh":
        run = []
        for word in words:
            if word in _NUMBER_WORDS and word != "oh" or (word == "and" and run):
                run.append(word)
            else:
                break
        read = _integer(run)
        if read is None:
            return None
        value, i = read
    # "point seven eight" or "three point one four"
    if i < len(words) and words[i] == "point" and i + 1 < len(words):
        digits = ""
        j = i + 1
        while j < len(words) and words[j] in _UNITS_WORDS:
            digits += str(_UNITS_WORDS[words[j]])
            j += 1
        if not digits and j < len(words) and words[j] in _NUMBER_WORDS:
            read = _integer([words[j]])
            if read:
                digits, j = str(int(read[0])), j + 1
        if digits:
            value = float(f"{int(value or 0)}.{digits}")
            i = j
    if value is None:
        return None
    # "two and a half"
    if words[i : i + 3] == ["and", "a", "half"]:
        value += 0.5
        i += 3
    # "one point nine million"
    if i < len(words) and words[i] in _SCALES and value != int(value):
        value *= _SCALES[words[i]]
        i += 1
    return value, i


# A figure said in words and its unit fit in this many characters ("one hundred and twenty
# thousand requests per second" is 55).
_FIGURE_REACH = 160


def _word_tokens(said: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(said, start, end)]


@lru_cache(maxsize=2048)
def listen(said: str) -> Heard:
    """The answer as a listener hears it. Pure and cached: every detector reads through it.

    Only the places where something may be said differently are visited (a filler, a number
    word, "p" before one); the text between them is copied as it stands."""
    low = lowered(said)  # what the patterns read; offsets are the same
    fillers = _fillers(low)
    drops = {drop_start: (drop_end, word_start) for drop_start, drop_end, word_start, _ in fillers}
    candidates = sorted({*drops, *(m.start() for m in _SPOKEN_START.finditer(low))})
    out = _Builder(said)
    position = 0
    for start in candidates:
        if start < position:
            continue  # inside something already rewritten or dropped
        if start > position:
            out.keep(position, start)
            position = start
        if start in drops:
            drop_end, word_start = drops[start]
            if low[word_start : word_start + 4] == "like" and _FIGURE_AHEAD.match(low, drop_end):
                out.put("~", start, drop_end)  # "like forty" is "about forty"
            elif (
                out.parts
                and out.parts[-1][-1:].isalnum()
                and said[drop_end : drop_end + 1].isalnum()
            ):
                out.put(" ", start, drop_end)
            position = drop_end
            continue
        # The words from here on, as far as a spoken figure and its unit can run.
        tokens = _word_tokens(said, start, start + _FIGURE_REACH)
        consumed = _spoken_figure(tokens, 0, out)
        if consumed:
            position = tokens[consumed - 1][2]
    if position < len(said):
        out.keep(position, len(said))
    return out.build((word_start, word_end) for _, _, word_start, word_end in fillers)


def _words_from(tokens, i) -> tuple[list[str], list[int]]:
    """The next few words from token i (skipping spaces, splitting hyphens), with the token
    index at which each word ends."""
    words, ends = [], []
    j = i
    while j < len(tokens) and len(words) < 12:
        text = tokens[j][0]
        if text.isspace() or text == "-":
            j += 1
            continue
        if not text[0].isalpha():
            break
        words.append(text.lower())
        ends.append(j)
        j += 1
    return words, ends


_PERCENT_WORDS = {"percent": "%", "per": None, "percentage": None}


def _spoken_figure(tokens, i, out: _Builder) -> int:
    """Write a number said in words (with its spoken unit) at token i; return tokens used."""
    text, start, _ = tokens[i]
    lowered = text.lower()
    if not (lowered in _NUMBER_WORDS or lowered in ("a", "point", "half", "p")):
        return 0
    if lowered in _SCALES or lowered == "hundred":  # "per million": a unit, not a figure
        return 0
    words, ends = _words_from(tokens, i)
    if not words:
        return 0
    # "p ninety-nine" -> "p99"
    if words[0] == "p" and len(words) > 1:
        read = _read_number(words[1:])
        if read and read[0] == int(read[0]) and 50 <= read[0] <= 999:
            last = ends[read[1]]
            out.put(f"p{int(read[0])}", start, tokens[last][2])
            return last - i + 1
        return 0
    # "half a percent"
    if words[:3] == ["half", "a", "percent"] or words[:3] == ["half", "a", "point"]:
        last = ends[2]
        out.put("0.5%" if words[2] == "percent" else "0.5 pp", start, tokens[last][2])
        return last - i + 1
    read = _read_number(words)
    if read is None:
        return 0
    value, used = read
    rest = words[used:]
    unit, unit_words = "", 0
    if rest[:2] == ["percentage", "points"] or rest[:2] == ["percentage", "point"]:
        unit, unit_words = " pp", 2
    elif rest[:1] == ["percent"]:
        unit, unit_words = "%", 1
    elif rest[:2] == ["per", "cent"]:
        unit, unit_words = "%", 2
    elif rest[:1] in (["x"], ["times"]) and (rest[:2] != ["times", "a"]):
        unit, unit_words = "x", 1
    elif rest[:1] == ["k"]:
        value, unit_words = value * 1e3, 1
    if not unit and rest[:1] in (["to"], ["and"], ["or"]):
        # "twenty-nine and twenty-seven percent": the first figure shares the unit
        following = _read_number(rest[1:])
        if following and rest[1 + following[1] : 2 + following[1]] == ["percent"]:
            unit = "%"
    small = value < _SMALL and value == int(value) and used == 1
    if small and not unit and not (rest and _UNIT_AFTER.match(rest[0])):
        return 0
    if words[0] == "one" and small and not unit and rest and not _UNIT_AFTER.match(rest[0]):
        return 0
    if words[0] == "a" and used < 2:
        return 0
    last = ends[used + unit_words - 1]
    out.put(_format(value) + unit, start, tokens[last][2])
    return last - i + 1
