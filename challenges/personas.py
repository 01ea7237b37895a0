"""The four interviewer personas a challenge can be asked by."""

STAFF_ML = "staff_ml"
PRODUCT = "pm"
SRE = "sre"
BAR_RAISER = "bar_raiser"

PERSONA_CHOICES: list[tuple[str, str]] = [
    (STAFF_ML, "Skeptical staff ML engineer"),
    (PRODUCT, "Product manager"),
    (SRE, "Infra / SRE"),
    (BAR_RAISER, "Bar raiser"),
]
PERSONA_KEYS: tuple[str, ...] = tuple(key for key, _ in PERSONA_CHOICES)
PERSONA_LABELS: dict[str, str] = dict(PERSONA_CHOICES)
