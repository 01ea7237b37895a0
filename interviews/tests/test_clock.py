from datetime import UTC, datetime, timedelta

from interviews import clock

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def test_remaining_seconds_counts_down_and_stops_at_zero():
    deadline = T0 + timedelta(seconds=90)
    assert clock.remaining_seconds(deadline, T0) == 90
    assert clock.remaining_seconds(deadline, T0 + timedelta(seconds=30)) == 60
    assert clock.remaining_seconds(deadline, T0 + timedelta(seconds=300)) == 0


def test_turn_deadline_is_capped_by_the_project_deadline():
    project_deadline = T0 + timedelta(seconds=60)
    own = clock.turn_deadline(opened_at=T0, budget_seconds=30, project_deadline=project_deadline)
    capped = clock.turn_deadline(opened_at=T0, budget_seconds=90, project_deadline=project_deadline)
    assert own == T0 + timedelta(seconds=30)
    assert capped == project_deadline


def test_close_submitted_after_deadline_is_over_time():
    deadline = T0 + timedelta(seconds=30)
    on_time = clock.close_submitted(opened_at=T0, deadline=deadline, now=T0 + timedelta(seconds=20))
    late = clock.close_submitted(opened_at=T0, deadline=deadline, now=T0 + timedelta(seconds=31))
    assert (on_time.seconds, on_time.over_time) == (20, False)
    assert (late.seconds, late.over_time) == (31, True)


def test_close_expired_counts_the_budget_however_late_it_is_noticed():
    deadline = T0 + timedelta(seconds=30)
    closing = clock.close_expired(opened_at=T0, deadline=deadline)
    assert closing == clock.Closing(answered_at=deadline, seconds=30, over_time=True)


def test_prompt_budget_splits_the_walkthrough_over_six_sections():
    assert clock.prompt_budget(180) == 30
    assert clock.prompt_budget(3) == 1


def test_close_expired_when_opened_after_the_deadline_takes_no_time():
    deadline = T0 - timedelta(seconds=5)
    closing = clock.close_expired(opened_at=T0, deadline=deadline)
    assert closing == clock.Closing(answered_at=T0, seconds=0, over_time=True)
