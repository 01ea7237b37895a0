from django.conf import settings
from django.db import models

from scoring.framework import SECTION_BY_KEY, SECTION_KEYS

# Limits a candidate meets in practice: a section is spoken in under three minutes
# (~450 words), so 4,000 characters leaves room without inviting essays.
TITLE_MAX_LENGTH = 120
SECTION_MAX_LENGTH = 4000
MAX_METRICS_PER_PROJECT = 20


def section_field(key: str) -> models.TextField:
    """A project's text for one section of the framework, labelled with its title."""
    return models.TextField(SECTION_BY_KEY[key].title, blank=True, max_length=SECTION_MAX_LENGTH)


class Project(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="projects"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    company = models.CharField(max_length=100, blank=True)
    role = models.CharField("role title", max_length=100, blank=True)
    period = models.CharField(max_length=60, blank=True, help_text="e.g. 2022–2023")
    tags = models.CharField(max_length=200, blank=True, help_text="Comma separated")

    # The framework's sections, in its order, each labelled with its title (the names are
    # columns, so they are written out; tests/test_sections.py ties them to the framework).
    problem = section_field("problem")
    ownership = section_field("ownership")
    architecture = section_field("architecture")
    tradeoffs = section_field("tradeoffs")
    results = section_field("results")
    defense = section_field("defense")

    position = models.PositiveIntegerField(default=0)
    is_example = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["user", "position"], name="project_user_position")]

    def __str__(self) -> str:
        return self.title

    def section_texts(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in SECTION_KEYS}

    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class Metric(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="metrics")
    name = models.CharField(max_length=100)
    before = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    after = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    unit = models.CharField(max_length=20, blank=True)
    note = models.CharField(
        max_length=200, blank=True, help_text="How it was measured, or the change you quote"
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name
