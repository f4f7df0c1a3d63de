"""Flask's signed session cookie, verified once per process instead of on every request.

A logged-in request spends a good part of its time re-checking the same cookie:
deriving the signing key, the HMAC, base64, zlib and the tagged JSON. The cookie
is signed and never changes while the session's contents don't, so once a
value has verified, this process keeps what it decoded to, keyed by the exact
cookie string, together with when it was signed. A later request with the same
string gets a fresh copy of those contents without the work; the lifetime
(PERMANENT_SESSION_LIFETIME) is still checked against the signing time, and a
string never seen, or changed by a single byte, goes through the full check.
Nothing about revocation lives here: the session row (services/accounts) decides.
"""
from __future__ import annotations

import threading
import time

from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

_MAX_ENTRIES = 20_000


class VerifiedCookieSessionInterface(SecureCookieSessionInterface):
    def __init__(self) -> None:
        self._verified: dict[str, tuple[float, dict]] = {}
        self._serializers: dict[tuple, object] = {}
        self._lock = threading.Lock()

    def get_signing_serializer(self, app):
        # One serializer per key set, not one per request.
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        found = self._serializers.get(keys)
        if found is None:
            found = super().get_signing_serializer(app)
            if found is not None:
                self._serializers[keys] = found
        return found

    def known(self, value: str, max_age: float) -> dict | None:
        """What `value` decoded to when this process has verified it and it is still within max_age, else None.

        The dict is this process's own copy: read it, never change it."""
        found = self._verified.get(value)
        if found is None or time.time() - found[0] > max_age:
            return None
        return found[1]

    def open_session(self, app, request):
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class() if app.secret_key else None
        max_age = app.permanent_session_lifetime.total_seconds()
        known = self.known(value, max_age)
        if known is not None:
            return self.session_class(_copy(known))
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        try:
            data, signed_at = serializer.loads(value, max_age=int(max_age), return_timestamp=True)
        except BadSignature:
            return self.session_class()
        with self._lock:
            if len(self._verified) >= _MAX_ENTRIES:
                self._verified.clear()
            self._verified[value] = (signed_at.timestamp(), _copy(data))
        return self.session_class(data)


def _copy(data: dict) -> dict:
    """A copy a request may change freely (values are strings, numbers and small dicts)."""
    return {key: dict(value) if isinstance(value, dict) else value for key, value in data.items()}
