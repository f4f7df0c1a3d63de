from flask import Blueprint

bp = Blueprint("doctor", __name__)

from backend.doctor import routes  # noqa: E402,F401
