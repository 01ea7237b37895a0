"""Reads for the project bank."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from projects.models import Metric, Project

METRICS = Prefetch("metrics", queryset=Metric.objects.order_by("position", "id"))


def projects_for_user(user) -> QuerySet[Project]:
    """The user's projects in their chosen order, metrics prefetched in one query."""
    return Project.objects.filter(user=user).order_by("position", "id").prefetch_related(METRICS)


def cards_for_user(user) -> QuerySet:
    """(id, last saved) of the user's projects, in their order: what the list's cards show
    changes only with these."""
    return (
        Project.objects.filter(user=user).order_by("position", "id").values_list("pk", "updated_at")
    )


def get_project_for_user(*, user, pk: int) -> Project:
    """The user's project, or a 404 whether it belongs to someone else or does not exist."""
    return get_object_or_404(projects_for_user(user), pk=pk)
