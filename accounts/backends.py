"""Every signed-in request needs its user: from the cache, not a query each time."""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.signals import request_finished
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

USER_SECONDS = 10 * 60

# (user id, user or None) that accounts.sessions read with this request's session.
_read_ahead: ContextVar[tuple] = ContextVar("read_ahead", default=(None, None))


def user_key(user_id) -> str:
    return f"auth-user:{user_id}"


def read_ahead(user_id, user) -> None:
    """Keep the cached user read together with the session, for get_user to take."""
    _read_ahead.set((user_id, user))


class CachedUserBackend(ModelBackend):
    """Django's model backend, with the signed-in user kept in the cache between requests.

    Every change to a user goes through `save()` (log-in stamps, password changes, admin edits),
    and saving or deleting a user drops the cached copy, so the session's password hash check
    and `is_active` always see the row as it is.
    """

    def get_user(self, user_id):
        ahead_id, user = _read_ahead.get()
        _read_ahead.set((None, None))  # taken once, by the request that read it
        if user is None or str(ahead_id) != str(user_id):
            user = cache.get(user_key(user_id))
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(user_key(user_id), user, USER_SECONDS)
        return user


@receiver(post_save, sender=get_user_model())
@receiver(post_delete, sender=get_user_model())
def forget_cached_user(sender, instance, **kwargs):
    cache.delete(user_key(instance.pk))


@receiver(request_finished)
def forget_read_ahead(sender, **kwargs):
    """Nothing read ahead for one request outlives it."""
    _read_ahead.set((None, None))
