"""Extension singletons, bound to an app in create_app()."""
from __future__ import annotations

import ipaddress
import logging
import threading
import time

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_bcrypt import Bcrypt
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mail import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

from backend.near_cache import near_cache

log = logging.getLogger(__name__)


class Base(so.DeclarativeBase):
    # Named constraints so migrations are stable on SQLite (batch mode) and PostgreSQL.
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
bcrypt = Bcrypt()
mail = Mail()
cors = CORS()


def client_network() -> str:
    """Rate-limit key: the client's address (the real one once ProxyFix has read TRUSTED_PROXIES hops),
    and for IPv6 its /64, which one household or phone holds whole."""
    address = get_remote_address() or ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


limiter = Limiter(key_func=client_network)


class RedisHandle:
    """A Redis client that fails fast and stops trying for a while after a failure.

    The cache sits in front of the database: an unreachable or hanging Redis
    must cost one short timeout, not seconds on every request. After a failure
    the breaker stays open for `breaker_seconds`, during which `client()`
    answers None and callers fall through to the database at once.
    """

    def __init__(self) -> None:
        self.url: str | None = None
        self._client: redis.Redis | None = None
        self._open_until = 0.0
        self._breaker_seconds = 5.0
        self._lock = threading.Lock()

    def init_app(self, app) -> None:
        self.url = app.config["REDIS_URL"]
        self._breaker_seconds = app.config.get("REDIS_BREAKER_SECONDS", 5.0)
        timeout = app.config.get("REDIS_SOCKET_TIMEOUT", 0.2)
        self._client = redis.Redis.from_url(
            self.url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry_on_timeout=False,
            retry=Retry(NoBackoff(), 0),
            health_check_interval=30,
            decode_responses=True,
        )
        self._open_until = 0.0
        near_cache.configure(self.url, app.config.get("NEAR_CACHE_SECONDS", 2.0), on_outage=self.trip,
                             on_recovery=self.reset)
        app.extensions["redis_handle"] = self

    def client(self, *, ignore_breaker: bool = False) -> redis.Redis | None:
        """The client, or None while the breaker is open (`ignore_breaker` for writes that must be tried).

        The near cache's listener keeps the breaker open for as long as it cannot reach Redis, and
        closes it the moment it subscribes again (see backend/near_cache.py), so requests neither
        wait on a Redis that is down nor skip one that is back.
        """
        if self._client is None or (time.monotonic() < self._open_until and not ignore_breaker):
            return None
        return self._client

    def trip(self, exc: Exception) -> None:
        with self._lock:
            already = time.monotonic() < self._open_until
            self._open_until = time.monotonic() + self._breaker_seconds
        if not already:
            log.warning("redis unavailable, bypassing for %.1fs: %s", self._breaker_seconds, exc)

    def reset(self) -> None:
        self._open_until = 0.0

    def ping(self) -> bool:
        client = self._client
        if client is None:
            return False
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False


redis_handle = RedisHandle()
