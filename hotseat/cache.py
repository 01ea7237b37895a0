"""Redis as a cache that is allowed to go away.

Sessions (cached_db) and rendered fragments sit in the cache, so a Redis outage must cost
speed, not pages: a read that cannot reach Redis is a miss (the session comes from PostgreSQL,
the fragment is rendered again) and a write is dropped.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import RedisError

logger = logging.getLogger(__name__)


class ReusedRedisClient(RedisCacheClient):
    """Django builds a new `redis.Redis` for every command, and each one sets up its table of
    response callbacks (a few hundred dict entries): a measurable share of a cached page. One
    client per connection pool is enough; it is thread-safe and takes connections from the pool.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisClient

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
