"""Patient blueprint: profile, doctors, booking, treatments and the symptom check."""
from backend.patient import photo_routes, routes, triage_routes  # noqa: F401  (their decorators register the routes on bp)
from backend.patient.blueprint import bp  # noqa: F401
