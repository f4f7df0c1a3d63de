"""Looking up the login session behind a request, fast, with expiry and revocation that hold across processes.

The lookup runs on every logged-in request, so it must not cost a database
round-trip each time. A live session is kept in Redis as `session:<token
hash>` (user id, role, profile ids) for at most SESSION_CACHE_SECONDS (60 s).
Only when that entry is missing does a request read the database: it checks
the session is neither revoked nor expired (SESSION_IDLE_MINUTES without a
request, SESSION_HOURS since login), and writes `last_seen_at` when it is
older than the cache period, so the row is written at most once a minute per
session. An expired session is revoked there and then.

Revocation is immediate in every process. Whatever ends a session (logout,
password change, deactivation, expiry, an admin's action) changes rows:
`auth_sessions.revoked_at` or `users.is_active`. The listeners below see
those changes in the ORM, collect the token hashes concerned, and after the
commit write a `session-ended:<hash>` marker that outlives any entry a
concurrent request could still be caching; a lookup reads both keys in one
round-trip and the marker wins. When Redis cannot be reached, lookups go to
the database, which is always right.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import timedelta

import redis
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app
from flask_login import UserMixin

from backend.extensions import db, redis_handle
from backend.near_cache import near_cache
from backend.models import AuthSession, Doctor, Patient, User, utcnow

log = logging.getLogger(__name__)

_PENDING = "carequeue.sessions_ended"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def _entry_key(digest: str) -> str:
    return f"session:{digest}"


def _ended_key(digest: str) -> str:
    return f"session-ended:{digest}"


def _cache_seconds() -> int:
    return int(current_app.config.get("SESSION_CACHE_SECONDS", 60))


class SessionUser(UserMixin):
    """The logged-in user as the session knows them: id, role and profile ids without a query.

    Anything else (`email`, `patient`, `password_hash`, ...) is read from, and
    written to, the User row, loaded on first use.
    """

    _OWN = frozenset({"session_token", "id", "role", "patient_id", "doctor_id", "_row"})

    def __init__(self, token: str, data: dict) -> None:
        object.__setattr__(self, "session_token", token)
        object.__setattr__(self, "id", data["user_id"])
        object.__setattr__(self, "role", data["role"])
        object.__setattr__(self, "patient_id", data.get("patient_id"))
        object.__setattr__(self, "doctor_id", data.get("doctor_id"))
        object.__setattr__(self, "_row", None)

    def get_id(self) -> str:
        return self.session_token

    @property
    def is_active(self) -> bool:
        return True  # an inactive user has no session

    @property
    def row(self) -> User:
        found = self.__dict__["_row"]
        if found is None or sa.inspect(found).detached:
            found = db.session.get(User, self.__dict__["id"])
            if found is None:
                raise LookupError("the session's user is gone")
            found.session_token = self.__dict__["session_token"]
            object.__setattr__(self, "_row", found)
        return found

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.row, name)

    def __setattr__(self, name: str, value) -> None:
        if name in self._OWN:
            object.__setattr__(self, name, value)
        else:
            setattr(self.row, name, value)


def session_user(token: str | None) -> SessionUser | None:
    """The user behind a live session token, from Redis when it can; None once revoked, expired or deactivated."""
    if not token or len(token) > 128:
        return None
    digest = token_hash(token)
    key = _entry_key(digest)
    near = _near_entry(key)
    if near is not None:
        return SessionUser(token, near)
    client = redis_handle.client()
    if client is not None:
        generation = near_cache.generation()
        try:
            entry, ended = client.mget(key, _ended_key(digest))
        except redis.RedisError as exc:
            redis_handle.trip(exc)
            client = None
        else:
            if ended is not None:
                return None
            if entry is not None:
                try:
                    data = json.loads(entry)
                    user = SessionUser(token, data)
                except (ValueError, KeyError):
                    log.warning("discarding an unreadable session entry")
                else:
                    near_cache.put(key, data, generation)
                    return user
    data = _check_in_database(digest)
    if data is None:
        return None
    if client is not None:
        ttl = int(min(_cache_seconds(), data["expires_at"] - time.time()))
        try:
            if ttl > 0:
                client.set(_entry_key(digest), json.dumps(data, separators=(",", ":")), ex=ttl)
        except redis.RedisError as exc:
            redis_handle.trip(exc)
    return SessionUser(token, data)


def _near_entry(key: str) -> dict | None:
    """This process's copy of a live session entry, dropped everywhere the moment the session ends."""
    near = near_cache.get(key)
    if near is not None and near["expires_at"] > time.time():
        return near
    return None


def near_role(token: str | None) -> str | None:
    """The role of a live session this process already holds, without Redis or the database; None when it
    holds none (the full lookup, `session_user`, then decides). Revoked or expired sessions are never held."""
    if not isinstance(token, str) or not token or len(token) > 128:
        return None
    near = _near_entry(_entry_key(token_hash(token)))
    return near["role"] if near is not None else None


