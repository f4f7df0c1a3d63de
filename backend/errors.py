"""One JSON error shape for every failure.

`{"error": {"code": "...", "message": "...", "fields": {...}}}` with the right
status. Services raise the domain errors below; this module maps them, and
every HTTP and unexpected error, onto that shape in one place. Messages are
written in English and answered in the reader's language (backend/messages).
"""
from __future__ import annotations

import logging
from typing import Callable

from flask import Flask, has_request_context, jsonify, request
from flask_login import current_user
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from backend.extensions import db
from backend.messages import LANGUAGES, Message, choose_language, translate, translate_fields

log = logging.getLogger(__name__)


class DomainError(Exception):
    status = 400
    code = "bad_request"
    message = "The request could not be processed."

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 fields: dict[str, str] | None = None, status: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message
        self.code = code or self.code
        self.fields = fields or {}
        self.headers = headers or {}
        if status is not None:
            self.status = status


class InvalidInput(DomainError):
    status, code, message = 400, "invalid_input", "Some fields are invalid."


class NotAuthenticated(DomainError):
    status, code, message = 401, "not_authenticated", "Please log in."


class NotAllowed(DomainError):
    status, code, message = 403, "forbidden", "You are not allowed to do this."


class NotFound(DomainError):
    status, code, message = 404, "not_found", "Not found."


class Conflict(DomainError):
    status, code, message = 409, "conflict", "This conflicts with the current state."


class SlotTaken(Conflict):
    code, message = "slot_taken", "This slot has just been taken. Please choose another one."


class RuleViolation(DomainError):
    """A well-formed request that the clinic's rules do not allow (422)."""

    status, code, message = 422, "rule_violation", "This is not allowed by the clinic's rules."


class TooManyRequests(DomainError):
    status, code, message = 429, "rate_limited", "Too many requests. Please wait and try again."


class Unavailable(DomainError):
    status, code, message = 503, "unavailable", "A required service is unavailable."


# ---- database constraints ---------------------------------------------------
# Each constraint the database enforces, by name, and the domain error a client
# sees when a write breaks it. PostgreSQL names the constraint; SQLite names the
# column (UNIQUE) or nothing (FOREIGN KEY), so both spellings are listed.

def _email_taken() -> DomainError:
    return Conflict("An account with this email already exists.", code="email_taken",
                    fields={"email": "This email is already registered."})


def _specialization_name_taken() -> DomainError:
    return Conflict("A specialization with this name exists.", code="name_taken",
                    fields={"name": "This name is already used."})


def _specialization_in_use() -> DomainError:
    return Conflict("Doctors still have this specialization; move them first.", code="specialization_in_use")


def _already_completed() -> DomainError:
    return Conflict("This appointment is already completed.", code="already_completed")


CONSTRAINT_ERRORS: dict[str, Callable[[], DomainError]] = {
    "ix_users_email": _email_taken,
    "users.email": _email_taken,
    "uq_specializations_name_key": _specialization_name_taken,
    "specializations.name_key": _specialization_name_taken,
    "uq_specializations_name": _specialization_name_taken,
    "specializations.name": _specialization_name_taken,
    "fk_doctors_specialization_id_specializations": _specialization_in_use,
    "uq_appointments_booked_slot": SlotTaken,
    "appointments.slot_id": SlotTaken,
    "uq_treatments_appointment_id": _already_completed,
    "treatments.appointment_id": _already_completed,
}


def constraint_of(exc: IntegrityError) -> str | None:
    """The name of the constraint an IntegrityError broke, as far as the driver tells."""
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return name
    message = str(exc.orig)
    marker = "constraint failed: "
    if marker in message:
        # SQLite: "UNIQUE constraint failed: users.email" (first column of a composite one).
        return message.split(marker, 1)[1].split(",")[0].strip().removeprefix("index ").strip("'")
    return None


def conflict_for(exc: IntegrityError, default: Callable[[], DomainError] | None = None) -> DomainError:
    factory = CONSTRAINT_ERRORS.get(constraint_of(exc) or "") or default
    if factory is None:
        log.warning("unmapped constraint violation: %s", exc.orig)
        return Conflict("This change conflicts with existing data.", code="conflict")
    return factory()


def commit_or_conflict(*, flush: bool = False, default: Callable[[], DomainError] | None = None) -> None:
    """Commit (or only flush) the session; a broken constraint becomes its domain error, nothing half-written.

    `default` names the error for a violation the driver does not name (SQLite's
    foreign keys).
    """
    try:
        if flush:
            db.session.flush()
        else:
            db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise conflict_for(exc, default) from None


_HTTP_CODES = {
    400: "bad_request", 401: "not_authenticated", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
    422: "unprocessable", 429: "rate_limited", 503: "unavailable",
}
_HTTP_MESSAGES = {
    404: "Nothing is here.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    429: "Too many requests. Please wait and try again.",
}


def reader_language() -> str:
    """The language the logged-in person saved, else the browser's best match (Accept-Language), else English."""
    if not has_request_context():
        return "en"
    saved = None
    try:
        if current_user and current_user.is_authenticated:
            saved = current_user.language
    except Exception:  # the database may be what failed: the browser's language will do
        db.session.rollback()
    return choose_language(saved, request.accept_languages.best_match(LANGUAGES))


def error_response(status: int, code: str, message: str, fields: dict | None = None, headers: dict | None = None):
    language = reader_language()
    response = jsonify({"error": {"code": code, "message": translate(message, language),
                                  "fields": translate_fields(fields, language)}})
    response.status_code = status
    response.headers["Content-Language"] = language
    response.vary.add("Accept-Language")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


