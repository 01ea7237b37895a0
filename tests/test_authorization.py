"""Authorization matrix: every URL the project serves × (owner, other user, anonymous) × method
(GET, HEAD, POST).

The URL list is read from the resolver, so a new URL without a row in MATRIX fails
`test_every_url_has_a_matrix_row` until someone decides who may use it. Owned objects are
made through the apps' own services, the way a real user would end up with them.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from challenges.models import Challenge
from conftest import PASSWORD
from interviews.services import finish_session, peers, start_session
from projects.services import create_project, load_example_projects
from scoring import review_services
from scoring.peer_scores import open_peer_scorecard
from scoring.selectors import review_for
from scoring.services import create_grading, run_grading

pytestmark = pytest.mark.django_db

LOGIN = "login"  # anonymous: 302 to the log-in page; an htmx request gets HX-Redirect instead
ADMIN_LOGIN = "admin-login"  # the admin's own log-in page: staff only, whoever else asks
OWNER, OTHER, ANONYMOUS = "owner", "other user", "anonymous"
ROLES = (ANONYMOUS, OTHER, OWNER)  # the owner goes last: some of its requests delete things

PROJECT = {
    "title": "Checkout latency",
    "company": "Acme",
    "role": "Backend lead",
    "period": "2023",
    "tags": "latency, python",
    "problem": "Checkout p95 was 900 ms against a 300 ms budget at 2k QPS.",
    "ownership": "I led three engineers and chose the caching design.",
    "architecture": "Requests go through a read-through cache in front of pricing.",
    "tradeoffs": "We weighed a CDN edge cache but stale prices ruled it out.",
    "results": "p95 fell from 900 ms to 240 ms in a two-week A/B test.",
    "defense": "The holdout kept the gain; in hindsight I would shard earlier.",
}


@dataclass
class World:
    """One user's objects in every state the URLs need."""

    user: object
    project: object
    running: object  # a mock onsite still taking answers
    finished: object  # a finished one, graded
    grading: object
    link: object  # an active mentor share link on that grading
    turn: int  # a turn number mentors can comment on
    peer_round: object  # the user's own round, waiting for its peer interviewer
    interviewing: object  # someone else's round the user joined as the peer interviewer
    peer_grading: object  # someone else's finished round the user interviewed, to score


def build_world(user) -> World:
    project = create_project(
        user=user,
        data=PROJECT,
        metrics=[{"name": "p95 latency", "before": 900, "after": 240, "unit": "ms", "note": ""}],
    )
    example = load_example_projects(user=user)[0]
    running = start_session(
        user=user, projects=[project], pressure="warmup", answer_mode="typed", seed=1
    )
    finished = start_session(
        user=user, projects=[example], pressure="warmup", answer_mode="typed", seed=2
    )
    grading = finish_session(session=finished)
    # Grade inline: the test transaction never commits, so the queued task never runs.
    grading = run_grading(grading_id=grading.pk)
    link = review_services.create_share_link(grading=grading)
    # A peer interviewer: the user's own round with one, and rounds of a candidate the user
    # interviews (and has scored). The user's graded round carries that candidate's scores.
    candidate = type(user).objects.create_user(username=f"candidate-of-{user.get_username()}")
    theirs = create_project(user=candidate, data=PROJECT, metrics=[])
    interviewing = start_session(
        user=candidate, projects=[theirs], pressure="warmup", answer_mode="typed", with_peer=True
    )
    peers.accept_invite(invite=interviewing.peer_invite, user=user)
    peer_grading = create_grading(user=candidate, transcript=grading.transcript)
    open_peer_scorecard(grading=peer_grading, peer_id=user.pk)
    open_peer_scorecard(grading=grading, peer_id=candidate.pk)
    return World(
        user=user,
        project=project,
        running=running,
        finished=finished,
        grading=grading,
        link=link,
        turn=review_for(grading).turns[0].number,
        peer_round=start_session(
            user=user, projects=[project], pressure="warmup", answer_mode="typed", with_peer=True
        ),
        interviewing=interviewing,
        peer_grading=peer_grading,
    )


