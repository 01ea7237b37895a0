from django.core.exceptions import ValidationError
from django.db import models

from challenges.bank import (
    DOMAIN,
    FLAG,
    QUOTE,
    TECHNIQUE,
    TOPIC_CHOICES,
    TRIGGER_KIND_CHOICES,
    WEAKNESS,
    fill_quote,
)
from challenges.domains import DOMAIN_BY_KEY
from challenges.flags import FLAG_BY_KEY
from challenges.personas import PERSONA_CHOICES, PERSONA_LABELS
from challenges.pressure import PRESSURE_CHOICES
from challenges.techniques import TECHNIQUE_BY_KEY
from scoring.framework import SECTION_CHOICES
from scoring.gaps import GAP_MESSAGES, gap_message

KEY_POINTS_MIN, KEY_POINTS_MAX = 2, 4


def validate_key_points(value) -> None:
    if (
        not isinstance(value, list)
        or not KEY_POINTS_MIN <= len(value) <= KEY_POINTS_MAX
        or not all(isinstance(point, str) and point.strip() for point in value)
    ):
        raise ValidationError(
            f"Write {KEY_POINTS_MIN} to {KEY_POINTS_MAX} key points, as a list of sentences."
        )


def validate_domains(value) -> None:
    if not isinstance(value, list) or any(key not in DOMAIN_BY_KEY for key in value):
        raise ValidationError(
            f"A list of domain keys: {', '.join(DOMAIN_BY_KEY)}; empty for any project."
        )


class Challenge(models.Model):
    """One pushback question an interviewer can ask, and when it applies."""

    slug = models.SlugField(max_length=80, unique=True)
    section = models.CharField(max_length=20, choices=SECTION_CHOICES)
    pressure = models.CharField(max_length=20, choices=PRESSURE_CHOICES)
    persona = models.CharField(max_length=20, choices=PERSONA_CHOICES)
    trigger_kind = models.CharField(max_length=20, choices=TRIGGER_KIND_CHOICES)
    trigger = models.CharField(
        max_length=40,
        blank=True,
        help_text=(
            "A technique key, a gap code, a flag key or a domain key; blank when the challenge "
            "always applies."
        ),
    )
    question = models.TextField(
        help_text=f"A flag challenge may hold {QUOTE} once: the candidate's words go there."
    )
    key_points = models.JSONField(
        default=list,
        validators=[validate_key_points],
        help_text="What a strong answer contains: a list of two to four checkable statements.",
    )
    domains = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_domains],
        help_text="Domain keys the challenge is asked in; an empty list means any project.",
    )
    topic = models.CharField(max_length=20, choices=TOPIC_CHOICES, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["section", "pressure", "slug"]

    def __str__(self) -> str:
        return self.slug

    @property
    def persona_label(self) -> str:
        return PERSONA_LABELS.get(self.persona, self.persona)

    @property
    def trigger_label(self) -> str:
        """When the engine asks it, in words."""
        if self.trigger_kind == TECHNIQUE and self.trigger in TECHNIQUE_BY_KEY:
            return f"When you name {TECHNIQUE_BY_KEY[self.trigger].label}"
        if self.trigger_kind == WEAKNESS and self.trigger in GAP_MESSAGES:
            return f"When {gap_message(self.trigger, self.section).rstrip('.')}"
        if self.trigger_kind == FLAG and self.trigger in FLAG_BY_KEY:
            return f"When {FLAG_BY_KEY[self.trigger].raised_when}"
        if self.trigger_kind == DOMAIN and self.trigger in DOMAIN_BY_KEY:
            return f"In {DOMAIN_BY_KEY[self.trigger].projects}"
        return "With any project"

    @property
    def domain_labels(self) -> list[str]:
        return [DOMAIN_BY_KEY[key].label for key in self.domains if key in DOMAIN_BY_KEY]

    @property
    def shown_question(self) -> str:
        """The question as a page shows it outside a round: a flag question quotes an example
        of the words that raise its flag, where a round would quote the candidate's own."""
        flag = FLAG_BY_KEY.get(self.trigger) if self.trigger_kind == FLAG else None
        return fill_quote(self.question, flag.example) if flag else self.question

    @property
    def quotes_an_example(self) -> bool:
        return self.trigger_kind == FLAG and QUOTE in self.question
