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
from email import charset as email_charset, encoders
from email.header import Header
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email import policy as email_policy
from email.policy import compat32
from email.utils import formatdate, parseaddr

from flask import current_app

from backend.models import EmailOutbox
from backend.services.email.addresses import envelope_address, needs_smtputf8

# Quoted-printable keeps every line within SMTP's limit (HTML templates have long
# lines) while the text stays readable in the raw message.
_UTF8_QP = email_charset.Charset("utf-8")
_UTF8_QP.body_encoding = email_charset.QP


# smtplib sends bytes as given: the message must already use SMTP's CRLF line ends.
_WIRE = compat32.clone(linesep="\r\n")
# With SMTPUTF8 the headers travel as raw UTF-8 (an address's local part cannot be an encoded-word).
_WIRE_UTF8 = email_policy.SMTPUTF8.clone(linesep="\r\n")


class TransientMailError(Exception):
    """Try again later: the server is unreachable, slow, or answered 4xx."""


class PermanentMailError(Exception):
    """Do not try again: the server rejected this message (5xx)."""


def build_message(row: EmailOutbox) -> Message:
    """The MIME message of an outbox row: text, optional HTML with inline images, attachments.

    Built with the email.mime classes (compat32 policy): the newer EmailMessage
    API parses every header through its registry, several times slower, which
    mattered for a morning of 20,000 reminders.
    """
    config = current_app.config
    attachments = row.attachments or []
    body: Message = MIMEText(row.body_text or "", "plain", _UTF8_QP)
    if row.body_html:
        alternative = MIMEMultipart("alternative")
        alternative.attach(body)
        alternative.attach(MIMEText(row.body_html, "html", _UTF8_QP))
        body = alternative
        inline = [item for item in attachments if item.get("inline_cid")]
        if inline:
            related = MIMEMultipart("related")
            related.attach(alternative)
            for item in inline:
                part = _part(item)
                part.add_header("Content-ID", f"<{item['inline_cid']}>")
                part.add_header("Content-Disposition", "inline", filename=item["filename"])
                related.attach(part)
            body = related
    files = [item for item in attachments if not item.get("inline_cid") or item.get("also_attach")]
    if files:
        mixed = MIMEMultipart("mixed")
        mixed.attach(body)
        for item in files:
            part = _part(item)
            part.add_header("Content-Disposition", "attachment", filename=item["filename"])
            mixed.attach(part)
        body = mixed
    body["From"] = config["MAIL_DEFAULT_SENDER"]
    body["To"] = envelope_address(row.recipient) if not needs_smtputf8(row.recipient) else row.recipient
    body["Subject"] = Header(row.subject, "utf-8") if not row.subject.isascii() else row.subject
    body["Message-ID"] = row.message_id
    body["Date"] = formatdate(localtime=False)
    body["X-CareQueue-Kind"] = row.kind
    return body


def _part(item: dict) -> Message:
    maintype, subtype = item["content_type"].split("/", 1)
    data = _attachment_bytes(item)
    if maintype == "text":
        part = MIMEText(data.decode("utf-8"), subtype, _UTF8_QP)
        if item.get("method"):
            part.set_param("method", item["method"])
        return part
    part = MIMEBase(maintype, subtype)
    part.set_payload(data)
    encoders.encode_base64(part)
    return part


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

    def send(self, msg: Message, recipient: str) -> None:
        if self._smtp is None:
            self._smtp = self._open()
        recipient = envelope_address(recipient)
        options: list[str] = []
        wire = _WIRE
        if not recipient.isascii():
            self._smtp.ehlo_or_helo_if_needed()
            if not self._smtp.has_extn("smtputf8"):
                raise PermanentMailError("the mail server does not offer SMTPUTF8, needed for this address")
            options, wire = ["SMTPUTF8"], _WIRE_UTF8
        try:
            data = msg.as_bytes(policy=wire)
            refused = self._smtp.sendmail(_envelope_sender(msg["From"]), [recipient], data, mail_options=options)
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
        except Exception:
            # Anything else may have left the session mid-transaction: start the next message afresh.
            self.close()
            raise
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


def _envelope_sender(header: str) -> str:
    return parseaddr(header)[1] or header


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
