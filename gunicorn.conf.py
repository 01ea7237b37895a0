"""How gunicorn serves Hotseat wherever it runs: the Dockerfile, docker compose and
bench/load.py all start it in this folder, where gunicorn reads this file.

Three sync workers, each serving one request at a time. On the 2-core benchmark machine they
served every page faster, with a p99 of 25-65 ms against 60-150 ms, than the 2 gthread
workers x 8 threads used before (docs/BENCHMARKS.md): threads in one process queue for the
GIL behind each other after every wait on PostgreSQL or Redis. A third process fills those
waits; a fourth only added switching. Sync workers expect a proxy in front that buffers slow
clients, as any deploy that terminates TLS has.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY") or 3)
worker_class = "sync"

# Behind the proxy every connection comes from the proxy, so the access log (when one is
# asked for, as compose does) starts with the client's address from X-Forwarded-For, which
# the proxy writes (deploy/nginx/site.inc.template); "-" when a request did not pass it.
access_log_format = (
    '%({x-forwarded-for}i)s via %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'
)
