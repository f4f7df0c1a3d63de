"""Auth blueprint: registration, login, logout and the CSRF token."""
from backend.auth import language_routes, routes  # noqa: F401  (their decorators register the routes on bp)
from backend.auth.blueprint import bp  # noqa: F401
