from flask import Blueprint

bp = Blueprint("patient", __name__)

from backend.patient import routes  # noqa: E402,F401
from backend.patient import triage_routes  # noqa: E402,F401
