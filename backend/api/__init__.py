"""API blueprint: utilities for every role (exports, job status, health, the OpenAPI document)."""
from backend.api import jobs_routes, resources_routes, routes  # noqa: F401  (their decorators register the routes on bp)
from backend.api.blueprint import bp  # noqa: F401
