import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.forms import DeleteAccountForm, SignUpForm
from accounts.services import delete_account, export_user_data


def _next_url(request) -> str:
    """Where to go after signing up (an invite link, say), if it is a page of this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else ""


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignUpForm(request.POST or None)
    next_url = _next_url(request)
    if form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to Hotseat, {user.get_username()}.")
        return redirect(next_url or "dashboard")
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


@login_required
@require_safe
def account_settings(request):
    return render(
        request, "accounts/settings.html", {"delete_form": DeleteAccountForm(user=request.user)}
    )


@login_required
@require_safe
@never_cache
def export_data(request):
    data = export_user_data(user=request.user)
    filename = f"hotseat-{request.user.get_username()}-{timezone.now():%Y%m%d}.json"
    response = HttpResponse(
        json.dumps(data, indent=2, default=str), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def delete(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/settings.html", {"delete_form": form}, status=400)
    delete_account(user=request.user)
    logout(request)
    messages.success(request, "Your account and everything in it have been deleted.")
    return redirect("home")
