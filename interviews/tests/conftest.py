from datetime import timedelta

import pytest
from django.utils import timezone

from challenges.pressure import WARMUP
from interviews.models import PROMPT
from interviews.services import peers, start_session, submit_answer, sync_session
from projects.models import Metric, Project
from scoring.models import Grading
from scoring.services import run_grading

STRONG = {
    "problem": "Checkout fraud cost us 2% of revenue; scoring had to answer in under 50 ms p99 "
    "at 3k QPS.",
    "ownership": "I led a team of three; I chose the model and designed the feature pipeline.",
    "architecture": "Events flow from Kafka into a feature store, then to a GBDT model served "
    "behind a gRPC endpoint, because the latency budget ruled out a remote call.",
    "tradeoffs": "We considered a deep model, but it added 30 ms at p99 for 0.3 pp AUC, so we "
    "kept gradient-boosted trees.",
    "results": "Fraud losses fell from 2.1% to 1.2% of revenue in a 4-week A/B test "
    "(95% CI 0.7–1.1 pp).",
    "defense": "The holdout showed the gain held for six months; in hindsight I would have "
    "added drift alerts earlier.",
}


def make_project(user, title, sections=None, position=0):
    project = Project.objects.create(
        user=user, title=title, role="Tech lead", position=position, **(sections or STRONG)
    )
    Metric.objects.create(
        project=project, name="fraud loss", before=2.1, after=1.2, unit="%", position=0
    )
    return project


CAVE = "Honestly I am not sure. Maybe you are right and it was luck; hard to say."


def play(session, answer_for) -> Grading:
    """Answer every turn of a session in order, then grade it the way the worker would."""
    while (turn := sync_session(session=session)) is not None:
        submit_answer(session=session, index=turn.index, text=answer_for(turn))
    session.refresh_from_db()
    # Graded already if the task ran eagerly at commit; then this does nothing.
    run_grading(grading_id=session.grading_id)
    return Grading.objects.get(pk=session.grading_id)


def caved_round(user, project, *, days_ago=2) -> Grading:
    """A graded warm-up round on one project whose pushback was all caved on, days ago."""
    session = start_session(
        user=user, projects=[project], pressure=WARMUP, answer_mode="typed", seed=7
    )
    grading = play(session, lambda t: STRONG[t.section] if t.kind == PROMPT else CAVE)
    Grading.objects.filter(pk=grading.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return grading


@pytest.fixture
def projects(user):
    return [
        make_project(user, "Real-time fraud scoring", position=0),
        make_project(user, "Search ranking", sections={"problem": "Search was slow."}, position=1),
    ]


def warmup_round(user, projects, *, seed=7, **options):
    """A typed warm-up round with roomy clocks, the one most tests start from."""
    return start_session(
        user=user,
        projects=projects,
        pressure=WARMUP,
        answer_mode="typed",
        walkthrough_seconds=600,
        challenge_seconds=120,
        seed=seed,
        **options,
    )


@pytest.fixture
def session(user, projects):
    return warmup_round(user, projects)


@pytest.fixture
def peer(django_user_model):
    """Someone the candidate invites to interview them."""
    return django_user_model.objects.create_user(username="grace", password="x-long-password-1")


@pytest.fixture
def peer_client(peer):
    from django.test import Client

    client = Client()
    client.force_login(peer)
    return client


@pytest.fixture
def twin_projects_grading(user, peer):
    """A graded round on two projects with the same title, each challenged by the peer."""
    twins = [make_project(user, "Fraud scoring", position=p) for p in range(2)]
    session = warmup_round(user, twins, seed=3, with_peer=True)
    invite = peers.accept_invite(invite=session.peer_invite, user=peer)

    def answer(turn):
        if turn.kind == PROMPT and turn.section == "problem":
            peers.send_question(invite=invite, text="Where did that limit come from?")
        return STRONG[turn.section] if turn.kind == PROMPT else CAVE

    return play(session, answer)
