import time

from challenges.bank import BankEntry as BankRow
from challenges.models import Challenge
from challenges.personas import PERSONA_KEYS
from challenges.pressure import PRESSURE_RANK
from scoring.framework import SECTION_KEYS

# The engine reads the whole bank at every pick; keeping it for a short while saves a
# query per project. A save or delete through the ORM and a reload of the bank forget it at
# once in this process; other processes see an admin edit within this many seconds.
BANK_CACHE_SECONDS = 30.0
_bank_cache: tuple[float, tuple[BankRow, ...]] | None = None


def active_bank_rows() -> tuple[BankRow, ...]:
    """The active challenges as plain tuples (the engine's hot path): one query at most."""
    global _bank_cache
    now = time.monotonic()
    if _bank_cache is None or now - _bank_cache[0] > BANK_CACHE_SECONDS:
        rows = Challenge.objects.filter(active=True).values_list(*BankRow._fields)
        _bank_cache = (now, tuple(_bank_row(values) for values in rows))
    return _bank_cache[1]


def _bank_row(values: tuple) -> BankRow:
    row = BankRow(*values)  # the JSON fields come back as lists; the bank holds tuples
    return row._replace(key_points=tuple(row.key_points), domains=tuple(row.domains))


def forget_bank_rows(**_signal_kwargs) -> None:
    global _bank_cache
    _bank_cache = None


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
