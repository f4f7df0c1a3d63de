"""CSV import: every row checked first; any bad row means nothing is written, and each is reported by line.

Columns (header row required, any order): name, kind, address, phones, hours, services, latitude,
longitude, languages, source (+ optional sort_order). Phones and languages hold several values
separated by `;`. With `replace`, the import takes the place of the whole directory (a clinic
replacing the demo set with its own), in the same transaction.
"""
from __future__ import annotations

import csv
import io

import sqlalchemy as sa
from pydantic import ValidationError

from backend.errors import InvalidInput, commit_or_conflict, validation_fields
from backend.extensions import db
from backend.messages import Message
from backend.models import EmergencyResource
from backend.services import audit, cache
from backend.services.resources.fields import ResourceFields

REQUIRED_COLUMNS = ("name", "kind")
KNOWN_COLUMNS = ("name", "kind", "address", "phones", "hours", "services", "latitude", "longitude", "languages",
                 "source", "sort_order")
LIST_COLUMNS = ("phones", "languages")
MAX_ROWS = 5000
MAX_REPORTED = 50


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("The file is not UTF-8 text. Save the spreadsheet as \"CSV UTF-8\" and try again.",
                           code="invalid_csv") from None
    if "\x00" in text:
        raise InvalidInput("The file is not a CSV text file.", code="invalid_csv")
    return text


def _row_values(row: dict[str, str | None]) -> dict:
    values: dict = {}
    for column in KNOWN_COLUMNS:
        raw = (row.get(column) or "").strip()
        if column in LIST_COLUMNS:
            values[column] = [part.strip() for part in raw.split(";") if part.strip()]
        elif column in ("latitude", "longitude", "sort_order"):
            if raw:
                values[column] = raw
        else:
            values[column] = raw
    return values


def parse_csv(data: bytes) -> list[ResourceFields]:
    """The rows as checked fields, or InvalidInput naming every bad line (the header is line 1)."""
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column and column not in KNOWN_COLUMNS]
    if missing or unknown:
        problems = {}
        if missing:
            problems["header"] = Message("Missing column(s): {columns}.", columns=", ".join(missing))
        if unknown:
            problems["columns"] = Message("Unknown column(s): {columns}. Known: {known}.",
                                          columns=", ".join(unknown), known=", ".join(KNOWN_COLUMNS))
        raise InvalidInput("The first line must name the columns.", code="invalid_csv", fields=problems)
    reader.fieldnames = header
    rows: list[ResourceFields] = []
    bad: dict[str, str] = {}
    for row in reader:
        line = reader.line_num
        if len(rows) + len(bad) >= MAX_ROWS:
            raise InvalidInput(Message("Import at most {rows} rows at a time.", rows=MAX_ROWS), code="invalid_csv")
        if None in row:
            bad[f"line {line}"] = "This row has more values than the header has columns."
            continue
        if not any((value or "").strip() for value in row.values()):
            continue  # a blank line
        try:
            rows.append(ResourceFields.model_validate(_row_values(row)))
        except ValidationError as exc:
            bad[f"line {line}"] = "; ".join(f"{field}: {problem}" for field, problem in validation_fields(exc).items())
    if bad:
        lines = list(bad)
        shown = dict(list(bad.items())[:MAX_REPORTED])
        raise InvalidInput(
            Message("{count} row(s) have problems ({lines}). Nothing was imported; correct them and import the file "
                    "again.", count=len(lines), lines=", ".join(lines[:10]) + (", …" if len(lines) > 10 else "")),
            code="invalid_rows", fields=shown)
    if not rows:
        raise InvalidInput("The file has no rows to import.", code="invalid_csv")
    return rows


def import_csv(data: bytes, *, replace: bool, actor_id: int | None = None) -> int:
    """Write every row of the file, or none of them. Returns how many were created."""
    rows = parse_csv(data)
    if replace:
        db.session.execute(sa.delete(EmergencyResource))
    db.session.add_all(EmergencyResource(**row.model_dump()) for row in rows)
    audit.record("resource.import", actor_id=actor_id, target="resources", created=len(rows), replace=replace)
    commit_or_conflict()
    cache.clear_resources()
    return len(rows)
