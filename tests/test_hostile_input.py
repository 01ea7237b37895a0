"""Hostile input into every form and htmx endpoint: never a 500, never markup echoed raw.

Hypothesis mixes random text, text past each field's limit, awkward unicode (RTL marks,
emoji, NUL, stacked combining marks) and HTML/script payloads. Every response that is HTML
must show a payload escaped (`&lt;script&gt;`), never as markup. A second set of tests stores
the payloads first and then reads every page that displays them.
"""

from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviews.models import ANSWER_MAX_CHARS, RUNNING
from interviews.services import finish_session, start_session, submit_answer
from projects.models import Project
from scoring.services import run_grading
from tests.test_authorization import MATRIX, PROJECT, build_world

pytestmark = pytest.mark.django_db

# Payloads that would run or inject markup if a template printed them unescaped.
MARKUP = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "<style>*{display:none}</style>",
    '<div hx-get="/accounts/settings/delete/" hx-trigger="load">x</div>',
)
# Not markup, but each has broken an app somewhere: a template tag, a format string,
# bidi overrides, a zero-width joiner sequence, NUL, combining marks, BOM, a lone CR.
ODD = (
    "{{ request.user.password }}{% debug %}",
    "%s%d{0}",
    "\u202eevil\u202c",
    "\u200f\u05e9\u05dc\u05d5\u05dd",
    "👩\u200d💻🔥",
    "\x00",
    "e\u0301\u0302\u0303\u0304",
    "\ufeff",
    "\r",
    "-1",
    "NaN",
    "1e999999",
    "9" * 40,
    "²",  # a digit to str.isdigit(), refused by int()
)
# Any unicode a browser can send (lone surrogates cannot be encoded as UTF-8).
RANDOM = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
PIECES = st.one_of(st.sampled_from(MARKUP), st.sampled_from(ODD), RANDOM)
HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def hostile(draw, limit: int):
    """One field's value: a mix of pieces, sometimes stretched past the field's limit."""
    text = "".join(draw(st.lists(PIECES, min_size=1, max_size=4)))
    if draw(st.booleans()) and text:
        size = limit + draw(st.integers(1, 300))
        text = (text * (size // len(text) + 1))[:size]
    return text


def form_data(data, limits: dict[str, int], **fixed) -> dict:
    return {name: data.draw(hostile(limit), label=name) for name, limit in limits.items()} | fixed


def assert_safe(response):
    """No server error, and no payload reflected as live markup."""
    assert response.status_code < 500
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    body = response.content.decode()
    for payload in MARKUP:
        assert payload not in body, f"unescaped {payload!r} in {response.request['PATH_INFO']}"


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def signed_in(user):
    client = Client()
    client.force_login(user)
    yield client


def _send(client, url, data, *, htmx=False, follow=True):
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(url, data, headers=headers, follow=follow and not htmx)
    assert_safe(response)
    return response


# --- Accounts ---------------------------------------------------------------------------


def test_signup_survives_hostile_input(db):
    @HYPOTHESIS
    @given(st.data())
    def run(data):
        fields = form_data(
            data, {"username": 150, "email": 254, "password1": 128, "password2": 128}
        )
        _send(Client(), reverse("accounts:signup"), fields)

    run()


def test_login_survives_hostile_input(db, user):
    @HYPOTHESIS
    @given(st.data())
    def run(data):
        fields = form_data(data, {"username": 150, "password": 128})
        _send(Client(), reverse("accounts:login"), fields)

    run()


def test_password_change_and_delete_survive_hostile_input(user):
    with signed_in(user) as client:

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            limits = {"old_password": 128, "new_password1": 128, "new_password2": 128}
            _send(client, reverse("accounts:password-change"), form_data(data, limits))
            # The confirmation never equals "ada", so the account survives every example.
            _send(client, reverse("accounts:delete"), form_data(data, {"confirmation": 150}))

        run()
    user.refresh_from_db()
    assert user.is_active


# --- Projects ---------------------------------------------------------------------------

PROJECT_LIMITS = {
    "title": 120,
    "company": 100,
    "role": 100,
    "period": 60,
    "tags": 200,
    **dict.fromkeys(("problem", "ownership", "architecture", "tradeoffs", "results"), 4000),
    "defense": 4000,
}
METRIC_LIMITS = {"name": 100, "before": 16, "after": 16, "unit": 20, "note": 200}


def project_form(data, *, rows: int = 2, **fixed) -> dict:
    fields = form_data(data, PROJECT_LIMITS, **fixed)
    for index in range(rows):
        for name, limit in METRIC_LIMITS.items():
            fields[f"metrics-{index}-{name}"] = data.draw(hostile(limit), label=name)
    total = data.draw(st.sampled_from([str(rows), "0", "-1", "999", "x"]), label="total")
    return fields | {"metrics-TOTAL_FORMS": total, "metrics-INITIAL_FORMS": "0"}


def test_project_forms_survive_hostile_input(user):
    world = build_world(user)
    with signed_in(user) as client:

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            action = data.draw(
                st.sampled_from(["", "add", "remove-0", "remove-99", "remove-²", "<b>"])
            )
            _send(client, reverse("projects:create"), project_form(data, metric_action=action))
            # The editor carries the version it was opened on; hostile text may also replace it.
            version = Project.objects.get(pk=world.project.pk).updated_at.isoformat()
            fields = project_form(data, loaded_version=version)
            _send(client, reverse("projects:edit", args=[world.project.pk]), fields)
            _send(client, reverse("projects:readiness"), project_form(data), htmx=True)
            _send(
                client,
                reverse("projects:metric-rows"),
                project_form(data, rows=3, metric_action=action),
                htmx=True,
            )
            text = data.draw(hostile(26_000), label="import")
            _send(client, reverse("projects:import"), {"text": text})
            order = data.draw(st.lists(PIECES, max_size=3))
            _send(client, reverse("projects:reorder"), {"order": order}, htmx=True)

        run()
    assert_safe(client_get(user, reverse("projects:list")))


def client_get(user, url):
    with signed_in(user) as client:
        return client.get(url)


# --- Challenges, mock onsites, review ---------------------------------------------------


def test_challenge_practice_survives_hostile_input(user):
    from challenges.models import Challenge

    slug = Challenge.objects.filter(active=True).values_list("slug", flat=True).first()
    with signed_in(user) as client:

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            url = reverse("challenges:practise", args=[slug])
            answer = form_data(data, {"answer": 5000})
            _send(client, url, answer)
            _send(client, url, answer, htmx=True)
            filters = form_data(data, {"section": 20, "persona": 20, "pressure": 20})
            assert_safe(client.get(reverse("challenges:browse"), filters))

        run()


def test_interview_setup_survives_hostile_input(user):
    world = build_world(user)
    with signed_in(user) as client:

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            project = st.sampled_from(["", str(world.project.pk), "0", "-1"])
            fields = form_data(
                data,
                {
                    "pressure": 20,
                    "answer_mode": 20,
                    "walkthrough_minutes": 8,
                    "challenge_minutes": 8,
                },
                project_1=data.draw(st.one_of(project, RANDOM)),
                project_2=data.draw(st.one_of(project, RANDOM)),
            )
            _send(client, reverse("interviews:setup"), fields, follow=False)

        run()


def test_interview_answers_survive_hostile_input(user):
    world = build_world(user)
    with signed_in(user) as client:
        versions = iter(range(1, 10_000))

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            session = world.running
            session.refresh_from_db()
            if session.status != RUNNING:  # answered to the end: keep posting into open turns
                session = world.running = start_session(
                    user=user, projects=[world.project], pressure="bar_raiser", answer_mode="typed"
                )
            index = session.current_index
            answer = data.draw(hostile(ANSWER_MAX_CHARS), label="answer")
            version = data.draw(st.one_of(st.just(str(next(versions))), PIECES))
            draft = reverse("interviews:autosave", args=[session.pk, index])
            _send(client, draft, {"answer": answer, "draft_version": version}, htmx=True)
            submit = reverse("interviews:submit", args=[session.pk, index])
            _send(client, submit, {"answer": answer}, htmx=data.draw(st.booleans()))

        run()


def test_mentor_comments_survive_hostile_input(user):
    world = build_world(user)
    url = reverse("scoring:shared-comment", args=[world.link.token, world.turn])

    @HYPOTHESIS
    @given(st.data())
    def run(data):
        fields = form_data(data, {"author": 80, "text": 2000})
        _send(Client(), url, fields, htmx=data.draw(st.booleans()))

    run()
    assert_safe(Client().get(reverse("scoring:shared", args=[world.link.token])))


def test_share_and_review_posts_ignore_hostile_fields(user):
    world = build_world(user)
    with signed_in(user) as client:

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            junk = form_data(data, {"note": 100, "token": 100})
            for name in ("scoring:share-create", "scoring:retry", "scoring:regrade"):
                _send(client, reverse(name, args=[world.grading.pk]), junk)
            assert_safe(client.get(reverse("scoring:review", args=[world.grading.pk]), junk))

        run()


def test_peer_interviewer_posts_survive_hostile_input(user):
    """The console's moves, the scorecard, the consent form and the candidate's peer buttons."""
    world = build_world(user)
    console = world.interviewing.pk
    with signed_in(user) as client:

        @HYPOTHESIS
        @given(st.data())
        def run(data):
            question = form_data(data, {"question": 1200, "slug": 100})
            _send(client, reverse("interviews:console-ask", args=[console]), question)
            junk = form_data(
                data, {"seen": 50, "consent": 50, "note-0": 1200, "score-0-problem": 5}
            )
            for name in ("interviews:console-more-time", "interviews:peer-alone"):
                pk = console if name.startswith("interviews:console") else world.peer_round.pk
                _send(client, reverse(name, args=[pk]), junk)
            turn_pk = data.draw(st.integers(min_value=0, max_value=2**70), label="turn_pk")
            withdraw = reverse("interviews:console-withdraw", args=[console, turn_pk])
            _send(client, withdraw, junk)
            for name in ("scoring:peer-review", "scoring:peer-scores-edit"):
                _send(client, reverse(name, args=[world.peer_grading.pk]), junk)
            _send(client, reverse("scoring:calibration-export"), junk)
            status = reverse("interviews:peer-status", args=[world.peer_round.pk])
            assert_safe(client.get(status, {"seen": junk["seen"]}, headers={"HX-Request": "true"}))
            assert_safe(client.get(reverse("interviews:console-live", args=[console])))

        run()


@pytest.mark.parametrize("token", ["x" * 65, "a%00b", "a b", "..%2F..", "<script>"])
def test_invite_links_that_cannot_be_tokens_are_a_404(user, token):
    with signed_in(user) as client:
        response = client.get(f"/interviews/join/{token}/")
    assert response.status_code == 404


@pytest.mark.parametrize("payload", MARKUP)
def test_a_peers_stored_questions_and_notes_come_back_escaped(user, other_user, payload):
    world = build_world(user)
    invite = world.interviewing.peer_invite
    from interviews.services import peers

    peers.send_question(invite=invite, text=f"Why {payload}?")
    session = world.interviewing
    session.refresh_from_db()
    submit_answer(session=session, index=session.current_index, text="Checkout was slow.")
    # The peer's question is now the candidate's open turn.
    candidate = world.interviewing.user
    with signed_in(user) as client:
        for name in ("interviews:console", "interviews:console-live", "interviews:console-actions"):
            response = client.get(reverse(name, args=[world.interviewing.pk]))
            assert response.status_code == 200
            assert_safe(response)
    with signed_in(candidate) as client:
        assert_safe(client.get(reverse("interviews:run", args=[world.interviewing.pk])))
    from scoring.models import PeerScorecard

    PeerScorecard.objects.filter(grading=world.grading).update(
        scores=[dict.fromkeys(("problem", "results"), 2)],
        notes={"0": payload},
        submitted_at=world.grading.graded_at,
    )
    with signed_in(user) as client:
        review = client.get(reverse("scoring:review", args=[world.grading.pk]))
    assert review.status_code == 200
    assert_safe(review)


# --- Stored payloads, read back on every page that shows them ---------------------------


def _hostile_project_data(payload: str) -> dict:
    """The payload in every field, cut to fit so the project is stored as a user could."""
    return {
        key: f"{payload} {value}"[: Project._meta.get_field(key).max_length]
        for key, value in PROJECT.items()
    }


@pytest.mark.parametrize("payload", MARKUP)
def test_stored_payloads_come_back_escaped_everywhere(user, payload):
    from projects.services import create_project

    project = create_project(
        user=user,
        data=_hostile_project_data(payload),
        metrics=[
            {"name": payload[:100], "before": 1, "after": 2, "unit": payload[:20], "note": payload}
        ],
    )
    session = start_session(
        user=user, projects=[project], pressure="standard", answer_mode="typed", seed=5
    )
    for _ in range(3):
        session.refresh_from_db()
        submit_answer(session=session, index=session.current_index, text=f"I chose {payload}")
    grading = run_grading(grading_id=finish_session(session=session).pk)
    from scoring.review_services import add_review_comment, create_share_link

    link = create_share_link(grading=grading)
    from scoring.selectors import review_for

    turn = review_for(grading).turns[0].number
    add_review_comment(link=link, turn=turn, author=payload[:80], text=payload)

    pages = [
        reverse("dashboard"),
        reverse("projects:list"),
        reverse("projects:detail", args=[project.pk]),
        reverse("projects:edit", args=[project.pk]),
        reverse("projects:delete", args=[project.pk]),
        reverse("interviews:setup"),
        reverse("interviews:history"),
        reverse("interviews:run", args=[session.pk]),
        reverse("scoring:review", args=[grading.pk]),
    ]
    with signed_in(user) as client:
        for url in pages:
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            assert_safe(response)
        assert_safe(client.get(pages[-1], headers={"HX-Request": "true"}))
    shared = Client().get(reverse("scoring:shared", args=[link.token]))
    assert shared.status_code == 200
    assert_safe(shared)
    assert "&lt;" in shared.text or "&quot;" in shared.text or "&#x27;" in shared.text


def test_login_with_an_overlong_username_is_refused_before_authenticating(client):
    """Django's log-in form never checked the username's length, so axes tried to store a
    300-character name in its 255-character column: PostgreSQL refused, the page was a 500."""
    from axes.models import AccessAttempt

    name = "a" * 300
    response = client.post(reverse("accounts:login"), {"username": name, "password": "x"})
    assert response.status_code == 200
    assert "at most 150 characters" in response.text
    assert not AccessAttempt.objects.filter(username__startswith="aaa").exists()


@pytest.mark.parametrize("name", ["interviews:autosave", "interviews:submit"])
def test_answer_with_nul_characters_is_not_a_server_error(user, name):
    """Answers are read straight from the POST (no form), and PostgreSQL text cannot hold NUL."""
    world = build_world(user)
    session = world.running
    with signed_in(user) as client:
        url = reverse(name, args=[session.pk, session.current_index])
        response = client.post(
            url,
            {"answer": "I chose\x00 Redis", "draft_version": "1"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200
    session.refresh_from_db()
    turn = session.turns.get(index=world.running.current_index)
    assert "\x00" not in turn.draft + turn.answer


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("projects:reorder", {"order": ["²"]}),
        ("projects:reorder", {"order": ["9" * 5000]}),
        ("projects:metric-rows", {"metric_action": "remove-²"}),
        ("projects:metric-rows", {"metric_action": "remove-" + "9" * 5000}),
    ],
)
def test_project_endpoints_refuse_digits_that_are_not_numbers(user, name, data):
    """str.isdigit() accepts "²" and any length; int() refuses both, which was a 500."""
    with signed_in(user) as client:
        response = client.post(reverse(name), data, headers={"HX-Request": "true"})
    assert response.status_code == 200


@pytest.mark.parametrize("version", ["9" * 30, "2147483648", "9" * 5000, "-5", "１"])
def test_autosave_with_an_outlandish_draft_version_is_not_a_server_error(user, version):
    world = build_world(user)
    session = world.running
    url = reverse("interviews:autosave", args=[session.pk, session.current_index])
    with signed_in(user) as client:
        data = {"answer": "draft", "draft_version": version}
        response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 200


def test_ids_in_urls_past_any_column_range_are_not_a_server_error(user):
    """Every URL that takes a number, given one past bigint: a 404 (or 405), never a 500."""
    world = build_world(user)
    huge = 10**20
    with signed_in(user) as client:
        for name, row in MATRIX.items():
            kwargs = row.kwargs(world)
            for key in [key for key, value in kwargs.items() if isinstance(value, int)]:
                url = reverse(name, kwargs={**kwargs, key: huge})
                for send in (client.get, client.post):
                    status = send(url).status_code
                    assert status in (200, 302, 404, 405), f"{send.__name__} {url}: {status}"


QUERY_PARAMS = ("page", "seen", "section", "persona", "pressure", "next", "q")
PAGES_WITH_QUERIES = (
    "dashboard",
    "projects:list",
    "challenges:browse",
    "interviews:history",
    "interviews:setup",
    "accounts:settings",
)


def test_query_strings_survive_hostile_input(user):
    world = build_world(user)
    urls = [reverse(name) for name in PAGES_WITH_QUERIES]
    urls.append(reverse("scoring:review", args=[world.grading.pk]))
    with signed_in(user) as client:

        @settings(HYPOTHESIS, max_examples=12)  # fifteen requests an example
        @given(st.data())
        def run(data):
            params = {name: data.draw(PIECES, label=name) for name in QUERY_PARAMS}
            for url in urls:
                assert_safe(client.get(url, params, headers={"HX-Request": "true"}))
                assert_safe(client.get(url, params))
            assert_safe(Client().get(reverse("accounts:login"), params))

        run()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil.example"]
)
def test_login_never_redirects_off_site(client, user, target):
    from conftest import PASSWORD

    response = client.post(
        f"{reverse('accounts:login')}?next={target}", {"username": "ada", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
