"""What every screen of the app needs to know about the clinic, public and the same for everyone."""
from __future__ import annotations

from flask import current_app

# The triage knowledge base's advice comes in these languages.
DEFAULT_LANGUAGES = ("en", "bn")


def public_config() -> dict:
    config = current_app.config
    return {
        "clinic_name": config["CLINIC_NAME"],
        "emergency_number": config["EMERGENCY_NUMBER"],
        "timezone": config["CLINIC_TIMEZONE"],
        "languages": list(config.get("LANGUAGES") or DEFAULT_LANGUAGES),
    }
