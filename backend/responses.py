"""Response helpers shared by the blueprints."""
from __future__ import annotations

from flask import Response, jsonify


def cached_json(payload, cache_status: str):
    """JSON with `X-Cache: hit|miss|bypass`, so a client (and a test) can tell where it came from."""
    response = jsonify(payload)
    response.headers["X-Cache"] = cache_status
    return response


def cached_body(cached):
    """A cached response body sent as stored (no parse, no re-serialisation), with its X-Cache header."""
    return Response(cached.body, status=200, mimetype="application/json", headers={"X-Cache": cached.status})
