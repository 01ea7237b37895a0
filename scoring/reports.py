"""The review of one grading as plain data: what the review page, the shared page and the
Markdown and JSON exports show.

Everything is read from the grading's own snapshot (the transcript and the grader's report), so a
later edit to a project never changes a review. Highlights are computed here as text segments and
marked up by the template, which escapes every piece; no markup is built in Python.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime

from scoring.framework import SECTION_BY_KEY, SECTION_KEYS
from scoring.gaps import GAP_MESSAGES, gap_message
from scoring.rubric import DESCRIPTORS, LEVEL_NAMES, MAX_LEVEL, PUSHBACK_WEIGHT, describe

# A section below "solid" gets shown what an exemplary answer would have held.
WEAK_BELOW = 3.0


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marked: bool  # evidence the grader credited
    filler: bool = False  # a filler word said aloud ("um", "you know")


@dataclass
class Comment:
    author: str
    text: str
    created_at: datetime


@dataclass
class TurnView:
    number: int  # session-wide id: the #turn-N anchor and what a mentor's comment points at
    index: int  # position within its project, the reference the grader's report uses
    section: str
    section_title: str
    kind: str
    question: str
    answer: str
    segments: list[Segment]
    persona_label: str
    reason: str
    seconds: float | None
    budget_seconds: float | None
    over_time: bool
    pushback: dict | None = None
    flags: list[str] = field(default_factory=list)
    doubts: list[dict] = field(default_factory=list)  # plausibility flags raised in this answer
    comments: list[Comment] = field(default_factory=list)
    spoken: dict | None = None  # pace, fillers and pauses of an answer said aloud
    skipped: bool = False  # never asked: its project's time ran out first
    from_peer: bool = False  # asked by a live peer interviewer, not the engine

    @property
    def key_points(self) -> list[tuple[str, bool | None]]:
        """What a strong answer to this challenge contains, each with whether it was covered."""
        if not self.pushback:
            return []
        points = self.pushback.get("key_points") or []
        covered = self.pushback.get("covered") or []
        return [(point, covered[i] if i < len(covered) else None) for i, point in enumerate(points)]

    @property
    def anchor(self) -> str:
        return f"turn-{self.number}"

    @property
    def time_used(self) -> str:
        return clock(self.seconds)

    @property
    def time_budget(self) -> str:
        return clock(self.budget_seconds)

    @property
    def label(self) -> int:
        """Turns count from 1 within a project, as the grader's messages do."""
        return self.index + 1


@dataclass
class SectionView:
    key: str
    title: str
    score: float
    level_name: str
    descriptor: str
    evidence: list[str]
    advice: list[str]
    turn_number: int | None
    exemplary: str | None  # what a 4 holds, shown only for a weak section
    capped: bool = False  # the descriptor is why the score was held down, not the rubric line

    @property
    def weak(self) -> bool:
        return self.exemplary is not None


@dataclass
class ProjectView:
    title: str
    overall: float | None
    sections: list[SectionView]
    turns: list[TurnView]
    seconds_used: float | None
    budget_seconds: float | None
    delivery: dict | None
    consistency: list[dict]
    doubts: list[dict] = field(default_factory=list)
    pushback_score: float | None = None
    pushback_counts: dict[str, int] = field(default_factory=dict)

    @property
    def skipped_turns(self) -> list[TurnView]:
        return [turn for turn in self.turns if turn.skipped]

    @property
    def pushback_share(self) -> int:
        """How much of this project's overall the pushback record is, in percent."""
        return round(100 * PUSHBACK_WEIGHT)

    @property
    def time_used(self) -> str:
        return clock(self.seconds_used)

    @property
    def time_budget(self) -> str:
        return clock(self.budget_seconds)

    @property
    def over_time(self) -> bool:
        return bool(self.seconds_used and self.budget_seconds) and (
            self.seconds_used > self.budget_seconds
        )


@dataclass
class FixView:
    message: str
    project: str
    section_title: str
    turn_number: int | None
    turn_label: int | None  # "turn 3" counts within the project, as the grader's messages do

    @property
    def anchor(self) -> str | None:
        return None if self.turn_number is None else f"turn-{self.turn_number}"


@dataclass
class Review:
    grader: str
    fallback_reason: str  # why the LLM grader asked for was replaced by the heuristic one
    overall: float | None
    projects: list[ProjectView]
    top_fixes: list[FixView]

    @property
    def turns(self) -> list[TurnView]:
        return [turn for project in self.projects for turn in project.turns]


