"""/api routes for exports and user-visible jobs."""
from backend.api import bp  # noqa: F401
