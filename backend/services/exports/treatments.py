"""CSV export of treatments, streamed from the database to a file in constant memory.

The scope follows the role: a patient exports their own treatments, a doctor
the treatments they recorded for their patients, an admin every appointment
with an outcome (completed or no-show). Rows are read with keyset pagination
(id > last id, LIMIT n), written with the csv module, and the job's progress
is committed after every batch so `GET /api/jobs/<id>` shows it moving.
"""
from __future__ import annotations

import csv
import logging
import os
import secrets
import unicodedata
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, render_template

from backend.errors import NotFound, Unavailable
from backend.extensions import db
from backend.models import Appointment, Doctor, Job, Patient, Specialization, Treatment, User
from backend.services import audit, queue
from backend.services.clock import utc_now
from backend.services.email import language as i18n
from backend.services.email import outbox
from backend.services.exports import stale
from backend.services.formats import hhmm

log = logging.getLogger(__name__)

EXPORT_KIND = "treatments_export"
HEADER = ["appointment_id", "date", "time", "doctor", "specialization", "patient", "status",
          "diagnosis", "prescription", "notes", "follow_up_date"]
# Spreadsheets run a cell starting with these as a formula (CSV injection).
_FORMULA_CHARS = frozenset("=+-@")
_FORMULA_FIRST = frozenset("=+-@\t\r\n")


def neutralise(value) -> str:
    """A cell as text, prefixed with a quote if a spreadsheet would read it as a formula.

    Spreadsheets skip leading blanks and invisible characters (zero-width
    spaces, a byte-order mark) and read full-width signs (＝ ＋ － ＠) as the
    ASCII ones, so the first visible character counts, compatibility-normalized.
    """
    text = "" if value is None else str(value)
    if not text:
        return text
    first = text[0]
    if first.isascii() and first.isalnum():  # the common case, kept fast for million-row exports
        return text
    if first in _FORMULA_FIRST:
        return "'" + text
    for char in text:
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue
        if unicodedata.normalize("NFKC", char)[:1] in _FORMULA_CHARS:
            return "'" + text
        break
    return text


def start_treatment_export(user) -> Job:
    """Create the export job for `user` and hand it to a worker. Commits.

    While one of the user's exports is still queued or running, that job is
    returned instead: repeated clicks do not stack up full-table scans. Only a
    recent one counts, so a job whose task was lost does not block the user.
    """
    recent = utc_now() - timedelta(hours=1)
    pending = db.session.execute(
        sa.select(Job).where(Job.owner_id == user.id, Job.kind == EXPORT_KIND, Job.status.in_(("queued", "running")),
                             Job.created_at > recent)
        .order_by(Job.id.desc()).limit(1)
    ).scalar_one_or_none()
    if pending is not None:
        if stale.is_alive(pending):
            return pending
        # Its worker died or its message was lost: it never stands in the way of a new one.
        stale.fail_stopped(pending)
        db.session.commit()
    stale.check_rate(user.id)
    job = Job(kind=EXPORT_KIND, owner_id=user.id, status="queued", params={"role": user.role})
    db.session.add(job)
    db.session.commit()
    task_id = queue.enqueue(queue.EXPORT_TREATMENTS, job.id)
    if task_id is None:
        job.status = "failed"
        job.error = "The export service is unavailable. Please try again in a few minutes."
        job.finished_at = utc_now()
        db.session.commit()
        raise Unavailable("Exports are unavailable right now. Please try again in a few minutes.") from None
    job.celery_id = task_id
    db.session.commit()
    return job


def _scope(owner: User):
    """The WHERE clause of what `owner` may export."""
    if owner.role == "patient":
        patient_id = owner.patient.id if owner.patient else -1
        return [Appointment.patient_id == patient_id, Treatment.id.is_not(None)]
    if owner.role == "doctor":
        doctor_id = owner.doctor.id if owner.doctor else -1
        return [Appointment.doctor_id == doctor_id, Treatment.id.is_not(None)]
    return [Appointment.status.in_(("completed", "no_show"))]


def _query(where: list, after_id: int, limit: int):
    return (
        sa.select(Appointment.id, Appointment.date, Appointment.start_time, Doctor.full_name, Specialization.name,
                  Patient.full_name, Appointment.status, Treatment.diagnosis, Treatment.prescription,
                  Treatment.notes, Treatment.follow_up_date)
        .join(Doctor, Doctor.id == Appointment.doctor_id)
        .outerjoin(Specialization, Specialization.id == Doctor.specialization_id)
        .join(Patient, Patient.id == Appointment.patient_id)
        .outerjoin(Treatment, Treatment.appointment_id == Appointment.id)
        .where(*where, Appointment.id > after_id)
        .order_by(Appointment.id)
        .limit(limit)
    )


def _count(where: list) -> int:
    return db.session.execute(
        sa.select(sa.func.count()).select_from(Appointment)
        .outerjoin(Treatment, Treatment.appointment_id == Appointment.id).where(*where)
    ).scalar_one()


