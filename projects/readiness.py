"""Readiness: how far each section is from an answer that survives pushback.

The status and hints come from the grader itself (`scoring.graders.heuristic.read_section`):
"Ready" means the grader would give the section at least a 3 if it were said as written, and
the hints are its advice, quoting the text. Claims an interviewer would not believe are listed
before the round, beside the metric arithmetic check.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from projects.metrics_check import MetricIssue, check_metric, check_text
from scoring.framework import SECTION_BY_KEY, SECTIONS
from scoring.graders.heuristic import read_section
from scoring.plausibility import RED, Flag, section_flags

# Share of a section's points each status earns toward the 0–100 project score.
_STATUS_POINTS = {"missing": 0.0, "thin": 0.5, "ready": 1.0}
STATUS_LABELS = {"missing": "Missing", "thin": "Thin", "ready": "Ready"}


# Reading a section costs a few milliseconds and the list page scores every project on each
# visit; texts rarely change, so recent readings are kept per process.
READY_AT = 3.0


@lru_cache(maxsize=4096)
def _reading(key: str, text: str) -> tuple[str, tuple[str, ...]]:
    result = read_section(key, text)
    if result.score == 0:
        status = "missing"
    elif result.score >= READY_AT:
        status = "ready"
    else:
        status = "thin"
    if status == "missing":
        return status, (_nothing_to_read(key, text),)
    hints = [result.cap_reason] if result.cap_reason else []
    return status, tuple(dict.fromkeys(hints + result.advice))


def _nothing_to_read(key: str, text: str) -> str:
    title = SECTION_BY_KEY[key].title
    if not (text or "").strip():
        return f"{title} is empty."
    return f"{title} has nothing the grader can read yet: say what happened, in sentences."


def _status(key: str, text: str) -> str:
    return _reading(key, text)[0]


def _hints(key: str, text: str) -> tuple[str, ...]:
    return _reading(key, text)[1]


def clear_caches() -> None:
    _reading.cache_clear()


@dataclass(frozen=True)
class SectionReadiness:
    key: str
    text: str = field(repr=False)

    @property
    def title(self) -> str:
        return SECTION_BY_KEY[self.key].title

    @property
    def status(self) -> str:  # missing | thin | ready
        return _status(self.key, self.text)

    @property
    def hints(self) -> tuple[str, ...]:
        # Computed only when shown: the list page needs statuses, never hints.
        return _hints(self.key, self.text)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Readiness:
    sections: tuple[SectionReadiness, ...]
    metric_issues: tuple[MetricIssue, ...]
    doubts: tuple[Flag, ...] = ()  # claims an interviewer would not believe as written

    @property
    def score(self) -> int:
        points = sum(_STATUS_POINTS[section.status] for section in self.sections)
        return round(100 * points / len(self.sections))

    @property
    def ready_count(self) -> int:
        return sum(section.status == "ready" for section in self.sections)

    @property
    def next_to_fix(self) -> SectionReadiness | None:
        """The first section, in the framework's order, that is not ready yet."""
        return next((section for section in self.sections if section.status != "ready"), None)


def check_readiness(texts: Mapping[str, str], metrics: Iterable[Mapping] = ()) -> Readiness:
    """Readiness of a project's sections (by key) and metric rows (name/before/after/unit/note)."""
    sections = [SectionReadiness(section.key, texts.get(section.key) or "") for section in SECTIONS]
    issues = [
        issue
        for row in metrics
        if (
            issue := check_metric(
                name=row.get("name") or "",
                before=row.get("before"),
                after=row.get("after"),
                unit=row.get("unit") or "",
                note=row.get("note") or "",
            )
        )
    ]
    for section in SECTIONS:
        issues.extend(check_text(texts.get(section.key) or ""))
    doubts = [
        flag
        for flag in section_flags({s.key: texts.get(s.key) or "" for s in SECTIONS})
        if flag.severity == RED
    ]
    return Readiness(sections=tuple(sections), metric_issues=tuple(issues), doubts=tuple(doubts))


def project_readiness(project) -> Readiness:
    """Readiness of a saved project; reads `project.metrics.all()`, so prefetch it for lists."""
    metrics = [
        {field: getattr(metric, field) for field in ("name", "before", "after", "unit", "note")}
        for metric in project.metrics.all()
    ]
    return check_readiness(project.section_texts(), metrics)
