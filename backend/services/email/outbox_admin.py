"""Reading the email outbox, for the admin pages."""
from __future__ import annotations

import sqlalchemy as sa

from backend.errors import NotFound
from backend.extensions import db
from backend.models import EmailOutbox
from backend.services.paging import Page, paginate


def _iso(value):
    return value.isoformat() if value else None


def serialize_outbox(row: EmailOutbox) -> dict:
    return {"id": row.id, "kind": row.kind, "recipient": row.recipient, "subject": row.subject,
            "status": row.status, "attempts": row.attempts, "last_error": row.last_error,
            "sent_at": _iso(row.sent_at), "created_at": _iso(row.created_at),
            "next_attempt_at": _iso(row.next_attempt_at)}


def list_outbox(page: int, per_page: int, status: str | None = None, kind: str | None = None) -> Page:
    where = []
    if status:
        where.append(EmailOutbox.status == status)
    if kind:
        where.append(EmailOutbox.kind == kind[:40])
    stmt = sa.select(EmailOutbox).where(*where).order_by(EmailOutbox.id.desc())
    return paginate(stmt, page, per_page)


def outbox_detail(outbox_id: int) -> dict:
    row = db.session.get(EmailOutbox, outbox_id)
    if row is None:
        raise NotFound("No such email.")
    attachments = [{"filename": item.get("filename"), "content_type": item.get("content_type"),
                    "inline": bool(item.get("inline_cid"))} for item in (row.attachments or [])]
    return dict(serialize_outbox(row), body_text=row.body_text, body_html=row.body_html,
                message_id=row.message_id, attachments=attachments)
