"""Admin blueprint: the clinic's specializations, doctors, patients, appointments, outbox and jobs."""
from backend.admin import outbox_routes, resources_routes, routes  # noqa: F401  (their decorators register the routes on bp)
from backend.admin.blueprint import bp  # noqa: F401
