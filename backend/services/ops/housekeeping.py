"""Nightly upkeep: publishing slots from the weekly templates, deleting expired export files."""
from __future__ import annotations

import os
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app

from backend.extensions import db
from backend.models import Doctor, Job
from backend.services.clock import clinic_tz, utc_now
from backend.services.exports import treatments as exports
from backend.services.scheduling.slots import publish_from_template


def publish_slots(now: datetime | None = None) -> dict:
    """Publish SLOT_PUBLISH_DAYS of slots from today for every active doctor. Idempotent."""
    today = (now or utc_now()).astimezone(clinic_tz()).date()
    days = current_app.config["SLOT_PUBLISH_DAYS"]
    doctors = db.session.execute(
        sa.select(Doctor).where(Doctor.is_active.is_(True)).options(so.selectinload(Doctor.schedules))
        .order_by(Doctor.id)
    ).scalars().all()
    created = 0
    for doctor in doctors:
        created += publish_from_template(doctor, today, days)
        # One doctor per transaction: a failure leaves the others published.
        db.session.commit()
    return {"doctors": len(doctors), "slots_created": created, "from": today.isoformat(), "days": days}


def purge_expired_exports(now: datetime | None = None) -> dict:
    """Delete export files past their expiry; the job rows stay, with a note."""
    now = now or utc_now()
    jobs = db.session.execute(
        sa.select(Job).where(Job.result_path.is_not(None), Job.expires_at.is_not(None), Job.expires_at <= now)
    ).scalars().all()
    for job in jobs:
        try:
            os.remove(exports.export_file(job))
        except FileNotFoundError:
            pass
        job.result_path = None
        job.params = dict(job.params or {}, note=f"The file was deleted on {now.date().isoformat()} "
                                                  f"after {current_app.config['EXPORT_RETENTION_DAYS']} days.")
    db.session.commit()
    return {"deleted": len(jobs)}
