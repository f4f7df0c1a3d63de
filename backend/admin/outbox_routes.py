"""/admin routes for sent email (outbox), the embedded mailbox and jobs."""
from __future__ import annotations

from typing import Literal

from flask import jsonify
from pydantic import BaseModel, ConfigDict

from backend import contracts as c
from backend.admin.blueprint import bp
from backend.contracts import contract
from backend.security import role_required
from backend.services.email import mailbox, outbox_admin
from backend.services.ops import jobs


class OutboxQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    status: Literal["pending", "sending", "sent", "failed"] | None = None
    kind: str | None = None


class JobsQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    status: Literal["queued", "running", "done", "failed"] | None = None
    kind: str | None = None


@bp.get("/outbox")
@role_required("admin")
@contract(query=OutboxQuery, paged=True, responses={200: c.OutboxPage})
def outbox_list(query: OutboxQuery, paging):
    page = outbox_admin.list_outbox(paging.page, paging.per_page, status=query.status, kind=query.kind)
    return jsonify(page.as_json(outbox_admin.serialize_outbox))


@bp.get("/outbox/<int:outbox_id>")
@role_required("admin")
@contract(responses={200: c.OutboxDetail})
def outbox_detail(outbox_id: int):
    return jsonify({"email": outbox_admin.outbox_detail(outbox_id)})


@bp.get("/mailbox")
@role_required("admin")
@contract(paged=True, responses={200: c.MailboxPage})
def mailbox_list(paging):
    return jsonify(mailbox.list_messages(paging.page, paging.per_page).as_json())


@bp.get("/mailbox/<name>")
@role_required("admin")
@contract(responses={200: c.MailboxMessage})
def mailbox_message(name: str):
    return jsonify({"message": mailbox.read_message(name)})


@bp.get("/jobs")
@role_required("admin")
@contract(query=JobsQuery, paged=True, responses={200: c.AdminJobPage})
def jobs_list(query: JobsQuery, paging):
    page = jobs.list_jobs(paging.page, paging.per_page, status=query.status, kind=query.kind)
    return jsonify(page.as_json(jobs.serialize_job_for_admin))
