"""What the outside scan found (issue 17), each as the user or the scanner would see it: the
NUL in a share token, oversized bodies, Cache-Control, HTML in the Markdown export, the
limits the text boxes carry, the `datetime` attributes and the meta description.

The proxy's part (the 413 page, the client address, static files) is in test_proxy.py; HEAD
on every route is part of the authorization matrix (test_authorization.py).
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import PathConverter, StringConverter

from interviews.models import ANSWER_MAX_CHARS
from projects.models import SECTION_MAX_LENGTH
from scoring.models import ReviewComment
from tests.test_authorization import build_world

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("mentor")</script>'
ANSWER_PAYLOAD = "<img src=x onerror=alert(1)> We cut p95 from 900 ms to 240 ms."


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(user):
    return build_world(user)


# --- A NUL in a share token -------------------------------------------------------------


@pytest.mark.parametrize("token", ["%00", "abc%00def", "a%20b", "x" * 65, "%C3%A9t%C3%A9"])
def test_share_token_outside_its_alphabet_is_404(client, world, token):
    """PostgreSQL cannot hold a NUL, so the lookup was a 500; now the URL never matches."""
    assert client.get(f"/review/shared/{token}/").status_code == 404
    response = client.post(
        f"/review/shared/{token}/turns/{world.turn}/comments/", {"author": "Eve", "text": "hi"}
    )
    assert response.status_code == 404


def test_share_link_still_opens_with_its_real_token(client, world):
    response = client.get(reverse("scoring:shared", args=[world.link.token]))
    assert response.status_code == 200


def _converters(patterns, route=""):
    for pattern in patterns:
        here = route + str(pattern.pattern)
        converters = getattr(pattern.pattern, "converters", {})
        for name, converter in converters.items():
            yield here, name, converter
        if isinstance(pattern, URLResolver):
            yield from _converters(pattern.url_patterns, here)
        else:
            assert isinstance(pattern, URLPattern)


def test_no_route_of_ours_takes_free_text_in_its_path():
    """The sweep: every path parameter has a converter with a closed alphabet (int, slug or
    our own), so no route passes a NUL or a slash on to a query. The admin's own routes,
    which Django guards itself, are left out."""
    loose = [
        f"{route} <{name}>"
        for route, name, converter in _converters(get_resolver().url_patterns)
        if not route.startswith("admin/") and type(converter) in (StringConverter, PathConverter)
    ]
    assert not loose, f"routes with free-text path parameters: {loose}"


# --- Oversized bodies --------------------------------------------------------------------


def test_oversized_autosave_gets_the_limit_explained_in_the_sites_layout(client_user, world):
    url = reverse("interviews:autosave", args=[world.running.pk, world.running.current_index])
    response = client_user.post(url, {"answer": "x" * 3_000_000, "draft_version": "1"})
    assert response.status_code == 400
    assert "That was more than Hotseat takes at once" in response.text
    assert "over 1.0\xa0MB" in response.text  # filesizeformat keeps the two together
    assert 'class="site-header"' in response.text  # the layout, not Django's bare page
    world.running.refresh_from_db()
    assert world.running.turns.get(index=world.running.current_index).draft == ""


@pytest.mark.parametrize(
    "name, data",
    [
        ("interviews:submit", {"answer": "x" * 10_000_000}),
        ("projects:import", {"text": "y" * 5_000_000}),
    ],
)
def test_oversized_posts_say_so_and_save_nothing(client_user, world, name, data):
    kwargs = (
        {"pk": world.running.pk, "index": world.running.current_index}
        if name == "interviews:submit"
        else {}
    )
    projects = world.user.projects.count()
    response = client_user.post(reverse(name, kwargs=kwargs), data)
    assert response.status_code == 400
    assert "That was more than Hotseat takes at once" in response.text
    assert world.user.projects.count() == projects
    assert world.running.turns.get(index=world.running.current_index).answer == ""


def test_oversized_mentor_comment_is_refused_with_the_limit(client, world):
    url = reverse("scoring:shared-comment", args=[world.link.token, world.turn])
    response = client.post(url, {"author": "Eve", "text": "z" * 10_000_000})
    assert response.status_code == 400
    assert "That was more than Hotseat takes at once" in response.text
    assert not ReviewComment.objects.exists()


def test_a_post_with_too_many_fields_is_told_so(client_user, world):
    response = client_user.post(
        reverse("projects:reorder"), {"order": [str(n) for n in range(1_200)]}
    )
    assert response.status_code == 400
    assert "That form had too many fields" in response.text


def test_text_boxes_carry_the_servers_limits(client_user, world):
    """maxlength is the limit the server checks (a paste past it is kept whole by
    static/js/limits.js so that the server can say how much to trim)."""
    checks = {
        reverse("interviews:run", args=[world.running.pk]): {"answer": ANSWER_MAX_CHARS},
        reverse("projects:edit", args=[world.project.pk]): {
            "problem": SECTION_MAX_LENGTH,
            "defense": SECTION_MAX_LENGTH,
            "title": 120,
        },
        reverse("projects:import"): {"text": SECTION_MAX_LENGTH * 6 + 2000},
        reverse("scoring:shared", args=[world.link.token]): {"text": ReviewComment.TEXT_MAX_LENGTH},
    }
    for url, limits in checks.items():
        page = client_user.get(url).text
        for name, limit in limits.items():
            tags = re.findall(rf'<(?:textarea|input)[^>]*\bname="{name}"[^>]*>', page)
            assert tags, f"no {name} box on {url}"
            for tag in tags:
                assert f'maxlength="{limit}"' in tag, f"{url}: {tag}"


# --- Cache-Control ----------------------------------------------------------------------


def test_signed_in_pages_are_private_and_revalidated(client_user, world):
    for url in (
        reverse("dashboard"),
        reverse("projects:list"),
        reverse("projects:detail", args=[world.project.pk]),
        reverse("challenges:browse"),
        reverse("interviews:history"),
        reverse("accounts:settings"),
    ):
        response = client_user.get(url)
        assert response.status_code == 200, url
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-cache"} <= directives, f"{url}: {response['Cache-Control']}"


def test_pages_and_downloads_holding_answers_are_never_stored(client_user, world):
    owner_urls = [
        reverse("interviews:run", args=[world.running.pk]),
        reverse("scoring:review", args=[world.grading.pk]),
        reverse("scoring:export-markdown", args=[world.grading.pk]),
        reverse("scoring:export-json", args=[world.grading.pk]),
        reverse("interviews:export", args=[world.finished.pk]),
        reverse("accounts:export"),
    ]
    responses = [client_user.get(url) for url in owner_urls]
    responses.append(Client().get(reverse("scoring:shared", args=[world.link.token])))
    for response in responses:
        assert response.status_code == 200, response.request["PATH_INFO"]
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, response.request["PATH_INFO"]


def test_an_autosave_answer_is_not_stored_either(client_user, world):
    url = reverse("interviews:autosave", args=[world.running.pk, world.running.current_index])
    response = client_user.post(url, {"answer": "a draft", "draft_version": "1"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_pages_are_left_to_their_views(client):
    """Nothing is added for someone signed out (the log-in page is never_cache itself)."""
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert not response.has_header("Cache-Control")


# --- The Markdown export ----------------------------------------------------------------


def test_markdown_export_escapes_html_in_comments_and_answers(client_user, user):
    from interviews.services import finish_session, start_session, submit_answer
    from projects.services import load_example_projects
    from scoring import review_services
    from scoring.services import run_grading

    project = load_example_projects(user=user)[0]
    session = start_session(
        user=user, projects=[project], pressure="warmup", answer_mode="typed", seed=3
    )
    submit_answer(session=session, index=session.current_index, text=ANSWER_PAYLOAD)
    grading = run_grading(grading_id=finish_session(session=session).pk)
    link = review_services.create_share_link(grading=grading)
    Client().post(
        reverse("scoring:shared-comment", args=[link.token, 1]),
        {"author": "<b>Eve</b>", "text": PAYLOAD},
    )
    assert ReviewComment.objects.filter(text=PAYLOAD).exists()

    markdown = client_user.get(reverse("scoring:export-markdown", args=[grading.pk])).text
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "&lt;script>" in markdown
    assert "&lt;img src=x onerror=alert(1)> We cut p95 from 900 ms to 240 ms." in markdown
    assert "Mentor comment from &lt;b>Eve&lt;/b>:" in markdown


# --- Markup -----------------------------------------------------------------------------


def test_history_times_are_valid_datetime_attributes(client_user, world):
    page = client_user.get(reverse("interviews:history")).text
    values = re.findall(r'<time datetime="([^"]+)"', page)
    assert values
    for value in values:
        # HTML allows at most three digits of a second's fraction; Django's "c" gave six.
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", value), value


def test_every_page_has_a_meta_description(client_user, world):
    pages = [
        Client().get(reverse("home")),
        Client().get(reverse("accounts:login")),
        client_user.get(reverse("dashboard")),
        client_user.get(reverse("interviews:run", args=[world.running.pk])),
        client_user.get(reverse("scoring:review", args=[world.grading.pk])),
    ]
    for response in pages:
        assert re.search(r'<meta name="description" content="[^"]{50,}">', response.text)


def test_an_unknown_host_gets_the_400_page_too(client):
    """The 400 page renders in the layout whatever went wrong, a Host not served included."""
    response = client.get(reverse("dashboard"), headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "Bad request" in response.text
