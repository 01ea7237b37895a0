from django.conf import settings
from django.db import models

from scoring.graders.pushback import OUTCOME_LABELS

QUEUED = "queued"
GRADING = "grading"
GRADED = "graded"
FAILED = "failed"
STATUS_CHOICES = [
    (QUEUED, "Queued"),
    (GRADING, "Grading"),
    (GRADED, "Graded"),
    (FAILED, "Failed"),
]

HEURISTIC = "heuristic"
LLM = "llm"
GRADER_CHOICES = [(HEURISTIC, "Heuristic (offline)"), (LLM, "Language model")]


class Grading(models.Model):
    """One transcript to grade, and its report: the row the worker claims and the page polls.

    `transcript` and `project_records` are snapshots taken when the session finished, so the
    report never changes when a project is edited later. `attempts` counts claims; a worker
    writes its report only while the row still carries its own claim.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gradings"
    )
    transcript = models.JSONField(help_text="hotseat.transcript/1")
    project_records = models.JSONField(
        default=list,
        blank=True,
        help_text='[{"title", "role", "sections": {key: text}, "metrics": [...]}]',
    )
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    grader = models.CharField(
        max_length=10, choices=GRADER_CHOICES, default=HEURISTIC, help_text="Grader asked for"
    )
    report = models.JSONField(null=True, blank=True)
    overall = models.FloatField(null=True, blank=True)
    # Written with the report (scoring.summary), so list pages never decode a whole report.
    summary = models.JSONField(null=True, blank=True, editable=False)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The score history chart reads a user's graded rows, newest first.
            models.Index(fields=["user", "-created_at"], name="grading_user_created"),
            # The sweep looks for rows stuck in queued or grading.
            models.Index(fields=["status", "claimed_at"], name="grading_status_claimed"),
        ]

    def __str__(self) -> str:
        return f"Grading {self.pk} ({self.get_status_display()})"

    @property
    def is_done(self) -> bool:
        return self.status in (GRADED, FAILED)

    @property
    def produced_by(self) -> str:
        """Which grader produced the scores (the LLM grader may have fallen back)."""
        return (self.report or {}).get("grader", "")


# --- Review: mentor links, their comments, and regrades (owned by the review pages) -------


class ShareLink(models.Model):
    """A read-only link to one review for a mentor. The token is the only key; revoking a link
    closes it for good (a new link gets a new token)."""

    grading = models.ForeignKey(Grading, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Share link {self.pk} for grading {self.grading_id}"


class ReviewComment(models.Model):
    """A mentor's comment on one turn; kept when the link that brought it is revoked."""

    TEXT_MAX_LENGTH = 2000

    grading = models.ForeignKey(Grading, on_delete=models.CASCADE, related_name="review_comments")
    share_link = models.ForeignKey(
        ShareLink, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    turn = models.PositiveIntegerField(help_text="The turn's session-wide number.")
    author = models.CharField(max_length=80)
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on turn {self.turn}"


class Regrading(models.Model):
    """A second grading of the same transcript; the earlier row and its report stay untouched."""

    source = models.ForeignKey(Grading, on_delete=models.CASCADE, related_name="regradings")
    grading = models.OneToOneField(Grading, on_delete=models.CASCADE, related_name="regrade_of")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Grading {self.grading_id} regrades {self.source_id}"


# --- A peer interviewer's scores, set beside the grader's --------------------------------

# The peer labels each challenge with the grader's own outcomes.
OUTCOME_CHOICES = list(OUTCOME_LABELS.items())


class PeerScorecard(models.Model):
    """What the peer who ran a round made of it, on the grader's rubric: each project's six
    sections 0–4, each challenge held, conceded or caved, and a note per turn if they like.

    Opened when the round finishes; the peer reads the review, and may change their scores,
    until the candidate revokes that (`access_revoked_at`). The scores stay with the review
    either way.
    """

    NOTE_MAX_LENGTH = 1000

    grading = models.OneToOneField(Grading, on_delete=models.CASCADE, related_name="peer_scorecard")
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="peer_scorecards",
    )
    scores = models.JSONField(default=list, blank=True, help_text="Per project: {section: 0-4}")
    outcomes = models.JSONField(default=dict, blank=True, help_text="{turn number: outcome}")
    notes = models.JSONField(default=dict, blank=True, help_text="{turn number: text}")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True, help_text="First submitted")
    updated_at = models.DateTimeField(null=True, blank=True, help_text="Last saved")
    access_revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Peer scorecard for grading {self.grading_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None
