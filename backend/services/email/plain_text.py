"""Text that people typed (names, reasons, notes) must not become a link in clinic-branded email.

A full name of "Visit https://evil.example/pay now" would otherwise reach a
patient as a clickable link under the clinic's name: mail clients auto-link
anything that looks like a URL, a domain or an address, in plain text and HTML
alike. Every value printed by an email template passes through `finalize`: URL-
and domain-like runs get a zero-width space after each `.`, `:`, `/` and `@`,
so they read the same but no client recognises them as links. The clinic's own
links (those under PUBLIC_URL) are left whole.
"""
from __future__ import annotations

import re

from flask import current_app, has_app_context
from markupsafe import Markup

ZWSP = "\u200b"
# scheme://..., www...., an address, or a run like evil.example or evil.example/pay
_LINKISH = re.compile(
    r"(?i)(?:\b[a-z][a-z0-9+.-]*:/*[^\s<>\"]+|\bwww\.[^\s<>\"]+|[^\s<>\"@]+@[^\s<>\"]+"
    r"|\b[^\s<>\"/.]+(?:\.[^\s<>\"/.]+)*\.[a-z\u00a1-\uffff]{2,}\b(?:/[^\s<>\"]*)?)"
)
_BREAK_AFTER = re.compile(r"([.:/@])")


def unlinked(text: str) -> str:
    """`text` with every URL-, address- or domain-like run defused (it still reads the same)."""
    return _LINKISH.sub(lambda m: _BREAK_AFTER.sub(r"\1" + ZWSP, m.group(0)), text)


def finalize(value):
    """Jinja's finalize hook: applied to every `{{ value }}` of the email templates."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    own = (current_app.config.get("PUBLIC_URL", "") if has_app_context() else "").rstrip("/")
    if own and _is_own_link(value, own):
        return value
    return unlinked(value) if ("." in value or ":" in value or "@" in value) else value


def _is_own_link(value: str, own: str) -> bool:
    """One of the clinic's own links: PUBLIC_URL then a path, query or fragment, nothing else
    (typed text such as `<PUBLIC_URL>@evil.example` or `<PUBLIC_URL> and more` is not)."""
    rest = value[len(own):]
    return (value.startswith(own) and (not rest or rest[0] in "/?#")
            and "@" not in rest and not any(char.isspace() for char in value))
