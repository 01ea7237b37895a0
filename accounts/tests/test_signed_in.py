"""A session stays signed in only while its user row allows it; with Redis set up, sessions
are read from the cache (cached_db), and every change to the user row must still count."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _signed_in(client) -> bool:
    return client.get(reverse("dashboard")).status_code == 200


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
