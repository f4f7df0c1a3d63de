"""Pagination in two queries (a count and a page), whatever the page size."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import sqlalchemy as sa

from backend.extensions import db


@dataclass
class Page:
    items: list[Any]
    page: int
    per_page: int
    total: int

    def as_json(self, serialize: Callable[[Any], dict]) -> dict:
        return {"items": [serialize(row) for row in self.items], "page": self.page,
                "per_page": self.per_page, "total": self.total}


def paginate(stmt: sa.Select, page: int, per_page: int) -> Page:
    """`stmt` selects one ORM entity, with its eager loads and a total order."""
    total = db.session.execute(
        sa.select(sa.func.count()).select_from(stmt.order_by(None).options().subquery())
    ).scalar_one()
    rows = db.session.execute(stmt.limit(per_page).offset((page - 1) * per_page)).unique().scalars().all()
    return Page(list(rows), page, per_page, total)


def page_of_list(rows: list[Any], page: int, per_page: int) -> Page:
    """A page of a list already in memory (a cached listing)."""
    start = (page - 1) * per_page
    return Page(rows[start:start + per_page], page, per_page, len(rows))
