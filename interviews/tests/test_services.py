from datetime import timedelta

import pytest
from django.utils import timezone

from challenges.pressure import BAR_RAISER, STANDARD, WARMUP
from interviews.models import ABANDONED, CHALLENGE, FINISHED, PROMPT, Turn
from interviews.selectors import Skipped, build_transcript, round_progress
from interviews.services import (
    AnswerTooLong,
    InterviewError,
    SessionClosed,
    StaleDraft,
    TurnClosed,
    abandon_session,
    finish_session,
    save_draft,
    start_session,
    submit_answer,
    sync_session,
)
from interviews.tests.conftest import make_project
from scoring.framework import SECTION_KEYS
from scoring.models import Grading
from scoring.transcript import parse_transcript

pytestmark = pytest.mark.django_db


def expire_open_turn(session):
    turn = session.turns.get(index=session.current_index)
    turn.opened_at = timezone.now() - timedelta(seconds=61)
    turn.deadline = timezone.now() - timedelta(seconds=1)
    turn.save(update_fields=["opened_at", "deadline"])
    return turn


def answer_all(session, text="I chose it because p95 fell from 92 ms to 74 ms."):
    while session.status == "running":
        submit_answer(session=session, index=session.current_index, text=text)


def test_start_session_plans_six_prompts_per_project_then_pushback(session):
    turns = list(session.turns.select_related("session_project"))
    for project in session.projects.all():
        mine = [turn for turn in turns if turn.session_project_id == project.pk]
        prompts = [turn.section for turn in mine if turn.kind == PROMPT]
        assert prompts == list(SECTION_KEYS)
        # Below bar raiser, pushback waits until all six sections are told.
        kinds = [turn.kind for turn in mine]
        assert kinds[:6] == [PROMPT] * 6
        assert set(kinds[6:]) <= {CHALLENGE}
        assert project.budget_seconds == sum(turn.budget_seconds for turn in mine)
    assert [turn.index for turn in turns] == list(range(len(turns)))
    assert turns[0].opened_at is not None and turns[1].opened_at is None


def test_start_session_never_repeats_a_challenge(user, projects):
    session = start_session(
        user=user, projects=projects, pressure=BAR_RAISER, answer_mode="spoken", seed=3
    )
    slugs = list(session.turns.filter(kind=CHALLENGE).values_list("challenge_slug", flat=True))
    assert slugs and len(slugs) == len(set(slugs))


def test_start_session_at_bar_raiser_interrupts_the_walkthrough(user, projects):
    session = start_session(
        user=user, projects=projects[1:], pressure=BAR_RAISER, answer_mode="spoken", seed=3
    )
    turns = list(session.turns.all())
    last_prompt = max(turn.index for turn in turns if turn.kind == PROMPT)
    challenges = [turn for turn in turns if turn.kind == CHALLENGE]
    assert any(turn.index < last_prompt for turn in challenges)
    for challenge in challenges:  # each comes after the prompt of the section it targets
        prompt = next(t for t in turns if t.kind == PROMPT and t.section == challenge.section)
        assert prompt.index < challenge.index


def test_start_session_defaults_give_typing_more_time(user, projects):
    spoken = start_session(user=user, projects=projects, pressure=WARMUP, answer_mode="spoken")
    typed = start_session(user=user, projects=projects, pressure=WARMUP, answer_mode="typed")
    assert spoken.walkthrough_seconds == 180
    assert typed.walkthrough_seconds > spoken.walkthrough_seconds
    assert 60 <= spoken.challenge_seconds <= 120


def test_start_session_prefers_challenges_not_seen_recently(user, projects):
    first = start_session(
        user=user, projects=projects, pressure=STANDARD, answer_mode="typed", seed=1
    )
    second = start_session(
        user=user, projects=projects, pressure=STANDARD, answer_mode="typed", seed=1
    )
    seen = set(first.turns.filter(kind=CHALLENGE).values_list("challenge_slug", flat=True))
    again = set(second.turns.filter(kind=CHALLENGE).values_list("challenge_slug", flat=True))
    assert len(seen & again) < len(seen)


def test_start_session_refuses_someone_elses_project(user, other_user):
    theirs = make_project(other_user, "Not yours")
    with pytest.raises(InterviewError):
        start_session(user=user, projects=[theirs], pressure=WARMUP, answer_mode="typed")


def test_start_session_snapshot_survives_project_edits(session, projects):
    projects[0].title = "Renamed later"
    projects[0].save()
    projects[0].delete()
    first = session.projects.get(order=0)
    assert first.title == "Real-time fraud scoring"
    assert first.metrics[0]["before"] == 2.1


def test_save_draft_ignores_a_stale_version(session):
    save_draft(user=session.user, session_pk=session.pk, index=0, text="newer", version=5)
    with pytest.raises(StaleDraft):
        save_draft(user=session.user, session_pk=session.pk, index=0, text="older", version=4)
    assert session.turns.get(index=0).draft == "newer"


def test_save_draft_over_the_limit_keeps_the_previous_draft(session):
    save_draft(user=session.user, session_pk=session.pk, index=0, text="short", version=1)
    with pytest.raises(AnswerTooLong, match="limit"):
        save_draft(user=session.user, session_pk=session.pk, index=0, text="x" * 9000, version=2)
    assert session.turns.get(index=0).draft == "short"


def test_submit_answer_twice_records_once(session):
    submit_answer(session=session, index=0, text="first")
    with pytest.raises(TurnClosed, match="already answered"):
        submit_answer(session=session, index=0, text="second")
    session.refresh_from_db()
    assert session.current_index == 1
    assert session.turns.get(index=0).answer == "first"


