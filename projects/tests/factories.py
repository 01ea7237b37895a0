import factory

from projects.models import Metric, Project


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    company = "Acme"
    role = "ML engineer"
    problem = "Ranking had to stay under 80 ms p95 at 120k QPS."
    ownership = "I chose the ranking model and led the rollout."
    position = factory.Sequence(lambda n: n)


class MetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Metric

    project = factory.SubFactory(ProjectFactory)
    name = "p95 latency"
    before = 92
    after = 74
    unit = "ms"
    position = factory.Sequence(lambda n: n)
