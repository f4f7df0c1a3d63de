"""The OpenAPI 3 document, generated from the app's routes so no route is ever missing.

Paths, methods, path parameters, roles and summaries come from the URL map
and the views. Request bodies and query parameters come from the pydantic
models each view parses with (`parse(Model)`, `parse_query(Model)`,
`page_args()`), read from the view's own source, so the document follows the
code without a second list to keep in step.
"""
from __future__ import annotations

import inspect
import re

from flask import Flask
from pydantic import BaseModel

from backend import schemas

_BODY_CALL = re.compile(r"\bparse\((\w+)")
_QUERY_CALL = re.compile(r"\bparse_query\((\w+)\)")
_PAGED = re.compile(r"\bpage_args\(\)")
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


def _innermost(view):
    while getattr(view, "__wrapped__", None) is not None:
        view = view.__wrapped__
    return view


def _source(view) -> str:
    try:
        return inspect.getsource(_innermost(view))
    except (OSError, TypeError):
        return ""


def _models_used(view, pattern: re.Pattern) -> list[type[BaseModel]]:
    """The pydantic models a view passes to parse()/parse_query(), resolved in its module."""
    view = _innermost(view)
    found = []
    for name in pattern.findall(_source(view)):
        model = view.__globals__.get(name) or getattr(schemas, name, None)
        if inspect.isclass(model) and issubclass(model, BaseModel) and model not in found:
            found.append(model)
    return found


def _register(model: type[BaseModel], components: dict) -> dict:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        components[name] = definition
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _query_parameters(view, components: dict) -> list[dict]:
    models = _models_used(view, _QUERY_CALL)
    if _PAGED.search(_source(view)):
        models.append(schemas.PageQuery)
    params = []
    for model in models:
        schema = model.model_json_schema()
        for name, prop in schema.get("properties", {}).items():
            params.append({"name": name, "in": "query", "required": name in schema.get("required", []),
                           "schema": {k: v for k, v in prop.items() if k != "title"}})
    return params


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
    if method == "GET":
        operation["parameters"] = operation["parameters"] + _query_parameters(view, components)
    bodies = [_register(m, components) for m in _models_used(view, _BODY_CALL)] if method != "GET" else []
    if bodies:
        schema = bodies[0] if len(bodies) == 1 else {"oneOf": bodies}
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema}}}
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
