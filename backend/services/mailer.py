"""SMTP delivery: building a MIME message from an outbox row and sending it with a timeout.

Flask-Mail opens its SMTP connection without a timeout, so a hung server would
hold a worker forever; smtplib is used directly with MAIL_TIMEOUT on every
socket operation. Failures are sorted into transient (retry later) and
permanent (the server refused this message for good).
"""
from __future__ import annotations

import base64
import os
import smtplib
import socket
from email.message import EmailMessage
from email.utils import formatdate

from flask import current_app

from backend.models import EmailOutbox


class TransientMailError(Exception):
    """Try again later: the server is unreachable, slow, or answered 4xx."""


class PermanentMailError(Exception):
    """Do not try again: the server rejected this message (5xx)."""


def build_message(row: EmailOutbox) -> EmailMessage:
    """The MIME message of an outbox row: text, optional HTML with inline images, attachments."""
    config = current_app.config
    msg = EmailMessage()
    msg["From"] = config["MAIL_DEFAULT_SENDER"]
    msg["To"] = row.recipient
    msg["Subject"] = row.subject
    msg["Message-ID"] = row.message_id
    msg["Date"] = formatdate(localtime=False)
    msg["X-CareQueue-Kind"] = row.kind
    msg.set_content(row.body_text or "")
    attachments = row.attachments or []
    if row.body_html:
        msg.add_alternative(row.body_html, subtype="html")
        html_part = msg.get_payload()[1]
        for item in attachments:
            if item.get("inline_cid"):
                maintype, subtype = item["content_type"].split("/", 1)
                html_part.add_related(_attachment_bytes(item), maintype=maintype, subtype=subtype,
                                      cid=f"<{item['inline_cid']}>", filename=item["filename"])
    for item in attachments:
        if item.get("inline_cid") and not item.get("also_attach"):
            continue
        maintype, subtype = item["content_type"].split("/", 1)
        params = {}
        if item.get("method"):
            params["method"] = item["method"]
        msg.add_attachment(_attachment_bytes(item), maintype=maintype, subtype=subtype,
                           filename=item["filename"], params=params)
    return msg


def _attachment_bytes(item: dict) -> bytes:
    if "ics" in item:
        return item["ics"].encode("utf-8")
    if "content_b64" in item:
        return base64.b64decode(item["content_b64"])
    path = item["path"]
    if not os.path.isfile(path):
        # The file behind an attachment is gone (an expired export): sending the
        # rest of the message without it is worse than not sending at all.
        raise PermanentMailError(f"attachment {item['filename']} is no longer available")
    with open(path, "rb") as fh:
        return fh.read()


class SmtpConnection:
    """One SMTP session reused for a batch of messages, opened lazily."""

    def __init__(self) -> None:
        self._smtp: smtplib.SMTP | None = None

    def _open(self) -> smtplib.SMTP:
        config = current_app.config
        host, port, timeout = config["MAIL_SERVER"], int(config["MAIL_PORT"]), float(config["MAIL_TIMEOUT"])
        try:
            if config.get("MAIL_USE_SSL"):
                smtp = smtplib.SMTP_SSL(host, port, timeout=timeout)
            else:
                smtp = smtplib.SMTP(host, port, timeout=timeout)
                if config.get("MAIL_USE_TLS"):
                    smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise TransientMailError(f"SMTP login refused ({exc.smtp_code})") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TransientMailError(f"SMTP server {host}:{port} unreachable: {_describe(exc)}") from None
        return smtp

    def send(self, msg: EmailMessage, recipient: str) -> None:
        if self._smtp is None:
            self._smtp = self._open()
        try:
            refused = self._smtp.send_message(msg, to_addrs=[recipient])
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            raise _by_code(code, text, "recipient refused") from None
        except smtplib.SMTPSenderRefused as exc:
            raise _by_code(exc.smtp_code, exc.smtp_error, "sender refused") from None
        except smtplib.SMTPDataError as exc:
            raise _by_code(exc.smtp_code, exc.smtp_error, "message refused") from None
        except smtplib.SMTPResponseException as exc:
            self.close()
            raise _by_code(exc.smtp_code, exc.smtp_error, "server error") from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise TransientMailError(f"SMTP connection failed: {_describe(exc)}") from None
        if refused:
            code, text = next(iter(refused.values()))
            raise _by_code(code, text, "recipient refused")

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            try:
                smtp.close()
            except OSError:
                pass


def _by_code(code: int, text, what: str) -> Exception:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    reason = f"{what}: {code} {message}".strip()
    if 500 <= int(code) < 600:
        return PermanentMailError(reason)
    return TransientMailError(reason)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout):
        return "timed out"
    return exc.__class__.__name__ + (f" ({exc})" if str(exc) else "")