def _project_post(world: World) -> dict:
    return {
        **PROJECT,
        "title": "Checkout latency, revised",
        "loaded_version": world.project.updated_at.isoformat(),
        "metrics-TOTAL_FORMS": "0",
        "metrics-INITIAL_FORMS": "0",
    }


@dataclass(frozen=True)
class Row:
    """Expected status per method, as (owner, other user, anonymous)."""

    get: tuple
    post: tuple
    kwargs: Callable[[World], dict] = lambda w: {}
    data: Callable[[World], dict] = lambda w: {}
    # POST data per role when it differs (a form that is valid for the owner only)
    data_for: dict = field(default_factory=dict)


def public(get=200, post=405, **extra) -> Row:
    return Row(get=(get, get, get), post=(post, post, post), **extra)


def signed_in(get=200, post=405, **extra) -> Row:
    """Needs a log-in; each user works on their own data, so owner and other match."""
    return Row(get=(get, get, LOGIN), post=(post, post, LOGIN), **extra)


def owned(get=200, post=405, **extra) -> Row:
    """Someone's object: the owner gets it, anyone else a 404 as if it did not exist."""
    other = lambda status: 405 if status == 405 else 404  # noqa: E731
    return Row(get=(get, other(get), LOGIN), post=(post, other(post), LOGIN), **extra)


project_pk = lambda w: {"pk": w.project.pk}  # noqa: E731
running_pk = lambda w: {"pk": w.running.pk}  # noqa: E731
turn_kwargs = lambda w: {"pk": w.running.pk, "index": w.running.current_index}  # noqa: E731
grading_pk = lambda w: {"pk": w.grading.pk}  # noqa: E731

