from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control
from django_htmx.http import HttpResponseClientRedirect


class HtmxLoginRedirectMiddleware:
    """Send a logged-out htmx request to the log-in page with HX-Redirect.

    htmx follows a plain 302 inside the XHR and would swap the whole log-in page
    into whatever region asked; HX-Redirect makes the browser navigate instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.login_path = None

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 302 and request.htmx and not request.user.is_authenticated:
            if self.login_path is None:
                self.login_path = resolve_url(settings.LOGIN_URL)
            if response["Location"].startswith(self.login_path):
                return HttpResponseClientRedirect(response["Location"])
        return response


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-cache` on whatever a signed-in user is sent.

    No shared cache may keep a page that shows one person's data, and the browser asks again
    before reusing its copy. A view that sets Cache-Control itself keeps it: the pages and
    downloads that hold interview answers are `never_cache` (no-store), so no copy of them is
    written to disk at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response
