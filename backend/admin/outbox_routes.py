"""/admin routes for sent email (outbox) and jobs."""
from backend.admin import bp  # noqa: F401
