import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.urls import reverse

from challenges.bank import (
    ALWAYS,
    BANK,
    DOMAIN,
    FLAG,
    GENERAL_TOPICS,
    QUOTE,
    TECHNIQUE,
    TOPIC_KEYS,
    WEAKNESS,
    fill_quote,
)
from challenges.domains import DOMAIN_KEYS
from challenges.flags import FLAG_BY_KEY, FLAG_KEYS
from challenges.models import Challenge
from challenges.personas import PERSONA_KEYS
from challenges.pressure import PRESSURE_KEYS
from challenges.services import load_challenges
from challenges.techniques import TECHNIQUE_BY_KEY, TECHNIQUES, named_techniques
from scoring.framework import SECTION_KEYS
from scoring.gaps import GAP_CODES

V1_BANK_SIZE = 141  # the bank before key points, flags and domain packs
NEW_ENTRIES = 85
TRIGGERS = {
    ALWAYS: {""},
    TECHNIQUE: set(TECHNIQUE_BY_KEY),
    WEAKNESS: set(GAP_CODES),
    FLAG: set(FLAG_KEYS),
    DOMAIN: set(DOMAIN_KEYS),
}


def of_kind(kind):
    return [entry for entry in BANK if entry.trigger_kind == kind]


@pytest.mark.parametrize("entry", BANK, ids=lambda entry: entry.slug)
def test_entry_is_well_formed(entry):
    assert entry.section in SECTION_KEYS
    assert entry.pressure in PRESSURE_KEYS
    assert entry.persona in PERSONA_KEYS
    assert entry.trigger in TRIGGERS[entry.trigger_kind]
    assert entry.topic in TOPIC_KEYS or entry.topic == ""
    assert entry.domains == ((entry.trigger,) if entry.trigger_kind == DOMAIN else ())
    assert entry.question == entry.question.strip() and entry.question[-1] in "?."


@pytest.mark.parametrize("entry", BANK, ids=lambda entry: entry.slug)
def test_entry_has_two_to_four_short_distinct_key_points(entry):
    points = entry.key_points

    assert isinstance(points, tuple) and 2 <= len(points) <= 4
    assert all(20 <= len(point) <= 200 and point == point.strip() for point in points)
    assert len(set(points)) == len(points)


@pytest.mark.parametrize("entry", BANK, ids=lambda entry: entry.slug)
def test_only_flag_questions_quote_the_candidate_and_at_most_once(entry):
    expected = 1 if entry.trigger_kind == FLAG else 0

    assert entry.question.count(QUOTE) == expected
    assert not re.search(r"[{}]", entry.question.replace(QUOTE, ""))


@pytest.mark.parametrize("entry", of_kind(FLAG), ids=lambda entry: entry.slug)
def test_flag_question_reads_with_an_example_quote(entry):
    example = FLAG_BY_KEY[entry.trigger].example
    filled = fill_quote(entry.question, example)

    assert filled.count(f'"{example}"') == 1
    assert "{" not in filled


def test_slugs_and_questions_are_unique():
    assert len({entry.slug for entry in BANK}) == len(BANK)
    assert len({entry.question.lower() for entry in BANK}) == len(BANK)


def test_bank_grew_by_at_least_85_entries_and_covers_every_cell():
    cells = Counter((entry.section, entry.pressure) for entry in BANK)

    assert len(BANK) >= V1_BANK_SIZE + NEW_ENTRIES
    assert all(cells[(section, level)] >= 3 for section in SECTION_KEYS for level in PRESSURE_KEYS)
    assert {entry.persona for entry in BANK} == set(PERSONA_KEYS)


def test_new_kinds_name_their_topic():
    assert all(entry.topic for entry in of_kind(FLAG) + of_kind(DOMAIN))


@pytest.mark.parametrize("topic", GENERAL_TOPICS)
def test_every_general_topic_has_two_general_entries(topic):
    general = [
        entry
        for entry in of_kind(ALWAYS) + of_kind(FLAG)
        if entry.topic == topic and entry.domains == ()
    ]

    assert len(general) >= 2


def test_general_topic_entries_spread_over_sections_and_pressures():
    general = [
        entry
        for entry in of_kind(ALWAYS) + of_kind(FLAG)
        if entry.topic in GENERAL_TOPICS and entry.domains == ()
    ]

    assert {entry.section for entry in general} == set(SECTION_KEYS)
    assert {entry.pressure for entry in general} == set(PRESSURE_KEYS)


@pytest.mark.parametrize("flag", FLAG_KEYS)
def test_every_flag_has_at_least_two_entries(flag):
    entries = [entry for entry in of_kind(FLAG) if entry.trigger == flag]
    sections = {entry.section for entry in entries}

    assert len(entries) >= 2
    # Raised wherever its kind of claim is made; sweeping ownership is claimed in one place.
    assert len(sections) >= 2 or sections == {"ownership"}


@pytest.mark.parametrize("domain", DOMAIN_KEYS)
def test_every_domain_has_a_pack_of_at_least_five(domain):
    entries = [entry for entry in of_kind(DOMAIN) if entry.trigger == domain]

    assert len(entries) >= 5
    assert len({entry.section for entry in entries}) >= 4
    assert len({entry.pressure for entry in entries}) == len(PRESSURE_KEYS)


