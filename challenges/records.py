"""Project records read from a file, for the engine's command and its calibration.

A record is a project as a user types it into the project bank: title, company, role, period,
tags, the six section texts and optional metrics ``{name, before, after, unit, note}``. A file
may hold the engine dev set's shape (``{"cases": [{"record": {...}}, ...]}``), a list of
records (or of such cases), or a single record. Sections may sit under ``"sections"`` or at the
top level of the record.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from challenges.engine import Pick, pick
from scoring.framework import SECTION_KEYS


class RecordError(ValueError):
    """The file does not hold project records; the message says why."""


@dataclass(frozen=True)
class ProjectRecord:
    title: str
    sections: dict[str, str]
    company: str = ""
    role: str = ""
    period: str = ""
    tags: str = ""
    metrics: tuple[dict, ...] = ()
    case_id: str = ""  # the case's id, when the record came from a calibration case

    @property
    def context(self) -> str:
        """What besides the sections says what the project is about: tags and metric names,
        for telling its domain."""
        names = " ".join(str(metric.get("name", "")) for metric in self.metrics)
        return f"{self.tags} {names}".strip()


def _text(value, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if not isinstance(value, str | int | float):
        raise RecordError(f"{where} should be text.")
    return str(value)


def read_record(data, *, case_id: str = "") -> ProjectRecord:
    """One record from its JSON form."""
    if not isinstance(data, dict):
        raise RecordError("A project record is a JSON object with a title and sections.")
    sections = data.get("sections", {key: data[key] for key in SECTION_KEYS if key in data})
    if not isinstance(sections, dict):
        raise RecordError("A record's sections should be an object keyed by section.")
    unknown = sorted(set(sections) - set(SECTION_KEYS))
    if unknown:
        raise RecordError(
            f"Unknown section {unknown[0]!r}: sections are {', '.join(SECTION_KEYS)}."
        )
    title = _text(data.get("title"), "title").strip()
    if not title and not any(sections.values()):
        raise RecordError("A project record needs a title or at least one section.")
    metrics = data.get("metrics") or []
    if not isinstance(metrics, list) or not all(isinstance(m, dict) for m in metrics):
        raise RecordError("A record's metrics should be a list of objects.")
    return ProjectRecord(
        title=title or "Untitled project",
        sections={key: _text(sections.get(key), key) for key in SECTION_KEYS},
        company=_text(data.get("company"), "company"),
        role=_text(data.get("role"), "role"),
        period=_text(data.get("period"), "period"),
        tags=_text(data.get("tags"), "tags"),
        metrics=tuple(metrics),
        case_id=case_id,
    )


def read_records(data) -> list[ProjectRecord]:
    """Every record in a file's JSON: the dev set's cases, a list, or one record."""
    if isinstance(data, dict) and "cases" in data:
        data = data["cases"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise RecordError("The file holds no project records.")
    records = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("record"), dict):
            records.append(read_record(item["record"], case_id=str(item.get("id", ""))))
        else:
            records.append(read_record(item))
    return records


def load_records(path: str | Path) -> list[ProjectRecord]:
    """The records of a JSON file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RecordError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path} is not valid JSON: {exc.msg} (line {exc.lineno}).") from exc
    return read_records(data)


def pick_for(record: ProjectRecord, *, pressure: str, seed: int) -> list[Pick]:
    """The challenges a round at `pressure` starts with for a record."""
    return pick(
        sections=record.sections,
        pressure=pressure,
        seed=seed,
        title=record.title,
        tags=record.context,
    )
