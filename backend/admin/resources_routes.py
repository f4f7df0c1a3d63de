"""/admin/resources: the emergency resources directory, managed by admins (CRUD and CSV import)."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from backend import contracts as c
from backend.admin.blueprint import bp
from backend.contracts import contract
from backend.errors import InvalidInput
from backend.schemas import ResourceAdminQuery, ResourceImportQuery, ResourceIn, ResourceUpdateIn
from backend.security import role_required
from backend.services.resources import directory, importer, serializers


@bp.get("/resources")
@role_required("admin")
@contract(query=ResourceAdminQuery, paged=True, responses={200: c.ResourcePage})
def list_resources(query: ResourceAdminQuery, paging):
    page = directory.list_admin(q=query.q, kind=query.kind, page=paging.page, per_page=paging.per_page)
    return jsonify(page.as_json(serializers.resource))


@bp.post("/resources")
@role_required("admin")
@contract(body=ResourceIn, responses={201: c.ResourceBody})
def create_resource(body: ResourceIn):
    row = directory.create_resource(body, actor_id=current_user.id)
    return jsonify({"resource": serializers.resource(row)}), 201


@bp.put("/resources/<int:resource_id>")
@role_required("admin")
@contract(body=ResourceUpdateIn, responses={200: c.ResourceBody})
def update_resource(resource_id: int, body: ResourceUpdateIn):
    row = directory.update_resource(resource_id, body, actor_id=current_user.id)
    return jsonify({"resource": serializers.resource(row)})


@bp.delete("/resources/<int:resource_id>")
@role_required("admin")
@contract(responses={204: None})
def delete_resource(resource_id: int):
    directory.delete_resource(resource_id, actor_id=current_user.id)
    return "", 204


@bp.post("/resources/import")
@role_required("admin")
@contract(query=ResourceImportQuery, raw_body="text/csv", responses={201: c.CreatedOut, 400: None})
def import_resources(query: ResourceImportQuery):
    """Import a CSV file of resources: all rows or none (`?replace=true` replaces the whole directory)."""
    if request.mimetype not in ("text/csv", "text/plain", "application/csv"):
        raise InvalidInput("Send the file as text/csv.", code="unsupported_media_type", status=415)
    created = importer.import_csv(request.get_data(cache=False), replace=query.replace, actor_id=current_user.id)
    return jsonify({"created": created}), 201
