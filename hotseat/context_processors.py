"""What the page shell (templates/base.html) shows on every page."""

from functools import cache

from django.urls import get_script_prefix, reverse

# (URL name, label, the app whose pages mark the link as current); the dashboard is its own.
NAVIGATION = (
    ("dashboard", "Dashboard", None),
    ("projects:list", "Projects", "projects"),
    ("challenges:browse", "Challenges", "challenges"),
    ("interviews:history", "Mock onsite", "interviews"),
)
SHELL_URLS = ("home", "accounts:settings", "accounts:logout", "accounts:login", "accounts:signup")


@cache
def _shell_urls(script_prefix: str) -> dict:
    """Reversed once per prefix: reversing them on every page cost more than the rest of it."""
    return {name: reverse(name) for name in (*SHELL_URLS, *(n for n, _, _ in NAVIGATION))}


def shell(request) -> dict:
    urls = _shell_urls(get_script_prefix())
    match = request.resolver_match
    here = match and (match.app_name or match.url_name)
    return {
        "shell_urls": {name.replace(":", "_"): url for name, url in urls.items()},
        "navigation": [
            {"url": urls[name], "label": label, "current": here == (app or name)}
            for name, label, app in NAVIGATION
        ],
    }
