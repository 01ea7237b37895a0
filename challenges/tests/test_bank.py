from collections import Counter

import pytest
from django.core.management import call_command

from challenges.bank import ALWAYS, BANK, TECHNIQUE, WEAKNESS
from challenges.models import Challenge
from challenges.personas import PERSONA_KEYS
from challenges.pressure import PRESSURE_KEYS
from challenges.services import load_challenges
from challenges.techniques import TECHNIQUE_BY_KEY, TECHNIQUES, named_techniques
from scoring.framework import SECTION_KEYS
from scoring.gaps import GAP_CODES


def test_bank_covers_every_section_pressure_and_persona():
    cells = Counter((entry.section, entry.pressure) for entry in BANK)

    assert len(BANK) >= 120
    assert all(cells[(section, level)] >= 3 for section in SECTION_KEYS for level in PRESSURE_KEYS)
    assert {entry.persona for entry in BANK} == set(PERSONA_KEYS)
    assert len({entry.slug for entry in BANK}) == len(BANK)


def test_bank_triggers_are_known_techniques_and_gap_codes():
    kinds = Counter(entry.trigger_kind for entry in BANK)
    techniques = {entry.trigger for entry in BANK if entry.trigger_kind == TECHNIQUE}
    ml = {key for key in techniques if TECHNIQUE_BY_KEY[key].domain == "ml"}

    assert kinds[TECHNIQUE] >= 40
    assert len(ml) >= 15 and len(techniques - ml) >= 10
    assert {entry.trigger for entry in BANK if entry.trigger_kind == WEAKNESS} <= set(GAP_CODES)
    assert all(entry.trigger == "" for entry in BANK if entry.trigger_kind == ALWAYS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We replaced XGBoost with a DLRM ranker fed from Kafka.", {"gbdt", "dlrm", "kafka"}),
        ("Candidates came from a two-tower model and a ScaNN index.", {"two_tower", "ann"}),
        (
            "I distilled mBERT into a student and quantized it to INT8.",
            {"distillation", "transformer", "quantization"},
        ),
        ("Ann from the payments team joined; we were dragging our feet.", set()),
    ],
)
def test_named_techniques_finds_aliases_and_ignores_ordinary_words(text, expected):
    assert named_techniques(text) == expected


def test_every_technique_has_a_challenge():
    triggered = {entry.trigger for entry in BANK if entry.trigger_kind == TECHNIQUE}

    assert triggered == {technique.key for technique in TECHNIQUES}


@pytest.mark.django_db
def test_migration_loads_the_whole_bank():
    assert Challenge.objects.count() == len(BANK)
    assert Challenge.objects.get(slug="dlrm-embedding-memory").trigger == "dlrm"


@pytest.mark.django_db
def test_load_challenges_restores_edits_and_keeps_switched_off_rows_off():
    Challenge.objects.filter(slug="results-looks-like-noise").update(
        question="changed", active=False
    )
    Challenge.objects.filter(slug="defense-start-again").delete()

    created, updated = load_challenges()
    noise = Challenge.objects.get(slug="results-looks-like-noise")

    assert (created, updated) == (1, 1)
    assert noise.question.startswith("Those gains look like noise")
    assert noise.active is False
    assert load_challenges() == (0, 0)


@pytest.mark.django_db
def test_load_challenges_command_reports_counts(capsys):
    call_command("load_challenges")

    assert f"0 created, 0 updated, {len(BANK)} unchanged" in capsys.readouterr().out
