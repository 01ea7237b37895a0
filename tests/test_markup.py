"""The Nu HTML checker on the main pages, as the outside scan ran it: no errors.

Every page is rendered through the real stack (the test client, signed in where it needs to
be, with a world of projects, a running and a graded mock onsite, a mentor link and a
comment) and the checker reads all of them in one run. The one filter: htmx's hx-*
attributes, which HTML does not define (tests/support/nu.py). CI installs Java and vnu-jar
(.ci/run); elsewhere the test is skipped when either is missing (conftest.py).

    .venv/bin/python -m pytest tests/test_markup.py -s    # prints the figures in docs/EDGE.md
"""

import pytest
from django.test import Client
from django.urls import reverse

from challenges.models import Challenge
from scoring import review_services
from scoring.framework import SECTION_KEYS
from scoring.models import PeerScorecard
from scoring.peer_scores import save_scorecard
from tests.support import nu
from tests.test_authorization import build_world

pytestmark = [pytest.mark.nu, pytest.mark.django_db]


def _pages(world) -> dict[str, tuple[Client, str]]:
    owner, anonymous = Client(), Client()
    owner.force_login(world.user)
    challenge = Challenge.objects.filter(active=True).order_by("slug").first()
    mine = {
        "dashboard": reverse("dashboard"),
        "project list": reverse("projects:list"),
        "project page": reverse("projects:detail", args=[world.project.pk]),
        "new project": reverse("projects:create"),
        "edit project": reverse("projects:edit", args=[world.project.pk]),
        "import": reverse("projects:import"),
        "challenges": reverse("challenges:browse"),
        "practise a challenge": reverse("challenges:practise", args=[challenge.slug]),
        "mock onsite history": reverse("interviews:history"),
        "mock onsite set-up": reverse("interviews:setup"),
        "run page": reverse("interviews:run", args=[world.running.pk]),
        "review": reverse("scoring:review", args=[world.grading.pk]),
        "settings": reverse("accounts:settings"),
        "password change": reverse("accounts:password-change"),
        "too large (413)": reverse("too-large"),
        # A peer interviewer: the candidate waiting, the peer's console and scorecard (saved,
        # and being changed), the invite link as the candidate sees it, the calibration export.
        "waiting for the peer": reverse("interviews:run", args=[world.peer_round.pk]),
        "invite link": reverse("interviews:peer-join", args=[world.peer_round.peer_invite.token]),
        "peer console": reverse("interviews:console", args=[world.interviewing.pk]),
        "peer scorecard": reverse("scoring:peer-review", args=[world.peer_grading.pk]),
        "peer scorecard, changing it": reverse(
            "scoring:peer-scores-edit", args=[world.peer_grading.pk]
        ),
        "calibration export": reverse("scoring:calibration-export"),
    }
    public = {
        "home": reverse("home"),
        "log in": reverse("accounts:login"),
        "sign up": reverse("accounts:signup"),
        "mentor's review": reverse("scoring:shared", args=[world.link.token]),
        "not found (404)": "/no-such-page/",
    }
    return {name: (owner, url) for name, url in mine.items()} | {
        name: (anonymous, url) for name, url in public.items()
    }


def test_main_pages_have_no_html_errors(user, tmp_path):
    world = build_world(user)
    review_services.add_review_comment(
        link=world.link, turn=world.turn, author="Grace", text="Why?"
    )
    # Both scorecards saved, then changed: the user's, of the round they interviewed, and the
    # one beside the user's own review, with its times.
    for scorecard in PeerScorecard.objects.filter(grading__in=[world.grading, world.peer_grading]):
        projects = scorecard.grading.transcript["projects"]
        for level in (2, 3):
            save_scorecard(
                scorecard=scorecard,
                scores=[dict.fromkeys(SECTION_KEYS, level)] * len(projects),
                outcomes={},
                notes={"0": "Why?"},
            )
    files = []
    for number, (name, (client, url)) in enumerate(_pages(world).items()):
        response = client.get(url)
        assert response.status_code in (200, 404, 413), f"{name}: {response.status_code}"
        assert response["Content-Type"].startswith("text/html"), name
        path = tmp_path / f"{number:02d}-{name.replace(' ', '-').replace('/', '')}.html"
        path.write_bytes(response.content)
        files.append(path)

    found = nu.check(files)

    print(
        f"\nNu checker: {len(files)} pages, {len(found['errors'])} errors "
        f"({len(found['dropped'])} hx-* attribute errors filtered out), "
        f"{len(found['warnings'])} warnings"
    )
    report = [nu.describe(message) for message in found["errors"]]
    assert not report, "Nu checker errors:\n" + "\n".join(report)
    # A warning, but the scan reported it: a section is found by its heading.
    headless = [
        nu.describe(m) for m in found["warnings"] if "Section lacks heading" in m["message"]
    ]
    assert not headless, "sections without a heading:\n" + "\n".join(headless)
