"""Load held, nothing lost: 50 candidates autosaving every 2 s for 60 s against gunicorn.

    .venv/bin/python bench/soak.py [--candidates 50] [--seconds 60] [--write]

Seeds the benchmark database like bench/load.py, starts gunicorn with production settings,
logs each candidate in, and has each one send a longer draft every 2 seconds (as a typing
candidate does). At the end every candidate's last draft the server confirmed must be what
PostgreSQL holds, and no request may have failed.
"""

import argparse
import os
import random
import sys
import threading
import time
import urllib.error

import load


def candidate(session, username, session_pk, index, seconds, results, lock):
    path = f"/interviews/{session_pk}/turns/{index}/draft/"
    rng = random.Random(username)
    text, version, sent, errors, latencies = "", 0, None, 0, []
    deadline = time.monotonic() + seconds
    time.sleep(rng.random() * 2)  # candidates do not type in lockstep
    while time.monotonic() < deadline:
        text += rng.choice(["latency ", "p95 ", "92 → 74 ms ", "because ", "I chose "])
        version += 1
        started = time.perf_counter()
        try:
            page = session.post(path, {"answer": text, "draft_version": version})
            if "Draft saved" not in page:
                errors += 1
            else:
                sent = text
        except (urllib.error.URLError, OSError):
            errors += 1
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(max(0.0, 2 - (time.perf_counter() - started)))
    with lock:
        results[username] = {
            "session": session_pk,
            "index": index,
            "last": sent,
            "errors": errors,
            "latencies": latencies,
        }


def stored_drafts(results) -> dict:
    import psycopg

    with psycopg.connect(load.DATABASE_URL) as connection:
        rows = connection.execute(
            "SELECT session_id, index, draft FROM interviews_turn WHERE session_id = ANY(%s)",
            ([r["session"] for r in results.values()],),
        ).fetchall()
    return {(session, index): draft for session, index, draft in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--write", action="store_true", help="write docs/BENCHMARKS.md")
    load.add_target_arguments(parser)
    args = parser.parse_args()
    load.configure(args.database, args.redis_url, args.port)

    load.prepare_database(scale=False, candidates=args.candidates)
    manifest = load.read_manifest()
    server = load.start_gunicorn(args.workers)
    results, lock = {}, threading.Lock()
    try:
        # Log-ins first: password hashing is deliberately slow and is not what this measures.
        people = []
        for entry in manifest["candidates"].split(","):
            session = load.Session()
            session.log_in(entry.split(":")[0])
            people.append((session, *entry.split(":")))
        threads = [
            threading.Thread(target=candidate, args=(*person, args.seconds, results, lock))
            for person in people
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(20)

    stored = stored_drafts(results)
    lost = [
        name
        for name, r in results.items()
        if stored.get((int(r["session"]), int(r["index"]))) != r["last"]
    ]
    errors = sum(r["errors"] for r in results.values())
    latencies = sorted(ms for r in results.values() for ms in r["latencies"])
    requests = len(latencies)
    if not requests:
        sys.exit("FAILED: no autosave was sent")
    p50 = latencies[requests // 2]
    p99 = latencies[min(requests - 1, int(requests * 0.99))]
    summary = (
        f"| candidates | requests | errors | drafts lost | p50 ms | p99 ms |\n"
        f"| ---: | ---: | ---: | ---: | ---: | ---: |\n"
        f"| {len(results)} | {requests} | {errors} | {len(lost)} | {p50:.1f} | {p99:.1f} |"
    )
    print(summary)
    if args.write:
        load.write_section(
            "## Autosave soak (nothing lost)",
            f"`.venv/bin/python bench/soak.py --write`: {args.candidates} candidates, one autosave "
            f"every 2 s each for {args.seconds} s; then every candidate's last confirmed draft is "
            "compared with the database.",
            summary,
        )
    if errors or lost or len(results) != args.candidates:
        sys.exit(f"FAILED: {errors} errors, drafts lost for {lost}")


if __name__ == "__main__":
    sys.exit(main())
