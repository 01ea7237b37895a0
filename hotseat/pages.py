"""Whole pages served from the cache, under a stamp of everything they show.

A signed-in page that is cached this way costs its stamp (a light query of ids, statuses and
times) and one cache read; nothing is invalidated by hand, since any change to what the page
shows is a new stamp and so a new key.
"""

from collections.abc import Callable
from hashlib import md5

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

PAGE_SECONDS = 24 * 3600


def csrf_secret(request) -> str:
    """The browser's CSRF secret, made (and sent as a cookie) if it has none yet. Unlike
    get_token, it masks no new token when the browser already has one: a cached page holds
    tokens masked when it was rendered, which stay valid for the same secret."""
    if "CSRF_COOKIE" not in request.META:
        get_token(request)
    return request.META["CSRF_COOKIE"]


def cached_page(
    request,
    stamp,
    render: Callable[[], HttpResponse],
    *,
    seconds: Callable[[], int] = lambda: PAGE_SECONDS,
) -> HttpResponse:
    """The response `render()` gives, from the cache when this browser has had it before
    under the same stamp.

    Besides the stamp, the key holds what every page shows: the user, the address asked for
    (htmx or not), the time zone dates are shown in, and the browser's CSRF secret that the
    page's form tokens are masked from. A page with messages to show is rendered afresh and
    not kept, since a message is shown once. `seconds()`, asked once the page is rendered,
    says how long it stays true when time alone can change it.
    """
    secret = csrf_secret(request)
    if len(get_messages(request)):
        return render()
    key = (
        "page:"
        + md5(
            repr(
                (
                    request.user.pk,
                    request.scheme,
                    request.get_host(),
                    request.get_full_path(),
                    bool(request.htmx),
                    timezone.get_current_timezone_name(),
                    secret,
                    stamp,
                )
            ).encode(),
            usedforsecurity=False,
        ).hexdigest()
    )
    body = cache.get(key)
    if body is not None:
        return HttpResponse(body)
    response = render()
    if response.status_code == 200:
        cache.set(key, response.content, seconds())
    return response
