"""How gunicorn serves Hotseat wherever it runs: the Dockerfile, docker compose and
bench/load.py all start it in this folder, where gunicorn reads this file.

Three sync workers, each serving one request at a time. On the 2-core benchmark machine they
served every page faster, and with a p99 a third to a half as long, as the 2 gthread workers
× 8 threads used before (docs/BENCHMARKS.md): threads in one process queue for the GIL behind
each other after every wait on PostgreSQL or Redis. A third process fills those waits; a
fourth only added switching. Sync workers expect a proxy in front that buffers slow clients,
as any deploy that terminates TLS has.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", 3))
worker_class = "sync"
