from django import forms
from django.utils.html import format_html

from scoring.framework import SECTIONS
from scoring.models import OUTCOME_CHOICES, PeerScorecard, ReviewComment
from scoring.rubric import DESCRIPTORS, LEVEL_NAMES

COMMENT_LIMITS = {
    "author": ReviewComment._meta.get_field("author").max_length,
    "text": ReviewComment.TEXT_MAX_LENGTH,
}


class CommentForm(forms.Form):
    """A mentor's note on one turn: who wrote it and what they say."""

    author = forms.CharField(label="Your name", max_length=COMMENT_LIMITS["author"])
    text = forms.CharField(
        label="Comment", max_length=COMMENT_LIMITS["text"], widget=forms.Textarea
    )


def _label(text: str, where: str):
    """A label that shows `text`; screen readers also hear `where`, so no two controls on the
    scorecard share a name."""
    return format_html('{}<span class="visually-hidden"> {}</span>', text, where)


class PeerScorecardForm(forms.Form):
    """The peer's scores for a round: each project's six sections on the grader's rubric, each
    challenge's outcome, and an optional note on any turn. Given the scorecard, it starts from
    what the peer saved last."""

    def __init__(self, projects, *args, scorecard: PeerScorecard | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.projects = projects
        for project in projects:
            of_project = f"project {project.index + 1} ({project.title})"
            for section in SECTIONS:
                self.fields[f"score-{project.index}-{section.key}"] = forms.TypedChoiceField(
                    label=_label(section.title, f"score for {of_project}"),
                    coerce=int,
                    choices=[("", "Choose a score")]
                    + [
                        (level, f"{level} · {LEVEL_NAMES[level]}: {descriptor}")
                        for level, descriptor in enumerate(DESCRIPTORS[section.key])
                    ],
                )
            for turn in project.turns:
                where = f"on question {turn.label} of {of_project}"
                if turn.is_challenge:
                    self.fields[f"outcome-{turn.number}"] = forms.ChoiceField(
                        label=_label("How they met this pushback", where),
                        choices=[(value, _label(text, where)) for value, text in OUTCOME_CHOICES],
                        widget=forms.RadioSelect,
                    )
                self.fields[f"note-{turn.number}"] = forms.CharField(
                    label=_label(f"Your note on question {turn.label}", f"of {of_project}"),
                    required=False,
                    max_length=PeerScorecard.NOTE_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        if scorecard is not None and scorecard.is_submitted:
            self.initial = self._initial(scorecard)

    def _initial(self, scorecard: PeerScorecard) -> dict:
        """The scorecard() a peer saved, as the fields' values: the inverse of scorecard()."""
        initial = {
            f"score-{p}-{key}": score
            for p, sections in enumerate(scorecard.scores)
            for key, score in sections.items()
        }
        initial |= {f"outcome-{n}": outcome for n, outcome in scorecard.outcomes.items()}
        initial |= {f"note-{n}": note for n, note in scorecard.notes.items()}
        return initial

    def groups(self):
        """Per project: its title, its section fields, and its turns each with their fields."""
        for project in self.projects:
            sections = [self[f"score-{project.index}-{s.key}"] for s in SECTIONS]
            turns = [
                (
                    turn,
                    self[f"outcome-{turn.number}"] if turn.is_challenge else None,
                    self[f"note-{turn.number}"],
                )
                for turn in project.turns
            ]
            yield project, sections, turns

    def scorecard(self) -> dict:
        data = self.cleaned_data
        turns = [turn for project in self.projects for turn in project.turns]
        return {
            "scores": [
                {s.key: data[f"score-{project.index}-{s.key}"] for s in SECTIONS}
                for project in self.projects
            ],
            "outcomes": {
                str(turn.number): data[f"outcome-{turn.number}"]
                for turn in turns
                if turn.is_challenge
            },
            "notes": {
                str(turn.number): data[f"note-{turn.number}"]
                for turn in turns
                if data[f"note-{turn.number}"].strip()
            },
        }


class CalibrationConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=(
            "I agree to export my graded rounds that a peer scored: my answers, the peer's "
            "scores and notes, and the grader's scores. The peer's name is not included."
        ),
        error_messages={"required": "Tick the box to agree before exporting."},
    )
