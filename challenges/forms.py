from django import forms

from challenges.personas import PERSONA_CHOICES
from challenges.pressure import PRESSURE_CHOICES
from scoring.framework import SECTION_CHOICES

ANSWER_MAX_CHARS = 5000


def _with_all(choices):
    return [("", "All"), *choices]


class BrowseFilterForm(forms.Form):
    section = forms.ChoiceField(choices=_with_all(SECTION_CHOICES), required=False)
    persona = forms.ChoiceField(
        label="Interviewer", choices=_with_all(PERSONA_CHOICES), required=False
    )
    pressure = forms.ChoiceField(choices=_with_all(PRESSURE_CHOICES), required=False)


class PracticeAnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=ANSWER_MAX_CHARS,
        error_messages={
            "required": "Write an answer first: the follow-up depends on what you say.",
            "max_length": (
                f"Keep it under {ANSWER_MAX_CHARS} characters (it has %(show_value)d): an "
                "interviewer would stop you long before that."
            ),
        },
    )
