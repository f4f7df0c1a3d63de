"""Doctor blueprint: a doctor's schedule, slots, queue and visit outcomes."""
from backend.doctor import photo_routes, routes  # noqa: F401  (their decorators register the routes on bp)
from backend.doctor.blueprint import bp  # noqa: F401
