"""CareQueue: clinic appointments and triage."""
from __future__ import annotations

import logging
import os

import sqlalchemy as sa
from flask import Flask

from config import DEFAULT_SECRET_KEY, Config, config_from_env

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(config: Config | dict | None = None) -> Flask:
    """Build the application. The only place an app is made.

    `config` is a Config instance, a dict of overrides on top of the
    environment's config, or None for the environment's config.
    """
    app = Flask(__name__, instance_path=os.environ.get("CAREQUEUE_INSTANCE") or os.path.join(PROJECT_ROOT, "instance"))
    from backend.cookie_session import VerifiedCookieSessionInterface

    app.session_interface = VerifiedCookieSessionInterface()
    from backend.services.email.plain_text import finalize

    # Only email templates are rendered by Jinja: text people typed never becomes a link in them.
    app.jinja_options = {**app.jinja_options, "finalize": finalize}
    settings = config if isinstance(config, Config) else config_from_env()
    settings.validate()
    app.config.from_object(settings)
    if isinstance(config, dict):
        app.config.update(config)
    os.makedirs(app.instance_path, exist_ok=True)
    if app.config.get("TRUSTED_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["TRUSTED_PROXIES"])
        # The client address and scheme as the last `hops` proxies saw them; anything a client
        # wrote into those headers itself lies further left and is ignored.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    _resolve_embedded_defaults(app)
    _configure_logging(app)

    from backend.extensions import bcrypt, cors, db, limiter, mail, migrate, redis_handle

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(PROJECT_ROOT, "migrations"), render_as_batch=True)
    bcrypt.init_app(app)
    mail.init_app(app)
    if app.config["CORS_ORIGINS"]:
        cors.init_app(app, origins=app.config["CORS_ORIGINS"], supports_credentials=True)
    redis_handle.init_app(app)
    limiter.init_app(app)
    _limit_only_decorated_routes(app, limiter)
    _tune_sqlite(app, db)

    import backend.models  # noqa: F401  (register every table on the metadata)
    from backend.errors import register_error_handlers
    from backend.security import init_security

    from backend.routing import reject_out_of_range_ids

    init_security(app)
    register_error_handlers(app)
    app.url_value_preprocessor(reject_out_of_range_ids)
    _register_blueprints(app)
    from backend.api.cached_front import CachedDirectoryFront
    from backend.schemas import PageQuery

    # The directory's near hits, public and a patient's own, are sent before Flask (backend/api/cached_front.py).
    app.wsgi_app = CachedDirectoryFront(app.wsgi_app, flask_app=app,
                                        default_per_page=PageQuery.model_fields["per_page"].default)

    from backend.celery_app import celery_init_app

    celery_init_app(app)

    from backend.cli import register_cli
    from backend.triage.cli import register_triage_cli

    register_cli(app)
    register_triage_cli(app)
    if app.config.get("TRIAGE_WARM_UP", True):
        from backend.triage import knowledge

        knowledge.warm_up_in_background()  # the first symptom check must not wait for the compilation
    return app


def _resolve_embedded_defaults(app: Flask) -> None:
    """Fill the settings left unset with the embedded defaults."""
    if app.config.get("SECRET_KEY") in (None, "", DEFAULT_SECRET_KEY):
        # Production refuses to start without its own key (ProdConfig.validate); elsewhere the
        # first run makes a random one and keeps it, so no install signs cookies with a public key.
        app.config["SECRET_KEY"] = _instance_secret_key(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(app.instance_path, "carequeue.db")
    if not app.config.get("REDIS_URL"):
        from backend.embedded import ensure_redis

        app.config["REDIS_URL"] = ensure_redis(app.instance_path, app.config["EMBEDDED_REDIS_PORT"])
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config["REDIS_URL"])
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_timeout": 0.2, "socket_connect_timeout": 0.2})
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    if not app.config.get("MAIL_SINK_DIR"):
        app.config["MAIL_SINK_DIR"] = os.path.join(app.instance_path, "mail")
    if not app.config.get("EXPORT_DIR"):
        app.config["EXPORT_DIR"] = os.path.join(app.instance_path, "exports")
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        # Wait for a concurrent writer instead of failing with "database is locked".
        options.setdefault("connect_args", {"timeout": 30})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _instance_secret_key(instance_path: str) -> str:
    """The key in instance/secret_key, made (random, readable by the owner only) on first use.

    Every process of an install (gunicorn workers, Celery, the CLI) must sign
    with the same key, so the file is published atomically: written aside, then
    linked into place; whoever loses the race reads the winner's key.
    """
    path = os.path.join(instance_path, "secret_key")
    if not os.path.exists(path):
        import secrets

        draft = f"{path}.{os.getpid()}.tmp"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.remove(draft)
    with open(path) as fh:
        return fh.read().strip()


def _limit_only_decorated_routes(app: Flask, limiter) -> None:
    """Every rate limit is on a route's `@limiter.limit`, which checks it when the route runs. The
    extension's app-wide before_request check is only for default and application limits; with none
    configured it decides nothing, yet cost a fifth of a cached listing's time, so it is not installed."""
    manager = limiter.limit_manager
    if manager._default_limits or manager._application_limits:
        return  # someone configured app-wide limits: keep the check that enforces them
    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in hooks:
        hooks.remove(limiter._check_request_limit)
    # Its after_request (limit headers, conditional deductions) and teardown (reset) only act on the
    # state a limit check left on the request; a request whose route has no limit has none, so they
    # run only when it is there.
    from flask.globals import request_ctx

    def limited(hook):
        def run_if_checked(value):
            return hook(value) if hasattr(request_ctx._get_current_object(), "_limiter_request_context") else value

        run_if_checked.__name__ = getattr(hook, "__name__", "limiter_hook")
        return run_if_checked

    inject = type(limiter)._Limiter__inject_headers  # what the extension installs (name-mangled)
    after = app.after_request_funcs.get(None, [])
    after[:] = [limited(h) if getattr(h, "func", None) is inject else h for h in after]
    teardown = app.teardown_request_funcs.get(None, [])
    teardown[:] = [limited(h) if h == limiter._Limiter__release_context else h for h in teardown]


def _tune_sqlite(app: Flask, db) -> None:
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if app.config["SQLALCHEMY_DATABASE_URI"] not in ("sqlite://", "sqlite:///:memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _register_blueprints(app: Flask) -> None:
    from backend.admin import bp as admin_bp
    from backend.api import bp as api_bp
    from backend.auth import bp as auth_bp
    from backend.doctor import bp as doctor_bp
    from backend.patient import bp as patient_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(doctor_bp, url_prefix="/doctor")
    app.register_blueprint(patient_bp, url_prefix="/patient")
    app.register_blueprint(api_bp, url_prefix="/api")
    from backend.spa import bp as spa_bp

    app.register_blueprint(spa_bp)


def _configure_logging(app: Flask) -> None:
    if not app.debug and not app.testing:
        logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"),
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("alembic").setLevel(logging.WARNING)