def _number(value) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def highlight(text: str, quotes: list[str], fillers: list[tuple[int, int]] = ()) -> list[Segment]:
    """Split `text` into segments, marking every place a quote occurs, and the fillers."""
    ranges: list[tuple[int, int]] = []
    for quote in quotes:
        quote = quote.strip().strip("…").strip()
        if not quote:
            continue
        start = text.find(quote)
        while start != -1:
            ranges.append((start, start + len(quote)))
            start = text.find(quote, start + len(quote))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    cuts = sorted({0, len(text), *(b for r in merged for b in r), *(b for f in fillers for b in f)})
    segments: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        marked = any(a <= start and end <= b for a, b in merged)
        filler = any(a <= start and end <= b for a, b in fillers)
        if segments and (segments[-1].marked, segments[-1].filler) == (marked, filler):
            last = segments.pop()
            segments.append(Segment(last.text + text[start:end], marked, filler))
        else:
            segments.append(Segment(text[start:end], marked, filler))
    return segments


def _turn_view(
    raw: dict, index: int, number: int, evidence: list[str], spoken: dict | None = None
) -> TurnView:
    section = raw.get("section", "")
    answer = raw.get("answer") or ""
    seconds = _number(raw.get("seconds"))
    budget = _number(raw.get("budget_seconds"))
    over_time = raw.get("over_time")
    if not isinstance(over_time, bool):
        over_time = seconds is not None and budget is not None and seconds > budget
    return TurnView(
        number=number,
        index=index,
        section=section,
        section_title=SECTION_BY_KEY[section].title if section in SECTION_BY_KEY else section,
        kind=raw.get("kind", "prompt"),
        question=raw.get("question") or "",
        answer=answer,
        segments=highlight(answer, evidence, _spans((spoken or {}).get("filler_spans"), answer)),
        persona_label=raw.get("persona_label") or raw.get("persona") or "",
        reason=raw.get("reason") or "",
        seconds=seconds,
        budget_seconds=budget,
        over_time=over_time,
        spoken=spoken,
        skipped=raw.get("skipped") is True,
        from_peer=raw.get("asked_by") == "peer",
    )


def _spans(raw, text: str) -> list[tuple[int, int]]:
    """Filler spans from a report, kept only where they fit the answer."""
    return [
        (span[0], span[1])
        for span in raw or []
        if isinstance(span, list)
        and len(span) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
        and 0 <= span[0] < span[1] <= len(text)
    ]


def _advice(key: str, raw: dict, score: float, descriptor: str) -> list[str]:
    """What to do next: the grader's own advice lines (they quote the candidate), or for
    older reports the gaps and notes, or else what the next level up asks for.

    A grader's free-text feedback is shown first when it says more than the rubric line."""
    feedback = (raw.get("feedback") or "").strip()
    advice = [line for line in raw.get("advice") or [] if isinstance(line, str)]
    own_words = (
        [feedback]
        if feedback and descriptor not in feedback and not any(a in feedback for a in advice)
        else []
    )
    steps = advice or [
        gap_message(code, key)
        for code in raw.get("gaps") or []
        if code in GAP_MESSAGES and code != "empty"
    ] + [f"It {note}." for note in raw.get("notes") or []]
    if not steps and 0 < score < MAX_LEVEL:
        steps.append(f"For a {int(score) + 1}: {describe(key, int(score) + 1)}")
    return list(dict.fromkeys(own_words + steps))


def _section_view(key: str, raw: dict, numbers: dict[int, int]) -> SectionView:
    score = _number(raw.get("score")) or 0.0
    weak = score < WEAK_BELOW
    cap_reason = (raw.get("cap_reason") or "").strip()
    descriptor = cap_reason or describe(key, score)
    return SectionView(
        key=key,
        title=SECTION_BY_KEY[key].title,
        score=score,
        level_name=LEVEL_NAMES[int(score)],
        descriptor=descriptor,
        evidence=list(raw.get("evidence") or []),
        advice=[line for line in _advice(key, raw, score, descriptor) if line != cap_reason],
        turn_number=numbers.get(raw.get("turn")),
        exemplary=DESCRIPTORS[key][MAX_LEVEL] if weak else None,
        capped=bool(cap_reason),
    )


def turn_numbers(transcript: dict) -> list[dict[int, int]]:
    """Per project, each turn's position -> its session-wide number.

    The mock onsite stores that number as "turn"; a hand-written transcript without it is
    numbered in order.
    """
    numbers_by_project = []
    counter = 0
    for raw_project in transcript.get("projects") or []:
        numbers = {}
        for i, raw_turn in enumerate(raw_project.get("turns") or []):
            number = raw_turn.get("turn")
            if not isinstance(number, int) or isinstance(number, bool):
                number = counter
            counter = number + 1
            numbers[i] = number
        numbers_by_project.append(numbers)
    return numbers_by_project


