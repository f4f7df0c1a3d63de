from flask import Blueprint

bp = Blueprint("api", "backend.api")