def test_submit_after_deadline_keeps_the_text_and_marks_over_time(session):
    expire_open_turn(session)
    submit_answer(session=session, index=0, text="late but complete")
    turn = session.turns.get(index=0)
    assert (turn.answer, turn.over_time) == ("late but complete", True)
    assert session.turns.get(index=1).opened_at is not None


def test_expired_turn_is_closed_with_its_draft_on_the_next_request(session):
    save_draft(user=session.user, session_pk=session.pk, index=0, text="what I had", version=1)
    expire_open_turn(session)
    turn = sync_session(session=session)
    closed = session.turns.get(index=0)
    assert (closed.answer, closed.over_time, closed.seconds) == ("what I had", True, 60)
    assert closed.answered_at == closed.deadline
    assert turn.index == 1 and session.current_index == 1


def test_autosave_after_deadline_closes_the_turn_with_the_newest_text(session):
    save_draft(user=session.user, session_pk=session.pk, index=0, text="old", version=1)
    expire_open_turn(session)
    with pytest.raises(TurnClosed, match="Time ran out"):
        save_draft(user=session.user, session_pk=session.pk, index=0, text="old and new", version=2)
    assert session.turns.get(index=0).answer == "old and new"


def test_project_out_of_time_skips_its_remaining_questions(session):
    project = session.projects.get(order=0)
    project.deadline = timezone.now() - timedelta(seconds=1)
    project.save()
    expire_open_turn(session)
    turn = sync_session(session=session)
    assert turn.session_project.order == 1
    skipped = session.turns.filter(session_project=project)
    assert all(t.is_answered and t.over_time for t in skipped)


def test_skipped_questions_are_announced_on_the_next_project_and_kept_in_the_transcript(
    session,
):
    project = session.projects.get(order=0)
    project.deadline = timezone.now() - timedelta(seconds=1)
    project.save()
    expire_open_turn(session)  # asked in time; the project's later questions never are
    turn = sync_session(session=session)
    planned = session.turns.filter(session_project=project).count()
    assert round_progress(session, turn).skipped == Skipped(project.title, planned - 1)

    submit_answer(session=session, index=turn.index, text="Search had to answer in 80 ms.")
    assert round_progress(session, sync_session(session=session)).skipped is None
    finish_session(session=session)
    first, second = build_transcript(session)["projects"]
    assert [t.get("skipped", False) for t in first["turns"]] == [False] + [True] * (planned - 1)
    assert not any(t.get("skipped") for t in second["turns"])


def test_a_doubtful_figure_in_an_answer_is_challenged_in_the_same_round(user, projects):
    session = start_session(
        user=user, projects=projects[:1], pressure=STANDARD, answer_mode="typed"
    )
    planned = list(session.turns.values_list("index", "kind", "budget_seconds"))
    project = session.projects.get()
    budget = project.budget_seconds
    submit_answer(
        session=session,
        index=0,
        text="Churn was 9% a month; the retention model reached an AUC of 0.99 on a holdout.",
    )
    challenges = session.turns.filter(kind=CHALLENGE).order_by("index")
    follow = challenges.first()
    assert follow.is_follow_up and "0.99" in follow.question
    assert follow.key_points
    # The follow-up took a planned challenge's place: same turns, same budgets, same clock.
    assert list(session.turns.values_list("index", "kind", "budget_seconds")) == planned
    project.refresh_from_db()
    assert project.budget_seconds == budget


def test_finish_session_freezes_a_transcript_and_queues_grading(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        answer_all(session)
    session.refresh_from_db()
    assert session.status == FINISHED
    grading = Grading.objects.get(pk=session.grading_id)
    assert grading.status == "queued" and len(queued) == 1  # sent to the worker on commit
    data = grading.transcript
    assert data["format"] == "hotseat.transcript/1"
    parsed = parse_transcript(data)
    assert [p.title for p in parsed.projects] == ["Real-time fraud scoring", "Search ranking"]
    turns = [turn for project in data["projects"] for turn in project["turns"]]
    assert [turn["turn"] for turn in turns] == list(range(len(turns)))
    challenge = next(turn for turn in turns if turn["kind"] == "challenge")
    assert {
        "persona",
        "persona_label",
        "reason",
        "challenge",
        "budget_seconds",
        "over_time",
    } <= set(challenge)
    assert grading.project_records[0]["sections"]["problem"].startswith("Checkout fraud")
    assert build_transcript(session) == data


def test_finish_session_early_keeps_the_open_draft_and_drops_unasked_questions(session):
    submit_answer(session=session, index=0, text="problem answer")
    save_draft(user=session.user, session_pk=session.pk, index=1, text="half an answer", version=1)
    grading = finish_session(session=session)
    assert finish_session(session=session) == grading  # finishing twice is harmless
    turns = grading.transcript["projects"][0]["turns"]
    assert [turn["answer"] for turn in turns] == ["problem answer", "half an answer"]
    assert grading.transcript["projects"][1]["turns"] == []
    assert Turn.objects.filter(session=session).count() == 2


def test_finished_session_takes_no_more_answers(session):
    finish_session(session=session)
    with pytest.raises(SessionClosed, match="finished"):
        submit_answer(session=session, index=1, text="too late")
    with pytest.raises(SessionClosed):
        save_draft(user=session.user, session_pk=session.pk, index=1, text="too late", version=9)


def test_abandon_session_stops_without_grading(session):
    abandon_session(session=session)
    session.refresh_from_db()
    assert (session.status, session.grading) == (ABANDONED, None)
    with pytest.raises(SessionClosed, match="abandoned"):
        abandon_session(session=session)
