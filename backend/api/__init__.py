from flask import Blueprint

bp = Blueprint("api", __name__)

from backend.api import routes  # noqa: E402,F401
from backend.api import jobs_routes  # noqa: E402,F401
