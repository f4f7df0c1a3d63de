"""/api/resources: the public emergency resources directory."""
from __future__ import annotations

from backend import contracts as c
from backend.api.blueprint import bp
from backend.contracts import contract
from backend.responses import cached_json
from backend.schemas import ResourceQuery
from backend.services.resources import directory


@bp.get("/resources")
@contract(query=ResourceQuery, paged=True, responses={200: c.ResourcePage})
def list_resources(query: ResourceQuery, paging):
    """Emergency resources for everyone; with lat and lon, nearest first with distance_km."""
    page = directory.list_public(kind=query.kind, q=query.q, lat=query.lat, lon=query.lon,
                                 page=paging.page, per_page=paging.per_page)
    return cached_json(page.as_json(), page.cache_status or "bypass")
