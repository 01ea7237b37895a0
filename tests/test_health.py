import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok(client, settings):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["redis"] == ("ok" if settings.REDIS_URL else "not configured")


def test_livez_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("livez"))
    assert response.json() == {"status": "ok"}


def test_healthz_is_503_when_redis_does_not_answer(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "redis": "down"}


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_static_files_come_from_our_origin(client):
    page = client.get(reverse("home")).text
    assert "/static/css/app.css" in page
    assert "django-htmx" in page or "htmx" in page
    assert "https://" not in page.split("<body")[0]


def test_deploy_check_is_clean_with_debug_off():
    import os
    import subprocess
    import sys

    secret = "a-real-long-random-secret-for-the-deploy-check-1234567890"
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secret}
    env.pop("HTTPS", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_code_version_changes_with_a_template_and_ignores_tests(tmp_path):
    from hotseat.release import code_version

    (tmp_path / "templates").mkdir()
    (tmp_path / "tests").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>old</p>")
    (tmp_path / "tests" / "test_x.py").write_text("x = 1")
    before = code_version(tmp_path)
    (tmp_path / "tests" / "test_x.py").write_text("x = 2")
    assert code_version(tmp_path) == before
    page.write_text("<p>new</p>")
    assert code_version(tmp_path) != before
