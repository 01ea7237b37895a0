import uuid
from decimal import Decimal

import pytest
from django.core.management import call_command

from projects import services
from projects.examples import EXAMPLE_PROJECTS
from projects.models import Metric, Project
from projects.selectors import projects_for_user
from projects.tests.factories import MetricFactory, ProjectFactory

pytestmark = pytest.mark.django_db

METRICS = [
    {"name": "p95 latency", "before": Decimal(92), "after": Decimal(74), "unit": "ms", "note": ""},
    {"name": "Cost", "before": None, "after": Decimal(12), "unit": "%", "note": "per 1k"},
]


def _titles(user):
    return [project.title for project in projects_for_user(user)]


def test_create_project_appends_to_the_end_with_metrics_in_order(user):
    first = services.create_project(user=user, data={"title": "First"})
    second = services.create_project(user=user, data={"title": "Second"}, metrics=METRICS)
    assert second.position > first.position
    assert [m.name for m in second.metrics.all()] == ["p95 latency", "Cost"]
    assert second.metrics.get(name="Cost").before is None


def test_update_project_replaces_fields_and_metric_list(user):
    project = services.create_project(user=user, data={"title": "Old"}, metrics=METRICS)
    services.update_project(
        project=project, data={"title": "New", "results": "p95 fell 18 ms"}, metrics=METRICS[1:]
    )
    project.refresh_from_db()
    assert (project.title, project.results, project.company) == ("New", "p95 fell 18 ms", "")
    assert [m.name for m in project.metrics.all()] == ["Cost"]


def test_delete_project_removes_its_metrics(user):
    project = MetricFactory(project__user=user).project
    services.delete_project(project=project)
    assert not Project.objects.exists()
    assert not Metric.objects.exists()


def test_duplicate_project_copies_sections_and_metrics_and_goes_last(user):
    project = ProjectFactory(user=user, title="Ranking", results="p95 from 92 to 74 ms")
    MetricFactory(project=project)
    ProjectFactory(user=user, title="Other")
    copy = services.duplicate_project(project=project)
    assert copy.title == "Ranking (copy)"
    assert copy.results == project.results
    assert [m.name for m in copy.metrics.all()] == ["p95 latency"]
    assert _titles(user) == ["Ranking", "Other", "Ranking (copy)"]


def test_move_project_up_and_down_swaps_neighbours_and_stops_at_the_ends(user):
    a, b, c = (ProjectFactory(user=user, title=t) for t in "ABC")
    services.move_project(project=c, direction="up")
    assert _titles(user) == ["A", "C", "B"]
    services.move_project(project=a, direction="down")
    assert _titles(user) == ["C", "A", "B"]
    services.move_project(project=c, direction="up")
    services.move_project(project=b, direction="down")
    assert _titles(user) == ["C", "A", "B"]


def test_move_project_rejects_unknown_direction(user):
    with pytest.raises(ValueError):
        services.move_project(project=ProjectFactory(user=user), direction="sideways")


def test_reorder_projects_ignores_other_users_ids_and_keeps_the_rest(user, other_user):
    a, b, c = (ProjectFactory(user=user, title=t) for t in "ABC")
    theirs = ProjectFactory(user=other_user, title="Theirs", position=0)
    services.reorder_projects(user=user, project_ids=[c.pk, theirs.pk, a.pk])
    assert _titles(user) == ["C", "A", "B"]
    theirs.refresh_from_db()
    assert theirs.position == 0


def test_load_example_projects_adds_four_marked_examples_once(user):
    added = services.load_example_projects(user=user)
    assert len(added) == 4
    assert services.load_example_projects(user=user) == []
    projects = list(projects_for_user(user))
    assert len(projects) == 4
    assert all(project.is_example for project in projects)
    assert [p.title for p in projects] == [e["title"] for e in EXAMPLE_PROJECTS]
    assert all(project.metrics.all() for project in projects)


def test_load_example_projects_command_creates_demo_user_and_is_idempotent(
    django_user_model,
):
    call_command("load_example_projects", "--username", "demo")
    call_command("load_example_projects", "--username", "demo")
    demo = django_user_model.objects.get(username="demo")
    assert demo.check_password("hotseat-demo")
    assert Project.objects.filter(user=demo, is_example=True).count() == 4


def test_a_saved_project_is_read_for_the_engine_so_a_round_start_does_not_read_it(
    user, monkeypatch, django_capture_on_commit_callbacks
):
    from challenges import engine

    example = EXAMPLE_PROJECTS[1]
    # A title no earlier run used: the readings are kept in the cache, which may outlive a run.
    title = f"Saved once {uuid.uuid4()}"
    data = {"title": title, "tags": "ranking", **example["sections"]}
    expected = engine._read(example["sections"], [], title=title, tags="ranking")
    with django_capture_on_commit_callbacks(execute=True):
        project = services.create_project(user=user, data=data)
    reads = []
    monkeypatch.setattr(engine, "_read", lambda *args, **kwargs: reads.append(args))
    reading = engine.read_project(project.section_texts(), title=title, tags="ranking")
    assert reads == [] and reading == expected

    with django_capture_on_commit_callbacks(execute=True):
        services.update_project(project=project, data={**data, "results": "AUC 0.91"}, metrics=[])
    assert len(reads) == 1  # the edit was read when it was saved, not later
