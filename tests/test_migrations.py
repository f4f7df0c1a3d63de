"""Migrations build the whole schema from empty on SQLite and, when configured, PostgreSQL."""
from __future__ import annotations

import os
import uuid

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from backend import PROJECT_ROOT
from backend.extensions import db
from tests.conftest import make_config


def _upgrade_and_diff(url: str, redis_url: str, instance_dir: str) -> list:
    from backend import create_app

    app = create_app(make_config(url, redis_url, instance_dir))
    with app.app_context():
        upgrade(directory=os.path.join(PROJECT_ROOT, "migrations"))
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            indexes = {ix["name"] for ix in sa.inspect(conn).get_indexes("appointments")}
        db.engine.dispose()
    assert "uq_appointments_booked_slot" in indexes
    return diff


def test_upgrade_from_empty_on_sqlite(tmp_path, redis_url, instance_dir, base_app):
    diff = _upgrade_and_diff("sqlite:///" + str(tmp_path / "migrated.db"), redis_url, instance_dir)
    assert diff == []


# The PostgreSQL leg of the suite (TEST_DATABASE_URL set) also builds a fresh PostgreSQL database.
if os.environ.get("TEST_DATABASE_URL"):
    def test_upgrade_from_empty_on_postgresql(redis_url, instance_dir, database_url, base_app):
        name = f"carequeue_migrate_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        try:
            url = database_url.rsplit("/", 1)[0] + "/" + name
            assert _upgrade_and_diff(url, redis_url, instance_dir) == []
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
        from backend.extensions import redis_handle
        redis_handle.init_app(base_app)
