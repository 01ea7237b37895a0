"""Redis as a cache that is allowed to go away.

Sessions (cached_db) and rendered fragments sit in the cache, so a Redis outage must cost
speed, not pages: a read that cannot reach Redis is a miss (the session comes from PostgreSQL,
the fragment is rendered again) and a write is dropped.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis import RedisError

logger = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    def _unreachable(self, action: str) -> None:
        logger.warning("Redis cache unreachable (%s); carrying on without it", action)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError:
            self._unreachable("get")
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError:
            self._unreachable("get_many")
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError:
            self._unreachable("has_key")
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError:
            self._unreachable("set")

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError:
            self._unreachable("delete")
            return False
