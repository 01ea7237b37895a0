"""Readiness: how far each section is from an answer that survives pushback.

The status and hints come from `scoring.gaps`, the same code the grader and the
challenge engine read, so "ready" here means the same thing as a good score later.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from projects.metrics_check import MetricIssue, check_metric, check_text
from scoring.framework import SECTION_BY_KEY, SECTIONS
from scoring.gaps import find_gaps, section_status

# Share of a section's points each status earns toward the 0–100 project score.
_STATUS_POINTS = {"missing": 0.0, "thin": 0.5, "ready": 1.0}
STATUS_LABELS = {"missing": "Missing", "thin": "Thin", "ready": "Ready"}


# The detectors cost a few milliseconds per section and the list page scores every
# project on each visit; texts rarely change, so recent results are kept per process.
@lru_cache(maxsize=4096)
def _status(key: str, text: str) -> str:
    return section_status(key, text)


@lru_cache(maxsize=4096)
def _hints(key: str, text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(gap.message for gap in find_gaps(key, text)))


def clear_caches() -> None:
    _status.cache_clear()
    _hints.cache_clear()


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

    @property
    def score(self) -> int:
        points = sum(_STATUS_POINTS[section.status] for section in self.sections)
        return round(100 * points / len(self.sections))

    @property
    def ready_count(self) -> int:
        return sum(section.status == "ready" for section in self.sections)


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
    return Readiness(sections=tuple(sections), metric_issues=tuple(issues))


def project_readiness(project) -> Readiness:
    """Readiness of a saved project; reads `project.metrics.all()`, so prefetch it for lists."""
    metrics = [
        {field: getattr(metric, field) for field in ("name", "before", "after", "unit", "note")}
        for metric in project.metrics.all()
    ]
    return check_readiness(project.section_texts(), metrics)