def test_no_question_opening_is_a_template():
    def opening(question):
        return " ".join(re.findall(r"[a-z0-9']+", question.replace(QUOTE, "").lower())[:4])

    openings = Counter(opening(entry.question) for entry in BANK)

    assert max(openings.values()) <= 4, openings.most_common(3)


def test_bank_triggers_are_known_techniques_and_gap_codes():
    kinds = Counter(entry.trigger_kind for entry in BANK)
    techniques = {entry.trigger for entry in of_kind(TECHNIQUE)}
    ml = {key for key in techniques if TECHNIQUE_BY_KEY[key].domain == "ml"}

    assert kinds[TECHNIQUE] >= 40
    assert len(ml) >= 15 and len(techniques - ml) >= 10


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
        # Words a technique shares with other work: streamed media, a streaming speech model,
        # an app or a function starting up.
        ("Our music streaming service plays 40 million tracks a day.", set()),
        ("A streaming encoder emits words while the person is still talking.", set()),
        ("Lambda cold start added 900 ms to the first request of the day.", set()),
        ("The TV app's cold start fell from 6 to 2 seconds after I trimmed it.", set()),
        ("New podcasts had a cold-start problem: no plays, so no ranking.", {"cold_start"}),
        ("Events are joined in a streaming pipeline before scoring.", {"streaming"}),
    ],
)
def test_named_techniques_finds_aliases_and_ignores_ordinary_words(text, expected):
    assert named_techniques(text) == expected


def test_every_technique_has_a_challenge():
    triggered = {entry.trigger for entry in of_kind(TECHNIQUE)}

    assert triggered == {technique.key for technique in TECHNIQUES}


@pytest.mark.django_db
def test_migration_loads_the_whole_bank_with_key_points_domains_and_topics():
    assert Challenge.objects.count() == len(BANK)
    assert Challenge.objects.get(slug="dlrm-embedding-memory").trigger == "dlrm"
    noise = Challenge.objects.get(slug="results-looks-like-noise")
    assert noise.key_points == list(BANK[[e.slug for e in BANK].index(noise.slug)].key_points)
    assert noise.topic == "significance"
    pack = Challenge.objects.get(slug="forecast-seasonal-naive")
    assert (pack.trigger_kind, pack.domains) == (DOMAIN, ["forecasting"])


@pytest.mark.django_db
def test_load_challenges_restores_edits_and_keeps_switched_off_rows_off():
    Challenge.objects.filter(slug="results-looks-like-noise").update(
        question="changed", key_points=["edited in the admin"], active=False
    )
    Challenge.objects.filter(slug="ads-shared-budgets").update(domains=[], topic="")
    Challenge.objects.filter(slug="defense-start-again").delete()

    created, updated = load_challenges()
    noise = Challenge.objects.get(slug="results-looks-like-noise")
    ads = Challenge.objects.get(slug="ads-shared-budgets")

    assert (created, updated) == (1, 2)
    assert noise.question.startswith("Those gains look like noise")
    assert noise.key_points[0].startswith("Confidence interval or p-value")
    assert noise.active is False
    assert (ads.domains, ads.topic) == (["ads"], "interference")
    assert load_challenges() == (0, 0)


@pytest.mark.django_db
def test_load_challenges_command_reports_counts(capsys):
    call_command("load_challenges")

    assert f"0 created, 0 updated, {len(BANK)} unchanged" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_migrations_round_trip_from_strong_answers_to_key_points():
    from django.db import connection

    def columns():
        with connection.cursor() as cursor:
            description = connection.introspection.get_table_description(
                cursor, Challenge._meta.db_table
            )
        return {column.name for column in description}

    call_command("migrate", "challenges", "0002", verbosity=0)
    try:
        assert "strong_answer" in columns() and "key_points" not in columns()
    finally:
        call_command("migrate", "challenges", verbosity=0)

    assert {"key_points", "domains", "topic"} <= columns() and "strong_answer" not in columns()
    assert Challenge.objects.count() == len(BANK)
    assert not Challenge.objects.filter(key_points=[]).exists()


@pytest.mark.django_db
def test_admin_edits_key_points_as_a_validated_list(admin_client):
    challenge = Challenge.objects.get(slug="results-looks-like-noise")
    url = reverse("admin:challenges_challenge_change", args=[challenge.pk])
    form = {
        field: getattr(challenge, field)
        for field in ("slug", "section", "pressure", "persona", "trigger_kind", "trigger")
    } | {"question": challenge.question, "topic": challenge.topic, "domains": "[]", "active": "on"}

    refused = admin_client.post(url, form | {"key_points": '["Only one point here"]'})
    saved = admin_client.post(
        url, form | {"key_points": '["The interval of the lift", "The size of each arm"]'}
    )

    assert "Write 2 to 4 key points" in refused.content.decode()
    assert saved.status_code == 302
    challenge.refresh_from_db()
    assert challenge.key_points == ["The interval of the lift", "The size of each arm"]


def test_the_bank_knows_every_flag_the_plausibility_rules_raise():
    from scoring.plausibility import FLAG_KEYS as RULE_KEYS

    assert set(FLAG_KEYS) == set(RULE_KEYS)
