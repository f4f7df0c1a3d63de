"""services/directory: specializations whose names stay distinct in any script, and clean conflicts."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from backend.errors import Conflict, commit_or_conflict, constraint_of
from backend.extensions import db
from backend.models import Specialization, name_key
from backend.services.directory import specializations


def spec_count() -> int:
    return db.session.execute(sa.select(sa.func.count(Specialization.id))).scalar_one()


@pytest.mark.parametrize("first, second", [
    ("Ärzte", "Ärzte"),
    ("Ärzte", "ärzte"),
    ("ÄRZTE", " ärzte "),
    ("Straße", "STRASSE"),         # casefold, not lower(): ß folds to ss
    ("শিশু রোগ", "শিশু  রোগ"),        # Bangla, with a doubled space
])
def test_a_duplicate_name_in_any_script_is_a_409_not_a_500(app, factory, new_client, first, second):
    admin = new_client()
    admin.login(factory.admin().email)
    created = admin.post("/admin/specializations", json={"name": first, "description": ""})
    assert created.status_code == 201
    before = spec_count()
    again = admin.post("/admin/specializations", json={"name": second, "description": ""})
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "name_taken"
    assert again.get_json()["error"]["fields"] == {"name": "This name is already used."}
    assert spec_count() == before  # nothing half-written


def test_renaming_onto_another_name_is_a_409(app, factory, new_client):
    admin = new_client()
    admin.login(factory.admin().email)
    admin.post("/admin/specializations", json={"name": "Ärzte", "description": ""})
    other = admin.post("/admin/specializations", json={"name": "Kardiologie", "description": ""}).get_json()
    moved = admin.put(f"/admin/specializations/{other['specialization']['id']}", json={"name": "ärzte"})
    assert moved.status_code == 409 and moved.get_json()["error"]["code"] == "name_taken"
    names = sorted(db.session.execute(sa.select(Specialization.name)).scalars())
    assert "Kardiologie" in names and "ärzte" not in names


def test_the_database_itself_refuses_a_case_folded_duplicate(app):
    db.session.add(Specialization(name="Ärzte", description=""))
    db.session.commit()
    db.session.add(Specialization(name="äRZTE", description=""))
    with pytest.raises(Conflict) as refused:
        commit_or_conflict()
    assert refused.value.code == "name_taken"
    assert db.session.execute(sa.select(sa.func.count(Specialization.id))).scalar_one() == 1


def test_deleting_a_specialization_in_use_is_a_409(app, factory):
    doctor = factory.doctor()
    with pytest.raises(Conflict) as refused:
        specializations.delete_specialization(doctor.specialization_id)
    assert refused.value.code == "specialization_in_use"


def test_name_key_folds_case_width_and_spaces():
    assert name_key("  ÄRZTE  Heute ") == name_key("ärzte heute") == "ärzte heute"
    assert name_key("ＡＢＣ") == "abc"  # full-width letters


def test_constraint_names_are_read_from_either_database(app):
    db.session.add(Specialization(name="Once", description=""))
    db.session.commit()
    db.session.add(Specialization(name="ONCE", description=""))
    with pytest.raises(sa.exc.IntegrityError) as broken:
        db.session.flush()
    db.session.rollback()
    assert constraint_of(broken.value) in {"uq_specializations_name_key", "specializations.name_key"}
