"""Case-insensitive substring search in SQL, with LIKE wildcards escaped."""
from __future__ import annotations

import sqlalchemy as sa


def like_pattern(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column, text: str):
    return sa.func.lower(column).like(like_pattern(text), escape="\\")
