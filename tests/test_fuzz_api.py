"""Property-based fuzzing of every documented route (schemathesis on /api/openapi.json).

For each operation, valid and invalid requests are generated from the OpenAPI
document and sent as the role the route is for: nothing a client sends may
produce a 5xx, and every error answers in the one error shape.
"""
from __future__ import annotations

from datetime import time, timedelta

import pytest
import schemathesis
import sqlalchemy as sa
from jsonschema import Draft202012Validator
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from backend.extensions import db
from backend.models import Doctor, LoginThrottle, User
from backend.services.clock import clinic_today
from tests.conftest import ApiClient

EXAMPLES_PER_MODE = 12
# Ending the session or changing the password would log the fuzzing browser out mid-run;
# these routes have their own tests.
SESSION_ENDING = {("POST", "/auth/logout"), ("POST", "/auth/password")}


@pytest.fixture
def clinic(factory, make_appointment):
    """A little data so that generated ids often point at real records."""
    doctor = factory.doctor("Dermatology", email="doc@example.com")
    patient = factory.patient(email="pat@example.com")
    factory.admin(email="admin@example.com")
    day = clinic_today() + timedelta(days=3)
    for hour in (9, 10, 11):
        factory.slot(doctor, day=day, start=time(hour, 0))
    make_appointment(patient=patient, doctor=doctor, day=day, start=time(14, 0))
    return {"doctor": "doc@example.com", "patient": "pat@example.com", "admin": "admin@example.com"}


def _reactivate_everyone() -> None:
    db.session.execute(sa.update(User).values(is_active=True))
    db.session.execute(sa.delete(LoginThrottle))
    db.session.execute(sa.update(Doctor).values(is_active=True))
    db.session.commit()


def _role_for(operation_spec: dict) -> str | None:
    description = operation_spec.get("description", "")
    if not description.startswith("Roles: "):
        return None
    return description[len("Roles: "):].rstrip(".").split(", ")[0]


def _check(response, label: str, spec: dict | None = None, documented: dict | None = None) -> None:
    assert response.status_code < 500, f"{label} -> {response.status_code}: {response.get_data(as_text=True)[:300]}"
    if response.status_code >= 400 and response.mimetype == "application/json":
        error = response.get_json()["error"]
        assert set(error) == {"code", "message", "fields"}, label
    if spec is not None and documented is not None:
        check_body_against_document(response, label, spec, documented)


def response_schema(spec: dict, documented: dict, status: int) -> dict | None:
    """The JSON schema the document promises for this status, with its components in reach of its $refs."""
    answer = documented.get("responses", {}).get(str(status))
    if answer is None:
        return None
    if "$ref" in answer:
        answer = spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    schema = answer.get("content", {}).get("application/json", {}).get("schema")
    return None if schema is None else {**schema, "components": spec["components"]}


def check_body_against_document(response, label: str, spec: dict, documented: dict) -> None:
    status = response.status_code
    if str(status) not in documented.get("responses", {}):
        # Any route may answer an error in the one error shape (checked above); a success must be declared.
        assert status >= 400, f"{label}: status {status} is not documented"
        return
    schema = response_schema(spec, documented, status)
    if schema is None or response.mimetype != "application/json":
        return
    errors = sorted(Draft202012Validator(schema).iter_errors(response.get_json()), key=str)
    assert not errors, f"{label} -> {status}: body does not match the document: {errors[0].message}"


@pytest.mark.slow
def test_no_generated_request_causes_a_server_error(app, new_client, clinic):
    spec = new_client().get("/api/openapi.json").get_json()
    schema = schemathesis.openapi.from_dict(spec)
    checked = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        method, path = operation.method.upper(), operation.path
        if (method, path) in SESSION_ENDING:
            continue
        role = _role_for(spec["paths"][path][operation.method])
        browser = new_client()
        if role is not None:
            _reactivate_everyone()  # an earlier operation may have deactivated the account
            browser.login(clinic[role])
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode)

            @given(case=strategy)
            @settings(max_examples=EXAMPLES_PER_MODE, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def send(case):
                kwargs = case.as_transport_kwargs(base_url="")
                headers = {k: v for k, v in kwargs.get("headers", {}).items()
                           if k.lower() not in ("x-csrf-token", "cookie")}
                request = {"method": kwargs["method"], "query_string": kwargs.get("params") or {},
                           "headers": headers}
                if "json" in kwargs:
                    request["json"] = kwargs["json"]
                elif kwargs.get("data") is not None:
                    request["data"] = kwargs["data"]
                response = browser._call(request.pop("method"), case.formatted_path, **request)
                _check(response, f"{method} {case.formatted_path} {mode.value}", spec,
                       spec["paths"][path][operation.method])

            try:
                send()
            except Unsatisfiable:
                # An operation with no parameters or body has nothing to make invalid.
                assert mode is GenerationMode.NEGATIVE, f"{method} {path}: no valid request could be generated"
                continue
            checked += 1
    assert checked >= 80  # the document has 50+ operations, most with something to make invalid


def test_fuzz_check_catches_a_server_error(make_app):
    """The check above is not vacuous: a route that fails is reported."""
    app = make_app()

    @app.get("/broken")
    def broken():
        raise RuntimeError("boom")

    with pytest.raises(AssertionError, match="500"):
        _check(ApiClient(app.test_client()).get("/broken"), "GET /broken")


def test_body_check_catches_a_response_that_breaks_the_document(make_app):
    """A 200 whose body lacks a promised field, or has the wrong type, is reported."""
    app = make_app()

    @app.get("/wrong-csrf")
    def wrong():
        return {"csrf_token": 12}

    @app.get("/missing-csrf")
    def missing():
        return {"token": "x"}

    client = ApiClient(app.test_client())
    spec = client.get("/api/openapi.json").get_json()
    documented = spec["paths"]["/auth/csrf"]["get"]
    for url in ("/wrong-csrf", "/missing-csrf"):
        with pytest.raises(AssertionError, match="does not match the document"):
            check_body_against_document(client.get(url), url, spec, documented)
    check_body_against_document(client.get("/auth/csrf"), "/auth/csrf", spec, documented)