def _check_in_database(digest: str) -> dict | None:
    row = db.session.execute(
        sa.select(AuthSession.id, AuthSession.created_at, AuthSession.last_seen_at, User.id, User.role,
                  Patient.id, Doctor.id)
        .join(User, User.id == AuthSession.user_id)
        .outerjoin(Patient, Patient.user_id == User.id)
        .outerjoin(Doctor, Doctor.user_id == User.id)
        .where(AuthSession.token_hash == digest, AuthSession.revoked_at.is_(None), User.is_active.is_(True))
    ).first()
    if row is None:
        return None
    session_id, created_at, last_seen_at, user_id, role, patient_id, doctor_id = row
    config = current_app.config
    now = utcnow()
    expires_at = created_at + config["PERMANENT_SESSION_LIFETIME"]
    # last_seen_at lags the last request by up to two cache periods; allow one of them.
    idle_limit = config["SESSION_IDLE_TIMEOUT"] + timedelta(seconds=config["SESSION_CACHE_SECONDS"])
    if now >= expires_at or now - (last_seen_at or created_at) > idle_limit:
        _write_now(sa.update(AuthSession).where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
                   .values(revoked_at=now))
        return None
    if last_seen_at is None or (now - last_seen_at).total_seconds() >= config["SESSION_CACHE_SECONDS"]:
        _write_now(sa.update(AuthSession).where(AuthSession.id == session_id).values(last_seen_at=now))
    return {"user_id": user_id, "role": role, "patient_id": patient_id, "doctor_id": doctor_id,
            "expires_at": expires_at.timestamp()}


def _write_now(stmt) -> None:
    """A bookkeeping write on its own connection: it must not commit (or be undone with) the request's work."""
    try:
        with db.engine.begin() as connection:
            connection.execute(stmt)
    except sa.exc.OperationalError as exc:  # a busy database: the next lookup writes it
        log.warning("session bookkeeping skipped: %s", exc)


# ---- revocation, wherever it is written -------------------------------------

def _pending(session: so.Session) -> set[str]:
    return session.info.setdefault(_PENDING, set())


def _hashes_of_users(session: so.Session, user_ids) -> set[str]:
    if not user_ids:
        return set()
    return set(session.execute(
        sa.select(AuthSession.token_hash).where(AuthSession.user_id.in_(list(user_ids)),
                                               AuthSession.revoked_at.is_(None))
    ).scalars())


@sa.event.listens_for(so.Session, "before_flush")
def _collect_from_flush(session: so.Session, _context, _instances) -> None:
    deactivated = []
    for obj in session.dirty:
        if isinstance(obj, AuthSession):
            added = sa.inspect(obj).attrs.revoked_at.history.added
            if added and added[0] is not None:
                _pending(session).add(obj.token_hash)
        elif isinstance(obj, User):
            added = sa.inspect(obj).attrs.is_active.history.added
            if added and not added[0]:
                deactivated.append(obj.id)
    if deactivated:
        _pending(session).update(_hashes_of_users(session, deactivated))


@sa.event.listens_for(so.Session, "do_orm_execute")
def _collect_from_bulk_update(state: so.ORMExecuteState) -> None:
    if not state.is_update:
        return
    mapper = state.bind_mapper
    entity = mapper.class_ if mapper is not None else None
    where = state.statement.whereclause
    if entity is AuthSession:
        stmt = sa.select(AuthSession.token_hash).where(AuthSession.revoked_at.is_(None))
        if where is not None:
            stmt = stmt.where(where)
        _pending(state.session).update(state.session.execute(stmt).scalars())
    elif entity is User and where is not None:
        values = getattr(state.statement, "_values", None) or {}
        if "is_active" in {getattr(k, "key", k) for k in values}:
            user_ids = list(state.session.execute(sa.select(User.id).where(where)).scalars())
            _pending(state.session).update(_hashes_of_users(state.session, user_ids))


@sa.event.listens_for(so.Session, "after_commit")
def _publish_after_commit(session: so.Session) -> None:
    digests = session.info.pop(_PENDING, None)
    if digests:
        forget(digests)


@sa.event.listens_for(so.Session, "after_rollback")
def _drop_after_rollback(session: so.Session) -> None:
    session.info.pop(_PENDING, None)


def forget(digests) -> None:
    """Mark these sessions ended in Redis: drop their entries, and block any entry written late.

    Tried even while the breaker is open (one slow answer under load must not leave a revoked
    session usable from the cache), twice; if Redis cannot be written at all, the entries
    expire within SESSION_CACHE_SECONDS and lookups meanwhile go to the database only if
    Redis is unreachable for them too.
    """
    digests = list(digests)
    near_cache.drop_local([_entry_key(digest) for digest in digests])
    client = redis_handle.client(ignore_breaker=True)
    if client is None:
        return
    marker_ttl = 3 * _cache_seconds()
    for attempt in (1, 2):
        try:
            pipe = client.pipeline(transaction=False)
            for digest in digests:
                pipe.set(_ended_key(digest), "1", ex=marker_ttl)
                pipe.delete(_entry_key(digest))
            pipe.execute()
            # Every process drops its near copy of these sessions before the request that ended them answers.
            near_cache.announce(client, [_entry_key(digest) for digest in digests])
            return
        except redis.RedisError as exc:
            if attempt == 2:
                log.error("could not mark %d ended session(s) in Redis: %s", len(digests), exc)
                redis_handle.trip(exc)
