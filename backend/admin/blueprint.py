from flask import Blueprint

bp = Blueprint("admin", "backend.admin")
