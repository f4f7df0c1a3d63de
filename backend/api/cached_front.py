"""The public directory's cached pages, sent before Flask from this process's near copy.

`GET /api/doctors` and `GET /api/doctors/<id>/availability` are the same bytes
for every visitor who is not logged in, and each process already keeps them in
its near copy (backend/near_cache.py), dropped everywhere the moment a booking,
a slot or a doctor changes. When such a request finds its page there, this WSGI
layer sends it at once, as a caching proxy in front of the app would, without
building a request context, opening a session or running the app's hooks.

It answers only what it can answer exactly as the app would:
- GET only, with no session cookie (a logged-in answer carries `no-store`) and
  no `Origin` (CORS headers depend on it);
- a query of at most `page`, `per_page` and `spec_id` (directory) or none
  (free times), each a plain number; anything else, including a page the app
  would refuse, is not in the near copy and goes to the app;
- only a page the near copy holds (the app's own near hit);
- with the headers of the app's own last `hit` answer on that route, learnt from
  it; until the app has sent one, every request goes to the app.
Everything else, misses included, goes to the app unchanged, and the app fills
the near copy as before.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable
from urllib.parse import parse_qsl

from backend.near_cache import near_cache
from backend.services import cache

_AVAILABILITY = re.compile(r"/api/doctors/([1-9][0-9]{0,9})/availability")
_DIRECTORY = "/api/doctors"
_DIRECTORY_PARAMS = frozenset({"page", "per_page", "spec_id"})
_NUMBER = re.compile(r"[1-9][0-9]{0,9}")


class CachedDirectoryFront:
    """WSGI middleware: near hits of the public directory answered without entering Flask."""

    def __init__(self, app: Callable, *, session_cookie: str, default_per_page: int) -> None:
        self.app = app
        self._session_cookie = session_cookie + "="
        self._default_per_page = default_per_page
        self._headers: dict[str, list[tuple[str, str]]] = {}  # route -> the app's hit headers

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        found = self._lookup(environ)
        if found is None:
            return self.app(environ, start_response)
        route, key = found
        headers = self._headers.get(route)
        text = near_cache.get(key) if headers is not None else None
        if text is None:
            return self.app(environ, self._learning(route, start_response))
        body = text.encode()
        start_response("200 OK", [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def _lookup(self, environ: dict) -> tuple[str, str] | None:
        """(route, near-copy key) when this request may be answered here, else None."""
        if environ.get("REQUEST_METHOD") != "GET" or "HTTP_ORIGIN" in environ:
            return None
        if self._session_cookie in environ.get("HTTP_COOKIE", ""):
            return None
        path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
        if path == _DIRECTORY:
            args = _numbers(query, _DIRECTORY_PARAMS)
            if args is None:
                return None
            spec_id = int(args["spec_id"]) if "spec_id" in args else None
            per_page = int(args.get("per_page", self._default_per_page))
            return "directory", cache.doctors_page_key(spec_id, int(args.get("page", 1)), per_page)
        match = _AVAILABILITY.fullmatch(path)
        if match is None or query:
            return None
        return "availability", cache.availability_key(int(match.group(1)), None, None)

    def _learning(self, route: str, start_response: Callable) -> Callable:
        """start_response that remembers the app's headers on a near or Redis hit of `route`."""

        def remember(status: str, headers: list[tuple[str, str]], exc_info=None):
            names = {name.lower() for name, _ in headers}
            if (status.startswith("200 ") and ("X-Cache", cache.HIT) in headers
                    and "set-cookie" not in names):
                self._headers[route] = [(n, v) for n, v in headers if n.lower() != "content-length"]
            return start_response(status, headers, exc_info)

        return remember


def _numbers(query: str, allowed: frozenset[str]) -> dict[str, str] | None:
    """The query's parameters when each is an allowed name given once as a plain number, else None."""
    if not query:
        return {}
    pairs = parse_qsl(query, keep_blank_values=True)
    args = dict(pairs)
    if len(args) != len(pairs) or not set(args) <= allowed:
        return None
    if not all(_NUMBER.fullmatch(value) for value in args.values()):
        return None
    return args
