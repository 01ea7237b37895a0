import pytest
from django.urls import reverse

from projects.models import SECTION_MAX_LENGTH, Project
from projects.tests.factories import MetricFactory, ProjectFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _form_data(**overrides):
    data = {
        "title": "Search ranking",
        "company": "Acme",
        "role": "Tech lead",
        "period": "2023",
        "tags": "search, latency",
        "problem": "Search had to answer within 80 ms p95 at 10k QPS.",
        "ownership": "I chose the ranker and led three engineers.",
        "architecture": "",
        "tradeoffs": "",
        "results": "p95 latency went from 92 ms to 74 ms in an A/B test.",
        "defense": "",
        "metrics-TOTAL_FORMS": "2",
        "metrics-INITIAL_FORMS": "0",
        "metrics-MIN_NUM_FORMS": "0",
        "metrics-MAX_NUM_FORMS": "20",
        "metrics-0-name": "p95 latency",
        "metrics-0-before": "92",
        "metrics-0-after": "74",
        "metrics-0-unit": "ms",
        "metrics-0-note": "–18 ms",
        "metrics-1-name": "",
        "metrics-1-before": "",
        "metrics-1-after": "",
        "metrics-1-unit": "",
        "metrics-1-note": "",
    }
    data.update(overrides)
    return data


# --- list -----------------------------------------------------------------------------


def test_list_shows_own_projects_in_order_with_readiness_score(client_user, user, other_user):
    ProjectFactory(user=user, title="Second", position=2)
    ProjectFactory(user=user, title="First", position=1)
    ProjectFactory(user=other_user, title="Not mine")
    response = client_user.get(reverse("projects:list"))
    text = response.text
    assert text.index("First") < text.index("Second")
    assert "Not mine" not in text
    assert "Readiness <strong>" in text
    assert "2 of 6 sections ready" in text


