from flask import Blueprint

bp = Blueprint("admin", __name__)

from backend.admin import routes  # noqa: E402,F401
from backend.admin import outbox_routes  # noqa: E402,F401
