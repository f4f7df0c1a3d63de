"""CareQueue configuration.

One `Config` read from the environment when it is instantiated (never at
import time), with `TestConfig` and `ProdConfig` variants. Values left unset
fall back to the embedded defaults: a SQLite file under instance/, an embedded
Redis server, the local SMTP sink and the rule-based triage engine.
"""
from __future__ import annotations

import os
from datetime import timedelta

DEFAULT_SECRET_KEY = "carequeue-development-secret-change-me"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    return int(value) if value is not None else default


def _env_float(name: str, default: float) -> float:
    value = _env(name)
    return float(value) if value is not None else default


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def normalize_database_url(url: str) -> str:
    """Point bare PostgreSQL URLs at psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    """Settings read from the environment at instantiation."""

    TESTING = False
    ENV_NAME = "development"

    def __init__(self) -> None:
        self.SECRET_KEY = _env("SECRET_KEY", DEFAULT_SECRET_KEY)
        # None means "SQLite file under the instance folder", resolved by the factory.
        database_url = _env("DATABASE_URL")
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(database_url) if database_url else None
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        # None means "start (or join) the embedded Redis server".
        self.REDIS_URL = _env("REDIS_URL")
        self.EMBEDDED_REDIS_PORT = _env_int("EMBEDDED_REDIS_PORT", 6391)
        self.CELERY_BROKER_URL = _env("CELERY_BROKER_URL")
        self.CELERY_RESULT_BACKEND = _env("CELERY_RESULT_BACKEND")
        # Cache and health probes must fail fast: see services/cache.py.
        self.REDIS_SOCKET_TIMEOUT = _env_float("REDIS_SOCKET_TIMEOUT", 0.2)
        self.REDIS_BREAKER_SECONDS = _env_float("REDIS_BREAKER_SECONDS", 5.0)
        # How long a process keeps its own copy of a hot Redis entry (0: off); see backend/near_cache.py.
        self.NEAR_CACHE_SECONDS = _env_float("NEAR_CACHE_SECONDS", 2.0)

        self.MAIL_SERVER = _env("MAIL_SERVER", "127.0.0.1")
        self.MAIL_PORT = _env_int("MAIL_PORT", 8025)
        self.MAIL_USERNAME = _env("MAIL_USERNAME")
        self.MAIL_PASSWORD = _env("MAIL_PASSWORD")
        self.MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", False)
        self.MAIL_USE_SSL = _env_bool("MAIL_USE_SSL", False)
        self.MAIL_DEFAULT_SENDER = _env("MAIL_DEFAULT_SENDER", "CareQueue <no-reply@carequeue.local>")
        self.MAIL_TIMEOUT = _env_float("MAIL_TIMEOUT", 10.0)
        # Whether the mail server offers SMTPUTF8: only then are addresses with accents before the @ accepted.
        self.MAIL_SMTPUTF8 = _env_bool("MAIL_SMTPUTF8", False)
        # Where the embedded SMTP sink keeps the messages it receives (.eml files).
        self.MAIL_SINK_DIR = _env("MAIL_SINK_DIR")

        self.CLINIC_NAME = _env("CLINIC_NAME", "CareQueue Clinic")
        self.CLINIC_TIMEZONE = _env("CLINIC_TIMEZONE", "Asia/Dhaka")
        self.CLINIC_CURRENCY = _env("CLINIC_CURRENCY", "BDT")  # ISO 4217 code fees are shown in
        self.EMERGENCY_NUMBER = _env("EMERGENCY_NUMBER", "999")
        self.PUBLIC_URL = _env("PUBLIC_URL", "http://127.0.0.1:5000")

        self.BOOKING_MIN_NOTICE_MINUTES = _env_int("BOOKING_MIN_NOTICE_MINUTES", 60)
        self.BOOKING_HORIZON_DAYS = _env_int("BOOKING_HORIZON_DAYS", 60)
        self.MAX_ACTIVE_BOOKINGS = _env_int("MAX_ACTIVE_BOOKINGS", 3)
        self.CANCEL_CUTOFF_HOURS = _env_int("CANCEL_CUTOFF_HOURS", 2)
        self.SLOT_PUBLISH_DAYS = _env_int("SLOT_PUBLISH_DAYS", 14)
        self.PEDIATRICS_MAX_AGE = _env_int("PEDIATRICS_MAX_AGE", 15)

        self.TRIAGE_PROVIDER = _env("TRIAGE_PROVIDER", "rules")
        # Compile the rule knowledge base when a process starts, so no symptom check waits for it.
        self.TRIAGE_WARM_UP = _env_bool("TRIAGE_WARM_UP", True)
        self.TRIAGE_URL = _env("TRIAGE_URL")
        self.TRIAGE_MODEL = _env("TRIAGE_MODEL")
        self.TRIAGE_API_KEY = _env("TRIAGE_API_KEY")
        self.TRIAGE_TIMEOUT = _env_float("TRIAGE_TIMEOUT", 30.0)
        self.TRIAGE_RATE_LIMIT = _env("TRIAGE_RATE_LIMIT", "10 per hour")
        # Whether the AI provider's model reads images (an Ollama vision model, or OpenAI-compatible image input).
        self.TRIAGE_IMAGES = _env_bool("TRIAGE_IMAGES", False)
        # Symptom-check photos: outside the web root (default instance/triage_photos), shared by web and workers.
        self.TRIAGE_PHOTO_DIR = _env("TRIAGE_PHOTO_DIR")

        self.EXPORT_DIR = _env("EXPORT_DIR")
        self.EXPORT_RETENTION_DAYS = _env_int("EXPORT_RETENTION_DAYS", 7)
        # A queued export not started, or a running one whose file has not grown, for this long is dead.
        self.EXPORT_STALE_SECONDS = _env_int("EXPORT_STALE_SECONDS", 300)
        self.EXPORT_RATE_PER_HOUR = _env_int("EXPORT_RATE_PER_HOUR", 5)
        # Rows fetched and written per batch; progress is committed once per batch.
        self.EXPORT_BATCH_SIZE = _env_int("EXPORT_BATCH_SIZE", 2000)
        # Larger exports are linked from the email instead of attached to it.
        self.EXPORT_ATTACH_MAX_BYTES = _env_int("EXPORT_ATTACH_MAX_BYTES", 5 * 1024 * 1024)

        # Outbox delivery. A 'sending' row older than OUTBOX_RECLAIM_SECONDS belongs to a
        # sender that died: it must be longer than one send can take (MAIL_TIMEOUT per step).
        self.OUTBOX_BATCH_SIZE = _env_int("OUTBOX_BATCH_SIZE", 200)
        self.OUTBOX_RECLAIM_SECONDS = _env_int("OUTBOX_RECLAIM_SECONDS", 600)
        self.OUTBOX_RETRY_BASE_SECONDS = _env_int("OUTBOX_RETRY_BASE_SECONDS", 60)
        self.OUTBOX_RETRY_MAX_SECONDS = _env_int("OUTBOX_RETRY_MAX_SECONDS", 6 * 3600)
        self.OUTBOX_MAX_ATTEMPTS = _env_int("OUTBOX_MAX_ATTEMPTS", 10)
        # After a commit that queued email, nudge the sender instead of waiting for the sweep.
        self.OUTBOX_KICK_AFTER_COMMIT = _env_bool("OUTBOX_KICK_AFTER_COMMIT", True)
        # The longest a request waits to hand work to the broker (a hung Redis); the sweeps catch up.
        self.QUEUE_PUBLISH_TIMEOUT = _env_float("QUEUE_PUBLISH_TIMEOUT", 0.3)

        # Celery. The visibility timeout must exceed the longest task (its hard time
        # limit), or Redis hands a still-running task to a second worker.
        self.CELERY_TASK_SOFT_TIME_LIMIT = _env_int("CELERY_TASK_SOFT_TIME_LIMIT", 1800)
        self.CELERY_TASK_TIME_LIMIT = _env_int("CELERY_TASK_TIME_LIMIT", 1900)
        self.CELERY_VISIBILITY_TIMEOUT = _env_int("CELERY_VISIBILITY_TIMEOUT", 7200)
        # Beat, in the clinic's time zone (HH:MM clinic-local).
        self.REMINDERS_AT = _env("REMINDERS_AT", "08:00")
        self.EVE_REMINDERS_AT = _env("EVE_REMINDERS_AT", "18:00")
        self.MONTHLY_REPORTS_AT = _env("MONTHLY_REPORTS_AT", "09:00")
        self.PUBLISH_SLOTS_AT = _env("PUBLISH_SLOTS_AT", "01:30")
        self.PURGE_EXPORTS_AT = _env("PURGE_EXPORTS_AT", "03:15")
        self.OUTCOME_CHECK_MINUTE = _env_int("OUTCOME_CHECK_MINUTE", 5)
        # Scheduled jobs to run every minute instead (a drill, or the scale-out proof), comma-separated.
        self.SCHEDULE_EVERY_MINUTE = [n.strip() for n in (_env("SCHEDULE_EVERY_MINUTE", "") or "").split(",")
                                      if n.strip()]
        # A task unacknowledged this long that no live worker holds is requeued (services/ops/redelivery.py).
        self.ORPHAN_GRACE_SECONDS = _env_int("ORPHAN_GRACE_SECONDS", 60)

        self.BCRYPT_LOG_ROUNDS = _env_int("BCRYPT_LOG_ROUNDS", 12)
        self.LOGIN_MAX_FAILURES = _env_int("LOGIN_MAX_FAILURES", 5)
        self.LOGIN_LOCKOUT_MINUTES = _env_int("LOGIN_LOCKOUT_MINUTES", 15)
        self.LOGIN_RATE_LIMIT = _env("LOGIN_RATE_LIMIT", "10 per minute")
        # Account recovery and confirmation links.
        self.PASSWORD_RESET_MINUTES = _env_int("PASSWORD_RESET_MINUTES", 30)
        self.EMAIL_CONFIRM_HOURS = _env_int("EMAIL_CONFIRM_HOURS", 72)
        # Two-factor login: always optional; required for admins in production, and for
        # doctors when this is on.
        self.DOCTORS_REQUIRE_2FA = _env_bool("DOCTORS_REQUIRE_2FA", False)
        # A doctor reads a patient's records while they have a booked appointment with the
        # patient, or completed one within this many days.
        self.CARE_ACCESS_DAYS = _env_int("CARE_ACCESS_DAYS", 90)
        # The daily digest for doctors who chose it (clinic-local HH:MM).
        self.DOCTOR_DIGEST_AT = _env("DOCTOR_DIGEST_AT", "07:00")

        self.MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 1024 * 1024)
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
        # A login lasts SESSION_HOURS at most, and ends after SESSION_IDLE_MINUTES without a request.
        self.PERMANENT_SESSION_LIFETIME = timedelta(hours=_env_int("SESSION_HOURS", 12))
        self.SESSION_IDLE_TIMEOUT = timedelta(minutes=_env_int("SESSION_IDLE_MINUTES", 30))
        # How long a process may trust a session it looked up without asking the database again
        # (revocation does not wait for it: see services/accounts/sessions.py).
        self.SESSION_CACHE_SECONDS = _env_int("SESSION_CACHE_SECONDS", 60)
        # The cookie is set when the session changes (login, CSRF token), not on every response.
        self.SESSION_REFRESH_EACH_REQUEST = False
        self.REMEMBER_COOKIE_DURATION = timedelta(days=14)

        # How many proxies in front of the app set X-Forwarded-For/-Proto (0: none, trust no header).
        self.TRUSTED_PROXIES = _env_int("TRUSTED_PROXIES", 0)
        # Strict-Transport-Security; production sends a year unless told otherwise.
        self.HSTS_MAX_AGE = _env_int("HSTS_MAX_AGE", 0)
        # GET /api/health/ready: admins, or monitors sending this token; the report is cached this long.
        self.HEALTH_TOKEN = _env("HEALTH_TOKEN")
        self.HEALTH_CACHE_SECONDS = _env_float("HEALTH_CACHE_SECONDS", 5.0)
        self.RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
        self.RATELIMIT_SWALLOW_ERRORS = True
        self.RATELIMIT_HEADERS_ENABLED = True
        self.CORS_ORIGINS = [o for o in (_env("CORS_ORIGINS", "") or "").split(",") if o]
        self.FRONTEND_CDN = _env_bool("FRONTEND_CDN", False)
        self.JSON_SORT_KEYS = False

    def validate(self) -> None:
        """Refuse settings that are unsafe for this environment."""


class DevConfig(Config):
    ENV_NAME = "development"


class TestConfig(Config):
    TESTING = True
    ENV_NAME = "test"

    def __init__(self) -> None:
        super().__init__()
        self.SECRET_KEY = "test-secret"
        test_db = _env("TEST_DATABASE_URL")
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(test_db) if test_db else "sqlite://"
        self.REDIS_URL = _env("TEST_REDIS_URL")
        # Hashing cost is a production concern; tests check the production value separately.
        self.BCRYPT_LOG_ROUNDS = 4
        # Off unless a test turns it on (a gunicorn started with RATELIMIT_ENABLED=true).
        self.RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", False)
        self.BOOKING_MIN_NOTICE_MINUTES = 60


class ProdConfig(Config):
    ENV_NAME = "production"

    def __init__(self) -> None:
        super().__init__()
        self.SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
        self.HSTS_MAX_AGE = _env_int("HSTS_MAX_AGE", 365 * 24 * 3600)

    def validate(self) -> None:
        if not self.SECRET_KEY or self.SECRET_KEY == DEFAULT_SECRET_KEY or len(self.SECRET_KEY) < 32:
            raise RuntimeError(
                "Refusing to start in production without a SECRET_KEY of at least 32 characters "
                "(set the SECRET_KEY environment variable)."
            )


CONFIGS = {"development": DevConfig, "test": TestConfig, "production": ProdConfig}


def config_from_env() -> Config:
    name = (_env("CAREQUEUE_ENV", "development") or "development").lower()
    try:
        return CONFIGS[name]()
    except KeyError:
        raise RuntimeError(f"Unknown CAREQUEUE_ENV {name!r}; use one of {sorted(CONFIGS)}") from None
