"""The LLM grader: the same rubric through a language model, checked against the transcript.

The heuristic report is computed first (it is cheap and offline) and provides what a model should
not be trusted with: delivery, pushback outcomes and the consistency check. The model scores the
six sections per project, in parallel; its quotes are kept only if they appear verbatim in that
section's answers, a score with no surviving quote cannot rise above "vague", and a section with
no answer stays at 0. If any project's call fails, the whole heuristic report stands, saying why.
"""

import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor

import pydantic
from django.core.cache import cache

from scoring import llm
from scoring.framework import SECTION_BY_KEY, SECTION_KEYS
from scoring.graders import heuristic
from scoring.plausibility import RED, RULES
from scoring.rubric import DESCRIPTORS, LEVEL_NAMES, MAX_LEVEL, PUSHBACK_WEIGHT
from scoring.transcript import Transcript, TranscriptProject

logger = logging.getLogger(__name__)

NAME = "llm"
PROMPT_VERSION = "2026-12-01.1"
CACHE_SECONDS = 60 * 60 * 24 * 30
MAX_PARALLEL = 4
MAX_QUOTES = 3
# A score without a quote that supports it is at most this.
UNSUPPORTED_CAP = 1.0


class SectionGrade(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")

    score: float
    evidence: list[str]
    feedback: str


ProjectGrade = pydantic.create_model(
    "ProjectGrade",
    __config__=pydantic.ConfigDict(extra="forbid"),
    **{key: (SectionGrade, ...) for key in SECTION_KEYS},
)


def _rubric_text() -> str:
    lines = []
    for key in SECTION_KEYS:
        lines.append(f'Section "{key}" ({SECTION_BY_KEY[key].title}):')
        lines += [
            f"  {level} ({LEVEL_NAMES[level]}): {text}"
            for level, text in enumerate(DESCRIPTORS[key])
        ]
    return "\n".join(lines)


def _rules_text() -> str:
    return "\n".join(
        f"  * {rule.title}: {rule.doubt.format(quote='the claim')} ({rule.source})"
        for rule in RULES.values()
        if rule.severity == RED
    )


SYSTEM_PROMPT = f"""You grade one project from a mock onsite interview for engineers. The \
candidate walked through the project section by section and answered pushback.

Score every section from 0 to 4 (half points allowed) against this rubric:
{_rubric_text()}

Rules:
- Read every turn of a section, challenges included. Grade only what the candidate said.
- Evidence first: copy up to {MAX_QUOTES} short quotes, character for character, from the \
candidate's answers in that section, then choose the level they support.
- Reward claims, not vocabulary: a number counts with a unit or a baseline, ownership counts as \
"I decided/built/led X", an alternative counts when it is named and compared.
- Length is not quality: filler, repetition and lists of buzzwords earn nothing.
- Judge a pushback answer by whether it engages the challenge's mechanism with evidence (a \
figure, an experiment). Conceding with data, a limit and what would change is fine; conceding \
without data, hedging, repeating the claim or the question, or appealing to authority is a \
cave. How the challenges were met is {round(100 * PUSHBACK_WEIGHT)}% of the project's score, \
and a cave lowers the section it attacked and Defense; grade the sections on their answers.
- Be an interviewer who does not believe what cannot be true. A claim that breaks one of these \
rules scores at most 1 in its section unless that section shows how it was measured and why \
it holds:
{_rules_text()}
- An empty, gibberish or off-topic answer scores 0 with feedback "No answer to grade."
- Feedback: one or two sentences that quote the candidate's own words and name what is \
missing for the next level ("You said '...': put a number on it").
Reply with JSON only."""


def _project_message(project: TranscriptProject, flags: list[dict]) -> str:
    lines = [f"Project: {project.title}"]
    for turn in project.turns:
        lines += [
            f"\nTurn {turn.index + 1} [section: {turn.section}, {turn.kind}]",
            f"Interviewer: {turn.question}",
            f"Candidate: {turn.answer}",
        ]
        if turn.key_points:
            lines.append(
                "A strong answer to this challenge contains: " + "; ".join(turn.key_points)
            )
    doubts = [f for f in flags if f["severity"] == RED]
    if doubts:
        lines.append("\nClaims our plausibility rules doubt (check them yourself):")
        lines += [f"- turn {f['turn'] + 1}: {f['title']}: \u201c{f['quote']}\u201d" for f in doubts]
    return "\n".join(lines)


def _cache_key(project: TranscriptProject, model: str) -> str:
    payload = json.dumps(
        [project.title, [(t.section, t.kind, t.question, t.answer) for t in project.turns]],
        ensure_ascii=False,
    )
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return f"scoring:llm:{PROMPT_VERSION}:{model}:{digest}"


def _ask(project: TranscriptProject, flags: list[dict]) -> tuple[dict, str, bool]:
    """The model's section grades for one project (raw reply, and whether it was cached)."""
    model = llm.model_name()
    key = _cache_key(project, model)
    cached = cache.get(key)
    if cached:
        return cached["grades"], cached["raw"], True
    completion = llm.structured_completion(
        [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": _project_message(project, flags)},
        ],
        ProjectGrade,
    )
    grades = completion.value.model_dump()
    cache.set(key, {"grades": grades, "raw": completion.raw}, CACHE_SECONDS)
    return grades, completion.raw, False


def _normalize(text: str) -> str:
    return " ".join(
        text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
    )


def _checked_section(grade: dict, heuristic_section: dict, answers: list[str]) -> dict:
    """The model's grade for one section, kept honest against the answers it quotes."""
    if heuristic_section["score"] == 0:
        # The heuristic gives 0 only when there is no answer to grade (empty, gibberish,
        # off-topic or never asked): the model does not get to invent a score for it.
        return heuristic_section
    haystack = [_normalize(answer) for answer in answers]
    quotes = [q.strip() for q in grade["evidence"] if q and q.strip()]
    kept = [q for q in quotes if any(_normalize(q) in answer for answer in haystack)]
    score = round(min(MAX_LEVEL, max(0.0, float(grade["score"]))) * 2) / 2
    notes = list(heuristic_section.get("notes", []))
    if quotes and len(kept) < len(quotes):
        notes.append(f"{len(quotes) - len(kept)} quote(s) not found in the answers were dropped")
    if not kept and score > UNSUPPORTED_CAP:
        score = UNSUPPORTED_CAP
        notes.append("no quote from the answers supports a higher score")
    cap = heuristic_section.get("cap")
    cap_reason = ""
    if cap is not None and score > cap:
        # The plausibility rules hold for every grader: a doubtful claim caps its section.
        score = cap
        cap_reason = heuristic_section.get("answer_cap_reason", "")
    return {
        **heuristic_section,
        "score": score,
        "answer_score": score,
        "answer_cap_reason": cap_reason,
        "evidence": kept[:MAX_QUOTES],
        "feedback": grade["feedback"].strip() or heuristic_section["feedback"],
        "level": LEVEL_NAMES[int(score)],
        "notes": notes,
        "dropped_quotes": len(quotes) - len(kept),
        "grader": NAME,
    }


def grade(transcript: Transcript, project_records: list[dict] | None = None) -> dict:
    report = heuristic.grade(transcript, project_records)
    report["requested_grader"] = NAME
    try:
        with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(transcript.projects))) as pool:
            answers = list(
                pool.map(_ask, transcript.projects, [p["flags"] for p in report["projects"]])
            )
    except llm.LLMError as exc:
        logger.warning("LLM grading fell back to the heuristic grader: %s", exc)
        report["fallback_reason"] = str(exc)
        return report
    for project, graded, (grades, _, _) in zip(
        transcript.projects, report["projects"], answers, strict=True
    ):
        for key in SECTION_KEYS:
            section_answers = [turn.answer for turn in project.section_turns(key)]
            graded["sections"][key] = _checked_section(
                grades[key], graded["sections"][key], section_answers
            )
    report["grader"] = NAME
    report["llm"] = {
        "model": llm.model_name(),
        "prompt_version": PROMPT_VERSION,
        "cached": all(cached for _, _, cached in answers),
        "raw": [raw for _, raw, _ in answers],
    }
    return heuristic.finalize_report(report)
