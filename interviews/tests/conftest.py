import pytest

from challenges.pressure import WARMUP
from interviews.services import start_session
from projects.models import Metric, Project

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


@pytest.fixture
def projects(user):
    return [
        make_project(user, "Real-time fraud scoring", position=0),
        make_project(user, "Search ranking", sections={"problem": "Search was slow."}, position=1),
    ]


@pytest.fixture
def session(user, projects):
    return start_session(
        user=user,
        projects=projects,
        pressure=WARMUP,
        answer_mode="typed",
        walkthrough_seconds=600,
        challenge_seconds=120,
        seed=7,
    )
