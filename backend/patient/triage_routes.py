"""/patient/triage routes."""
from backend.patient import bp  # noqa: F401