MATRIX: dict[str, Row] = {
    # Public pages
    "home": Row(get=(302, 302, 200), post=(302, 302, 200)),
    "healthz": public(),
    "livez": public(),
    # The page the proxy shows with its 413 (deploy/nginx/site.inc.template)
    "too-large": public(get=413),
    "accounts:signup": Row(get=(302, 302, 200), post=(302, 302, 200)),
    "accounts:login": Row(get=(302, 302, 200), post=(302, 302, 200)),
    "accounts:logout": public(get=405, post=302),
    # Signed in, the user's own account
    "dashboard": signed_in(post=200),
    "accounts:password-change": signed_in(post=200),
    "accounts:password-changed": signed_in(),
    "accounts:settings": signed_in(),
    "accounts:export": signed_in(),
    "accounts:delete": Row(
        get=(405, 405, LOGIN),
        post=(302, 400, LOGIN),
        data=lambda w: {"confirmation": w.user.get_username()},
    ),
    # Projects
    "projects:list": signed_in(post=200),
    "projects:create": signed_in(post=302, data=_project_post),
    "projects:import": signed_in(post=200, data=lambda w: {"text": "Title\n\nProblem\nSlow."}),
    "projects:load-examples": signed_in(get=405, post=302),
    "projects:reorder": signed_in(get=405, post=302, data=lambda w: {"order": [w.project.pk]}),
    "projects:readiness": signed_in(get=405, post=200, data=lambda w: PROJECT),
    "projects:metric-rows": signed_in(get=405, post=200, data=lambda w: {"metric_action": "add"}),
    "projects:detail": owned(post=200, kwargs=project_pk),
    "projects:edit": owned(post=302, kwargs=project_pk, data=_project_post),
    "projects:delete": owned(post=302, kwargs=project_pk),
    "projects:duplicate": owned(get=405, post=302, kwargs=project_pk),
    "projects:move": owned(
        get=405, post=302, kwargs=lambda w: {"pk": w.project.pk, "direction": "down"}
    ),
    # Challenges: the bank is shared by everyone signed in
    "challenges:browse": signed_in(),
    "challenges:practise": signed_in(
        post=200,
        kwargs=lambda w: {"slug": Challenge.objects.filter(active=True).first().slug},
        data=lambda w: {"answer": "I chose Redis because p99 stayed under 5 ms."},
    ),
    # Mock onsites
    "interviews:history": signed_in(),
    "interviews:setup": Row(
        get=(200, 200, LOGIN),
        # Only the owner may start a round on the owner's project.
        post=(302, 400, LOGIN),
        data=lambda w: {
            "project_1": str(w.project.pk),
            "pressure": "warmup",
            "answer_mode": "typed",
        },
    ),
    # A drill reads only the signed-in user's own gradings (nothing due: back to the dashboard).
    "interviews:drill": signed_in(get=405, post=302),
    "interviews:run": owned(kwargs=running_pk),
    "interviews:autosave": owned(
        get=405,
        post=200,
        kwargs=turn_kwargs,
        data=lambda w: {"answer": "draft", "draft_version": "1"},
    ),
    "interviews:submit": owned(
        get=405, post=302, kwargs=turn_kwargs, data=lambda w: {"answer": "My answer."}
    ),
    "interviews:finish": owned(get=405, post=302, kwargs=running_pk),
    "interviews:abandon": owned(get=405, post=302, kwargs=running_pk),
    "interviews:export": owned(kwargs=lambda w: {"pk": w.finished.pk}),
    # A round with a peer interviewer: the candidate's side...
    "interviews:peer-status": owned(kwargs=lambda w: {"pk": w.peer_round.pk}),
    "interviews:peer-revoke": owned(get=405, post=302, kwargs=lambda w: {"pk": w.peer_round.pk}),
    "interviews:peer-alone": owned(get=405, post=302, kwargs=lambda w: {"pk": w.peer_round.pk}),
    # ...the link (anyone signed in may join; the candidate is told it is their own; once
    # used, it is a 404 for anyone but the candidate and the peer)...
    "interviews:peer-join": Row(
        get=(200, 200, LOGIN),
        post=(400, 302, LOGIN),
        kwargs=lambda w: {"token": w.peer_round.peer_invite.token},
    ),
    # ...and the console, the peer's alone ("owner" here is the peer who joined).
    "interviews:console": owned(kwargs=lambda w: {"pk": w.interviewing.pk}),
    "interviews:console-live": owned(kwargs=lambda w: {"pk": w.interviewing.pk}),
    "interviews:console-actions": owned(kwargs=lambda w: {"pk": w.interviewing.pk}),
    "interviews:console-ask": owned(
        get=405,
        post=302,
        kwargs=lambda w: {"pk": w.interviewing.pk},
        data=lambda w: {"question": "Where did the 300 ms budget come from?"},
    ),
    "interviews:console-next": owned(get=405, post=302, kwargs=lambda w: {"pk": w.interviewing.pk}),
    "interviews:console-more-time": owned(
        get=405, post=302, kwargs=lambda w: {"pk": w.interviewing.pk}
    ),
    "interviews:console-withdraw": owned(
        get=405,
        post=302,
        kwargs=lambda w: {"pk": w.interviewing.pk, "turn_pk": w.interviewing.turns.first().pk},
    ),
    # Review
    "scoring:review": owned(kwargs=grading_pk),
    "scoring:retry": owned(get=405, post=302, kwargs=grading_pk),
    "scoring:regrade": owned(get=405, post=302, kwargs=grading_pk),
    "scoring:export-markdown": owned(kwargs=grading_pk),
    "scoring:export-json": owned(kwargs=grading_pk),
    "scoring:share-create": owned(get=405, post=302, kwargs=grading_pk),
    "scoring:share-revoke": owned(
        get=405, post=302, kwargs=lambda w: {"pk": w.grading.pk, "link_pk": w.link.pk}
    ),
    # A peer interviewer's scorecard ("owner": the peer; an empty form is refused), the
    # candidate's revoking their access, and the candidate's calibration export.
    "scoring:peer-review": owned(post=400, kwargs=lambda w: {"pk": w.peer_grading.pk}),
    "scoring:peer-scores-edit": owned(post=400, kwargs=lambda w: {"pk": w.peer_grading.pk}),
    "scoring:peer-access-revoke": owned(get=405, post=302, kwargs=grading_pk),
    "scoring:calibration-export": signed_in(post=200, data=lambda w: {"consent": "on"}),
    # The mentor's page: whoever holds a live token, signed in or not
    "scoring:shared": public(kwargs=lambda w: {"token": w.link.token}),
    "scoring:shared-comment": public(
        get=405,
        post=302,
        kwargs=lambda w: {"token": w.link.token, "turn": w.turn},
        data=lambda w: {"author": "Grace", "text": "Say which figure convinced you."},
    ),
}

