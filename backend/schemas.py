"""Request validation at the edge (pydantic v2), and the shared parsing helpers."""
from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any, TypeVar

from flask import request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from backend.errors import InvalidInput, validation_fields

M = TypeVar("M", bound=BaseModel)

MAX_PER_PAGE = 100
EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


class Strict(BaseModel):
    """Base for request bodies: unknown fields rejected, strings trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _email(value: str) -> str:
    value = value.strip().lower()
    if len(value) > 254 or not EMAIL_RE.match(value):
        raise ValueError("Enter a valid email address.")
    return value


def _hhmm(value: Any) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise ValueError("Use a 24-hour time like 09:30.")
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


Email = Annotated[str, AfterValidator(_email)]
# bcrypt only reads 72 bytes; longer input is rejected here so it never reaches it.
Password = Annotated[str, StringConstraints(min_length=8, max_length=128)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=120)]
ShortText = Annotated[str, StringConstraints(max_length=2000)]
ClockTime = Annotated[Any, AfterValidator(_hhmm)]


def json_body() -> dict:
    """The request's JSON object, or a 400 that says what is wrong with it."""
    if not request.data:
        return {}
    data = request.get_json(silent=True)
    if data is None:
        raise InvalidInput("The request body is not valid JSON.", code="malformed_json")
    if not isinstance(data, dict):
        raise InvalidInput("The request body must be a JSON object.", code="malformed_json")
    return data


def parse(model: type[M], data: dict | None = None) -> M:
    payload = json_body() if data is None else data
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise InvalidInput(fields=validation_fields(exc)) from None


def parse_query(model: type[M]) -> M:
    return parse(model, {k: v for k, v in request.args.items()})


class PageQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


def page_args() -> PageQuery:
    return parse_query(PageQuery)


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


# ---- auth ----------------------------------------------------------------

class RegisterIn(Strict):
    email: Email
    password: Password
    full_name: Name
    date_of_birth: date | None = None
    sex: str | None = Field(None, pattern="^(female|male|other)$")
    phone: str | None = Field(None, max_length=32, pattern=r"^[0-9+()\-\s]{5,32}$")


class LoginIn(Strict):
    email: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class PasswordChangeIn(Strict):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Password
