"""A peer interviewer's scorecard beside the grader's report.

The scorecard is opened when a round with a peer finishes; the peer fills it in on the grader's
own rubric (scoring.rubric) and outcomes (held, conceded, caved), and may change it for as long
as they may read the review. The review sets both side by
side and marks where they differ by GAP points or more; the dashboard counts how often they
agree within AGREE_WITHIN; the candidate may export both, with the transcript, to calibrate
the grader. The peer's identity never leaves this module's rows: no export names them.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from scoring.framework import SECTIONS
from scoring.graders.pushback import OUTCOME_LABELS
from scoring.models import GRADED, Grading, PeerScorecard
from scoring.reports import turn_numbers

GAP = 2  # a difference this large between the peer and the grader is marked on the review
AGREE_WITHIN = 1
AGREEMENT_ROUNDS = 50  # the dashboard reads at most this many recent scorecards
CALIBRATION_FORMAT = "hotseat.calibration/1"


# --- Writes -----------------------------------------------------------------------------------


def open_peer_scorecard(*, grading: Grading, peer_id: int) -> PeerScorecard:
    scorecard, _ = PeerScorecard.objects.get_or_create(
        grading=grading, defaults={"peer_id": peer_id}
    )
    return scorecard


def save_scorecard(*, scorecard: PeerScorecard, scores, outcomes, notes) -> None:
    """Submit the scorecard, or replace what the peer gave before: the review, the dashboard's
    agreement and the calibration export read the scores as last saved."""
    now = timezone.now()
    scorecard.scores = scores
    scorecard.outcomes = outcomes
    scorecard.notes = notes
    scorecard.submitted_at = scorecard.submitted_at or now
    scorecard.updated_at = now
    scorecard.save(update_fields=["scores", "outcomes", "notes", "submitted_at", "updated_at"])


def revoke_peer_access(*, scorecard: PeerScorecard) -> None:
    """The peer no longer reads the review; the scores they gave stay on it."""
    PeerScorecard.objects.filter(pk=scorecard.pk, access_revoked_at=None).update(
        access_revoked_at=timezone.now()
    )


# --- Reads ------------------------------------------------------------------------------------


def get_scorecard_for_peer(user, grading_pk: int) -> PeerScorecard:
    """The scorecard of a round this user interviewed, while they may still read (and change)
    it; or 404."""
    return get_object_or_404(
        PeerScorecard.objects.select_related("grading"),
        grading__pk=grading_pk,  # checked against the column's range, unlike grading_id
        peer=user,
        access_revoked_at=None,
    )


@dataclass(frozen=True)
class TurnToScore:
    number: int  # the turn's session-wide number, as notes and outcomes are keyed
    label: int  # its place within its project, from 1
    section_title: str
    question: str
    answer: str
    is_challenge: bool
    from_peer: bool


@dataclass(frozen=True)
class ProjectToScore:
    index: int
    title: str
    turns: tuple[TurnToScore, ...]


def projects_to_score(transcript: dict) -> list[ProjectToScore]:
    """The round as the peer scores it: each project with its turns, numbered as the review."""
    titles = {section.key: section.title for section in SECTIONS}
    projects = []
    for p, (raw, numbers) in enumerate(
        zip(transcript.get("projects") or [], turn_numbers(transcript), strict=False)
    ):
        turns = tuple(
            TurnToScore(
                number=numbers[i],
                label=i + 1,
                section_title=titles.get(turn.get("section"), ""),
                question=turn.get("question", ""),
                answer=turn.get("answer", ""),
                is_challenge=turn.get("kind") == "challenge",
                from_peer=turn.get("asked_by") == "peer",
            )
            for i, turn in enumerate(raw.get("turns") or [])
        )
        projects.append(ProjectToScore(p, raw.get("title") or f"Project {p + 1}", turns))
    return projects


@dataclass(frozen=True)
class ScoreRow:
    title: str
    grader: float | None
    peer: int | None

    @property
    def gap(self) -> float | None:
        if self.grader is None or self.peer is None:
            return None
        return abs(self.grader - self.peer)

    @property
    def flagged(self) -> bool:
        return self.gap is not None and self.gap >= GAP


@dataclass(frozen=True)
class OutcomeRow:
    number: int
    label: int
    question: str
    grader: str
    peer: str

    @property
    def differs(self) -> bool:
        return bool(self.grader and self.peer) and self.grader != self.peer


@dataclass(frozen=True)
class Comparison:
    title: str
    sections: tuple[ScoreRow, ...]
    outcomes: tuple[OutcomeRow, ...]

    @property
    def gaps(self) -> int:
        return sum(row.flagged for row in self.sections)


def _grader_scores(report: dict | None, p: int) -> dict[str, float]:
    projects = (report or {}).get("projects") or []
    sections = (projects[p].get("sections") or {}) if p < len(projects) else {}
    return {key: value.get("score") for key, value in sections.items() if isinstance(value, dict)}


def _grader_outcomes(report: dict | None, p: int, numbers: dict[int, int]) -> dict[int, str]:
    projects = (report or {}).get("projects") or []
    pushback = (projects[p].get("pushback") or []) if p < len(projects) else []
    return {
        numbers[o["turn"]]: o.get("outcome", "")
        for o in pushback
        if isinstance(o, dict) and o.get("turn") in numbers
    }


def _peer_score(scorecard: PeerScorecard, p: int, key: str) -> int | None:
    return scorecard.scores[p].get(key) if p < len(scorecard.scores) else None


def compare(grading: Grading, scorecard: PeerScorecard) -> list[Comparison]:
    """Per project: each section's grader and peer scores, and each challenge's outcomes."""
    transcript, report = grading.transcript, grading.report
    numbers_by_project = turn_numbers(transcript)
    comparisons = []
    for project in projects_to_score(transcript):
        grader = _grader_scores(report, project.index)
        outcomes = _grader_outcomes(report, project.index, numbers_by_project[project.index])
        comparisons.append(
            Comparison(
                title=project.title,
                sections=tuple(
                    ScoreRow(
                        section.title,
                        grader.get(section.key),
                        _peer_score(scorecard, project.index, section.key),
                    )
                    for section in SECTIONS
                ),
                outcomes=tuple(
                    OutcomeRow(
                        number=turn.number,
                        label=turn.label,
                        question=turn.question,
                        grader=OUTCOME_LABELS.get(outcomes.get(turn.number, ""), ""),
                        peer=OUTCOME_LABELS.get(scorecard.outcomes.get(str(turn.number), ""), ""),
                    )
                    for turn in project.turns
                    if turn.is_challenge
                ),
            )
        )
    return comparisons


def _graded_scorecards(user) -> QuerySet[PeerScorecard]:
    return PeerScorecard.objects.filter(
        grading__user=user, grading__status=GRADED, submitted_at__isnull=False
    ).order_by("-grading__created_at", "-grading_id")


@dataclass(frozen=True)
class Agreement:
    agreeing: int
    compared: int
    rounds: int

    @property
    def percent(self) -> int:
        return round(100 * self.agreeing / self.compared) if self.compared else 0


def agreement(user) -> Agreement:
    """How often a peer's section score was within AGREE_WITHIN of the grader's, over the
    user's last AGREEMENT_ROUNDS rounds that a peer scored (one query)."""
    rows = _graded_scorecards(user).values_list("scores", "grading__report")[:AGREEMENT_ROUNDS]
    agreeing = compared = rounds = 0
    for scores, report in rows:
        rounds += 1
        for p, peer in enumerate(scores):
            grader = _grader_scores(report, p)
            for key, score in peer.items():
                if grader.get(key) is not None:
                    compared += 1
                    agreeing += abs(grader[key] - score) <= AGREE_WITHIN
    return Agreement(agreeing, compared, rounds)


def calibration_export(user) -> dict:
    """The user's graded rounds that a peer scored: transcript, peer and grader scores.

    Nothing here says who the peer was."""
    rounds = []
    for scorecard in _graded_scorecards(user).select_related("grading"):
        grading = scorecard.grading
        numbers_by_project = turn_numbers(grading.transcript)
        projects = projects_to_score(grading.transcript)
        rounds.append(
            {
                "graded_at": grading.graded_at.isoformat() if grading.graded_at else None,
                "transcript": grading.transcript,
                "grader": {
                    "grader": grading.produced_by,
                    "projects": [
                        {
                            "sections": _grader_scores(grading.report, p.index),
                            "outcomes": {
                                str(n): o
                                for n, o in _grader_outcomes(
                                    grading.report, p.index, numbers_by_project[p.index]
                                ).items()
                            },
                        }
                        for p in projects
                    ],
                },
                "peer": {
                    "projects": [
                        {
                            "sections": scorecard.scores[p.index]
                            if p.index < len(scorecard.scores)
                            else {}
                        }
                        for p in projects
                    ],
                    "outcomes": scorecard.outcomes,
                    "notes": scorecard.notes,
                },
            }
        )
    return {"format": CALIBRATION_FORMAT, "rounds": rounds}