def build_review(transcript: dict, report: dict | None) -> Review:
    """The review of a transcript and (once graded) its report; without a report, turns only."""
    report = report or {}
    raw_projects = transcript.get("projects") or []
    reported = report.get("projects") or []
    projects: list[ProjectView] = []
    turn_numbers_by_project = turn_numbers(transcript)
    for p, raw_project in enumerate(raw_projects):
        graded = reported[p] if p < len(reported) else {}
        sections = graded.get("sections") or {}
        numbers = turn_numbers_by_project[p]
        turns: list[TurnView] = []
        project_delivery = graded.get("delivery") or {}
        spoken = {
            a.get("turn"): a
            for a in project_delivery.get("answers") or []
            if project_delivery.get("spoken") and isinstance(a, dict)
        }
        for i, raw_turn in enumerate(raw_project.get("turns") or []):
            evidence = (sections.get(raw_turn.get("section")) or {}).get("evidence") or []
            turns.append(_turn_view(raw_turn, i, numbers[i], evidence, spoken.get(i)))
        for outcome in graded.get("pushback") or []:
            if outcome.get("turn") in numbers:
                turns[outcome["turn"]].pushback = outcome
        for flag in graded.get("consistency") or []:
            if flag.get("turn") in numbers:
                turns[flag["turn"]].flags.append(flag.get("message", ""))
        doubts = [flag for flag in graded.get("flags") or [] if isinstance(flag, dict)]
        for flag in doubts:
            if flag.get("turn") in numbers:
                turns[flag["turn"]].doubts.append(flag)
        outcomes = [o.get("outcome") for o in graded.get("pushback") or []]
        timed = [t.seconds for t in turns if t.seconds is not None]
        # A drill asks about a few sections only; the others were never asked, so not shown.
        shown = graded.get("asked") if report.get("session_kind") == "drill" else SECTION_KEYS
        projects.append(
            ProjectView(
                title=raw_project.get("title") or f"Project {p + 1}",
                overall=_number(graded.get("overall")),
                sections=[
                    _section_view(key, sections[key], numbers)
                    for key in SECTION_KEYS
                    if key in sections and key in (shown or SECTION_KEYS)
                ],
                turns=turns,
                seconds_used=sum(timed) if timed else None,
                budget_seconds=_number(raw_project.get("time_budget_seconds")),
                delivery=graded.get("delivery"),
                consistency=list(graded.get("consistency") or []),
                doubts=[flag for flag in doubts if flag.get("severity") == "red"],
                pushback_score=_number(graded.get("pushback_score")),
                pushback_counts={
                    name: outcomes.count(name)
                    for name in ("held", "conceded", "caved")
                    if outcomes.count(name)
                },
            )
        )
    fixes = []
    for fix in report.get("top_fixes") or []:
        p = fix.get("project_index")
        numbers = turn_numbers_by_project[p] if isinstance(p, int) and p < len(projects) else {}
        section = fix.get("section")
        fixes.append(
            FixView(
                message=fix.get("message", ""),
                project=fix.get("project", ""),
                section_title=SECTION_BY_KEY[section].title if section in SECTION_BY_KEY else "",
                turn_number=numbers.get(fix.get("turn")),
                turn_label=fix["turn"] + 1 if fix.get("turn") in numbers else None,
            )
        )
    return Review(
        grader=report.get("grader", ""),
        fallback_reason=report.get("fallback_reason", ""),
        overall=_number(report.get("overall")),
        projects=projects,
        top_fixes=fixes,
    )


def attach_comments(review: Review, comments) -> None:
    """Put each mentor comment (anything with turn, author, text, created_at) on its turn."""
    by_number = {turn.number: turn for turn in review.turns}
    for comment in comments:
        turn = by_number.get(comment.turn)
        if turn is not None:
            turn.comments.append(Comment(comment.author, comment.text, comment.created_at))


def clock(value: float | None) -> str:
    """Seconds as m:ss, the way the countdown showed them."""
    if value is None:
        return "–"
    minutes, seconds = divmod(round(value), 60)
    return f"{minutes}:{seconds:02d}"


