"""Sessions as Django's cached_db keeps them, read with their signed-in user in one go."""

from collections import OrderedDict

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db

from accounts import backends

OWNERS_KEPT = 10_000


class SessionStore(cached_db.SessionStore):
    """Django's cached_db session store that reads the session's user from the cache in the
    same round trip as the session. A signed-in request otherwise makes two round trips in
    a row, the session and then the user it names, and each cost about as much CPU as the
    rest of an autosave.

    Whose a session is becomes known only once it is read, so each process remembers it
    from the session's last request. A guess that is missing or wrong costs the second
    round trip, nothing more: the user read ahead is used only for the id the session
    names, by accounts.backends, in this request.
    """

    def load(self):
        owner = _owners.get(self.session_key)
        keys = [self.cache_key] + ([backends.user_key(owner)] if owner else [])
        found = self._cache.get_many(keys)  # the one cache, as for the user (settings)
        backends.read_ahead(owner, found.get(keys[-1]) if owner else None)
        data = found.get(self.cache_key)
        if data is None:
            data = super().load()  # from the database, and back into the cache
        if data.get(SESSION_KEY):
            _owners[self.session_key] = data[SESSION_KEY]
            _owners.move_to_end(self.session_key)
            if len(_owners) > OWNERS_KEPT:
                _owners.popitem(last=False)
        return data


_owners: OrderedDict[str, str] = OrderedDict()  # session key -> the user id it last named
