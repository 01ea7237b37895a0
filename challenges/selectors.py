from typing import NamedTuple

from challenges.models import Challenge
from challenges.personas import PERSONA_KEYS
from challenges.pressure import PRESSURE_RANK
from scoring.framework import SECTION_KEYS


class BankRow(NamedTuple):
    slug: str
    section: str
    pressure: str
    persona: str
    trigger_kind: str
    trigger: str
    question: str
    strong_answer: str


def active_bank_rows(**filters) -> list[BankRow]:
    """The active challenges as plain tuples, in one query (the engine's hot path)."""
    rows = Challenge.objects.filter(active=True, **filters).values_list(*BankRow._fields)
    return [BankRow(*row) for row in rows]


def challenges_for_browse(
    *, section: str = "", persona: str = "", pressure: str = ""
) -> list[Challenge]:
    """Active challenges for the browse page, in framework order then by pressure.

    An empty or unknown filter value means "all".
    """
    queryset = Challenge.objects.filter(active=True)
    if section in SECTION_KEYS:
        queryset = queryset.filter(section=section)
    if persona in PERSONA_KEYS:
        queryset = queryset.filter(persona=persona)
    if pressure in PRESSURE_RANK:
        queryset = queryset.filter(pressure=pressure)
    order = {key: index for index, key in enumerate(SECTION_KEYS)}
    return sorted(queryset, key=lambda c: (order[c.section], PRESSURE_RANK[c.pressure], c.slug))
