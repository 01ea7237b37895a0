import pytest

from hotseat.celery import ping

pytestmark = pytest.mark.worker


def test_task_round_trips_through_a_real_worker(celery_worker_process):
    assert ping.apply_async().get(timeout=10) == "pong"
