"""API blueprint: utilities for every role (exports, job status, health, the OpenAPI document)."""
from backend.api import directory_routes, jobs_routes, offline_routes, resources_routes, routes  # noqa: F401
from backend.api.blueprint import bp  # noqa: F401
