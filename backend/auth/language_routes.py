"""/auth/language: the language a person chose, saved on their account (any role)."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from backend import contracts as c
from backend.auth.blueprint import bp
from backend.contracts import contract
from backend.schemas import LanguageIn
from backend.security import login_required
from backend.services.accounts import users as accounts


@bp.put("/language")
@login_required
@contract(body=LanguageIn, responses={200: c.UserBody})
def set_language(body: LanguageIn):
    """Save the app's language (en or bn) on the account: screens, emails and triage advice follow it."""
    return jsonify({"user": accounts.serialize_user(accounts.set_language(current_user, body.language))})
