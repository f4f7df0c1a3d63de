"""The OpenAPI 3 document, built from each route's declared contract, so no route is ever missing.

Paths, methods, path parameters, roles and summaries come from the URL map
and the views; request bodies, query parameters and response bodies come from
the pydantic models each route declares with `@contract(...)`
(backend/contracts.py), the same declaration that validates its input.
"""
from __future__ import annotations

import inspect
import re

from flask import Flask
from pydantic import BaseModel

from backend.contracts import PAGE_QUERY, Contract, contract_of

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


def _register(model: type[BaseModel], components: dict) -> dict:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        components[name] = definition
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _query_parameters(declared: Contract | None) -> list[dict]:
    models = [declared.query] if declared and declared.query else []
    if declared and declared.paged:
        models.append(PAGE_QUERY)
    params = []
    for model in models:
        schema = model.model_json_schema()
        for name, prop in schema.get("properties", {}).items():
            params.append({"name": name, "in": "query", "required": name in schema.get("required", []),
                           "schema": {k: v for k, v in prop.items() if k != "title"}})
    return params


def _responses(declared: Contract | None, components: dict) -> dict:
    answers = dict(declared.responses) if declared else {200: None}
    out: dict = {}
    for status, model in sorted(answers.items()):
        if status >= 400:
            out[str(status)] = {"$ref": "#/components/responses/Error"} if model is None else {
                "description": "Error", "content": {"application/json": {"schema": _register(model, components)}}}
        elif model is None:
            out[str(status)] = {"description": "No content" if status == 204 else "Success"}
        else:
            out[str(status)] = {"description": "Success",
                                "content": {"application/json": {"schema": _register(model, components)}}}
    for status in ("400", "404"):
        out.setdefault(status, {"$ref": "#/components/responses/Error"})
    return out


def _operation(app: Flask, rule, method: str, components: dict) -> dict:
    view = app.view_functions[rule.endpoint]
    declared = contract_of(view)
    doc = (declared.summary if declared and declared.summary else None) or inspect.getdoc(view) or ""
    _path, params = _path_and_params(rule.rule)
    roles = _roles(view)
    operation: dict = {
        "operationId": f"{rule.endpoint.replace('.', '_')}_{method.lower()}",
        "tags": [rule.endpoint.split(".")[0]],
        "summary": doc.splitlines()[0] if doc else rule.endpoint.split(".")[-1].replace("_", " ").capitalize(),
        "parameters": params,
        "responses": _responses(declared, components),
    }
    if roles:
        operation["security"] = [{"session": []}]
        operation["description"] = "Roles: " + ", ".join(roles) + "."
        operation["responses"]["401"] = {"$ref": "#/components/responses/Error"}
        operation["responses"]["403"] = {"$ref": "#/components/responses/Error"}
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            operation["parameters"] = params + [{"name": "X-CSRF-Token", "in": "header", "required": True,
                                                 "schema": {"type": "string"}}]
    details = "\n".join(doc.splitlines()[1:]).strip()
    if details:  # the docstring after its first line: the route's contract in words
        operation["description"] = details + ("\n\n" + operation["description"] if "description" in operation else "")
    if method == "GET":
        operation["parameters"] = operation["parameters"] + _query_parameters(declared)
    if declared and declared.body is not None and method != "GET":
        models = declared.body if isinstance(declared.body, tuple) else (declared.body,)
        bodies = [_register(model, components) for model in models]
        schema = bodies[0] if len(bodies) == 1 else {"oneOf": bodies}
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
    if declared and declared.raw_body and method != "GET":
        operation["requestBody"] = {"required": True, "content": {declared.raw_body: {"schema": {"type": "string"}}}}
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
