"""Graders: turn a `hotseat.transcript/1` document into a report (DESIGN.md's --json shape).

`grade_transcript` is the one entry point the worker, the CLI and the benchmark share.
"""

from scoring.graders import heuristic, llm
from scoring.transcript import parse_transcript

GRADERS = ("heuristic", "llm")


def grade_transcript(
    data: dict, *, grader: str = "heuristic", project_records: list[dict] | None = None
) -> dict:
    """Grade a transcript; raises TranscriptError on a malformed one.

    The "llm" grader falls back to the heuristic one on any provider failure; the report's
    "grader" key says which one produced the scores.
    """
    if grader not in GRADERS:
        raise ValueError(f"unknown grader {grader!r}; choose one of {', '.join(GRADERS)}")
    transcript = parse_transcript(data)
    if grader == "llm":
        return llm.grade(transcript, project_records)
    return heuristic.grade(transcript, project_records)
