import pytest


@pytest.fixture
def celery_eager():
    """Run queued tasks inline even when REDIS_URL is set (as in CI) and no worker listens."""
    from hotseat.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before
