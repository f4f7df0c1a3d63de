from flask import Blueprint

bp = Blueprint("doctor", "backend.doctor")
