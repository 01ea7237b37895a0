from decimal import Decimal

from django import forms

from challenges.pressure import PRESSURE_CHOICES, STANDARD
from interviews.models import MODE_CHOICES, SPOKEN, TYPED
from interviews.services import (
    DEFAULT_CHALLENGE_SECONDS,
    DEFAULT_WALKTHROUGH_SECONDS,
    MAX_PROJECTS,
)

ORDINALS = ("First", "Second", "Third", "Fourth")


def _minutes(seconds: int) -> str:
    return f"{seconds / 60:g}"


class SetupForm(forms.Form):
    """Choose up to four projects in the order you will present them, and the round's rules."""

    pressure = forms.ChoiceField(
        choices=PRESSURE_CHOICES,
        initial=STANDARD,
        widget=forms.RadioSelect,
        help_text="Higher pressure asks more pushback; a bar raiser interrupts mid-walkthrough.",
    )
    answer_mode = forms.ChoiceField(
        choices=MODE_CHOICES, initial=SPOKEN, widget=forms.RadioSelect, label="Answer mode"
    )
    walkthrough_minutes = forms.DecimalField(
        label="Walkthrough per project (minutes)",
        required=False,
        min_value=Decimal("0.1"),
        max_value=Decimal("30"),
        decimal_places=1,
        help_text=(
            f"All six sections together. Blank: {_minutes(DEFAULT_WALKTHROUGH_SECONDS[SPOKEN])} "
            f"min spoken, {_minutes(DEFAULT_WALKTHROUGH_SECONDS[TYPED])} min typed."
        ),
    )
    challenge_minutes = forms.DecimalField(
        label="Per pushback question (minutes)",
        required=False,
        min_value=Decimal("0.1"),
        max_value=Decimal("10"),
        decimal_places=1,
        help_text=(
            f"Blank: {_minutes(DEFAULT_CHALLENGE_SECONDS[SPOKEN])} min spoken, "
            f"{_minutes(DEFAULT_CHALLENGE_SECONDS[TYPED])} min typed."
        ),
    )

    with_peer = forms.BooleanField(
        label="With a peer interviewer",
        required=False,
        help_text=(
            "You get a link for a friend or mentor: they run the round from a console with the "
            "engine's suggested pushback, and score it afterwards. The round starts when they join."
        ),
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.projects_by_id = {str(project.pk): project for project in projects}
        choices = [("", "—")] + [(str(project.pk), project.title) for project in projects]
        slots = {}
        for number, ordinal in enumerate(ORDINALS[:MAX_PROJECTS], start=1):
            slots[f"project_{number}"] = forms.ChoiceField(
                label=f"{ordinal} project",
                choices=choices,
                required=number == 1,
                initial=choices[number][0] if number < len(choices) else "",
            )
        # The project slots come first on the page, in order.
        self.fields = {**slots, **self.fields}

    def project_fields(self):
        return [self[name] for name in self.fields if name.startswith("project_")]

    def settings_fields(self):
        return [self[name] for name in self.fields if not name.startswith("project_")]

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(f"project_{n}") for n in range(1, MAX_PROJECTS + 1)]
        chosen = [pk for pk in chosen if pk]
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Choose each project only once.")
        cleaned["projects"] = [self.projects_by_id[pk] for pk in chosen]
        return cleaned

    @staticmethod
    def _seconds(minutes: Decimal | None) -> int | None:
        return None if minutes is None else max(1, round(minutes * 60))

    def start_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "projects": data["projects"],
            "pressure": data["pressure"],
            "answer_mode": data["answer_mode"],
            "walkthrough_seconds": self._seconds(data.get("walkthrough_minutes")),
            "challenge_seconds": self._seconds(data.get("challenge_minutes")),
            "with_peer": data.get("with_peer", False),
        }
