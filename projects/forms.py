from django import forms
from django.utils.text import format_lazy

from projects.models import MAX_METRICS_PER_PROJECT, SECTION_MAX_LENGTH, Metric, Project
from projects.readiness import Readiness, check_readiness
from projects.services import METRIC_FIELDS, PROJECT_FIELDS
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS

METRICS_PREFIX = "metrics"


def _too_long_message(what: str):
    return format_lazy(
        "{} can be at most %(limit_value)d characters; it has %(show_value)d. "
        "Nothing was saved yet and your text is still here: trim it and save again.",
        what,
    )


STALE_EDIT_MESSAGE = (
    "This project was saved somewhere else (another tab?) after you opened it. Your text is "
    "still here: save again to replace that version with yours."
)


class ProjectForm(forms.ModelForm):
    # The version the editor was opened on, to catch a save over a newer one.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Project
        fields = PROJECT_FIELDS
        labels = {"tags": "Tags"}
        widgets = {key: forms.Textarea(attrs={"rows": 6}) for key in SECTION_KEYS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # Django gives each box a maxlength; a paste past it is kept whole by
            # static/js/limits.js, and then the server says how much to trim.
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = _too_long_message(field.label)
            if name in SECTION_BY_KEY:
                field.widget.attrs["aria-describedby"] = (
                    f"{name}-guidance {name}-example check-{name}"
                )
        self.fields["title"].error_messages["required"] = "Give the project a title."
        if self.instance.pk:
            self.fields["loaded_version"].initial = self._current_version()

    def _current_version(self) -> str:
        return self.instance.updated_at.isoformat()

    def clean(self):
        data = super().clean()
        if self.instance.pk and data.get("loaded_version") != self._current_version():
            # Carry the current version from now on, so a second save is a deliberate choice.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = self._current_version()
            raise forms.ValidationError(STALE_EDIT_MESSAGE, code="stale")
        return data

    @property
    def about_fields(self):
        return [self[name] for name in PROJECT_FIELDS if name not in SECTION_BY_KEY]

    @property
    def sections(self):
        """(framework section, bound field) pairs, in framework order, for the template."""
        return [(SECTION_BY_KEY[key], self[key]) for key in SECTION_KEYS]


class MetricForm(forms.Form):
    name = forms.CharField(max_length=100, required=False)
    before = forms.DecimalField(max_digits=16, decimal_places=4, required=False)
    after = forms.DecimalField(max_digits=16, decimal_places=4, required=False)
    unit = forms.CharField(max_length=20, required=False)
    note = forms.CharField(max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            model_field = Metric._meta.get_field(name)
            field.label = model_field.verbose_name.capitalize()
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = _too_long_message(field.label)
        for name in ("before", "after"):
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "decimal"})
            self.fields[name].error_messages["invalid"] = (
                "Write a plain number, such as 92 or 0.08 (the unit goes in its own box)."
            )

    @property
    def is_blank(self) -> bool:
        return not any(str(self.cleaned_data.get(name) or "").strip() for name in METRIC_FIELDS)

    def clean(self):
        data = super().clean()
        if not self.is_blank and not data.get("name"):
            self.add_error("name", "Name the metric, for example “p95 latency”.")
        return data


class BaseMetricFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        """The filled-in rows of a valid formset, in order."""
        return [form.cleaned_data for form in self.forms if not form.is_blank]


MetricFormSet = forms.formset_factory(
    MetricForm,
    formset=BaseMetricFormSet,
    extra=0,
    max_num=MAX_METRICS_PER_PROJECT,
    validate_max=True,
    absolute_max=MAX_METRICS_PER_PROJECT,
)
MetricFormSet.default_error_messages = {
    **forms.BaseFormSet.default_error_messages,
    "too_many_forms": f"A project can hold at most {MAX_METRICS_PER_PROJECT} metrics.",
}


def metric_formset(data=None, *, rows=None) -> BaseMetricFormSet:
    if data is not None:
        return MetricFormSet(data, prefix=METRICS_PREFIX)
    return MetricFormSet(initial=rows or [], prefix=METRICS_PREFIX)


def _typed_rows(formset: BaseMetricFormSet) -> list[dict]:
    """What the user typed in each row, raw (even where it does not validate)."""
    return [{name: form[name].value() or "" for name in METRIC_FIELDS} for form in formset.forms]


def edit_metric_rows(data, action: str) -> BaseMetricFormSet:
    """Add a row ("add") or remove one ("remove-<index>") and keep everything typed."""
    rows = _typed_rows(metric_formset(data))
    added = action == "add" and len(rows) < MAX_METRICS_PER_PROJECT
    if added:
        rows.append(dict.fromkeys(METRIC_FIELDS, ""))
    elif action in [f"remove-{index}" for index in range(len(rows))]:
        # Matched against the rows there are: str.isdigit() let "remove-²" through to int().
        rows.pop(int(action.removeprefix("remove-")))
    formset = metric_formset(rows=rows)
    if added:  # htmx and browsers both focus [autofocus] in new content: type straight away
        formset.forms[-1].fields["name"].widget.attrs["autofocus"] = True
    return formset


def form_readiness(form: ProjectForm, formset: BaseMetricFormSet) -> tuple[Readiness, list[str]]:
    """Readiness of a form as typed (bound or prefilled), and the sections over the size limit."""
    texts = {key: form[key].value() or "" for key in SECTION_KEYS}
    if formset.is_bound:
        metrics = [f.cleaned_data for f in formset.forms if f.is_valid() and not f.is_blank]
    else:
        metrics = [f.initial for f in formset.forms if f.initial.get("name")]
    too_long = [
        SECTION_BY_KEY[key].title for key, text in texts.items() if len(text) > SECTION_MAX_LENGTH
    ]
    return check_readiness(texts, metrics), too_long


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Your project write-up",
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=SECTION_MAX_LENGTH * len(SECTION_KEYS) + 2000,
        help_text=(
            "The first short line becomes the title. Text before the first section heading "
            "is shown to you after import, never dropped silently."
        ),
        error_messages={
            "required": "Paste a project to import.",
            "max_length": _too_long_message("The pasted text"),
        },
    )