# Validation problems in words a patient understands: the one mapping every form shows (via `fields`).
# A field-specific sentence wins over the general one for the problem's type.
_FIELD_PATTERN_MESSAGES = {
    "phone": "Enter a phone number using digits, spaces, +, ( ) or -, at least 5 characters.",
    "sex": "Choose female, male or other.",
}
_TYPE_MESSAGES: dict[str, Callable[[dict], str]] = {
    "missing": lambda ctx: "This is required.",
    "string_too_short": lambda ctx: "This is required." if ctx.get("min_length") == 1
    else Message("Use at least {min_length} characters.", min_length=ctx.get("min_length")),
    "too_short": lambda ctx: "This is required." if ctx.get("min_length") == 1
    else Message("Give at least {min_length}.", min_length=ctx.get("min_length")),
    "string_too_long": lambda ctx: Message("Use at most {max_length} characters.", max_length=ctx.get("max_length")),
    "too_long": lambda ctx: Message("Give at most {max_length}.", max_length=ctx.get("max_length")),
    "string_pattern_mismatch": lambda ctx: "This is not in the expected format.",
    "string_type": lambda ctx: "Enter text here.",
    "int_type": lambda ctx: "Enter a whole number.",
    "int_parsing": lambda ctx: "Enter a whole number.",
    "int_from_float": lambda ctx: "Enter a whole number.",
    "float_type": lambda ctx: "Enter a number.",
    "float_parsing": lambda ctx: "Enter a number.",
    "decimal_type": lambda ctx: "Enter an amount, such as 1200 or 1200.50.",
    "decimal_parsing": lambda ctx: "Enter an amount, such as 1200 or 1200.50.",
    "decimal_max_places": lambda ctx: Message("Use at most {decimal_places} digits after the point.",
                                              decimal_places=ctx.get("decimal_places")),
    "decimal_max_digits": lambda ctx: "That amount is too large.",
    "finite_number": lambda ctx: "Enter a number.",
    "greater_than_equal": lambda ctx: Message("Enter {ge} or more.", ge=ctx.get("ge")),
    "greater_than": lambda ctx: Message("Enter more than {gt}.", gt=ctx.get("gt")),
    "less_than_equal": lambda ctx: Message("Enter {le} or less.", le=ctx.get("le")),
    "less_than": lambda ctx: Message("Enter less than {lt}.", lt=ctx.get("lt")),
    "bool_type": lambda ctx: "Choose yes or no.",
    "bool_parsing": lambda ctx: "Choose yes or no.",
    "date_type": lambda ctx: "Enter a date (day, month and year).",
    "date_parsing": lambda ctx: "Enter a date (day, month and year).",
    "date_from_datetime_parsing": lambda ctx: "Enter a date (day, month and year).",
    "date_from_datetime_inexact": lambda ctx: "Enter a date without a time.",
    "time_type": lambda ctx: "Enter a time such as 09:30.",
    "time_parsing": lambda ctx: "Enter a time such as 09:30.",
    "literal_error": lambda ctx: Message("Choose one of: {expected}.", expected=ctx.get("expected")),
    "enum": lambda ctx: Message("Choose one of: {expected}.", expected=ctx.get("expected")),
    "list_type": lambda ctx: "Give a list here.",
    "dict_type": lambda ctx: "This should be a group of fields.",
    "model_type": lambda ctx: "This should be a group of fields.",
    "model_attributes_type": lambda ctx: "This should be a group of fields.",
    "extra_forbidden": lambda ctx: "This field is not expected here.",
    "json_invalid": lambda ctx: "This could not be read.",
}


def plain_field_message(err: dict) -> str:
    """One pydantic error as a sentence a patient understands (never the validator's own words)."""
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    loc = [str(part) for part in err.get("loc", ())]
    if kind == "value_error":
        # Our own validators raise ValueError with a sentence written for people (a Message when it has values).
        said = next(iter(getattr(ctx.get("error"), "args", ())), None)
        return said if isinstance(said, Message) else err.get("msg", "").removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and loc and loc[-1] in _FIELD_PATTERN_MESSAGES:
        return _FIELD_PATTERN_MESSAGES[loc[-1]]
    describe = _TYPE_MESSAGES.get(kind)
    return describe(ctx) if describe else "This value is not valid."


def validation_fields(exc: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        name = ".".join(str(part) for part in err.get("loc", ())) or "body"
        fields.setdefault(name, plain_field_message(err))
    return fields


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def handle_domain_error(exc: DomainError):
        db.session.rollback()
        return error_response(exc.status, exc.code, exc.message, exc.fields, exc.headers)

    @app.errorhandler(ValidationError)
    def handle_validation_error(exc: ValidationError):
        db.session.rollback()
        return error_response(400, "invalid_input", "Some fields are invalid.", validation_fields(exc))

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):
        db.session.rollback()
        status = exc.code or 500
        code = _HTTP_CODES.get(status, "http_error")
        message = _HTTP_MESSAGES.get(status) or (exc.description or exc.name)
        headers = {}
        if status == 405 and exc.valid_methods:
            headers["Allow"] = ", ".join(exc.valid_methods)
        if status == 429:
            retry_after = getattr(exc, "retry_after", None) or 60
            headers["Retry-After"] = str(int(retry_after))
        return error_response(status, code, message, headers=headers)

    @app.errorhandler(Exception)
    def handle_unexpected_error(exc: Exception):
        # Never leak internals: log the traceback, answer a generic message.
        db.session.rollback()
        log.exception("unhandled error")
        return error_response(500, "internal_error", "Something went wrong on our side. Please try again.")
