"""The audit viewer: the log filtered by actor, patient, action and dates, paged or as CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from collections.abc import Iterator

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app

from backend.errors import InvalidInput
from backend.extensions import db
from backend.messages import Message
from backend.models import AuditLog
from backend.services import audit, clock
from backend.services.exports.treatments import neutralise
from backend.services.formats import iso_timestamp
from backend.services.paging import Page, paginate


EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)


def _filtered(*, actor_id: int | None, patient_id: int | None, action: str | None, date_from: date | None,
              date_to: date | None, load=so.joinedload) -> sa.Select:
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("The date range is reversed.", fields={"date_to": "Must be on or after date_from."})
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise InvalidInput(fields={name: Message("Choose a date between {first} and {last}.",
                                                     first=EARLIEST.year, last=LATEST.year)})
    stmt = sa.select(AuditLog).options(load(AuditLog.actor))
    if actor_id is not None:
        stmt = stmt.where(AuditLog.actor_id == actor_id)
    if patient_id is not None:
        stmt = stmt.where(AuditLog.patient_id == patient_id)
    if action:
        # "appointment" finds every appointment.* action; "appointment.cancel" only that one.
        stmt = stmt.where(sa.or_(AuditLog.action == action, AuditLog.action.startswith(action + ".")))
    zone = clock.clinic_tz()
    if date_from:
        stmt = stmt.where(AuditLog.at >= datetime.combine(date_from, time(0), tzinfo=zone))
    if date_to:
        stmt = stmt.where(AuditLog.at < datetime.combine(date_to + timedelta(days=1), time(0), tzinfo=zone))
    return stmt.order_by(AuditLog.at.desc(), AuditLog.id.desc())


def list_entries(*, page: int, per_page: int, **filters) -> Page:
    return paginate(_filtered(**filters), page, per_page)


def serialize(row: AuditLog) -> dict:
    actor = row.actor
    return {
        "id": row.id, "at": iso_timestamp(row.at), "action": row.action, "target": row.target,
        "patient_id": row.patient_id, "ip": row.ip, "details": row.details or {},
        "actor": {"id": actor.id, "name": actor.display_name, "role": actor.role} if actor is not None else None,
    }


CSV_COLUMNS = ("id", "at", "actor_id", "actor", "role", "action", "target", "patient_id", "ip", "details")


def export_csv(*, actor_id_of_reader: int, ip: str | None = None, **filters) -> Iterator[str]:
    """The filtered log as CSV lines, read in batches (constant memory). The export is itself audited."""
    _filtered(**filters)  # a bad range is refused before the download starts
    audit.record("audit.export", actor_id=actor_id_of_reader, target="audit_log", ip=ip,
                 patient_id=filters.get("patient_id"),
                 filters={k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in filters.items()
                          if v is not None})
    db.session.commit()
    return _rows(current_app._get_current_object(), **filters)


def _rows(app, **filters) -> Iterator[str]:
    """CSV lines, newest first, read 500 rows at a time (keyset on id) so memory stays flat.

    It runs while the response streams, after the view returned; each batch is
    read in an app context of its own and the lines are yielded outside it.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([neutralise(value) for value in values])
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    before_id = None
    while True:
        with app.app_context():
            stmt = _filtered(**filters, load=so.selectinload).order_by(None).order_by(AuditLog.id.desc()).limit(500)
            if before_id is not None:
                stmt = stmt.where(AuditLog.id < before_id)
            batch = [_csv_values(row) for row in db.session.execute(stmt).scalars()]
            db.session.remove()
        if not batch:
            return
        for values in batch:
            yield line(values)
        before_id = batch[-1][0]


def _csv_values(row: AuditLog) -> tuple:
    actor = row.actor
    return (row.id, iso_timestamp(row.at), row.actor_id or "", actor.display_name if actor else "",
            actor.role if actor else "", row.action, row.target or "", row.patient_id or "", row.ip or "",
            ";".join(f"{k}={v}" for k, v in sorted((row.details or {}).items())))