def spoken_summary(figures: dict) -> str:
    """One line for an answer said aloud: pace, fillers, the longest pause, the first word."""
    parts = []
    if figures.get("wpm"):
        parts.append(f"{figures['wpm']} words/min")
    count = figures.get("fillers") or 0
    parts.append(f"{count} filler{'s' if count != 1 else ''}")
    if figures.get("longest_pause"):
        parts.append(f"longest pause {figures['longest_pause']} s")
    if figures.get("first_word") is not None:
        parts.append(f"first word after {figures['first_word']} s")
    return ", ".join(parts)


def _quote_block(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines() or [""]]


def review_markdown(review: Review, *, title: str) -> str:
    """A readable Markdown copy of the review, for notes or a mentor."""
    lines = [f"# {title}", ""]
    if review.overall is not None:
        lines += [f"**Overall: {review.overall:.1f} / 100** (graded by the {review.grader} grader)"]
        if review.fallback_reason:
            lines += ["", f"The LLM grader was unavailable ({review.fallback_reason})."]
        lines.append("")
    if review.top_fixes:
        lines += ["## Top things to fix", ""]
        lines += [
            f"{n}. {fix.message}"
            + (f" ({fix.project}, turn {fix.turn_label})" if fix.anchor else "")
            for n, fix in enumerate(review.top_fixes, 1)
        ]
        lines.append("")
    for project in review.projects:
        heading = f"## {project.title}"
        if project.overall is not None:
            heading += f" — {project.overall:.1f} / 100"
        lines += [heading, ""]
        if project.sections:
            lines += ["| Section | Score | Level |", "| --- | --- | --- |"]
            lines += [
                f"| {s.title} | {s.score:.1f} / 4 | {s.level_name} |" for s in project.sections
            ]
            lines.append("")
            for section in project.sections:
                lines += [f"### {section.title}: {section.score:.1f} / 4", "", section.descriptor]
                lines += [""] + [f"- Advice: {line}" for line in section.advice]
                if section.evidence:
                    lines += ["", "Evidence:"] + [f"- “{quote}”" for quote in section.evidence]
                if section.weak:
                    lines += ["", f"What a 4 holds: {section.exemplary}"]
                lines.append("")
        if project.pushback_counts:
            record = ", ".join(f"{n} {name}" for name, n in project.pushback_counts.items())
            lines += [f"Pushback: {record} ({project.pushback_share}% of this project's score)", ""]
        if project.skipped_turns:
            lines += ["Skipped when time ran out:"]
            lines += [f"- {t.section_title}: {t.question}" for t in project.skipped_turns]
            lines.append("")
        for flag in project.doubts:
            lines += [f"- Doubtful: {flag.get('title', '')}: {flag.get('reason', '')}"]
        for flag in project.consistency:
            lines += [f"- Consistency: {flag.get('message', '')}"]
        if project.consistency or project.doubts:
            lines.append("")
        lines += ["### Transcript", ""]
        for turn in project.turns:
            kind = "Challenge" if turn.kind == "challenge" else "Question"
            lines.append(f"#### Turn {turn.label} · {turn.section_title} · {kind}")
            lines.append("")
            if turn.persona_label:
                lines.append(
                    f"*{turn.persona_label}*" + (f" — {turn.reason}" if turn.reason else "")
                )
                lines.append("")
            lines += [f"**Q:** {turn.question}", ""]
            lines += _quote_block(turn.answer)
            lines.append("")
            timing = f"Time: {clock(turn.seconds)}"
            if turn.budget_seconds is not None:
                timing += f" of {clock(turn.budget_seconds)}"
            if turn.over_time:
                timing += " (over time)"
            lines += [timing, ""]
            if turn.spoken:
                lines += [f"Said aloud: {spoken_summary(turn.spoken)}", ""]
            if turn.pushback:
                outcome = turn.pushback
                lines += [f"Pushback: {outcome.get('label', '')} — {outcome.get('reason', '')}", ""]
                if turn.key_points:
                    lines += ["What a strong answer contains:"]
                    lines += [
                        f"- [{'x' if covered else ' '}] {point}"
                        for point, covered in turn.key_points
                    ]
                    lines.append("")
            for comment in turn.comments:
                lines += [f"Mentor comment from {comment.author}: {comment.text}", ""]
    # Markdown viewers render raw HTML, and much of this text is not the owner's (a mentor's
    # comments, an LLM's reasons): with no `<` left, no tag can open (`&lt;` shows as `<`).
    return "\n".join(lines).rstrip().replace("<", "&lt;") + "\n"


def review_json(*, transcript: dict, report: dict | None, grading: dict) -> str:
    """The transcript in its interchange format, with the grading and its scores beside it."""
    return json.dumps({**transcript, "grading": grading, "report": report}, indent=2)
