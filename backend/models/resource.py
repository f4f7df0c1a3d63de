"""Emergency resources: hospitals with emergency departments, ambulance services, helplines and NGOs."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

RESOURCE_KINDS = ("hospital", "ambulance", "poison_line", "mental_health_line", "ngo")
# What an emergency triage answer offers first: places and services that take a patient now.
EMERGENCY_KINDS = ("hospital", "ambulance")


class EmergencyResource(db.Model):
    __tablename__ = "emergency_resources"
    __table_args__ = (
        enum_check("kind", RESOURCE_KINDS, "kind"),
        sa.CheckConstraint("latitude IS NULL OR (latitude >= -90 AND latitude <= 90)", name="latitude"),
        sa.CheckConstraint("longitude IS NULL OR (longitude >= -180 AND longitude <= 180)", name="longitude"),
        # A position is both coordinates or neither: half a position would sort as nonsense.
        sa.CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="position_complete"),
        sa.Index("ix_emergency_resources_kind", "kind", "sort_order"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(200))
    kind: so.Mapped[str] = so.mapped_column(sa.String(32))
    address: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    phones: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    hours: so.Mapped[str] = so.mapped_column(sa.String(200), default="", server_default="")
    services: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    latitude: so.Mapped[float | None] = so.mapped_column(sa.Float)
    longitude: so.Mapped[float | None] = so.mapped_column(sa.Float)
    languages: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    # Where the phone numbers come from; a wrong number in an emergency does harm.
    source: so.Mapped[str] = so.mapped_column(sa.String(300), default="", server_default="")
    is_demo: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())
    # The configured order, used when the patient's location is not known.
    sort_order: so.Mapped[int] = so.mapped_column(default=100, server_default="100")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
