import json

from django.conf import settings
from django.db import models

from challenges.personas import PERSONA_LABELS
from challenges.pressure import PRESSURE_CHOICES, PRESSURE_LABELS
from scoring.framework import SECTION_BY_KEY, SECTION_CHOICES, SECTIONS

# A spoken answer of three minutes is ~2,700 characters; typing for ten minutes rarely
# passes 5,000. The grader's transcript limit is far above this, so a kept answer always grades.
ANSWER_MAX_CHARS = 8000

RUNNING = "running"
FINISHED = "finished"
ABANDONED = "abandoned"
STATUS_CHOICES = [(RUNNING, "Running"), (FINISHED, "Finished"), (ABANDONED, "Abandoned")]

TYPED = "typed"
SPOKEN = "spoken"
MODE_CHOICES = [(SPOKEN, "Spoken (dictate or type as you would speak)"), (TYPED, "Typed")]

# A drill re-asks challenges the candidate caved on before; its turns are all pushback.
NORMAL = "normal"
DRILL = "drill"
SESSION_KIND_CHOICES = [(NORMAL, "Mock onsite"), (DRILL, "Drill")]

PROMPT = "prompt"
CHALLENGE = "challenge"
KIND_CHOICES = [(PROMPT, "Framework question"), (CHALLENGE, "Pushback")]

# Who put a question to the candidate: the engine's plan, or a live peer interviewer.
ENGINE = "engine"
PEER = "peer"
ASKED_BY_CHOICES = [(ENGINE, "The engine"), (PEER, "A peer interviewer")]


