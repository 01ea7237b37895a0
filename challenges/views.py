from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from challenges.engine import follow_up
from challenges.forms import BrowseFilterForm, PracticeAnswerForm
from challenges.models import Challenge
from challenges.selectors import challenges_for_browse


@login_required
@require_safe
def browse(request):
    form = BrowseFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    template = "challenges/browse.html#challenge-list" if request.htmx else "challenges/browse.html"
    return render(
        request,
        template,
        {"form": form, "challenges": challenges_for_browse(**filters)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def practise(request, slug: str):
    challenge = get_object_or_404(Challenge, slug=slug, active=True)
    answered, follow = False, None
    if request.method == "POST":
        form = PracticeAnswerForm(request.POST)
        if form.is_valid():
            answered = True
            follow = follow_up(section=challenge.section, answer=form.cleaned_data["answer"])
    else:
        form = PracticeAnswerForm()
    template = "challenges/practise.html#practice" if request.htmx else "challenges/practise.html"
    return render(
        request,
        template,
        {"challenge": challenge, "form": form, "answered": answered, "follow": follow},
    )
