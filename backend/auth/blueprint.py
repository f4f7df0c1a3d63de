from flask import Blueprint

bp = Blueprint("auth", "backend.auth")
