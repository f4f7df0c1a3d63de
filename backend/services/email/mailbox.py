"""The embedded SMTP sink's received messages (.eml files), for the admin mailbox page."""
from __future__ import annotations

import os
import re
from email import policy
from email.parser import BytesParser

from flask import current_app

from backend.errors import NotFound
from backend.services.paging import Page

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.eml$")
_PARSER = BytesParser(policy=policy.default)


def _folder() -> str:
    return current_app.config["MAIL_SINK_DIR"]


def _summary(name: str, msg) -> dict:
    attachments = [part.get_filename() for part in msg.iter_attachments() if part.get_filename()] \
        if msg.is_multipart() else []
    return {"name": name, "from": str(msg.get("From", "")), "to": str(msg.get("To", "")),
            "subject": str(msg.get("Subject", "")), "date": str(msg.get("Date", "")),
            "message_id": str(msg.get("Message-ID", "")), "has_attachments": bool(attachments),
            "attachments": attachments}


def list_messages(page: int, per_page: int) -> Page:
    """Newest first. Only the page's files are parsed."""
    folder = _folder()
    try:
        names = sorted((n for n in os.listdir(folder) if _NAME.match(n)), reverse=True)
    except FileNotFoundError:
        names = []
    items = []
    for name in names[(page - 1) * per_page: page * per_page]:
        with open(os.path.join(folder, name), "rb") as fh:
            items.append(_summary(name, _PARSER.parse(fh)))
    return Page(items, page, per_page, len(names))


def read_message(name: str) -> dict:
    # Names are matched against a strict pattern so a request can never reach outside the folder.
    if not _NAME.match(name):
        raise NotFound("No such message.")
    path = os.path.join(_folder(), name)
    if not os.path.isfile(path):
        raise NotFound("No such message.")
    with open(path, "rb") as fh:
        msg = _PARSER.parse(fh)
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    return dict(_summary(name, msg), body_text=text.get_content() if text else "",
                body_html=html.get_content() if html else "")
