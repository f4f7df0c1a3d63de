"""How a resource is shown: the same to everyone (the directory is public)."""
from __future__ import annotations

from backend.models import EmergencyResource


def resource(row: EmergencyResource) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "address": row.address,
        "phones": list(row.phones or []),
        "hours": row.hours,
        "services": row.services,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "languages": list(row.languages or []),
        "source": row.source,
        "is_demo": row.is_demo,
        "sort_order": row.sort_order,
    }
