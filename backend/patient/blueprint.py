from flask import Blueprint

bp = Blueprint("patient", "backend.patient")
