"""The history's rows come from a cached fragment; a change to a row must show at once."""

import pytest
from django.urls import reverse

from interviews.services import abandon_session, finish_session
from scoring.services import run_grading

pytestmark = pytest.mark.django_db


def _history(client) -> str:
    return client.get(reverse("interviews:history")).text


def test_history_shows_the_score_once_grading_finishes(client_user, session):
    assert "Resume" in _history(client_user)
    finish_session(session=session)
    assert "Queued" in _history(client_user)
    run_grading(grading_id=session.grading_id)
    session.grading.refresh_from_db()
    assert f"{session.grading.overall:.0f}/100" in _history(client_user)


def test_history_shows_an_abandoned_session_as_such(client_user, session):
    assert "Resume" in _history(client_user)
    abandon_session(session=session)
    page = _history(client_user)
    assert "Resume" not in page and "Abandoned" in page
