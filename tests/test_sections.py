"""The framework's six sections are defined once, in scoring/framework.py: the model's labels,
the project form, the rubric and the clock all follow it, in its order."""

from django.db import models

from interviews.clock import prompt_budget
from interviews.models import Turn
from interviews.services import plan_project
from projects.forms import ProjectForm
from projects.models import Project
from projects.services import PROJECT_FIELDS
from scoring.framework import SECTION_CHOICES, SECTION_KEYS, SECTIONS
from scoring.rubric import DESCRIPTORS, LEVEL_NAMES


def test_a_project_has_one_text_field_per_section_labelled_with_its_title():
    texts = [field for field in Project._meta.fields if isinstance(field, models.TextField)]
    assert [(field.name, field.verbose_name) for field in texts] == [
        (section.key, section.title) for section in SECTIONS
    ]


def test_the_project_form_asks_for_each_section_under_its_title():
    form = ProjectForm()
    assert PROJECT_FIELDS[-len(SECTIONS) :] == SECTION_KEYS
    assert [(section.key, field.label) for section, field in form.sections] == [
        (section.key, section.title) for section in SECTIONS
    ]


def test_the_rubric_describes_every_level_of_every_section():
    assert tuple(DESCRIPTORS) == SECTION_KEYS
    assert all(len(levels) == len(LEVEL_NAMES) for levels in DESCRIPTORS.values())


def test_turns_are_about_the_framework_sections():
    assert Turn._meta.get_field("section").choices == SECTION_CHOICES


def test_each_section_gets_an_equal_share_of_the_walkthrough():
    plan = plan_project(picks=[], pressure="warmup", walkthrough_seconds=600, challenge_seconds=90)
    assert [turn.section for turn in plan] == list(SECTION_KEYS)
    assert {turn.budget_seconds for turn in plan} == {prompt_budget(600)} == {600 // len(SECTIONS)}
