"""A real `celery worker` subprocess, for the worker tests (conftest) and bench/scoring_grade.py."""

import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def database_url(db_settings) -> str:
    """The DATABASE_URL a worker process needs to reach this database; "" unless PostgreSQL."""
    if db_settings["ENGINE"] != "django.db.backends.postgresql":
        return ""
    auth = db_settings["USER"] or ""
    if db_settings["PASSWORD"]:
        auth += f":{db_settings['PASSWORD']}"
    host = db_settings["HOST"] or "127.0.0.1"
    port = db_settings["PORT"] or 5432
    return f"postgres://{auth}@{host}:{port}/{db_settings['NAME']}"


def die_with_parent():
    """Linux: the worker gets SIGTERM when its parent dies, so no orphan holds the test database."""
    import ctypes
    import signal

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class WorkerProcess:
    """A `celery worker` subprocess bound to the test database; tests may kill it.

    It consumes the queue named by CELERY_QUEUE in `env`. `stdout` goes to subprocess.Popen:
    pass subprocess.DEVNULL to hide the start-up banner (errors still reach stderr)."""

    def __init__(self, env, *, stdout=None):
        self.env = env
        self.stdout = stdout
        self.process = None

    def start(self, timeout=30):
        from hotseat.celery import ping

        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "hotseat",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.stdout,
            preexec_fn=die_with_parent,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"celery worker exited with {self.process.returncode}")
            try:
                if ping.apply_async().get(timeout=2) == "pong":
                    return self
            except Exception:  # not consuming yet
                time.sleep(0.2)
        self.kill()
        raise RuntimeError("celery worker did not answer a ping in time")

    def kill(self):
        """SIGKILL: the worker gets no chance to acknowledge or clean up."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
