"""What each route takes and answers, declared once with `@contract(...)`: it validates and it documents.

The decorator parses the JSON body and the query string into the declared
pydantic models (the one error shape on failure) and hands them to the view as
`body`, `query` and `paging`. The same declaration, with the response models
below, is what `/api/openapi.json` is built from, so the document cannot drift
from the code, and a contract test checks real responses against it.

Response models describe the fields every client may rely on; responses may
carry more (`extra="allow"`), never less.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.schemas import PageQuery, page_args, parse, parse_query

Urgency = Literal["emergency", "urgent", "routine", "self_care"]


@dataclass(frozen=True)
class Contract:
    body: type[BaseModel] | tuple[type[BaseModel], ...] | None = None
    query: type[BaseModel] | None = None
    paged: bool = False
    responses: dict[int, type[BaseModel] | None] = field(default_factory=dict)
    summary: str | None = None
    # A body that is not JSON (a CSV file): its media type, documented; the view reads the raw body.
    raw_body: str | None = None


def contract(*, body=None, query: type[BaseModel] | None = None, paged: bool = False,
             responses: dict[int, type[BaseModel] | None] | None = None, summary: str | None = None,
             raw_body: str | None = None):
    """Declare a route's request and response models. `body` may be a tuple of models tried in turn
    (the first that validates wins); the view then gets `body` as that model."""
    declared = Contract(body=body, query=query, paged=paged, responses=dict(responses or {200: None}),
                        summary=summary, raw_body=raw_body)

    def wrap(view: Callable) -> Callable:
        @functools.wraps(view)
        def checked(*args, **kwargs):
            if declared.query is not None:
                kwargs["query"] = parse_query(declared.query)
            if declared.paged:
                kwargs["paging"] = page_args()
            if declared.body is not None:
                kwargs["body"] = _parse_body(declared.body)
            return view(*args, **kwargs)

        checked.contract = declared
        return checked

    return wrap


def _parse_body(models) -> BaseModel:
    if not isinstance(models, tuple):
        return parse(models)
    from backend.schemas import json_body

    payload = json_body()
    chosen = next((model for model in models if _discriminates(model, payload)), models[-1])
    return parse(chosen, payload)


def _discriminates(model: type[BaseModel], payload: dict) -> bool:
    """A body model is chosen by the required field only it has (publish_days vs date)."""
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    return bool(required) and required <= set(payload)


def contract_of(view) -> Contract | None:
    while view is not None:
        found = getattr(view, "contract", None)
        if found is not None:
            return found
        view = getattr(view, "__wrapped__", None)
    return None


# ---- response models ------------------------------------------------------

class Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class PageOut(Out):
    page: int
    per_page: int
    total: int


class SpecRef(Out):
    id: int
    name: str


class SpecializationOut(Out):
    id: int
    name: str
    description: str
    doctor_count: int | None = None


class SpecializationBody(Out):
    specialization: SpecializationOut


class SpecializationList(Out):
    items: list[SpecializationOut]


class SpecializationPage(PageOut):
    items: list[SpecializationOut]


class SlotRef(Out):
    id: int
    date: str
    start_time: str


class DoctorPublic(Out):
    id: int
    full_name: str
    specialization: SpecRef | None
    specialization_id: int | None
    qualification: str | None
    experience_years: int | None
    fee: str
    bio: str | None
    slot_minutes: int
    next_free_slot: SlotRef | None = None


class DoctorPublicBody(Out):
    doctor: DoctorPublic


class DoctorPublicPage(PageOut):
    items: list[DoctorPublic]


class DoctorAdmin(DoctorPublic):
    user_id: int
    email: str
    is_active: bool
    created_at: str | None


class DoctorAdminBody(Out):
    doctor: DoctorAdmin


class DoctorAdminPage(PageOut):
    items: list[DoctorAdmin]


class PatientProfile(Out):
    id: int
    full_name: str
    email: str | None
    date_of_birth: str | None
    sex: str | None
    phone: str | None
    allergies: str
    conditions: str
    medications: str
    email_opt_in: bool
    remind_day_before: bool


class PatientProfileBody(Out):
    profile: PatientProfile


class PatientAdmin(Out):
    id: int
    user_id: int | None
    full_name: str
    email: str | None
    is_active: bool
    date_of_birth: str | None
    sex: str | None
    phone: str | None
    created_at: str | None


class PatientAdminPage(PageOut):
    items: list[PatientAdmin]


class PatientAdminBody(Out):
    patient: PatientAdmin


class PatientLoginOut(Out):
    """A login given to a desk patient: the patient now with an email; the link to choose a password was sent."""

    patient: PatientAdmin
    link_sent_to: str


class PatientForDoctor(Out):
    id: int
    full_name: str
    date_of_birth: str | None
    sex: str | None
    allergies: str
    conditions: str
    medications: str


class UserOut(Out):
    id: int
    email: str | None
    role: Literal["admin", "doctor", "patient"]
    full_name: str
    is_active: bool


class UserBody(Out):
    user: UserOut


class LoginOut(Out):
    user: UserOut
    csrf_token: str


class CsrfOut(Out):
    csrf_token: str


class SecondFactorPending(Out):
    """The password was right; the login needs the second factor (POST /auth/login/two-factor)."""

    two_factor_required: Literal[True]


class AcceptedOut(Out):
    """Accepted; nothing to tell (the same answer whether an account exists or not)."""


class TwoFactorStatus(Out):
    enabled: bool
    required: bool
    recovery_codes_left: int


class TwoFactorSetupOut(Out):
    secret: str
    otpauth_uri: str
    qr_svg: str


class RecoveryCodesOut(Out):
    recovery_codes: list[str]


class AuditActor(Out):
    id: int
    name: str
    role: str


class AuditEntry(Out):
    id: int
    at: str
    actor: AuditActor | None
    action: str
    target: str | None
    patient_id: int | None
    ip: str | None


class AuditPage(PageOut):
    items: list[AuditEntry]


class DoctorChange(Out):
    id: int
    at: str
    event: str
    summary: str
    appointment_id: int


class DoctorChangesOut(Out):
    since: str | None
    notify_mode: Literal["instant", "digest"]
    items: list[DoctorChange]


class NotifyModeOut(Out):
    notify_mode: Literal["instant", "digest"]


class ClinicOut(Out):
    name: str
    timezone: str
    currency: str
    emergency_number: str


class SessionOut(Out):
    user: UserOut | None
    csrf_token: str
    clinic: ClinicOut


class OkOut(Out):
    ok: bool


class SlotOut(Out):
    id: int
    date: str
    start_time: str
    end_time: str
    is_booked: bool | None = None


class SlotList(Out):
    items: list[SlotOut]


class CreatedOut(Out):
    created: int


class WeeklyBlock(Out):
    weekday: int
    start: str
    end: str


class ScheduleOut(Out):
    slot_minutes: int
    weekly: list[WeeklyBlock]


class DoctorRef(Out):
    id: int
    full_name: str
    specialization: SpecRef | None


class PersonRef(Out):
    id: int
    full_name: str


class TreatmentOut(Out):
    id: int
    appointment_id: int
    diagnosis: str
    prescription: str
    notes: str
    follow_up_date: str | None
    created_at: str | None


class TreatmentHistory(TreatmentOut):
    date: str
    start_time: str
    doctor: DoctorRef


class TreatmentPage(PageOut):
    items: list[TreatmentHistory]


class TriageSummaryOut(Out):
    id: int
    urgency: Urgency | None
    red_flags: list[str]
    specialization: str | None
    advice: str | None
    symptoms: str
    questions: list[QuestionOut] = []
    answers: dict[str, Any] = {}


class AppointmentOut(Out):
    id: int
    date: str
    start_time: str
    end_time: str
    status: Literal["booked", "completed", "cancelled", "no_show"]
    reason: str | None
    slot_id: int | None
    triage_id: int | None
    cancel_reason: str | None
    doctor_id: int
    patient_id: int
    doctor: DoctorRef
    specialization: str | None
    treatment: TreatmentOut | None
    patient: PersonRef | None = None
    triage: TriageSummaryOut | None = None
    urgency: Urgency | None = None


class AppointmentBody(Out):
    appointment: AppointmentOut


class CancelledCountOut(Out):
    cancelled: int


class AppointmentPage(PageOut):
    items: list[AppointmentOut]


class CompletedOut(Out):
    appointment: AppointmentOut
    treatment: TreatmentOut | None


class PatientHistoryOut(Out):
    patient: PatientForDoctor
    treatments: list[TreatmentHistory]


class DashboardOut(Out):
    """Counts and series; the shape differs per role and is documented in the README."""


class AssessmentQueued(Out):
    id: int
    status: Literal["queued", "running", "done", "failed"]


class RecommendedDoctor(Out):
    doctor: dict[str, Any]
    next_free_slots: list[SlotOut]


class QuestionOut(Out):
    """A follow-up question whose answer could raise the level."""

    id: str = Field(description="The key to answer it by in POST /patient/triage/<id>/answers.")
    text: str = Field(description="The question as the patient reads it.")
    kind: Literal["yes_no", "number", "choice"] = Field(
        description="yes_no: answer true/false; number: a number in `unit`; choice: one of `options`.")
    why: str = Field(description="Why it is asked: what a 'yes' would mean, with its guideline.")
    options: list[str] | None = None
    unit: str | None = None
    raises_to: Urgency | None = Field(None, description="The level a 'yes' (or a value past the limit) leads to.")


class AssessmentOut(Out):
    id: int
    status: Literal["queued", "running", "done", "failed"]
    symptoms: str
    share_history: bool
    urgency: Urgency | None
    specialization: str | None
    red_flags: list[str]
    advice: str | None
    rationale: list[str]
    provider: str | None
    fallback_reason: str | None
    created_at: str
    recommended_doctors: list[RecommendedDoctor]
    recommendation_note: str | None
    emergency_number: str
    understood: bool | None = Field(description="False when nothing in the text was recognised: ask for detail.")
    findings: list[dict[str, Any]] = Field(description="What was read in the text: name, the words, and whether "
                                                       "negated, uncertain, historical or about someone else.")
    conditions: list[dict[str, Any]] = Field(description="The conditions considered: name, level, plausible, why, "
                                                         "raised_by and the guideline (source).")
    questions: list[QuestionOut] = Field(description="Answered questions first, then up to 5 open ones, most "
                                                     "able to change the level first.")
    answers: dict[str, Any] = Field(description="The patient's answers so far, by question id.")
    first_urgency: Urgency | None = Field(None, description="The level before any question was answered.")


class AssessmentSummary(Out):
    id: int
    status: str
    urgency: Urgency | None
    questions: list[QuestionOut] = []
    answers: dict[str, Any] = {}


class AssessmentPage(PageOut):
    items: list[AssessmentSummary]


class ClinicConfigOut(Out):
    clinic_name: str
    emergency_number: str
    timezone: str
    languages: list[str]


class JobQueued(Out):
    job_id: int
    status: str


class JobOut(Out):
    id: int
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    progress: int
    error: str | None
    download_url: str | None


class JobPage(PageOut):
    items: list[JobOut]


class JobOwnerOut(Out):
    id: int
    name: str
    email: str | None
    role: str


class AdminJobOut(JobOut):
    owner: JobOwnerOut


class AdminJobPage(PageOut):
    items: list[AdminJobOut]


class HealthOut(Out):
    status: Literal["ok", "degraded", "down"]
    database: str


class OutboxRow(Out):
    id: int
    kind: str
    recipient: str
    subject: str
    status: Literal["pending", "sending", "sent", "failed"]
    attempts: int
    last_error: str | None


class OutboxPage(PageOut):
    items: list[OutboxRow]


class OutboxDetail(Out):
    email: OutboxRow


class MailboxSummary(Out):
    name: str
    subject: str
    to: str
    has_attachments: bool


class MailboxPage(PageOut):
    items: list[MailboxSummary]


class MailboxMessage(Out):
    message: MailboxSummary


class OpenApiOut(Out):
    openapi: str
    paths: dict[str, Any]


class ResourceOut(Out):
    id: int
    name: str
    kind: Literal["hospital", "ambulance", "poison_line", "mental_health_line", "ngo"]
    address: str
    phones: list[str]
    hours: str
    services: str
    latitude: float | None
    longitude: float | None
    languages: list[str]
    source: str
    is_demo: bool
    distance_km: float | None = None


class RedFlagRule(Out):
    id: str
    name: str
    why: str
    all: list[list[str]]
    supports: list[str]
    min_supports: int
    unless: list[str]


class RedFlagRulesOut(Out):
    format: int
    version: str
    emergency_number: str
    skip_words: list[str]
    phrases: dict[str, list[str]]
    rules: list[RedFlagRule]


class PhotoUploaded(Out):
    photo_token: str
    type: Literal["image/jpeg", "image/png", "image/webp"]
    size: int


class ResourceBody(Out):
    resource: ResourceOut


class ResourcePage(PageOut):
    items: list[ResourceOut]


# Re-exported for the OpenAPI builder: the query every paged list takes.
PAGE_QUERY = PageQuery