def run_treatment_export(job_id: int) -> dict:
    """Write the job's CSV, then email it. Safe to run again: a finished job is left alone,
    an interrupted one starts over."""
    job = db.session.get(Job, job_id)
    if job is None:
        return {"job": job_id, "status": "missing"}
    if job.status in ("done", "failed"):
        return {"job": job.id, "status": job.status}
    config = current_app.config
    owner = db.session.get(User, job.owner_id)
    where = _scope(owner)
    job.status, job.started_at, job.error = "running", utc_now(), None
    job.rows_done, job.progress = 0, 0
    job.rows_total = _count(where)
    db.session.commit()

    folder = config["EXPORT_DIR"]
    os.makedirs(folder, exist_ok=True)
    # An unguessable name: the file is only served through the owner-checked route,
    # but the folder may be shared with other tools.
    filename = f"treatments-{job.id}-{secrets.token_hex(8)}.csv"
    final_path = os.path.join(folder, filename)
    partial_path = final_path + ".part"
    batch = config["EXPORT_BATCH_SIZE"]
    total = job.rows_total or 0
    written = 0
    try:
        # utf-8-sig writes the BOM that makes Excel read the file as UTF-8.
        with open(partial_path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            writer.writerow(HEADER)
            last_id = 0
            while True:
                rows = db.session.execute(_query(where, last_id, batch)).all()
                if not rows:
                    break
                writer.writerows(
                    [row.id, row.date.isoformat(), hhmm(row.start_time), neutralise(row[3]), neutralise(row[4]),
                     neutralise(row[5]), row.status, neutralise(row.diagnosis), neutralise(row.prescription),
                     neutralise(row.notes), row.follow_up_date.isoformat() if row.follow_up_date else ""]
                    for row in rows)
                written += len(rows)
                last_id = rows[-1].id
                _progress(job.id, written, total)
        os.replace(partial_path, final_path)
    except BaseException:
        _remove_quietly(partial_path)
        raise

    now = utc_now()
    job = db.session.get(Job, job_id)
    job.status, job.progress, job.rows_done = "done", 100, written
    job.rows_total = max(total, written)
    # Stored relative to EXPORT_DIR: a web instance on another machine finds the file in the same
    # shared folder, wherever that machine mounts it.
    job.result_path, job.result_filename = filename, f"treatments-{now:%Y%m%d}.csv"
    job.finished_at = now
    job.expires_at = now + timedelta(days=config["EXPORT_RETENTION_DAYS"])
    if written:  # an empty file is not worth an email: the page that started the export says so
        _queue_ready_email(job, owner)
    db.session.commit()
    outbox.send_queued_now()
    return {"job": job.id, "status": "done", "rows": written}


def _progress(job_id: int, done: int, total: int) -> None:
    percent = min(99, int(done * 100 / total)) if total else 99
    db.session.execute(sa.update(Job).where(Job.id == job_id).values(rows_done=done, progress=percent)
                       .execution_options(synchronize_session=False))
    db.session.commit()


def fail_export(job_id: int, reason: str) -> None:
    """Mark a job failed with a message the user can read (never an exception's text)."""
    db.session.rollback()
    job = db.session.get(Job, job_id)
    if job is None or job.status == "done":
        return
    job.status, job.error, job.finished_at = "failed", reason, utc_now()
    db.session.commit()


def _queue_ready_email(job: Job, owner: User) -> bool:
    if not owner.can_receive_email:
        return False
    if owner.patient is not None and not outbox.patient_accepts(owner.patient, "export_ready"):
        return False
    config = current_app.config
    size = os.path.getsize(export_file(job))
    attach = size <= config["EXPORT_ATTACH_MAX_BYTES"]
    lang = i18n.language_of(owner)
    subject = i18n.subject("export_ready", lang)
    context = {"clinic_name": config["CLINIC_NAME"], "subject": subject, "name": owner.display_name,
               "rows": job.rows_done, "attached": attach, "lang": lang, "num": i18n.numbers_in(lang),
               # The app's page for the export: it asks for a login first, then offers the file.
               "download_url": f"{config['PUBLIC_URL'].rstrip('/')}/#/exports/{job.id}",
               "expires_text": i18n.date_text(job.expires_at.date(), lang, weekday=False)}
    attachments = ([{"filename": job.result_filename, "content_type": "text/csv", "path": export_file(job)}]
                   if attach else [])
    return outbox.queue_email(kind="export_ready", recipient=owner.email, subject=subject,
                              dedupe_key=f"export:{job.id}",
                              body_text=render_template(i18n.template("export_ready.txt", lang), **context),
                              body_html=render_template(i18n.template("export_ready.html", lang), **context),
                              attachments=attachments)


def download_path(job: Job, *, actor_id: int | None = None, ip: str | None = None) -> tuple[str, str]:
    """The file of a finished export, or NotFound once it expired or before it exists. A download is a
    read of patient records and goes in the audit log."""
    if job.status != "done":
        raise NotFound("This export is not ready yet.", code="export_not_ready")
    path = export_file(job)
    if not path or not os.path.isfile(path) or (
            job.expires_at is not None and job.expires_at <= utc_now()):
        raise NotFound("This export has expired. Please start a new one.", code="export_expired")
    owner_patient = db.session.execute(sa.select(Patient.id).where(Patient.user_id == job.owner_id)).scalar()
    audit.record("export.download", actor_id=actor_id, target=f"job:{job.id}", ip=ip, patient_id=owner_patient,
                 scope=(job.params or {}).get("scope"))
    db.session.commit()
    return path, job.result_filename or "export.csv"


def export_file(job: Job) -> str | None:
    """Where this process finds a job's file: EXPORT_DIR (a shared folder in a multi-machine setup) + its name.
    Older rows hold an absolute path, used as it is."""
    if not job.result_path:
        return None
    return os.path.join(current_app.config["EXPORT_DIR"], job.result_path)


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass

