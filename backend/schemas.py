"""Request validation at the edge (pydantic v2), and the shared parsing helpers."""
from __future__ import annotations

import re
from datetime import date, time
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from flask import current_app, request
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from backend.errors import InvalidInput, validation_fields
from backend.messages import Message
from backend.services.email.addresses import normalize_address
from backend.services.resources.fields import ResourceChanges, ResourceFields

M = TypeVar("M", bound=BaseModel)

MAX_PER_PAGE = 100


class Strict(BaseModel):
    """Base for request bodies: unknown fields rejected, strings trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _email(value: str) -> str:
    # Only a plain address, normalized (services/email/addresses.py).
    return normalize_address(value, allow_smtputf8=bool(current_app.config.get("MAIL_SMTPUTF8", False)))


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


MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
_OPENING = frozenset(b"[{")


def json_too_deep(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays and objects nest deeper than `limit` in a JSON text, found without parsing it."""
    depth = 0
    for byte in _NOT_BRACKET.sub(b"", _JSON_STRING.sub(b"", raw)):
        depth += 1 if byte in _OPENING else -1
        if depth > limit:
            return True
    return False


def json_body() -> dict:
    """The request's JSON object, or a 400 that says what is wrong with it."""
    if not request.data:
        return {}
    # Deep nesting would exhaust the parser's recursion (a 500) long before any real body needs it.
    if json_too_deep(request.data):
        raise InvalidInput(Message("The request body nests deeper than {depth} levels.", depth=MAX_JSON_DEPTH),
                           code="malformed_json")
    data = request.get_json(silent=True)
    if data is None:
        raise InvalidInput("The request body is not valid JSON.", code="malformed_json")
    if not isinstance(data, dict):
        raise InvalidInput("The request body must be a JSON object.", code="malformed_json")
    return data


def _nul_fields(value: Any, path: str = "") -> dict[str, str]:
    """Fields holding a NUL character, which no text column can store (PostgreSQL refuses it)."""
    if isinstance(value, str):
        return {path or "body": "Text may not contain NUL characters."} if "\x00" in value else {}
    found: dict[str, str] = {}
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.update(_nul_fields(item, f"{path}.{key}" if path else str(key)))
        if isinstance(key, str) and "\x00" in key:
            found[path or "body"] = "Field names may not contain NUL characters."
    return found


def parse(model: type[M], data: dict | None = None) -> M:
    payload = json_body() if data is None else data
    bad_text = _nul_fields(payload)
    if bad_text:
        raise InvalidInput(fields=bad_text)
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise InvalidInput(fields=validation_fields(exc)) from None


_NO_QUERY: dict[type, BaseModel] = {}


def parse_query(model: type[M]) -> M:
    if not request.args:
        # Most requests have no query string: validate the defaults once per model, hand out copies.
        default = _NO_QUERY.get(model)
        if default is None:
            default = _NO_QUERY.setdefault(model, parse(model, {}))
        return default.model_copy()
    return parse(model, {k: v for k, v in request.args.items()})


class PageQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


def page_args() -> PageQuery:
    return parse_query(PageQuery)


# ---- auth ----------------------------------------------------------------

class RegisterIn(Strict):
    email: Email
    password: Password
    full_name: Name
    date_of_birth: date | None = None
    sex: str | None = Field(None, pattern="^(female|male|other)$")
    phone: str | None = Field(None, max_length=32, pattern=r"^[0-9+()\-\s]{5,32}$")
    language: Literal["en", "bn"] | None = Field(
        None, description="The app's language when signing up (en or bn), saved on the account: the confirmation "
                          "email and every later one, the screens and the symptom check's advice follow it. "
                          "Left out, the account has no language until the person chooses one.")


class LoginIn(Strict):
    email: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class PasswordChangeIn(Strict):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Password


Token = Annotated[str, StringConstraints(min_length=1, max_length=200)]
OtpCode = Annotated[str, StringConstraints(min_length=1, max_length=20)]


class SecondFactorIn(Strict):
    code: OtpCode | None = None
    recovery_code: OtpCode | None = None

    @model_validator(mode="after")
    def _one_of(self):
        if not self.code and not self.recovery_code:
            raise ValueError("Enter the 6-digit code from your app, or a recovery code.")
        return self


