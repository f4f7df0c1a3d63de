"""backend/api/openapi.py: the document describes every route and is valid OpenAPI 3."""
from __future__ import annotations

from openapi_spec_validator import validate

from backend.api.openapi import SKIPPED_PREFIXES, _path_and_params


def test_openapi_document_is_valid_and_lists_every_route(app, client):
    answer = client.get("/api/openapi.json")
    assert answer.status_code == 200
    spec = answer.get_json()
    validate(spec)
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(SKIPPED_PREFIXES):
            continue
        path, _ = _path_and_params(rule.rule)
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            if method.lower() not in spec["paths"].get(path, {}):
                missing.append(f"{method} {rule.rule}")
    assert missing == []


def test_request_bodies_and_roles_are_described(client):
    spec = client.get("/api/openapi.json").get_json()
    register = spec["paths"]["/auth/register"]["post"]
    schema_name = register["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(spec["components"]["schemas"][schema_name]["required"]) >= {"email", "password", "full_name"}
    me = spec["paths"]["/auth/me"]["get"]
    assert me["security"] == [{"session": []}]


def test_api_docs_page_loads_swagger_ui_from_pinned_files(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "swagger-ui-bundle.js" in html and "<script>" not in html
    bundle = html.split('src="')[1].split('"')[0]
    assert client.get(bundle).status_code == 200


def test_responses_are_described_by_declared_models(client):
    spec = client.get("/api/openapi.json").get_json()
    booked = spec["paths"]["/patient/appointments"]["post"]["responses"]["201"]
    name = booked["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    appointment = spec["components"]["schemas"][name]["properties"]["appointment"]
    assert appointment["$ref"].endswith("/AppointmentOut")
    assert {"id", "status", "doctor", "date"} <= set(spec["components"]["schemas"]["AppointmentOut"]["required"])
    # Every JSON route that answers 200/201/202 says what it answers with.
    undescribed = [f"{method.upper()} {path}" for path, item in spec["paths"].items() for method, op in item.items()
                   for status in ("200", "201", "202") if status in op["responses"]
                   and "content" not in op["responses"][status] and path not in ("/api/docs",)
                   and not path.endswith(("/download", "/photo"))]  # files, not JSON
    assert undescribed == []


def test_a_body_is_validated_by_the_declared_model(client):
    answer = client.post("/auth/register", json={"email": "x@example.com"})
    assert answer.status_code == 400
    assert set(answer.get_json()["error"]["fields"]) >= {"password", "full_name"}
