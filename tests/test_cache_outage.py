"""Redis holds sessions and rendered fragments; losing it must cost speed, not pages."""

import pytest
from django.urls import reverse

from scoring.tests.review_data import make_grading

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        # As settings.py configures the real one.
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1},
    }
}


def test_pages_answer_with_the_redis_cache_down(client, user, settings):
    settings.CACHES = DEAD_REDIS
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    grading = make_grading(user)
    client.force_login(user)  # the session is written to PostgreSQL; the cache write is dropped
    review = client.get(reverse("scoring:review", args=[grading.pk]))
    assert review.status_code == 200 and "Fix these first" in review.text
    assert "Recent sessions" in client.get(reverse("dashboard")).text
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("dashboard")).status_code == 302
