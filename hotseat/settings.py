"""Hotseat settings: one module, everything read from the environment.

With no environment at all this is the embedded default: SQLite, Celery running
tasks inline, a local-memory cache and DEBUG on. Setting SECRET_KEY turns DEBUG
off unless DEBUG says otherwise. environs raises on a malformed value
(DEBUG=maybe, DATABASE_URL=nonsense) instead of guessing.
"""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from environs import Env

from hotseat.release import code_version

BASE_DIR = Path(__file__).resolve().parent.parent

env = Env()
env.read_env(BASE_DIR / ".env", recurse=False)

_secret = env.str("SECRET_KEY", "")
DEBUG = env.bool("DEBUG", not _secret)
if not _secret:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    _secret = "django-insecure-hotseat-local-development-only"
SECRET_KEY = _secret

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "accounts",
    "scoring",
    "projects",
    "challenges",
    "interviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hotseat.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hotseat.middleware.HtmxLoginRedirectMiddleware",
    # Last, so that a locked-out log-in is answered before the view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hotseat.urls"
WSGI_APPLICATION = "hotseat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "hotseat.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite by default; PostgreSQL (psycopg 3) through DATABASE_URL.
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DB_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound on the server let psycopg prepare a query the fifth time a connection
    # runs it; from then on PostgreSQL skips planning it, which took longer than running most
    # of our indexed lookups.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: Celery's broker, Django's cache and the sessions' cache. Without it tasks run inline.
REDIS_URL = env.str("REDIS_URL", "") or None
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A Redis outage costs speed, not pages: a read that cannot reach Redis is a
                # miss and a write is dropped. Fail fast: a miss beats a hung request.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions read from Redis, written through to the database, so a cache flush or an
    # outage logs nobody out. (Not with locmem: a per-process cache would keep a session
    # alive in one worker after logging out in another.)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Keys carry the code's fingerprint (or the deploy's release id), so a deploy never serves a
# fragment rendered by the code it replaced.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", "") or code_version(BASE_DIR)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = timedelta(hours=1)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers an unacknowledged (acks_late) task after this long.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", 300)}
# A grading claimed longer ago than this is taken to have lost its worker (the sweep re-queues).
SCORING_STALE_AFTER_SECONDS = env.float(
    "SCORING_STALE_AFTER_SECONDS", CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Separate queues let several deployments (or test runs) share one Redis.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", "hotseat")
# With Redis down, finishing a session must answer quickly: the grading row stays queued and
# the sweep sends it once Redis is back, so publishing gives up after about a second.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}

# Optional LLM grader: any OpenAI-compatible server. Unset key means heuristic only.
OPENAI_API_KEY = env.str("OPENAI_API_KEY", "")
OPENAI_BASE_URL = env.str("OPENAI_BASE_URL", "") or None
OPENAI_MODEL = env.str("OPENAI_MODEL", "gpt-4o-mini")
OPENAI_TIMEOUT = env.float("OPENAI_TIMEOUT", 30.0)
OPENAI_MAX_RETRIES = env.int("OPENAI_MAX_RETRIES", 2)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Request bodies. The largest honest one is the project form, six sections of 4,000
# characters, which URL-encoding can make 12 bytes each (a 4-byte character is %XX%XX%XX%XX):
# under 300 kB. The proxy (deploy/nginx/site.inc.template) refuses more than 1 MiB with the
# same limit, so gunicorn never reads such a body; a bigger one gets templates/400.html.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
# The project form with its 20 metric rows sends about 160 fields; the drag-and-drop order
# sends one per project.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500

# The client's address. Behind the proxy (docker-compose.yml), which replaces X-Forwarded-For
# with the address it sees, that header's one address is the client's; anywhere else a client
# could write the header itself, so only the connection's own address counts.
TRUSTED_PROXY = env.bool("TRUSTED_PROXY", False)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXY else ("REMOTE_ADDR",)
)
# No proxy's address is in the header, only the client's: a header holding more (something
# in front of the proxy, or a proxy that appends) is ignored rather than trusted.
AXES_IPWARE_PROXY_COUNT = 0

# Log-in throttling: five failures for a username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# English only: without translation machinery, the language a URL, a date or a form message
# is looked up in is this constant rather than a per-request lookup.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security. Everything the page loads comes from this origin; no inline script or style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# HTTPS settings default on whenever DEBUG is off; HTTPS=0 serves plain HTTP
# (a local docker compose run) at the cost of `check --deploy` warnings.
HTTPS = env.bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
