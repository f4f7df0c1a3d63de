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

A patient's own listing and free times (`GET /patient/doctors` and
`GET /patient/doctors/<id>/availability`) are the same bytes too, behind a
login. They are sent from here only when everything the app would check is
already known to this process and passes:
- the session cookie is one this process has verified, within its lifetime
  (backend/cookie_session.py);
- the login session behind it is in this process's near copy, which holds only
  live sessions and is dropped in every process the moment a session ends
  (services/accounts/sessions.py `near_role`);
- its role is one the route allows (the route's own `role_required` roles) and
  needs no two-factor setup;
- and the app's last hit on that route for a logged-in patient, with its
  headers (`Cache-Control: no-store` among them), has been learnt.
Anything else, including a cookie or session this process has not seen yet,
goes to the app, which answers 401 or 403 as before and fills what it read.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable
from urllib.parse import parse_qsl

from werkzeug.http import parse_cookie

from backend.near_cache import near_cache
from backend.services import cache
from backend.services.accounts import sessions, two_factor

_AVAILABILITY = re.compile(r"/api/doctors/([1-9][0-9]{0,9})/availability")
_DIRECTORY = "/api/doctors"
_PATIENT_AVAILABILITY = re.compile(r"/patient/doctors/([1-9][0-9]{0,9})/availability")
_PATIENT_DIRECTORY = "/patient/doctors"
# route -> the endpoint whose `role_required` roles decide who may be answered here
_LOGGED_IN_ENDPOINTS = {"patient-directory": "patient.list_doctors",
                        "patient-availability": "patient.doctor_availability"}
_DIRECTORY_PARAMS = frozenset({"page", "per_page", "spec_id"})
_NUMBER = re.compile(r"[1-9][0-9]{0,9}")


class CachedDirectoryFront:
    """WSGI middleware: near hits of the public directory answered without entering Flask."""

    def __init__(self, app: Callable, *, flask_app, default_per_page: int) -> None:
        self.app = app
        self._cookie_name = flask_app.config["SESSION_COOKIE_NAME"]
        self._session_cookie = self._cookie_name + "="
        self._default_per_page = default_per_page
        self._headers: dict[str, list[tuple[str, str]]] = {}  # route -> the app's hit headers
        self._flask = flask_app
        self._config = flask_app.config
        self._cookies = flask_app.session_interface
        self._roles = {route: getattr(flask_app.view_functions[endpoint], "allowed_roles", ())
                       for route, endpoint in _LOGGED_IN_ENDPOINTS.items()}

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
        path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
        cookies = environ.get("HTTP_COOKIE", "")
        if path.startswith("/patient/"):
            found = self._page(path, query, _PATIENT_DIRECTORY, _PATIENT_AVAILABILITY)
            if found is None or not self._allowed(found[0], cookies):
                return None
            return f"patient-{found[0]}", found[1]
        if self._session_cookie in cookies:
            return None  # a logged-in answer to a public route carries no-store: the app sends it
        return self._page(path, query, _DIRECTORY, _AVAILABILITY)

    def _page(self, path: str, query: str, directory: str, availability: re.Pattern) -> tuple[str, str] | None:
        """("directory" or "availability", near-copy key) for a page this layer may send, else None."""
        if path == directory:
            args = _numbers(query, _DIRECTORY_PARAMS)
            if args is None:
                return None
            spec_id = int(args["spec_id"]) if "spec_id" in args else None
            per_page = int(args.get("per_page", self._default_per_page))
            return "directory", cache.doctors_page_key(spec_id, int(args.get("page", 1)), per_page)
        match = availability.fullmatch(path)
        if match is None or query:
            return None
        return "availability", cache.availability_key(int(match.group(1)), None, None)

    def _allowed(self, page: str, cookie_header: str) -> bool:
        """Whether the request's login is already known here to be a live session the route admits."""
        if self._session_cookie not in cookie_header:
            return False
        value = parse_cookie(cookie_header).get(self._cookie_name)  # as Flask reads it
        max_age = self._flask.permanent_session_lifetime.total_seconds()
        data = self._cookies.known(value, max_age) if value else None
        if data is None:
            return False
        role = sessions.near_role(data.get("_user_id"))  # the key Flask-Login keeps the session token in
        return (role is not None and role in self._roles[f"patient-{page}"]
                and not two_factor.required_for_role(role, self._config))

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
