"""The audit trail: who did what to which record, and who read whose record.

Rows are only ever added: no service changes or deletes one, no route offers
it, and the migration adds a trigger refusing UPDATE and DELETE. The admin's viewer
is services/ops/audit_viewer.py.
"""
from __future__ import annotations

import sqlalchemy as sa

from backend.extensions import db
from backend.models import AuditLog
from backend.services import clock


def record(action: str, *, actor_id: int | None, target: str | None = None,
           ip: str | None = None, patient_id: int | None = None, **details) -> None:
    """Add an audit row to the current transaction (committed with the change it describes)."""
    db.session.add(AuditLog(actor_id=actor_id, action=action, target=target, ip=ip, patient_id=patient_id,
                            details=details))


def record_now(action: str, *, actor_id: int | None, target: str | None = None,
               ip: str | None = None, patient_id: int | None = None, **details) -> None:
    """Write an audit row at once, in its own transaction: for refusals, whose request is rolled back."""
    with db.engine.begin() as conn:
        conn.execute(sa.insert(AuditLog).values(actor_id=actor_id, action=action, target=(target or "")[:120] or None,
                                                ip=ip, patient_id=patient_id, details=details,
                                                at=clock.utc_now()))
