"""Writes to the project bank. Views and commands call these; nothing else saves projects."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max

from challenges import engine
from projects.examples import EXAMPLE_PROJECTS
from projects.models import Metric, Project
from scoring.framework import SECTION_KEYS

PROJECT_FIELDS = ("title", "company", "role", "period", "tags", *SECTION_KEYS)
METRIC_FIELDS = ("name", "before", "after", "unit", "note")


def _read_when_saved(project: Project) -> None:
    """Once the save commits, the challenge engine reads the record (and keeps its reading),
    so the round that starts from it does not wait for that."""
    transaction.on_commit(
        lambda: engine.read_project(project.section_texts(), title=project.title, tags=project.tags)
    )


def _next_position(user) -> int:
    highest = Project.objects.filter(user=user).aggregate(top=Max("position"))["top"]
    return 0 if highest is None else highest + 1


def _replace_metrics(*, project: Project, metrics: Iterable[Mapping[str, Any]]) -> None:
    # Metrics are edited as one list on the form, so the list is the truth: replacing
    # the rows keeps order and removals right without tracking ids through the formset.
    project.metrics.all().delete()
    Metric.objects.bulk_create(
        Metric(project=project, position=index, **{key: row.get(key) for key in METRIC_FIELDS})
        for index, row in enumerate(metrics)
    )


@transaction.atomic
def create_project(
    *,
    user,
    data: Mapping[str, Any],
    metrics: Iterable[Mapping[str, Any]] = (),
    is_example: bool = False,
) -> Project:
    project = Project.objects.create(
        user=user,
        position=_next_position(user),
        is_example=is_example,
        **{key: data.get(key) or "" for key in PROJECT_FIELDS},
    )
    _replace_metrics(project=project, metrics=metrics)
    _read_when_saved(project)
    return project


@transaction.atomic
def update_project(
    *, project: Project, data: Mapping[str, Any], metrics: Iterable[Mapping[str, Any]]
) -> Project:
    for key in PROJECT_FIELDS:
        setattr(project, key, data.get(key) or "")
    project.save()
    _replace_metrics(project=project, metrics=metrics)
    _read_when_saved(project)
    return project


def delete_project(*, project: Project) -> None:
    project.delete()


@transaction.atomic
def duplicate_project(*, project: Project) -> Project:
    data = {key: getattr(project, key) for key in PROJECT_FIELDS}
    data["title"] = f"{project.title} (copy)"[: Project._meta.get_field("title").max_length]
    metrics = [{key: getattr(m, key) for key in METRIC_FIELDS} for m in project.metrics.all()]
    return create_project(user=project.user, data=data, metrics=metrics)


@transaction.atomic
def reorder_projects(*, user, project_ids: list[int]) -> None:
    """Put the user's projects in the given order; unknown ids are ignored, missing ones
    keep their relative order after the listed ones."""
    projects = list(Project.objects.filter(user=user).select_for_update())
    by_id = {project.id: project for project in projects}
    ordered = [by_id[pk] for pk in dict.fromkeys(project_ids) if pk in by_id]
    ordered += [project for project in projects if project not in ordered]
    for index, project in enumerate(ordered):
        project.position = index
    Project.objects.bulk_update(ordered, ["position"])


def move_project(*, project: Project, direction: str) -> None:
    """Swap a project with its neighbour ("up" or "down")."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    ids = list(
        Project.objects.filter(user=project.user)
        .order_by("position", "id")
        .values_list("id", flat=True)
    )
    index = ids.index(project.id)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
        reorder_projects(user=project.user, project_ids=ids)


@transaction.atomic
def load_example_projects(*, user) -> list[Project]:
    """Add the four worked examples the user does not have yet (matched by title), so a
    second click or `make run` never duplicates them."""
    existing = set(
        Project.objects.filter(user=user, is_example=True).values_list("title", flat=True)
    )
    return [
        create_project(
            user=user,
            data={**example, **example["sections"]},
            metrics=example["metrics"],
            is_example=True,
        )
        for example in EXAMPLE_PROJECTS
        if example["title"] not in existing
    ]
