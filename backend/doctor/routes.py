"""/doctor routes."""
from backend.doctor import bp  # noqa: F401
