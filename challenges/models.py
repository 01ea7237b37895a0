from django.db import models

from challenges.bank import TECHNIQUE, TRIGGER_KIND_CHOICES, WEAKNESS
from challenges.personas import PERSONA_CHOICES, PERSONA_LABELS
from challenges.pressure import PRESSURE_CHOICES
from challenges.techniques import TECHNIQUE_BY_KEY
from scoring.framework import SECTION_CHOICES
from scoring.gaps import GAP_MESSAGES, gap_message


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
        help_text="A technique key or a gap code; blank when the challenge always applies.",
    )
    question = models.TextField()
    strong_answer = models.TextField(help_text="What a strong answer to it contains.")
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
        return "With any project"
