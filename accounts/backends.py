"""Every signed-in request needs its user: from the cache, not a query each time."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

USER_SECONDS = 10 * 60


def _key(user_id) -> str:
    return f"auth-user:{user_id}"


class CachedUserBackend(ModelBackend):
    """Django's model backend, with the signed-in user kept in the cache between requests.

    Every change to a user goes through `save()` (log-in stamps, password changes, admin edits),
    and saving or deleting a user drops the cached copy, so the session's password hash check
    and `is_active` always see the row as it is.
    """

    def get_user(self, user_id):
        user = cache.get(_key(user_id))
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(_key(user_id), user, USER_SECONDS)
        return user


@receiver(post_save, sender=get_user_model())
@receiver(post_delete, sender=get_user_model())
def forget_cached_user(sender, instance, **kwargs):
    cache.delete(_key(instance.pk))
