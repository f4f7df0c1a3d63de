"""All models, imported here so metadata and migrations see every table."""
from backend.models.account import TOKEN_PURPOSES, AccountToken, LoginThrottle, RecoveryCode
from backend.models.appointment import APPOINTMENT_STATUSES, Appointment, Treatment
from backend.models.base import utcnow
from backend.models.clinic import Doctor, DoctorAvailability, DoctorSchedule, Specialization, name_key
from backend.models.notice import NOTICE_EVENTS, DoctorNotice
from backend.models.ops import AuditLog, EmailOutbox, Job
from backend.models.resource import EMERGENCY_KINDS, RESOURCE_KINDS, EmergencyResource
from backend.models.triage import URGENCIES, TriageAssessment
from backend.models.user import ROLES, AuthSession, Patient, User

__all__ = [
    "APPOINTMENT_STATUSES", "AccountToken", "DoctorNotice", "LoginThrottle", "NOTICE_EVENTS", "RecoveryCode",
    "TOKEN_PURPOSES", "Appointment", "AuditLog", "AuthSession", "Doctor", "DoctorAvailability",
    "DoctorSchedule", "EmailOutbox", "Job", "Patient", "ROLES", "Specialization", "Treatment",
    "TriageAssessment", "URGENCIES", "User", "name_key", "utcnow",
    "EMERGENCY_KINDS", "EmergencyResource", "RESOURCE_KINDS",
]
