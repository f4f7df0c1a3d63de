"""URL handling shared by the blueprints."""
from __future__ import annotations

from backend.errors import NotFound

MAX_ID = 2**31 - 1


def reject_out_of_range_ids(endpoint: str | None, values: dict | None) -> None:
    """An id no row can have is simply not found (the database would refuse to compare it)."""
    for value in (values or {}).values():
        if isinstance(value, int) and not 0 < value <= MAX_ID:
            raise NotFound("Not found.")
