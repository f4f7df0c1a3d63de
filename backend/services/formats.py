"""How values are written in JSON, emails and files: one leaf module, imported by every domain."""
from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def iso_timestamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def money(value: Decimal | None) -> str:
    return f"{(value or Decimal('0')):.2f}"