# The admin is for staff: nobody in this matrix is, so every admin URL but its log-in page
# sends them there. A model registered later adds URLs that this rule covers.
ADMIN = Row(get=(ADMIN_LOGIN,) * 3, post=(ADMIN_LOGIN,) * 3)
ADMIN_ROWS = {
    "admin:login": public(post=200),
    # Someone without admin rights is sent back to the admin index (and from there to log in).
    "admin:logout": public(get=302, post=302),
}
ADMIN_SAMPLES = {"app_label": "projects", "url": "no-such-page/"}


def _walk(patterns, prefix="", namespace="") -> Iterator[tuple[str, str]]:
    """(qualified name, route) of every URL pattern, however deeply included."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else route), route


URLS = dict(_walk(get_resolver().url_patterns))


def _is_admin(name: str) -> bool:
    return URLS[name].startswith("admin/")


def _row(name: str) -> Row:
    return ADMIN_ROWS.get(name, ADMIN) if _is_admin(name) else MATRIX[name]


def _admin_url(name: str, route: str) -> str:
    sample = lambda match: ADMIN_SAMPLES.get(match[1], "1")  # noqa: E731
    if name != route:
        keys = [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]
        return reverse(name, kwargs={key: ADMIN_SAMPLES.get(key, "1") for key in keys})
    # Unnamed (the admin's catch-all and its old-style redirects): fill the route in by hand.
    path = re.sub(r"<(?:\w+:)?(\w+)>", sample, route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", sample, path)
    return "/" + path.replace("^", "").replace("$", "")


def test_every_url_has_a_matrix_row():
    unlisted = [name for name in URLS if not _is_admin(name) and name not in MATRIX]
    stale = [name for name in MATRIX if name not in URLS]
    assert not unlisted, f"URLs without an authorization matrix row: {unlisted}"
    assert not stale, f"matrix rows for URLs that no longer exist: {stale}"


def _check(response, expected, *, role, method, url, htmx):
    where = f"{role} {method} {url}{' (htmx)' if htmx else ''}"
    login = reverse("accounts:login")
    if expected == LOGIN and htmx:
        assert response.status_code == 200, where
        assert response["HX-Redirect"].startswith(f"{login}?next="), where
    elif expected == LOGIN:
        assert response.status_code == 302, where
        assert response["Location"].startswith(f"{login}?next="), where
    elif expected == ADMIN_LOGIN:
        assert response.status_code == 302, where
        assert response["Location"].startswith(reverse("admin:login")), where
    else:
        assert response.status_code == expected, f"{where}: {response.status_code}"


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """Four users are made per test here; real hashing would spend seconds on each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.parametrize("name", sorted(URLS))
def test_url_answers_each_role_as_the_matrix_says(name, user, other_user):
    row = _row(name)
    if _is_admin(name):  # nobody here is staff: no objects needed to be turned away
        world, url = None, _admin_url(name, URLS[name])
    else:
        world = build_world(user)
        build_world(other_user)  # the other user has objects of their own, at other ids
        url = reverse(name, kwargs=row.kwargs(world))
    clients = {ANONYMOUS: Client(), OTHER: Client(), OWNER: Client()}
    clients[OTHER].force_login(other_user)
    clients[OWNER].force_login(user)

    for role in ROLES:
        index = {OWNER: 0, OTHER: 1, ANONYMOUS: 2}[role]
        # HEAD is answered wherever GET is, as GET would be (monitors and link checkers).
        for method in ("GET", "HEAD", "POST"):
            expected = (row.post if method == "POST" else row.get)[index]
            data = row.data_for.get(role, row.data)(world) if method == "POST" else None
            send = getattr(clients[role], method.lower())
            _check(send(url, data), expected, role=role, method=method, url=url, htmx=False)
            if expected == LOGIN:
                response = send(url, data, headers={"HX-Request": "true"})
                _check(response, expected, role=role, method=method, url=url, htmx=True)


