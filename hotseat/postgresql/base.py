"""Django's PostgreSQL backend, with a health check that costs no round trip.

Django checks a reused connection (CONN_HEALTH_CHECKS) at the start of every request by
running `SELECT 1`: a round trip to PostgreSQL on every request, and more time than most of
our pages' own query. An idle connection has nothing to read unless the server has spoken:
when PostgreSQL restarts or ends the backend it sends an error and closes the socket. So the
socket is polled first, and only a connection with something waiting is put to `SELECT 1`.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        poller = select.poll()
        poller.register(connection.fileno(), select.POLLIN)
        if not poller.poll(0):
            return True  # nothing said since the last query: the connection is as it was
        return super().is_usable()
