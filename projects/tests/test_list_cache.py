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


def test_list_buttons_post_with_this_browsers_csrf_token(client_user, user):
    """The cached cards hold no token: their buttons submit the page's one form, which does."""
    from django.test import Client

    project = ProjectFactory(user=user)
    page = client_user.get(reverse("projects:list")).text
    cards = page.split('<div id="project-list">')[1].split('<form id="project-actions"')[0]
    assert 'form="project-actions"' in cards and "csrfmiddlewaretoken" not in cards
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = browser.get(reverse("projects:list")).text
    token = page.split(
        'id="project-actions" method="post"><input type="hidden" name="csrfmiddlewaretoken" value="'
    )[1].split('"')[0]
    moved = browser.post(
        reverse("projects:duplicate", args=[project.pk]), {"csrfmiddlewaretoken": token}
    )
    assert moved.status_code == 302 and Project.objects.filter(user=user).count() == 2


def test_list_second_visit_reads_no_projects(client_user, user, django_assert_max_num_queries):
    ProjectFactory(user=user)
    client_user.get(reverse("projects:list"))
    with django_assert_max_num_queries(3):  # session (unless in Redis), user, the cards' ids
        client_user.get(reverse("projects:list"))
