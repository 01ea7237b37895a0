import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hotseat.settings")

app = Celery("hotseat")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="hotseat.ping", ignore_result=False)
def ping() -> str:
    """Answers through the broker and result backend: proves a worker is listening."""
    return "pong"