class ForgotPasswordIn(Strict):
    email: Annotated[str, StringConstraints(min_length=1, max_length=254)]


class ResetPasswordIn(Strict):
    token: Token
    password: Password


class TokenIn(Strict):
    token: Token


class EmailChangeIn(Strict):
    new_email: Email
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class CodeIn(Strict):
    code: OtpCode


class PasswordConfirmIn(Strict):
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


# ---- scheduling, booking and the directory --------------------------------

def _blank_to_none(value: Any) -> Any:
    # Browsers send empty filter fields as `?q=`: an empty filter means "no filter".
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _positive_id(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("Give a record id (a whole number).")
    return value


RecordId = Annotated[int, BeforeValidator(_positive_id), Field(ge=1, le=2**31 - 1)]
OptionalId = Annotated[RecordId | None, BeforeValidator(_blank_to_none)]
OptionalDate = Annotated[date | None, BeforeValidator(_blank_to_none)]
OptionalSearch = Annotated[Annotated[str, StringConstraints(max_length=120)] | None, BeforeValidator(_blank_to_none)]
AppointmentStatus = Literal["booked", "completed", "cancelled", "no_show"]
OptionalStatus = Annotated[AppointmentStatus | None, BeforeValidator(_blank_to_none)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Phone = Annotated[str, StringConstraints(max_length=32, pattern=r"^[0-9+()\-\s]{5,32}$")]


class Query(BaseModel):
    """Base for query strings: other parameters (paging) are read separately."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class SpecializationIn(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    description: ShortText = ""


class SpecializationUpdateIn(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = None
    description: ShortText | None = None


class DoctorFieldsIn(Strict):
    full_name: Name | None = None
    specialization_id: RecordId | None = None
    qualification: Annotated[str, StringConstraints(max_length=200)] | None = None
    experience_years: int | None = Field(None, ge=0, le=80)
    fee: Decimal | None = Field(None, ge=0, le=Decimal("99999999.99"), decimal_places=2, allow_inf_nan=False)
    bio: ShortText | None = None
    slot_minutes: int | None = Field(None, ge=5, le=240)


class DoctorCreateIn(DoctorFieldsIn):
    email: Email
    password: Password
    full_name: Name
    specialization_id: RecordId


class DoctorUpdateIn(DoctorFieldsIn):
    is_active: bool | None = None


class DoctorListQuery(Query):
    q: OptionalSearch = None
    spec_id: OptionalId = None


class PatientListQuery(Query):
    q: OptionalSearch = None
    date_of_birth: OptionalDate = None


class DeskPatientIn(Strict):
    """A walk-in or phone patient registered by the front desk; the email is optional."""

    full_name: Name
    date_of_birth: date
    sex: str | None = Field(None, pattern="^(female|male|other)$")
    phone: Phone | None = None
    email: Annotated[Email | None, BeforeValidator(_blank_to_none)] = None


class DeskLoginIn(Strict):
    """An email for a patient registered at the desk without one: they get a link to choose a password."""

    email: Email


class DeskBookIn(Strict):
    patient_id: RecordId
    slot_id: RecordId
    reason: ShortText = ""
    # Lifts the minimum notice and the limit on upcoming bookings; recorded in the audit log.
    override: bool = False


Reason = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class StaffCancelIn(Strict):
    reason: Reason
    # Offer the time to other patients again. Default: yes for the front desk, no for the doctor.
    reopen_slot: bool | None = None


class StaffRescheduleIn(Strict):
    slot_id: RecordId
    reason: Annotated[str, StringConstraints(max_length=500)] | None = None
    override: bool = False


class DoctorRescheduleIn(Strict):
    slot_id: RecordId
    reason: Annotated[str, StringConstraints(max_length=500)] | None = None


class CancelDaysIn(Strict):
    date_from: date
    date_to: date
    reason: Reason


class AuditQuery(Query):
    actor_id: OptionalId = None
    patient_id: OptionalId = None
    action: Annotated[Annotated[str, StringConstraints(max_length=60)] | None, BeforeValidator(_blank_to_none)] = None
    date_from: OptionalDate = None
    date_to: OptionalDate = None


class NotifyModeIn(Strict):
    notify_mode: Literal["instant", "digest"]


class AppointmentFilterQuery(Query):
    status: OptionalStatus = None
    doctor_id: OptionalId = None
    patient_id: OptionalId = None
    date_from: OptionalDate = None
    date_to: OptionalDate = None


class PatientAppointmentQuery(Query):
    status: OptionalStatus = None


class DoctorAppointmentQuery(Query):
    scope: Annotated[Literal["today", "upcoming", "past"], BeforeValidator(lambda v: _blank_to_none(v) or "today")] = "today"
    order: Annotated[Literal["urgency", "time"] | None, BeforeValidator(_blank_to_none)] = None
    status: OptionalStatus = None


class DateRangeQuery(Query):
    # `from` is a Python keyword: the query parameters are read by alias.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)
    date_from: OptionalDate = Field(None, alias="from")
    date_to: OptionalDate = Field(None, alias="to")


class WeeklyBlockIn(Strict):
    weekday: int = Field(ge=0, le=6)
    start: ClockTime
    end: ClockTime


class ScheduleIn(Strict):
    slot_minutes: int = Field(ge=5, le=240)
    weekly: list[WeeklyBlockIn] = Field(max_length=70)


class SlotRangeIn(Strict):
    date: date
    start_time: ClockTime
    end_time: ClockTime


class PublishIn(Strict):
    publish_days: int = Field(ge=1, le=60)


class BookIn(Strict):
    slot_id: RecordId
    reason: ShortText = ""
    triage_id: RecordId | None = None


class CancelIn(Strict):
    reason: ShortText | None = None


class RescheduleIn(Strict):
    slot_id: RecordId


class CompleteIn(Strict):
    diagnosis: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    prescription: LongText = ""
    notes: LongText = ""
    follow_up_date: date | None = None


class ProfileIn(Strict):
    full_name: Name | None = None
    date_of_birth: date | None = None
    sex: str | None = Field(None, pattern="^(female|male|other)$")
    phone: Phone | None = None
    allergies: ShortText | None = None
    conditions: ShortText | None = None
    medications: ShortText | None = None
    email_opt_in: bool | None = None
    remind_day_before: bool | None = None


# ---- triage --------------------------------------------------------------

class TriageIn(Strict):
    symptoms: Annotated[str, StringConstraints(min_length=3, max_length=2000)]
    share_history: bool = False
    age_years: int | None = Field(None, ge=0, le=120)
    # The app's key for an entry made offline: sending it again returns the same assessment.
    client_id: str | None = Field(None, pattern=r"^[A-Za-z0-9_-]{8,64}$")
    # From POST /patient/triage/photos: the photo that goes with this check.
    photo_token: str | None = Field(None, min_length=10, max_length=600)


QuestionId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
AnswerValue = bool | int | float | Annotated[str, StringConstraints(min_length=1, max_length=40)]


class TriageAnswersIn(Strict):
    """Answers to an assessment's questions: `{"answers": {"<question id>": <answer>}}`.

    A yes/no question takes true/false (or "yes"/"no"), a number question a number in its unit,
    a choice question one of its options.
    """

    answers: dict[QuestionId, AnswerValue] = Field(min_length=1, max_length=20)


# ---- emergency resources ---------------------------------------------------


class LanguageIn(Strict):
    language: Literal["en", "bn"]


class ResourceIn(ResourceFields):
    """A new resource (the checks live with the service, shared with the CSV import)."""


class ResourceUpdateIn(ResourceChanges):
    """Only the fields sent change."""


class ResourceQuery(Query):
    kind: Annotated[str, StringConstraints(max_length=200)] | None = None
    q: Annotated[str, StringConstraints(max_length=100)] | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)


class ResourceAdminQuery(Query):
    kind: Annotated[str, StringConstraints(max_length=200)] | None = None
    q: Annotated[str, StringConstraints(max_length=100)] | None = None


class ResourceImportQuery(Query):
    replace: bool = False
