"""Deep JSON is refused with a 400 on every JSON route, anonymous login included."""
from __future__ import annotations

import pytest

from backend.schemas import MAX_JSON_DEPTH, json_too_deep


def nested(depth: int) -> bytes:
    return b'{"email": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("method, url, role", [
    ("POST", "/auth/login", None),
    ("POST", "/auth/register", None),
    ("PUT", "/patient/profile", "patient"),
    ("POST", "/patient/appointments", "patient"),
])
@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_json_is_a_400_not_a_500(client, factory, method, url, role, depth):
    if role:
        client.login(factory.patient().user.email)
    response = client._call(method, url, data=nested(depth), content_type="application/json")
    assert response.status_code == 400, response.data[:200]
    assert response.get_json()["error"]["code"] == "malformed_json"


def test_reasonable_nesting_still_parses(client):
    response = client.post("/auth/login", data=nested(MAX_JSON_DEPTH - 1), content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "invalid_input"


def test_brackets_inside_strings_do_not_count():
    assert not json_too_deep(b'{"a": "' + b"[" * 500 + b'\\" ['  + b'"}')
    assert json_too_deep(b'{"a": "\\\\"' + b"[" * 40 + b"}")
