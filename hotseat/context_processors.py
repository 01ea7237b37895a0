"""What the page shell (templates/base.html) shows on every page."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

# (URL name, label, the app whose pages mark the link as current); the dashboard is its own.
NAVIGATION = (
    ("dashboard", "Dashboard", None),
    ("projects:list", "Projects", "projects"),
    ("challenges:browse", "Challenges", "challenges"),
    ("interviews:history", "Mock onsite", "interviews"),
)


def navigation(request) -> dict:
    """The main links, worked out when a template first shows them: a signed-out page and an
    htmx partial never do, so they reverse no URL for them."""

    def links() -> list[dict]:
        match = request.resolver_match
        here = match and (match.app_name or match.url_name)
        return [
            {"url": reverse(name), "label": label, "current": here == (app or name)}
            for name, label, app in NAVIGATION
        ]

    return {"navigation": SimpleLazyObject(links)}
