"""The fields of an emergency resource and their checks, shared by the API and the CSV import."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from backend.messages import Message
from backend.models.resource import RESOURCE_KINDS

PHONE_RE = re.compile(r"^\+?[0-9][0-9()\-\s]{1,30}$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
MAX_PHONES = 6
MAX_LANGUAGES = 10


def _phone(value: str) -> str:
    value = " ".join(value.split())
    if not PHONE_RE.match(value):
        raise ValueError("A phone number has digits, spaces, dashes, brackets and an optional leading +.")
    return value


def _kind(value: str) -> str:
    if value not in RESOURCE_KINDS:
        raise ValueError(Message("Use one of: {kinds}.", kinds=", ".join(RESOURCE_KINDS)))
    return value


def _language(value: str) -> str:
    value = value.strip()
    if not LANGUAGE_RE.match(value):
        raise ValueError("Use language codes such as bn or en.")
    return value


Phone = Annotated[str, AfterValidator(_phone)]
Kind = Annotated[str, AfterValidator(_kind)]
Language = Annotated[str, AfterValidator(_language)]


class ResourceFields(BaseModel):
    """Every field of a resource; each check says what is wrong in words an admin understands."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    kind: Kind
    address: Annotated[str, StringConstraints(max_length=500)] = ""
    phones: list[Phone] = Field(default_factory=list, max_length=MAX_PHONES)
    hours: Annotated[str, StringConstraints(max_length=200)] = ""
    services: Annotated[str, StringConstraints(max_length=1000)] = ""
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    languages: list[Language] = Field(default_factory=list, max_length=MAX_LANGUAGES)
    source: Annotated[str, StringConstraints(max_length=300)] = ""
    is_demo: bool = False
    sort_order: int = Field(100, ge=0, le=10_000)

    @model_validator(mode="after")
    def _position_complete(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("Give both latitude and longitude, or neither.")
        return self


class ResourceChanges(ResourceFields):
    """A partial update: only the fields sent change."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    kind: Kind | None = None

    @model_validator(mode="after")
    def _position_complete(self):
        sent = self.model_fields_set
        if ("latitude" in sent) != ("longitude" in sent) or (self.latitude is None) != (self.longitude is None):
            raise ValueError("Give both latitude and longitude, or neither.")
        return self
