"""The audit trail: who did what to which record."""
from __future__ import annotations

from backend.extensions import db
from backend.models import AuditLog


def record(action: str, *, actor_id: int | None, target: str | None = None,
           ip: str | None = None, **details) -> None:
    """Add an audit row to the current transaction (committed with the change it describes)."""
    db.session.add(AuditLog(actor_id=actor_id, action=action, target=target, ip=ip, details=details))
