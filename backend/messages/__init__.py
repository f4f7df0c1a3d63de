"""Error messages in the reader's language.

Services write their messages in English. A message that carries values is a
`Message`: the English text itself (a `str`, so nothing else changes), which also
remembers its template and values, e.g.

    raise RuleViolation(Message("You can hold at most {limit} upcoming appointments.", limit=3))

`translate()` looks the English text (or template) up in a language's catalogue
(`bn.py`: English -> Bangla) and fills in the values, with Bangla digits. A
message with no entry stays in English: never an error.
"""
from __future__ import annotations

from typing import Any

from backend.messages.bn import BANGLA

LANGUAGES = ("en", "bn")
CATALOGUES: dict[str, dict[str, str]] = {"bn": BANGLA}
_DIGITS = {"bn": str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")}


class Message(str):
    """An English sentence built from a template and values; it reads as the English text."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        text = super().__new__(cls, template.format(**params))
        text.template = template
        text.params = params
        return text

    def __str__(self) -> str:
        # str(error) of a ValueError carrying a Message keeps the Message (and so its template).
        return self

    def __reduce__(self):
        return _rebuild, (type(self), self.template, self.params)


def _rebuild(cls: type[Message], template: str, params: dict[str, Any]) -> Message:
    return cls(template, **params)


def choose_language(saved: str | None, accepted: str | None = None) -> str:
    """The language a person saved on their account, else the one their browser asks for, else English.

    `accepted` is the browser's best match among LANGUAGES (werkzeug's `accept_languages.best_match`).
    """
    for choice in (saved, accepted):
        if choice in LANGUAGES:
            return choice
    return "en"


def translate(text: Any, language: str) -> Any:
    """`text` in `language`; the English text when the catalogue has no entry or the values do not fit."""
    if not isinstance(text, str):
        return text
    english = str.__str__(text)
    catalogue = CATALOGUES.get(language)
    if catalogue is None:
        return english
    template = text.template if isinstance(text, Message) else english
    localized = catalogue.get(template)
    if localized is None:
        return english
    if not isinstance(text, Message):
        return localized
    values = {name: _value(value, language) for name, value in text.params.items()}
    try:
        return localized.format(**values)
    except (KeyError, IndexError, ValueError):
        return english


def translate_fields(fields: dict | None, language: str) -> dict:
    return {name: translate(text, language) for name, text in (fields or {}).items()}


def _value(value: Any, language: str) -> str:
    if isinstance(value, Message):
        return translate(value, language)
    shown = str(value)
    table = _DIGITS.get(language)
    return shown.translate(table) if table else shown