class MockSession(models.Model):
    """One timed mock onsite: 1–4 projects walked through in order, against the server's clock."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_sessions"
    )
    kind = models.CharField(max_length=10, choices=SESSION_KIND_CHOICES, default=NORMAL)
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=RUNNING)
    pressure = models.CharField(max_length=20, choices=PRESSURE_CHOICES)
    answer_mode = models.CharField(max_length=10, choices=MODE_CHOICES, default=SPOKEN)
    walkthrough_seconds = models.PositiveIntegerField(help_text="Per project, all six sections")
    challenge_seconds = models.PositiveIntegerField(help_text="Per pushback question")
    seed = models.PositiveIntegerField()
    current_index = models.PositiveIntegerField(default=0, help_text="The open turn's index")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    grading = models.OneToOneField(
        "scoring.Grading",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="session",
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            # History lists and "recently seen challenges" read a user's newest sessions.
            models.Index(fields=["user", "-started_at"], name="mocksession_user_started"),
        ]

    def __str__(self) -> str:
        return f"Mock onsite {self.pk} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status == RUNNING

    @property
    def pressure_label(self) -> str:
        return PRESSURE_LABELS.get(self.pressure, self.pressure)

    @property
    def is_drill(self) -> bool:
        return self.kind == DRILL


class SessionProject(models.Model):
    """A project as it stood when the session started; later edits never change the round."""

    session = models.ForeignKey(MockSession, on_delete=models.CASCADE, related_name="projects")
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    role = models.CharField(max_length=100, blank=True)
    sections = models.JSONField(default=dict)  # section key -> text
    metrics = models.JSONField(default=list)  # [{name, before, after, unit, note}]
    budget_seconds = models.PositiveIntegerField()
    started_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateTimeField(null=True, blank=True)
    # With a peer interviewer the engine's picks wait here, unasked, as the peer's suggestions
    # ([{slug, section, question, persona, reason, key_points}]); the peer sends them, or the
    # engine asks them if the candidate carries on without the peer.
    suggestions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["session", "order"], name="sessionproject_order")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def section_rows(self) -> list[tuple[str, str]]:
        """(section title, the candidate's text) in the framework's order, where written."""
        return [
            (s.title, self.sections.get(s.key, "")) for s in SECTIONS if self.sections.get(s.key)
        ]


class Turn(models.Model):
    """One question and its answer. Planned at start; opened, drafted and closed in order."""

    session = models.ForeignKey(MockSession, on_delete=models.CASCADE, related_name="turns")
    session_project = models.ForeignKey(
        SessionProject, on_delete=models.CASCADE, related_name="turns"
    )
    # Not unique: inserting a live follow-up shifts the later indexes with one UPDATE,
    # which a row-by-row unique check on PostgreSQL would reject halfway.
    index = models.PositiveIntegerField()
    section = models.CharField(max_length=20, choices=SECTION_CHOICES)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default=PROMPT)
    question = models.TextField()
    persona = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    challenge_slug = models.CharField(max_length=80, blank=True)
    is_follow_up = models.BooleanField(default=False, help_text="Asked live, after an answer")
    asked_by = models.CharField(max_length=10, choices=ASKED_BY_CHOICES, default=ENGINE)
    # Time a peer interviewer added to this turn (and its project), within PeerLimits.
    extra_seconds = models.PositiveIntegerField(default=0)
    # What a strong answer to a challenge contains, frozen with the question (the grader checks
    # the answer against it, and the review shows it).
    key_points = models.JSONField(default=list, blank=True)
    # In spoken mode, the dictation's phrase timings ([start, end] seconds after the question
    # appeared), sent with the autosaved draft; scoring checks them.
    timing = models.JSONField(default=list, blank=True)
    budget_seconds = models.PositiveIntegerField()
    opened_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateTimeField(null=True, blank=True)
    draft = models.TextField(blank=True)
    draft_version = models.PositiveIntegerField(default=0)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    seconds = models.PositiveIntegerField(null=True, blank=True)
    over_time = models.BooleanField(default=False)

    class Meta:
        ordering = ["index"]
        indexes = [
            # The turn page and autosave look a turn up by its session and index.
            models.Index(fields=["session", "index"], name="turn_session_index"),
            # Recently seen challenges: the slugs asked in a user's last sessions.
            models.Index(fields=["session", "kind"], name="turn_session_kind"),
        ]

    def __str__(self) -> str:
        return f"Turn {self.index} ({self.section}, {self.kind})"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def timing_json(self) -> str:
        """The spoken timings as the run page hands them back to the browser."""
        return json.dumps(self.timing)

    @property
    def from_peer(self) -> bool:
        return self.asked_by == PEER

    @property
    def is_challenge(self) -> bool:
        return self.kind == CHALLENGE

    @property
    def persona_label(self) -> str:
        return PERSONA_LABELS.get(self.persona, "")

    @property
    def section_title(self) -> str:
        return SECTION_BY_KEY[self.section].title


class PeerInvite(models.Model):
    """A round's invitation to a peer interviewer: one link, one peer, one session.

    The token is the only key; it opens the invite until it is accepted, revoked or 24 hours
    old. Once accepted, the peer reaches the round through the console, never the token again.
    """

    session = models.OneToOneField(
        MockSession, on_delete=models.CASCADE, related_name="peer_invite"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="peer_invites",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The peer's console polls every second or two; a console silent for longer than
    # services.peers.DROP_AFTER is a dropped peer.
    last_seen_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    engine_at = models.DateTimeField(
        null=True, blank=True, help_text="When the candidate carried on with the engine"
    )
    # Bumped by every change the peer's console shows that the turn itself does not carry
    # (a question queued, time added, a pause): part of the console's ETag.
    revision = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Peer invite for session {self.session_id}"

    @property
    def is_waiting(self) -> bool:
        """Not started yet: nobody has joined, and the candidate has not gone on alone."""
        return self.accepted_at is None and self.engine_at is None

    @property
    def is_peer_live(self) -> bool:
        """The peer runs the round (they may have dropped: see services.peers.has_dropped)."""
        return self.accepted_at is not None and self.revoked_at is None and self.engine_at is None

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None
