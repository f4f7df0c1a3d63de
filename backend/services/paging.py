"""Pagination in two queries (a count and a page), whatever the page size."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import sqlalchemy as sa

from backend.extensions import db


@dataclass
class Page:
    """What every list service returns; the route serializes it for its audience.

    `cache_status` says where a cached listing came from (hit, miss, bypass).
    """
    items: list[Any]
    page: int
    per_page: int
    total: int
    cache_status: str | None = None

    def as_json(self, serialize: Callable[[Any], dict] | None = None) -> dict:
        items = self.items if serialize is None else [serialize(row) for row in self.items]
        return {"items": items, "page": self.page, "per_page": self.per_page, "total": self.total}


def paginate(stmt: sa.Select, page: int, per_page: int) -> Page:
    """`stmt` selects one ORM entity, with its eager loads and a total order."""
    total = db.session.execute(
        sa.select(sa.func.count()).select_from(stmt.order_by(None).options().subquery())
    ).scalar_one()
    rows = db.session.execute(stmt.limit(per_page).offset((page - 1) * per_page)).unique().scalars().all()
    return Page(list(rows), page, per_page, total)


def page_of_list(rows: list[Any], page: int, per_page: int, cache_status: str | None = None) -> Page:
    """A page of a list already in memory (a cached listing)."""
    start = (page - 1) * per_page
    return Page(rows[start:start + per_page], page, per_page, len(rows), cache_status)
