"""The project list is served from a cached fragment; every change a card shows must show."""

import pytest
from django.urls import reverse

from projects import services
from projects.models import Project
from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _titles(client) -> list[str]:
    page = client.get(reverse("projects:list")).text
    return sorted((p.title for p in Project.objects.all()), key=page.find)


def test_list_shows_an_edit_made_after_it_was_cached(client_user, user):
    project = ProjectFactory(user=user, title="Fraud scoring")
    assert "Fraud scoring" in client_user.get(reverse("projects:list")).text
    services.update_project(
        project=project,
        data={**project.section_texts(), "title": "Fraud scoring v2"},
        metrics=[{"name": "p95 latency", "before": 92, "after": 74, "unit": "ms", "note": ""}],
    )
    page = client_user.get(reverse("projects:list")).text
    assert "Fraud scoring v2" in page and "1 metric" in page


def test_list_shows_a_new_order_after_it_was_cached(client_user, user):
    first, second = ProjectFactory(user=user), ProjectFactory(user=user)
    assert _titles(client_user) == [first.title, second.title]
    services.move_project(project=second, direction="up")
    assert _titles(client_user) == [second.title, first.title]


def test_list_cached_for_one_browser_is_not_served_to_another(client_user, user):
    from django.test import Client

    ProjectFactory(user=user)
    mine = client_user.get(reverse("projects:list")).text
    other_browser = Client()  # its own cookies, so its own CSRF secret
    other_browser.force_login(user)
    theirs = other_browser.get(reverse("projects:list")).text
    token = 'name="csrfmiddlewaretoken" value="'
    assert mine.split(token)[1][:64] != theirs.split(token)[1][:64]


def test_list_second_visit_reads_no_metrics(client_user, user, django_assert_max_num_queries):
    ProjectFactory(user=user)
    client_user.get(reverse("projects:list"))
    with django_assert_max_num_queries(3):  # session (unless in Redis), user, projects
        client_user.get(reverse("projects:list"))
