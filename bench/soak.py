"""Capacity with nothing lost: candidates in live rounds, autosaving, against gunicorn.

    .venv/bin/python bench/soak.py [--candidates 500] [--seconds 60] [--write]

Seeds the benchmark database like bench/load.py (each candidate signed in, in the middle of a
round, their turn page open), starts gunicorn as production runs it (gunicorn.conf.py) and has
every candidate, for `--seconds`: send a longer draft every 2 seconds (as a typing candidate
does) and load their turn page every 60 seconds, each at their own moment in the minute. Every
turn page must show the last draft the server confirmed, and at the end every candidate's last
confirmed draft must be what PostgreSQL holds; no request may fail.

The candidates are coroutines of one asyncio loop, each request on its own connection as a
browser's would be to sync workers: with a thread per candidate, the client's own threads
waiting for the GIL showed up as seconds of latency, whatever the server did.
"""

import argparse
import asyncio
import html
import os
import random
import sys
import time
from urllib.parse import urlencode

import load

AUTOSAVE_EVERY = 2.0
PAGE_EVERY = 60.0
TIMEOUT = 10.0


class Browser:
    """One candidate's browser: its cookies, and requests on a connection each."""

    def __init__(self, session_cookie: str, csrf_cookie: str):
        self.csrf = csrf_cookie
        self.cookies = f"sessionid={session_cookie}; csrftoken={csrf_cookie}"

    async def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        body = urlencode(form).encode() if form is not None else b""
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{load.PORT}",
            f"Cookie: {self.cookies}",
            "Connection: close",
        ]
        if form is not None:
            head += [
                f"X-CSRFToken: {self.csrf}",
                "HX-Request: true",
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        reader, writer = await asyncio.open_connection("127.0.0.1", load.PORT)
        try:
            writer.write("\r\n".join(head).encode() + b"\r\n\r\n" + body)
            response = await reader.read()  # sync workers close the connection when done
        finally:
            writer.close()
        status, _, rest = response.partition(b"\r\n")
        return int(status.split()[1]), rest.partition(b"\r\n\r\n")[2].decode()


async def candidate(person, seconds, results):
    username, session_pk, index, session_cookie, csrf_cookie = person
    browser = Browser(session_cookie, csrf_cookie)
    turn_page = f"/interviews/{session_pk}/"
    draft_path = f"/interviews/{session_pk}/turns/{index}/draft/"
    rng = random.Random(username)
    text, version, confirmed = "", 0, ""
    errors, stale_pages, saves, pages = 0, 0, [], []

    async def timed(latencies, *args):
        started = time.perf_counter()
        try:
            status, body = await asyncio.wait_for(browser.request(*args), TIMEOUT)
            return body if status == 200 else None
        except (OSError, TimeoutError, IndexError, ValueError):
            return None
        finally:
            latencies.append((time.perf_counter() - started) * 1000)

    # Candidates do not type in lockstep, nor reload together: each has had the page open a while.
    await asyncio.sleep(rng.random() * AUTOSAVE_EVERY)
    start = time.monotonic()
    next_page = start + rng.random() * PAGE_EVERY
    while time.monotonic() - start < seconds:
        if time.monotonic() >= next_page:
            page = await timed(pages, "GET", turn_page)
            if page is None:
                errors += 1
            elif f">{html.escape(confirmed)}</textarea>" not in page:
                stale_pages += 1
            next_page += PAGE_EVERY
        text += rng.choice(["latency ", "p95 ", "92 → 74 ms ", "because ", "I chose "])
        version += 1
        reply = await timed(saves, "POST", draft_path, {"answer": text, "draft_version": version})
        if reply is not None and "Draft saved" in reply:
            confirmed = text
        else:
            errors += 1
        await asyncio.sleep(AUTOSAVE_EVERY - (time.monotonic() - start) % AUTOSAVE_EVERY)
    results[username] = {
        "session": int(session_pk),
        "index": int(index),
        "last": confirmed,
        "errors": errors,
        "stale_pages": stale_pages,
        "saves": saves,
        "pages": pages,
    }


async def soak(people, seconds) -> dict:
    results = {}
    await asyncio.gather(*(candidate(person, seconds, results) for person in people))
    return results


def stored_drafts(results) -> dict:
    import psycopg

    with psycopg.connect(load.DATABASE_URL) as connection:
        rows = connection.execute(
            "SELECT session_id, index, draft FROM interviews_turn WHERE session_id = ANY(%s)",
            ([r["session"] for r in results.values()],),
        ).fetchall()
    return {(session, index): draft for session, index, draft in rows}


def percentiles(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    if not ordered:
        return 0.0, 0.0
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=500)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, help="instead of gunicorn.conf.py's")
    parser.add_argument("--write", action="store_true", help="write docs/BENCHMARKS.md")
    load.add_target_arguments(parser)
    args = parser.parse_args()
    load.configure(args.database, args.redis_url, args.port)

    load.prepare_database(scale=False, candidates=args.candidates)
    load.settle_database()
    args.load_average = os.getloadavg()[0]
    people = [entry.split(":") for entry in load.read_manifest()["candidates"].split(",")]
    server = load.start_gunicorn(args.workers)
    try:
        results = asyncio.run(soak(people, args.seconds))
    finally:
        server.terminate()
        server.wait(20)

    stored = stored_drafts(results)
    lost = [
        name for name, r in results.items() if stored.get((r["session"], r["index"])) != r["last"]
    ]
    errors = sum(r["errors"] for r in results.values())
    stale = sum(r["stale_pages"] for r in results.values())
    saves = [ms for r in results.values() for ms in r["saves"]]
    pages = [ms for r in results.values() for ms in r["pages"]]
    if not saves:
        sys.exit("FAILED: no autosave was sent")
    save_p50, save_p99 = percentiles(saves)
    page_p50, page_p99 = percentiles(pages)
    summary = (
        "| candidates | autosaves | turn pages | errors | drafts lost | pages without the last "
        "draft | autosave p50 / p99 ms | turn page p50 / p99 ms |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        f"| {len(results)} | {len(saves)} | {len(pages)} | {errors} | {len(lost)} | {stale} | "
        f"{save_p50:.1f} / {save_p99:.1f} | {page_p50:.1f} / {page_p99:.1f} |"
    )
    print(summary)
    if args.write:
        load.write_section(
            "## Soak: candidates in live rounds (nothing lost)",
            f"`.venv/bin/python bench/soak.py --candidates {args.candidates} --write`: "
            f"{args.candidates} signed-in candidates for {args.seconds} s, each autosaving every "
            f"{AUTOSAVE_EVERY:.0f} s and loading their turn page every {PAGE_EVERY:.0f} s, "
            f"against {args.workers or load.gunicorn_workers()} gunicorn sync workers; every "
            "page must show the last confirmed draft, and at the end every last confirmed "
            "draft must be what the database holds. Load average when the run started: "
            f"{args.load_average:.1f}.",
            summary,
        )
    if errors or lost or stale or len(results) != len(people):
        sys.exit(f"FAILED: {errors} errors, {stale} stale pages, drafts lost for {lost}")


if __name__ == "__main__":
    sys.exit(main())
