"""Email addresses: one plain, normalized form at the edge, and its SMTP envelope form.

Only a bare address is accepted: no display name, comment, quoted local part,
list or IP literal (`(probe)victim@example.org` and `victim,attacker@evil.com`
are refused, not reinterpreted by the mail server). The form kept is
lower-case with the domain in Unicode NFC, so one mailbox is one account
whichever way its domain was typed (`exämple.com` or `xn--exmple-cua.com`).

Internationalized domains are always deliverable (the envelope uses their
ASCII, IDNA form). A non-ASCII part before the @ needs SMTPUTF8 from the mail
server: it is accepted only when MAIL_SMTPUTF8 says the server offers it, and
refused at registration otherwise.
"""
from __future__ import annotations

import email_validator
from email_validator import EmailNotValidError, EmailUndeliverableError, validate_email

# A clinic's own addresses may live on an intranet `.local` domain (the demo clinic does).
if "local" in email_validator.SPECIAL_USE_DOMAIN_NAMES:
    email_validator.SPECIAL_USE_DOMAIN_NAMES.remove("local")

PLAIN_ADDRESS = "Enter a plain email address like name@example.com, with no name, spaces, brackets or commas."
NOT_DELIVERABLE = ("Our mail server cannot deliver to an address with accents or other special letters "
                   "before the @. Please use an address with only plain letters, digits and . _ + - before the @.")


def normalize_address(value: str, allow_smtputf8: bool = False) -> str:
    """The normalized form of a plain address, or ValueError with a sentence a patient understands."""
    value = value.strip()
    if len(value) > 254:
        raise ValueError("This email address is too long.")
    try:
        checked = validate_email(value, check_deliverability=False, allow_smtputf8=True, allow_quoted_local=False,
                                 allow_display_name=False, allow_domain_literal=False, globally_deliverable=False)
    except (EmailNotValidError, EmailUndeliverableError):
        raise ValueError(PLAIN_ADDRESS) from None
    if not checked.local_part.isascii() and not allow_smtputf8:
        raise ValueError(NOT_DELIVERABLE)
    return checked.normalized.lower()


def envelope_address(address: str) -> str:
    """The address as SMTP carries it: the domain in its ASCII (IDNA) form."""
    local, _, domain = address.rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        ascii_domain = domain  # not a valid IDN: sending fails for this row alone
    return f"{local}@{ascii_domain}"


def needs_smtputf8(address: str) -> bool:
    return not envelope_address(address).isascii()
