"""Turn a pasted project write-up (Markdown or plain text) into the six sections.

People write the headings their own way: "## Results (measurable)", "**My role:**",
"4) Alternatives and trade-offs", "Lessons learned". A heading is recognised by its
words, in any order; text under it goes to that section. Pure functions, no Django.
"""

import re
from dataclasses import dataclass, field

from projects.metrics_check import find_pairs, plain_number
from scoring.framework import SECTION_KEYS

# Words that mark a heading as belonging to a section. A heading maps to the section
# whose words it contains most; generic filler ("and", "key", "my") is ignored.
_SECTION_WORDS: dict[str, frozenset[str]] = {
    "problem": frozenset({"problem", "constraints", "constraint", "context", "background"}),
    "ownership": frozenset(
        {"role", "ownership", "responsibilities", "responsibility", "contribution", "scope"}
    ),
    "architecture": frozenset(
        {"architecture", "design", "decisions", "approach", "solution", "implementation"}
    ),
    "tradeoffs": frozenset({"alternatives", "alternative", "tradeoffs", "tradeoff", "options"}),
    "results": frozenset({"results", "result", "outcomes", "outcome", "impact", "metrics"}),
    "defense": frozenset(
        {
            "defense",
            "defence",
            "hindsight",
            "lessons",
            "retrospective",
            "learnings",
            "pushback",
            "differently",
        }
    ),
}
_FILLER = frozenset(
    {
        "and",
        "the",
        "my",
        "key",
        "technical",
        "system",
        "considered",
        "measurable",
        "learned",
        "what",
        "i",
        "d",
        "would",
        "do",
        "a",
        "of",
        "&",
        "business",
        "user",
    }
)
_META_FIELDS = {"company": "company", "period": "period", "dates": "period", "tags": "tags"}
_MAX_HEADING_WORDS = 6
_MAX_TITLE_CHARS = 120

_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_EMPHASIS_HEADING = re.compile(r"^\s*(\*\*|__)(?P<text>.+?)(\*\*|__)\s*:?\s*(?P<rest>.*)$")
_LABEL = re.compile(r"^\s*(?P<text>[^:\-*•\s][^:]{0,60}):\s*(?P<rest>.*)$")
_NUMBERING = re.compile(r"^(?:part\s+)?(?:\d+|[ivx]+|[a-f])[.):]\s*|^step\s+\d+[.:]?\s*", re.I)
_PROJECT_PREFIX = re.compile(r"^project\s*\d*\s*[:.\-–]\s*", re.I)
# Words between a metric's name and its numbers: "p95 latency went down from 92 ms → 74 ms".
_NAME_TAIL = frozenset(
    {
        "from",
        "went",
        "was",
        "were",
        "is",
        "fell",
        "rose",
        "dropped",
        "grew",
        "improved",
        "moved",
        "changed",
        "by",
        "down",
        "up",
        "cut",
        "reduced",
        "increased",
        "decreased",
        "of",
        "at",
        "the",
        "a",
        "and",
        "to",
        "in",
    }
)
_NAME_HEAD = frozenset({"and", "the", "while", "with", "but", "its", "our", "my"})
_CLAUSE_START = re.compile(r"[;.!?\n(](?=\s)|^")
_MAX_IMPORTED_METRICS = 10
_MAX_NAME_CHARS = 100


@dataclass
class ImportResult:
    title: str = ""
    company: str = ""
    period: str = ""
    tags: str = ""
    sections: dict[str, str] = field(default_factory=lambda: dict.fromkeys(SECTION_KEYS, ""))
    unplaced: str = ""  # text found before any section heading
    metrics: list[dict[str, str]] = field(default_factory=list)  # rows found in Results

    @property
    def filled(self) -> list[str]:
        return [key for key in SECTION_KEYS if self.sections[key]]


def _words(heading: str) -> list[str]:
    heading = _NUMBERING.sub("", heading.strip())
    heading = re.sub(r"trade[\s-]offs?", "tradeoffs", heading, flags=re.I)
    return re.findall(r"[a-z&]+", heading.lower())


def section_for_heading(heading: str) -> str | None:
    """Which section a heading names, or None if it names none (or is prose)."""
    words = _words(heading)
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    scores = {
        key: sum(word in vocabulary for word in words) for key, vocabulary in _SECTION_WORDS.items()
    }
    best = max(scores, key=scores.get)
    known = scores[best] + sum(word in _FILLER for word in words)
    # Every word must be a section word or filler, so "Problem: watch time stalled"
    # keeps its sentence as content and a sentence never becomes a heading.
    if scores[best] == 0 or known < len(words):
        return None
    return best


def _split_heading(line: str) -> tuple[str, str, bool] | None:
    """(heading text, rest of line, is_marked) if the line looks like a heading."""
    if match := _MARKDOWN_HEADING.match(line):
        return match["text"].strip("*_ :"), "", True
    if match := _EMPHASIS_HEADING.match(line):
        return match["text"].strip(" :"), match["rest"], True
    if match := _LABEL.match(line):
        return match["text"], match["rest"], False
    if line.strip() and not line.lstrip().startswith(("-", "*", "•")):
        return line.strip().rstrip(":"), "", False
    return None


def parse_project(text: str) -> ImportResult:
    result = ImportResult()
    chunks: dict[str, list[str]] = {key: [] for key in SECTION_KEYS}
    unplaced: list[str] = []
    current: str | None = None

    for line in text.replace("\r\n", "\n").split("\n"):
        heading = _split_heading(line)
        if heading:
            heading_text, rest, marked = heading
            section = section_for_heading(heading_text)
            if section:
                current = section
                if rest.strip():
                    chunks[current].append(rest.strip())
                continue
            meta = _META_FIELDS.get(heading_text.strip().lower())
            if meta and current is None:
                setattr(result, meta, rest.strip())
                continue
            if marked and current is None and not result.title:
                result.title = _PROJECT_PREFIX.sub("", heading_text).strip()
                continue
        if current is None:
            candidate = _PROJECT_PREFIX.sub("", line.strip().strip("#*_ ")).strip()
            if not candidate:
                continue
            # The first short line before any section is the title, as on a resume.
            if not result.title and not unplaced and len(candidate) <= _MAX_TITLE_CHARS:
                result.title = candidate
            else:
                unplaced.append(line)
        else:
            chunks[current].append(line)

    for key, lines in chunks.items():
        result.sections[key] = "\n".join(lines).strip()
    result.unplaced = "\n".join(unplaced).strip()
    result.metrics = metrics_from_text(result.sections["results"])
    return result


def _metric_name(text: str, end: int, floor: int) -> str:
    """The words naming a pair: from the clause start (or the previous pair) up to it."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, end)]
    words = [w for w in text[max([floor, *starts]) : end].split() if w not in ("-", "*", "•")]
    while words and words[-1].lower().strip(",:") in _NAME_TAIL:
        words.pop()
    while words and words[0].lower() in _NAME_HEAD:
        words.pop(0)
    return " ".join(words).strip(" ,:")[:_MAX_NAME_CHARS] or "Metric"


def metrics_from_text(text: str) -> list[dict[str, str]]:
    """Metric rows for each "before → after" pair, the quoted change kept as the note."""
    rows, previous_end = [], 0
    for pair in find_pairs(text)[:_MAX_IMPORTED_METRICS]:
        rows.append(
            {
                "name": _metric_name(text, pair.start, previous_end),
                "before": plain_number(pair.before),
                "after": plain_number(pair.after),
                "unit": pair.unit,
                "note": pair.stated,
            }
        )
        previous_end = pair.end
    return rows
