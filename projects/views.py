from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST

from challenges.claims import extract_claims
from projects import services
from projects.forms import (
    ImportForm,
    ProjectForm,
    edit_metric_rows,
    form_readiness,
    metric_formset,
)
from projects.importer import parse_project
from projects.metrics_check import describe_change, plain_number
from projects.readiness import project_readiness
from projects.selectors import cards_for_user, get_project_for_user, projects_for_user
from projects.services import METRIC_FIELDS
from scoring.framework import SECTIONS

# The boldest claims first; past a handful the ledger stops being a checklist.
LEDGER_SIZE = 8


def _list_context(user) -> dict:
    """The list's cards, read in full only when its cached fragment is missing: the fragment
    is keyed by each card's id and last save, in order (projects.services saves a project on
    every change a card shows, and moving one changes the order)."""
    return {
        "cards": list(cards_for_user(user)),
        "rows": SimpleLazyObject(
            lambda: [(project, project_readiness(project)) for project in projects_for_user(user)]
        ),
    }


@login_required
def project_list(request):
    template = "projects/list.html#project-list" if request.htmx else "projects/list.html"
    return render(request, template, _list_context(request.user))


def _metric_rows(project) -> list[dict]:
    return [
        {
            **{field: getattr(metric, field) for field in METRIC_FIELDS},
            "before": plain_number(metric.before),
            "after": plain_number(metric.after),
        }
        for metric in project.metrics.all()
    ]


def _render_form(request, *, form, formset, project=None, import_summary=None):
    readiness, too_long = form_readiness(form, formset)
    return render(
        request,
        "projects/form.html",
        {
            "project": project,
            "form": form,
            "sections": [
                (section, field, check)
                for (section, field), check in zip(form.sections, readiness.sections, strict=True)
            ],
            "formset": formset,
            "readiness": readiness,
            "too_long": too_long,
            "import_summary": import_summary,
        },
    )


def _form_page(request, *, project=None):
    """Create and edit share one page: the form, the metric rows and the live readiness."""
    if request.method != "POST":
        rows = _metric_rows(project) if project else [{}, {}]
        return _render_form(
            request,
            project=project,
            form=ProjectForm(instance=project),
            formset=metric_formset(rows=rows),
        )
    if action := request.POST.get("metric_action", ""):
        # Without JavaScript the add/remove buttons submit the whole form: rebuild the rows
        # and show the page again, keeping everything typed and saving nothing.
        return _render_form(
            request,
            project=project,
            form=ProjectForm(initial=request.POST.dict(), instance=project),
            formset=edit_metric_rows(request.POST, action),
        )
    form = ProjectForm(request.POST, instance=project)
    formset = metric_formset(request.POST)
    if not (form.is_valid() and formset.is_valid()):
        return _render_form(request, project=project, form=form, formset=formset)
    if project is None:
        project = services.create_project(
            user=request.user, data=form.cleaned_data, metrics=formset.rows()
        )
        messages.success(request, f"“{project.title}” was added to your bank.")
    else:
        services.update_project(project=project, data=form.cleaned_data, metrics=formset.rows())
        messages.success(request, "Your changes were saved.")
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_create(request):
    return _form_page(request)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_edit(request, pk: int):
    return _form_page(request, project=get_project_for_user(user=request.user, pk=pk))


@login_required
def project_detail(request, pk: int):
    project = get_project_for_user(user=request.user, pk=pk)
    texts = project.section_texts()
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "sections": [(section, texts[section.key]) for section in SECTIONS],
            "metrics": [
                (
                    metric,
                    plain_number(metric.before),
                    plain_number(metric.after),
                    describe_change(metric.before, metric.after, metric.unit),
                )
                for metric in project.metrics.all()
            ],
            "readiness": project_readiness(project),
            "claims": extract_claims(texts)[:LEDGER_SIZE],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_delete(request, pk: int):
    project = get_project_for_user(user=request.user, pk=pk)
    if request.method == "POST":
        services.delete_project(project=project)
        messages.success(request, f"“{project.title}” was deleted.")
        return redirect("projects:list")
    return render(request, "projects/delete.html", {"project": project})


@login_required
@require_POST
def project_duplicate(request, pk: int):
    copy = services.duplicate_project(project=get_project_for_user(user=request.user, pk=pk))
    messages.success(request, "A copy was made; rename it and change what differs.")
    return redirect("projects:edit", pk=copy.pk)


@login_required
@require_POST
def project_move(request, pk: int, direction: str):
    services.move_project(
        project=get_project_for_user(user=request.user, pk=pk), direction=direction
    )
    if not request.htmx:
        return redirect("projects:list")
    context = _list_context(request.user)
    # The clicked button was swapped away; keep keyboard focus on the project that moved,
    # on the same button unless it reached the end of the list and that one is disabled.
    ids = [pk for pk, _ in context["cards"]]
    at_edge = ids.index(pk) == (0 if direction == "up" else len(ids) - 1)
    opposite = {"up": "down", "down": "up"}
    context.update(focus_pk=pk, focus_direction=opposite[direction] if at_edge else direction)
    return render(request, "projects/list.html#project-list", context)


@login_required
@require_POST
def project_reorder(request):
    """Drag and drop sends the whole order; ids that are not the user's are ignored."""
    # isdecimal, not isdigit ("²" is a digit int() refuses); no id has more than 19 digits,
    # and int() refuses strings past 4,300.
    ids = [
        int(value)
        for value in request.POST.getlist("order")
        if value.isdecimal() and len(value) <= 19
    ]
    services.reorder_projects(user=request.user, project_ids=ids)
    if request.htmx:
        return render(request, "projects/list.html#project-list", _list_context(request.user))
    return redirect("projects:list")


@login_required
@require_POST
def examples_load(request):
    added = services.load_example_projects(user=request.user)
    if added:
        messages.success(request, f"Added {len(added)} example projects, marked “Example”.")
    else:
        messages.info(request, "The example projects are already in your bank.")
    return redirect("projects:list")


@login_required
@require_POST
def readiness_check(request):
    readiness, too_long = form_readiness(ProjectForm(request.POST), metric_formset(request.POST))
    # The panel is swapped in place; each section's own status line comes out of band.
    return render(
        request,
        "projects/form.html#readiness",
        {"readiness": readiness, "too_long": too_long, "oob": True},
    )


@login_required
@require_POST
def metric_rows(request):
    action = request.POST.get("metric_action", "")
    return render(
        request,
        "projects/form.html#metric-rows",
        # After a removal the row is gone; focus the add button rather than the page top.
        {"formset": edit_metric_rows(request.POST, action), "focus_add": action != "add"},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_import(request):
    form = ImportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        parsed = parse_project(form.cleaned_data["text"])
        initial = {
            "title": parsed.title,
            "company": parsed.company,
            "period": parsed.period,
            "tags": parsed.tags,
            **parsed.sections,
        }
        return _render_form(
            request,
            form=ProjectForm(initial=initial),
            formset=metric_formset(rows=[*parsed.metrics, {}]),
            import_summary=parsed,
        )
    return render(request, "projects/import.html", {"form": form})
