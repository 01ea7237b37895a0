"""Pressure levels: defined once here, imported by the engine, the bank and interviews.

The level sets how many challenges a project gets and how sharp they may be: a level
allows challenges of its own sharpness and below, and prefers its own.
"""

WARMUP = "warmup"
STANDARD = "standard"
BAR_RAISER = "bar_raiser"

PRESSURE_CHOICES: list[tuple[str, str]] = [
    (WARMUP, "Warm-up"),
    (STANDARD, "Standard"),
    (BAR_RAISER, "Bar raiser"),
]
PRESSURE_KEYS: tuple[str, ...] = tuple(key for key, _ in PRESSURE_CHOICES)
PRESSURE_LABELS: dict[str, str] = dict(PRESSURE_CHOICES)
PRESSURE_RANK: dict[str, int] = {key: rank for rank, key in enumerate(PRESSURE_KEYS)}

# Challenges per project, and how many of those are questions built from the candidate's
# own claims (at least, at most) when the project makes claims worth questioning.
CHALLENGES_PER_PROJECT: dict[str, int] = {WARMUP: 2, STANDARD: 4, BAR_RAISER: 6}
CLAIM_QUESTIONS_PER_PROJECT: dict[str, tuple[int, int]] = {
    WARMUP: (0, 1),
    STANDARD: (1, 1),
    BAR_RAISER: (1, 2),
}
