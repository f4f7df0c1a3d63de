"""/admin routes."""
from backend.admin import bp  # noqa: F401
