"""Seed the benchmark database (bench/load.py): one realistic user, optionally 2,000 more.

The realistic user "bench" has 20 projects, 50 graded sessions (each a copy of one real,
fully answered and graded 4-project round), one running session whose turn page and
autosave the benchmark drives, and a round of another candidate's that "bench" interviews
as a peer (the console's poll). `--scale` adds 2,000 users × 25 sessions × 20 turns.
Writes bench/.manifest with the paths the benchmark needs.
"""

import copy
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from interviews.models import FINISHED, MockSession, SessionProject, Turn
from interviews.services import (
    finish_session,
    peers,
    save_draft,
    start_session,
    submit_answer,
)
from projects.examples import EXAMPLE_PROJECTS
from projects.services import create_project, duplicate_project, load_example_projects
from scoring.models import GRADED, Grading
from scoring.services import run_grading

SESSIONS = 50
PROJECTS = 20
SCALE_USERS = 2000
SCALE_SESSIONS = 25
SCALE_TURNS = 20
BATCH = 5000


class Command(BaseCommand):
    help = "Fill the database for bench/load.py."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True)
        parser.add_argument("--scale", action="store_true")
        parser.add_argument(
            "--candidates", type=int, default=50, help="users with a running session (soak test)"
        )

    def handle(self, *args, password, scale, candidates, **options):
        user = get_user_model().objects.create_user("bench", password=password)
        projects = load_example_projects(user=user)
        while len(projects) < PROJECTS:
            projects.append(duplicate_project(project=projects[len(projects) % 4]))
        template = self._graded_round(user, projects[:4])
        self._copy_sessions(user, template, SESSIONS - 1)
        running = start_session(
            user=user,
            projects=projects[:2],
            pressure="standard",
            answer_mode="typed",
            walkthrough_seconds=86_400,
            challenge_seconds=86_400,
            seed=7,
        )
        turn = running.turns.get(index=running.current_index)
        interviewing = self._peer_round(user, password)
        if scale:
            self._scale(template)
        manifest = {
            "candidates": ",".join(self._candidates(candidates, user.password)),
            "turn_path": f"/interviews/{running.pk}/",
            "autosave_path": f"/interviews/{running.pk}/turns/{turn.index}/draft/",
            "autosave_answer": "We cut p95 latency from 92 to 74 ms at 120k QPS.",
            "review_path": f"/review/{template.grading_id}/",
            "review_turns": str(template.turns.count()),
            "console_live_path": f"/interviews/{interviewing.pk}/console/live/",
        }
        path = Path(settings.BASE_DIR) / "bench" / ".manifest"
        path.write_text("".join(f"{key}={value}\n" for key, value in manifest.items()))
        self.stdout.write(f"Seeded: {manifest}")

    def _peer_round(self, user, password: str) -> MockSession:
        """A round "bench" runs as a peer interviewer, its first answer drafted: the console
        polls it."""
        candidate = get_user_model().objects.create_user("bench-candidate", password=password)
        session = self._example_round(candidate, 0, with_peer=True)
        peers.accept_invite(invite=session.peer_invite, user=user)
        save_draft(user=candidate, session_pk=session.pk, index=0, text="Fraud cost 2%.", version=1)
        return session

    def _example_round(self, person, number: int, *, with_peer: bool = False) -> MockSession:
        """A warm-up round on one example project (the number-th), under a day-long clock."""
        example = EXAMPLE_PROJECTS[number % len(EXAMPLE_PROJECTS)]
        project = create_project(
            user=person, data={**example, **example["sections"]}, metrics=example["metrics"]
        )
        return start_session(
            user=person,
            projects=[project],
            pressure="warmup",
            answer_mode="typed",
            walkthrough_seconds=86_400,
            challenge_seconds=86_400,
            seed=number,
            with_peer=with_peer,
        )

    def _candidates(self, count: int, password_hash: str) -> list[str]:
        """Users in the middle of a round, their turn page open: "username:session id:open turn
        index:session cookie:CSRF cookie" each. They share the bench user's password hash
        (hashing is slow on purpose) and are signed in here, through Django's test client, for
        the same reason."""
        seeded = []
        users = get_user_model()
        for number in range(count):
            person = users.objects.create(username=f"cand{number:03d}", password=password_hash)
            session = self._example_round(person, number)
            # A browser that has the turn page open: signed in, with its CSRF cookie.
            browser = Client(SERVER_NAME="127.0.0.1")
            browser.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
            browser.get(reverse("interviews:run", args=[session.pk]))
            cookies = [browser.cookies[name].value for name in ("sessionid", "csrftoken")]
            seeded.append(
                f"{person.username}:{session.pk}:{session.current_index}:" + ":".join(cookies)
            )
        return seeded

    def _graded_round(self, user, projects) -> MockSession:
        """A real round through the services: every turn answered from the project's text."""
        session = start_session(
            user=user,
            projects=projects,
            pressure="standard",
            answer_mode="typed",
            walkthrough_seconds=86_400,
            challenge_seconds=86_400,
            seed=42,
        )
        texts = {sp.pk: sp.sections for sp in session.projects.all()}
        while turn := session.turns.filter(answered_at__isnull=True).order_by("index").first():
            session.refresh_from_db()
            if turn.index != session.current_index:
                break
            answer = texts[turn.session_project_id].get(turn.section) or "No comment."
            save_draft(
                user=session.user, session_pk=session.pk, index=turn.index, text=answer, version=1
            )
            submit_answer(session=session, index=turn.index, text=answer)
        session.refresh_from_db()
        finish_session(session=session)
        run_grading(grading_id=session.grading_id)
        session.refresh_from_db()
        if session.grading.status != GRADED:
            raise RuntimeError(f"the template round was not graded: {session.grading.error}")
        return session

    @transaction.atomic
    def _copy_sessions(self, user, template: MockSession, count: int, turns: int | None = None):
        """Copies of the template round for `user`, written in bulk."""
        grading = template.grading
        project_rows = list(template.projects.all())
        turn_rows = list(template.turns.order_by("index"))[:turns]
        now = timezone.now()
        gradings = Grading.objects.bulk_create(
            Grading(
                user=user,
                transcript=grading.transcript,
                project_records=grading.project_records,
                status=GRADED,
                grader=grading.grader,
                report=grading.report,
                summary=grading.summary,
                overall=grading.overall,
                graded_at=now,
                attempts=1,
            )
            for _ in range(count)
        )
        sessions = MockSession.objects.bulk_create(
            MockSession(
                user=user,
                status=FINISHED,
                pressure=template.pressure,
                answer_mode=template.answer_mode,
                seed=index,
                walkthrough_seconds=template.walkthrough_seconds,
                challenge_seconds=template.challenge_seconds,
                current_index=template.current_index,
                finished_at=now,
                grading=graded,
            )
            for index, graded in enumerate(gradings)
        )
        project_copies = {}
        for session in sessions:
            for row in project_rows:
                clone = copy.copy(row)
                clone.pk, clone.session, clone.project = None, session, None
                project_copies[session.pk, row.pk] = clone
        SessionProject.objects.bulk_create(project_copies.values(), batch_size=BATCH)
        turn_copies = []
        for session in sessions:
            for row in turn_rows:
                clone = copy.copy(row)
                clone.pk, clone.session = None, session
                clone.session_project = project_copies[session.pk, row.session_project_id]
                turn_copies.append(clone)
        Turn.objects.bulk_create(turn_copies, batch_size=BATCH)

    def _scale(self, template: MockSession) -> None:
        users = get_user_model()
        password = users.objects.get(username="bench").password
        for number in range(SCALE_USERS):
            person = users.objects.create(username=f"scale{number:04d}", password=password)
            self._copy_sessions(person, template, SCALE_SESSIONS, turns=SCALE_TURNS)
            if number % 200 == 199:
                self.stdout.write(f"  {number + 1} of {SCALE_USERS} users seeded")