def test_every_post_without_a_csrf_token_is_refused(user):
    """No view is CSRF-exempt: a forged form post from another site gets a 403 and changes
    nothing, whoever the browser is signed in as (the mentor's comment form included)."""
    world = build_world(user)
    projects = user.projects.count()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    for name, row in MATRIX.items():
        if row.post[0] == 405:
            continue
        url = reverse(name, kwargs=row.kwargs(world))
        response = client.post(url, row.data(world))
        assert response.status_code == 403, f"POST {url}: {response.status_code}"
    user.refresh_from_db()  # the account was not deleted
    assert user.projects.count() == projects
    world.running.refresh_from_db()
    assert world.running.status == "running"


def test_mentor_page_is_404_for_a_revoked_or_made_up_token(client, user):
    world = build_world(user)
    review_services.revoke_share_link(link=world.link)
    for token in (world.link.token, "not-a-real-token"):
        assert client.get(reverse("scoring:shared", args=[token])).status_code == 404
        response = client.post(
            reverse("scoring:shared-comment", args=[token, world.turn]),
            {"author": "Eve", "text": "hello"},
        )
        assert response.status_code == 404


def test_other_users_404_shows_none_of_the_owners_text(other_client, user):
    world = build_world(user)
    for url in (
        reverse("projects:detail", args=[world.project.pk]),
        reverse("interviews:run", args=[world.running.pk]),
        reverse("scoring:review", args=[world.grading.pk]),
    ):
        response = other_client.get(url)
        assert response.status_code == 404
        assert PROJECT["title"] not in response.text
        assert PROJECT["problem"] not in response.text


# --- Log-in throttling across spellings of one username --------------------------------


@pytest.mark.parametrize("spelling", [" ada", "ada ", "\tada\n", "ａｄａ"])
def test_lockout_holds_for_other_spellings_of_the_username(client, user, settings, spelling):
    """The form strips and NFKC-normalizes the username before axes counts a failure or
    checks a lockout, so padding it or typing it full-width does not earn fresh attempts."""
    login = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "ada", "password": "wrong"})
    response = client.post(login, {"username": spelling, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_under_other_spellings_add_up_to_a_lockout(client, user, settings):
    login = reverse("accounts:login")
    spellings = ["ada", " ada", "ada ", "ａｄａ", "\tada"]
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": spellings[number % len(spellings)], "password": "no"})
    assert client.post(login, {"username": "ada", "password": PASSWORD}).status_code == 429


def test_other_letter_cases_never_log_in(client, user):
    """Usernames are case-sensitive, so "ADA" is a different (missing) account: its failures
    are counted apart from ada's, and no spelling of the case gets in with ada's password."""
    for spelling in ("ADA", "Ada", "aDA"):
        response = client.post(
            reverse("accounts:login"), {"username": spelling, "password": PASSWORD}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
