"""CPU per request, in this process, through Django's WSGI handler (as gunicorn calls it).

    .venv/bin/python bench/cpu.py [--runs 200] [--calls] [--database hotseat_bench] [ENDPOINT ...]

Reads the database bench/load.py seeded (its bench/.manifest), with production settings, and
times each of load.py's endpoints with `time.process_time`: the Python side of a request,
without gunicorn, the kernel or the database server. It moves much less than wrk's figures
when other work shares the machine, so it is the figure to compare two versions of the code
by; load.py's ratios say what that buys under load. With `--calls` it counts the Python
function calls per request instead (cProfile's count): not time, but the same from run to run
however busy the machine is, so two versions can be told apart even when other work makes
their CPU times move by more than they differ.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import load

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("endpoints", nargs="*", help="load.py's endpoint names (default: all)")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--calls", action="store_true", help="count calls instead of timing")
    load.add_target_arguments(parser)
    args = parser.parse_args()
    load.configure(args.database, args.redis_url, args.port)
    os.environ.update({**load.server_env(), "ALLOWED_HOSTS": "testserver"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import Client, RequestFactory

    from interviews.models import Turn

    browser = Client()
    # Signed in through the model backend, the last in settings (the first is axes').
    browser.force_login(
        get_user_model().objects.get(username="bench"), backend=settings.AUTHENTICATION_BACKENDS[-1]
    )
    browser.get("/dashboard/")  # sets the CSRF cookie
    cookies = "; ".join(f"{name}={cookie.value}" for name, cookie in browser.cookies.items())
    handler = WSGIHandler()
    endpoints = load.endpoints()
    autosave_session, autosave_index = re.search(
        r"/interviews/(\d+)/turns/(\d+)/", endpoints["autosave POST"][0]
    ).groups()
    Turn.objects.filter(session_id=autosave_session, index=autosave_index).update(draft_version=0)
    versions = iter(range(1, 2**31))

    def request(path: str, answer: str | None) -> int:
        if answer is None:
            environ = RequestFactory().get(path).environ
        else:
            body = urlencode({"answer": answer, "draft_version": next(versions)})
            environ = (
                RequestFactory()
                .post(path, body, content_type="application/x-www-form-urlencoded")
                .environ
            )
            environ |= {
                "HTTP_X_CSRFTOKEN": browser.cookies["csrftoken"].value,
                "HTTP_HX_REQUEST": "true",
            }
        environ.setdefault("wsgi.input", io.BytesIO())
        environ["HTTP_COOKIE"] = cookies
        statuses = []
        response = handler(environ, lambda status, headers: statuses.append(status))
        b"".join(response)
        response.close()
        return int(statuses[0].split()[0])

    print(f"{'endpoint':20} {'calls/request' if args.calls else 'median ms CPU':>14}")
    for name, (path, answer) in endpoints.items():
        if args.endpoints and name not in args.endpoints and name != "livez (floor)":
            continue
        for _ in range(5):  # warm: connections, templates, cached fragments
            status = request(path, answer)
        if status != 200:
            raise SystemExit(f"{name}: {path} answered {status}")
        if args.calls:
            profile = cProfile.Profile()
            for _ in range(args.runs):
                profile.runcall(request, path, answer)
            print(f"{name:20} {pstats.Stats(profile).total_calls / args.runs:14.0f}", flush=True)
            continue
        samples = []
        for _ in range(args.runs):
            started = time.process_time()
            request(path, answer)
            samples.append((time.process_time() - started) * 1000)
        print(f"{name:20} {statistics.median(samples):14.2f}", flush=True)


if __name__ == "__main__":
    main()
