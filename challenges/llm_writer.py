"""An optional challenge written by the language model for the candidate's own text.

Goes through `scoring.llm`, the one module that talks to the provider. The reply is
validated with pydantic (there and here: a question that says nothing, an unknown persona
or an oversized field is refused). Any failure, or no model configured, falls back to the
bank's best challenge for the section: this never blocks a session.
"""

import hashlib
import logging
from collections.abc import Collection
from typing import Annotated, Literal

import pydantic

from challenges.engine import BANK, Pick, pick
from challenges.personas import PERSONA_KEYS, PERSONA_LABELS
from challenges.pressure import BAR_RAISER, PRESSURE_RANK, STANDARD, WARMUP
from scoring import llm
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS

logger = logging.getLogger(__name__)

LLM = "llm"  # Pick.kind of a written challenge
_MAX_SECTION_CHARS = 2000  # enough for a strong section; keeps the prompt small and cheap
_FALLBACK_DEPTH = 1000  # the whole ranking: the section's best bank entry may sit low in it

_TONE = {
    WARMUP: "a friendly clarifying question that still asks for something concrete",
    STANDARD: "direct pushback that asks for data the candidate has not given",
    BAR_RAISER: (
        'hostile pushback in the spirit of "this approach performs poorly" or "we would not '
        'do this", demanding evidence'
    ),
}


KeyPoint = Annotated[
    str, pydantic.StringConstraints(strip_whitespace=True, min_length=10, max_length=200)
]


class WrittenChallenge(pydantic.BaseModel):
    question: str = pydantic.Field(min_length=20, max_length=400)
    persona: Literal[PERSONA_KEYS]  # a tuple subscript spells out every key
    reason: str = pydantic.Field(min_length=5, max_length=200)
    key_points: list[KeyPoint] = pydantic.Field(min_length=2, max_length=4)

    @pydantic.field_validator("question", "reason")
    @classmethod
    def _stripped(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("empty")
        return value


def _messages(sections: dict[str, str], section: str, pressure: str) -> list[dict]:
    title = SECTION_BY_KEY[section].title
    system = (
        "You are the interviewer in an onsite round where a machine learning engineer walks "
        "through a project from their resume. Write exactly one pushback question about the "
        f"part called '{title}', as {_TONE[pressure]}. Aim it at the weakest or boldest thing "
        "the candidate wrote there and quote their words where it helps. Choose who asks it: "
        "staff_ml (a skeptical staff ML engineer), pm (a product manager), sre (an infra or "
        "SRE engineer) or bar_raiser. Reply with JSON only: question, persona, reason (why "
        "this question, addressed to the candidate, one sentence) and key_points (what a "
        "strong answer contains: two to four short statements, one idea each, concrete enough "
        "to check an answer against)."
    )
    project = "\n\n".join(
        f"## {SECTION_BY_KEY[key].title}{' (ask about this part)' if key == section else ''}\n"
        f"{(sections.get(key) or '(empty)')[:_MAX_SECTION_CHARS]}"
        for key in SECTION_KEYS
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": project}]


def _written_pick(written: WrittenChallenge, section: str) -> Pick:
    digest = hashlib.sha1(written.question.encode()).hexdigest()[:10]
    return Pick(
        slug=f"llm-{section}-{digest}",
        section=section,
        question=written.question,
        persona=written.persona,
        persona_label=PERSONA_LABELS[written.persona],
        reason=written.reason,
        kind=LLM,
        key_points=tuple(written.key_points),
    )


def _bank_pick(
    *, sections: dict[str, str], section: str, pressure: str, seed: int, exclude: Collection[str]
) -> Pick | None:
    ranked = pick(
        sections=sections, pressure=pressure, seed=seed, exclude=exclude, count=_FALLBACK_DEPTH
    )
    return next((p for p in ranked if p.section == section and p.kind == BANK), None)


def write_challenge(
    *,
    sections: dict[str, str],
    section: str,
    pressure: str,
    seed: int,
    exclude: Collection[str] = (),
) -> Pick | None:
    """One challenge about `section` of this project, written by the model when one is
    configured; otherwise, or on any failure, the bank's best challenge for that section."""
    if section not in SECTION_BY_KEY:
        raise ValueError(f"unknown section {section!r}")
    if pressure not in PRESSURE_RANK:
        raise ValueError(f"unknown pressure {pressure!r}")
    if llm.is_configured():
        try:
            completion = llm.structured_completion(
                _messages(sections, section, pressure), WrittenChallenge, max_tokens=400
            )
        except llm.LLMError as exc:
            logger.warning("Written challenge failed, using the bank: %s", exc)
        else:
            written = _written_pick(completion.value, section)
            if written.slug not in exclude:
                return written
    return _bank_pick(
        sections=sections, section=section, pressure=pressure, seed=seed, exclude=exclude
    )
