"""The OpenAPI 3 document, generated from the app's routes so no route is ever missing.

Paths, methods, path parameters, roles and summaries come from the URL map
and the views; request bodies come from the pydantic models registered in
REQUEST_MODELS (endpoint -> model), which the routes parse with.
"""
from __future__ import annotations

import inspect
import re

from flask import Flask
from pydantic import BaseModel

from backend import schemas

# endpoint -> name of the pydantic model in backend/schemas.py that its body is parsed with.
REQUEST_MODELS: dict[str, str] = {
    "auth.register": "RegisterIn",
    "auth.login": "LoginIn",
    "auth.change_password": "PasswordChangeIn",
    "patient.create_triage": "TriageIn",
}
SKIPPED_PREFIXES = ("static", "spa.")
_CONVERTER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
_TYPES = {"int": {"type": "integer", "minimum": 0}, "float": {"type": "number"}, "path": {"type": "string"},
          None: {"type": "string"}, "string": {"type": "string"}}

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message", "fields"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                       "fields": {"type": "object", "additionalProperties": {"type": "string"}}},
    }},
}


def _path_and_params(rule: str) -> tuple[str, list[dict]]:
    params = []

    def replace(match: re.Match) -> str:
        converter, name = match.group(1), match.group(2)
        params.append({"name": name, "in": "path", "required": True,
                       "schema": dict(_TYPES.get(converter, {"type": "string"}))})
        return "{" + name + "}"

    return _CONVERTER.sub(replace, rule), params


def _roles(view) -> tuple[str, ...] | None:
    while view is not None:
        roles = getattr(view, "allowed_roles", None)
        if roles:
            return roles
        view = getattr(view, "__wrapped__", None)
    return None


def _request_model(endpoint: str) -> type[BaseModel] | None:
    name = REQUEST_MODELS.get(endpoint)
    model = getattr(schemas, name, None) if name else None
    return model if inspect.isclass(model) and issubclass(model, BaseModel) else None


def _operation(app: Flask, rule, method: str, components: dict) -> dict:
    view = app.view_functions[rule.endpoint]
    doc = inspect.getdoc(view) or ""
    _path, params = _path_and_params(rule.rule)
    roles = _roles(view)
    operation: dict = {
        "operationId": f"{rule.endpoint.replace('.', '_')}_{method.lower()}",
        "tags": [rule.endpoint.split(".")[0]],
        "summary": doc.splitlines()[0] if doc else rule.endpoint.split(".")[-1].replace("_", " ").capitalize(),
        "parameters": params,
        "responses": {
            "200": {"description": "Success", "content": {"application/json": {"schema": {"type": "object"}}}},
            "400": {"$ref": "#/components/responses/Error"},
            "404": {"$ref": "#/components/responses/Error"},
        },
    }
    if roles:
        operation["security"] = [{"session": []}]
        operation["description"] = "Roles: " + ", ".join(roles) + "."
        operation["responses"]["401"] = {"$ref": "#/components/responses/Error"}
        operation["responses"]["403"] = {"$ref": "#/components/responses/Error"}
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            operation["parameters"] = params + [{"name": "X-CSRF-Token", "in": "header", "required": True,
                                                 "schema": {"type": "string"}}]
    model = _request_model(rule.endpoint) if method in ("POST", "PUT", "PATCH") else None
    if model is not None:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in schema.pop("$defs", {}).items():
            components[name] = definition
        components[model.__name__] = schema
        operation["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}
    return operation


def build_spec(app: Flask) -> dict:
    paths: dict[str, dict] = {}
    components: dict[str, dict] = {"Error": ERROR_SCHEMA}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint.startswith(SKIPPED_PREFIXES):
            continue
        path, _params = _path_and_params(rule.rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            paths.setdefault(path, {})[method.lower()] = _operation(app, rule, method, components)
    return {
        "openapi": "3.1.0",
        "info": {"title": "CareQueue API", "version": "1.0.0",
                 "description": "Clinic appointments and triage. JSON in and out; errors use one shape."},
        "paths": paths,
        "components": {
            "schemas": components,
            "responses": {"Error": {"description": "An error in the one error shape",
                                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "session"}},
        },
    }
