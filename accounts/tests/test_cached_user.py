"""The signed-in user comes from the cache, read with the session; every change to the user
row must still count."""

import pytest
from django.urls import reverse

from accounts import sessions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sessions_read_with_their_user(settings):
    """The session store production runs with Redis (here on whichever cache is set up)."""
    settings.SESSION_ENGINE = "accounts.sessions"


def _signed_in(client) -> bool:
    return client.get(reverse("dashboard")).status_code == 200


def test_the_user_is_read_once_then_comes_from_the_cache(
    client_user, django_assert_max_num_queries
):
    assert _signed_in(client_user)
    with django_assert_max_num_queries(2) as queries:  # the session, the dashboard's stamps
        assert _signed_in(client_user)
    assert queries.captured_queries
    assert not any('FROM "auth_user"' in query["sql"] for query in queries.captured_queries)


def test_a_password_changed_elsewhere_signs_the_old_session_out(client_user, user):
    assert _signed_in(client_user)
    user.set_password("another-horse-43")
    user.save()
    assert not _signed_in(client_user)


def test_a_deactivated_user_is_signed_out_on_the_next_request(client_user, user):
    assert _signed_in(client_user)
    user.is_active = False
    user.save()
    assert not _signed_in(client_user)


def test_a_deleted_user_is_signed_out_on_the_next_request(client_user, user):
    assert _signed_in(client_user)
    user.delete()
    assert not _signed_in(client_user)


def test_a_wrong_guess_of_whose_session_it_is_still_signs_in_its_own_user(
    client_user, user, other_user
):
    assert _signed_in(client_user)
    # As if this process remembered the session as someone else's: that user is read ahead.
    sessions._owners[client_user.session.session_key] = str(other_user.pk)
    page = client_user.get(reverse("dashboard"))
    assert page.status_code == 200 and "Welcome back, ada" in page.text
    assert sessions._owners[client_user.session.session_key] == str(user.pk)