def test_list_requires_login(client):
    response = client.get(reverse("projects:list"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_htmx_endpoint_without_login_gets_hx_redirect(client):
    response = client.post(reverse("projects:readiness"), {}, **HTMX)
    assert "/login/" in response["HX-Redirect"]


@pytest.mark.parametrize("count", [1, 20])
def test_list_query_count_does_not_grow_with_projects(
    client_user, user, django_assert_max_num_queries, count
):
    for _ in range(count):
        MetricFactory(project=ProjectFactory(user=user))
    # The session row (unless Redis holds it), the user, the cards' ids, the projects, their
    # metrics (prefetched); again, the cards are a cached fragment. The same at 1 and 20.
    with django_assert_max_num_queries(5):
        response = client_user.get(reverse("projects:list"))
    assert response.text.count('class="card project-card"') == count
    with django_assert_max_num_queries(3):
        again = client_user.get(reverse("projects:list"))
    assert again.text.count('class="card project-card"') == count


def test_list_empty_state_offers_examples(client_user):
    response = client_user.get(reverse("projects:list"))
    assert "No projects yet" in response.text
    assert "Load example projects" in response.text


# --- create / edit --------------------------------------------------------------------


def test_create_saves_project_and_filled_metric_rows(client_user, user):
    response = client_user.post(reverse("projects:create"), _form_data(), follow=True)
    project = Project.objects.get(user=user)
    assert project.title == "Search ranking"
    assert [(m.name, m.before, m.after) for m in project.metrics.all()] == [("p95 latency", 92, 74)]
    assert "was added to your bank" in response.text
    assert response.redirect_chain[-1][0] == reverse("projects:detail", args=[project.pk])


def test_create_page_shows_guidance_and_example_per_section(client_user):
    text = client_user.get(reverse("projects:create")).text
    assert "Speak in the first person about the decisions you made" in text
    assert "Example:" in text
    assert text.count('class="field section-field"') == 6
    assert 'hx-trigger="input changed delay:500ms"' in text


def test_create_without_title_keeps_everything_typed(client_user):
    response = client_user.post(reverse("projects:create"), _form_data(title=""))
    assert response.status_code == 200
    assert not Project.objects.exists()
    assert "Give the project a title." in response.text
    assert "Search had to answer within 80 ms p95 at 10k QPS." in response.text
    assert 'value="p95 latency"' in response.text
    assert "Nothing was saved yet" in response.text


def test_create_oversized_section_says_the_limit_and_keeps_text(client_user):
    long_text = "word " * (SECTION_MAX_LENGTH // 5 + 10)
    response = client_user.post(reverse("projects:create"), _form_data(results=long_text))
    assert not Project.objects.exists()
    assert f"Results can be at most {SECTION_MAX_LENGTH} characters" in response.text
    assert long_text.strip() in response.text
    assert "Over the size limit: Results" in response.text


def test_create_bad_metric_number_and_unnamed_metric_show_errors(client_user):
    response = client_user.post(
        reverse("projects:create"),
        _form_data(**{"metrics-0-before": "92ms", "metrics-1-after": "5"}),
    )
    assert not Project.objects.exists()
    assert "Write a plain number" in response.text
    assert 'value="92ms"' in response.text
    assert "Name the metric" in response.text


def test_create_with_too_many_metric_rows_says_the_limit(client_user):
    rows = {"metrics-TOTAL_FORMS": "21"}
    for index in range(21):
        rows.update({f"metrics-{index}-name": f"m{index}", f"metrics-{index}-after": "1"})
    response = client_user.post(reverse("projects:create"), _form_data(**rows))
    assert not Project.objects.exists()
    assert "A project can hold at most 20 metrics." in response.text


def test_create_html_in_fields_is_escaped(client_user):
    client_user.post(reverse("projects:create"), _form_data(title="<script>alert(1)</script>"))
    project = Project.objects.get()
    text = client_user.get(reverse("projects:detail", args=[project.pk])).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_edit_prefills_and_saves_changes(client_user, user):
    project = ProjectFactory(user=user, title="Before")
    MetricFactory(project=project, name="Cost")
    page = client_user.get(reverse("projects:edit", args=[project.pk])).text
    assert 'value="Before"' in page
    assert 'value="Cost"' in page
    client_user.post(
        reverse("projects:edit", args=[project.pk]),
        _form_data(title="After", loaded_version=project.updated_at.isoformat()),
    )
    project.refresh_from_db()
    assert project.title == "After"
    assert [m.name for m in project.metrics.all()] == ["p95 latency"]


def test_edit_over_a_newer_save_warns_keeps_text_and_second_save_wins(client_user, user):
    project = ProjectFactory(user=user, title="Original")
    opened_at = project.updated_at.isoformat()
    project.title = "Saved in another tab"
    project.save()
    url = reverse("projects:edit", args=[project.pk])

    response = client_user.post(url, _form_data(title="Mine", loaded_version=opened_at))
    assert "was saved somewhere else" in response.text
    assert 'value="Mine"' in response.text
    project.refresh_from_db()
    assert project.title == "Saved in another tab"

    current = project.updated_at.isoformat()
    assert f'value="{current}"' in response.text
    client_user.post(url, _form_data(title="Mine", loaded_version=current))
    project.refresh_from_db()
    assert project.title == "Mine"


def test_add_metric_without_js_rerenders_with_new_row_and_saves_nothing(client_user):
    response = client_user.post(reverse("projects:create"), _form_data(metric_action="add"))
    assert not Project.objects.exists()
    assert 'name="metrics-TOTAL_FORMS" value="3"' in response.text
    assert 'value="Search ranking"' in response.text
    assert "Give the project a title." not in response.text


def test_metric_rows_htmx_add_returns_fragment_keeping_typed_rows(client_user):
    response = client_user.post(
        reverse("projects:metric-rows"), _form_data(metric_action="add"), **HTMX
    )
    assert "<html" not in response.text
    assert 'id="metric-rows"' in response.text
    assert 'name="metrics-TOTAL_FORMS" value="3"' in response.text
    assert 'value="p95 latency"' in response.text
    assert "autofocus" in response.text


def test_metric_rows_htmx_remove_drops_that_row(client_user):
    response = client_user.post(
        reverse("projects:metric-rows"), _form_data(metric_action="remove-0"), **HTMX
    )
    assert 'name="metrics-TOTAL_FORMS" value="1"' in response.text
    assert 'value="p95 latency"' not in response.text


def test_readiness_htmx_returns_fragment_with_hints_for_typed_text(client_user):
    response = client_user.post(
        reverse("projects:readiness"),
        _form_data(ownership="We built it together.", **{"metrics-0-note": "–20 ms"}),
        **HTMX,
    )
    text = response.text
    assert "<html" not in text
    assert "which of those decisions were yours?" in text
    assert "Alternatives &amp; Trade-offs is empty." in text
    assert "you quote –20 ms, but the arithmetic gives −18 ms" in text
    # Each section's status line under its field is updated out of band.
    assert 'id="check-ownership" class="section-check" hx-swap-oob="true"' in text


def test_readiness_changes_when_hint_is_fixed(client_user):
    url = reverse("projects:readiness")
    weak = client_user.post(url, _form_data(ownership="We built it."), **HTMX).text
    strong = client_user.post(
        url, _form_data(ownership="I chose the ranker and led the rollout."), **HTMX
    ).text
    assert "which of those decisions were yours?" in weak
    assert "which of those decisions were yours?" not in strong


# --- detail / delete / duplicate / move / examples / import ----------------------------


def test_detail_shows_sections_metrics_change_and_readiness(client_user, user):
    project = ProjectFactory(user=user, results="")
    MetricFactory(project=project, note="–20 ms")
    text = client_user.get(reverse("projects:detail", args=[project.pk])).text
    assert "I chose the ranking model and led the rollout." in text
    assert "<td>92 ms</td>" in text
    assert "−18 ms (−19.6%)" in text
    assert "Results is empty." in text
    assert "you quote –20 ms" in text


def test_delete_asks_then_deletes(client_user, user):
    project = ProjectFactory(user=user, title="Doomed")
    page = client_user.get(reverse("projects:delete", args=[project.pk])).text
    assert "Delete “Doomed”?" in page
    assert Project.objects.exists()
    response = client_user.post(reverse("projects:delete", args=[project.pk]), follow=True)
    assert not Project.objects.exists()
    assert "“Doomed” was deleted." in response.text


def test_duplicate_creates_copy_and_opens_its_editor(client_user, user):
    project = ProjectFactory(user=user, title="Ranking")
    response = client_user.post(reverse("projects:duplicate", args=[project.pk]), follow=True)
    copy = Project.objects.get(title="Ranking (copy)")
    assert response.redirect_chain[-1][0] == reverse("projects:edit", args=[copy.pk])


def test_move_without_js_redirects_and_with_htmx_returns_list_fragment(client_user, user):
    ProjectFactory(user=user, title="Alpha")
    beta = ProjectFactory(user=user, title="Beta")
    url = reverse("projects:move", args=[beta.pk, "up"])
    response = client_user.post(url)
    assert response["Location"] == reverse("projects:list")
    response = client_user.post(reverse("projects:move", args=[beta.pk, "down"]), **HTMX)
    assert "<html" not in response.text
    assert response.text.index("Alpha") < response.text.index("Beta")
    # Beta is last now, so its Down button is disabled: focus lands on its Up button.
    assert 'aria-label="Move Beta up" autofocus' in response.text


def test_reorder_sets_the_dragged_order_and_ignores_other_users_ids(client_user, user, other_user):
    a, b, c = (ProjectFactory(user=user, title=title) for title in ("Alpha", "Beta", "Gamma"))
    theirs = ProjectFactory(user=other_user, title="Theirs")
    response = client_user.post(
        reverse("projects:reorder"), {"order": [c.pk, theirs.pk, a.pk, b.pk]}, **HTMX
    )
    assert "<html" not in response.text
    text = response.text
    assert text.index("Gamma") < text.index("Alpha") < text.index("Beta")
    assert "Theirs" not in text
    theirs.refresh_from_db()
    assert theirs.user == other_user


def test_load_examples_button_adds_them_once(client_user, user):
    first = client_user.post(reverse("projects:load-examples"), follow=True)
    assert "Added 4 example projects" in first.text
    second = client_user.post(reverse("projects:load-examples"), follow=True)
    assert "already in your bank" in second.text
    assert Project.objects.filter(user=user, is_example=True).count() == 4


def test_import_fills_the_form_without_saving(client_user):
    text = "# Fraud scoring\n## My role\nI led it.\n## Results\nLosses went 10 → 7 M$ (–30%).\n"
    response = client_user.post(reverse("projects:import"), {"text": "Intro line\n" + text})
    assert not Project.objects.exists()
    assert "Imported 2 of 6 sections and 1 metric from Results." in response.text
    assert "I led it." in response.text
    assert 'value="Losses went"' not in response.text
    assert 'name="metrics-0-name" value="Losses"' in response.text
    assert f'action="{reverse("projects:create")}"' in response.text


def test_import_empty_paste_says_so(client_user):
    response = client_user.post(reverse("projects:import"), {"text": ""})
    assert "Paste a project to import." in response.text


# --- ownership: someone else's project is a 404 everywhere ------------------------------


@pytest.mark.parametrize(
    ("name", "method", "headers"),
    [
        ("projects:detail", "get", {}),
        ("projects:edit", "get", {}),
        ("projects:edit", "post", {}),
        ("projects:delete", "get", {}),
        ("projects:delete", "post", {}),
        ("projects:duplicate", "post", {}),
        ("projects:move", "post", {}),
        ("projects:move", "post", HTMX),
    ],
)
def test_other_users_project_is_404(other_client, user, name, method, headers):
    project = ProjectFactory(user=user, title="Secret")
    args = [project.pk, "down"] if name == "projects:move" else [project.pk]
    response = getattr(other_client, method)(reverse(name, args=args), _form_data(), **headers)
    assert response.status_code == 404
    project.refresh_from_db()
    assert project.title == "Secret"
    assert Project.objects.count() == 1


def test_detail_shows_the_claim_ledger(client_user, user):
    project = ProjectFactory(user=user, results="p95 latency went from 92 ms to 74 ms.")
    text = client_user.get(reverse("projects:detail", args=[project.pk])).text
    assert "Claims an interviewer will test" in text
    assert "p95 latency went from 92 ms to 74 ms" in text
    assert 'class="claim-ledger"' in text
