from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def livez(request):
    """Liveness: the process answers. Touches nothing, so it is also the speed floor."""
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def healthz(request):
    """200 when the database (and Redis, when configured) answers; 503 otherwise."""
    checks = {"database": _database_answers(), "redis": _redis_answers()}
    healthy = all(state in ("ok", "not configured") for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks},
        status=200 if healthy else 503,
    )


def _database_answers() -> str:
    try:
        ContentType.objects.exists()  # any small table Django itself keeps will do
        return "ok"
    except Exception:
        return "down"


def _redis_answers() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1).ping()
        return "ok"
    except redis.RedisError:
        return "down"


def bad_request(request, exception):
    """Django's 400 in the site's layout (handler400); a form over a limit is told which."""
    return render(request, "400.html", _limit_context(exception), status=400)


@require_safe
def too_large(request):
    """The page the proxy shows with its 413, for a body over client_max_body_size (the same
    limit as DATA_UPLOAD_MAX_MEMORY_SIZE: deploy/nginx/site.inc.template)."""
    return render(request, "400.html", _limit_context(RequestDataTooBig()), status=413)


def _limit_context(exception) -> dict:
    return {
        "too_large": isinstance(exception, RequestDataTooBig),
        "too_many_fields": isinstance(exception, TooManyFieldsSent),
        "max_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
    }


def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "home.html")
