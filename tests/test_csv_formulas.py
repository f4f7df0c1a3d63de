"""CSV formula neutralisation: every way a spreadsheet still reads a cell as a formula is quoted."""
from __future__ import annotations

import csv
import os
from datetime import time

import pytest

from backend.extensions import db
from backend.models import Job
from backend.services.exports import treatments as exports

HOSTILE = [
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
    "\t=1+1", "\r=1+1", "\n=1+1", " =1+1", "\u00a0=1+1",
    "\u200b=1+1", "\u200c=1+1", "\u200d=1+1", "\u2060=1+1", "\ufeff=1+1", "\u200b\u200b +1",
    "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", "\ufe661+1", "\u3000\uff1d1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_cells_are_quoted(value):
    assert exports.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "a=b", "Zoë", "１２", "\u200bplain", "(1) tablet", "", None])
def test_harmless_cells_are_kept(value):
    assert exports.neutralise(value) == ("" if value is None else value)


def test_an_export_with_hostile_diagnoses_is_quoted_in_the_file(app, factory, make_appointment):
    patient = factory.patient(full_name="\uff1dHYPERLINK(\"http://evil.example\")")
    for index, diagnosis in enumerate(HOSTILE):
        make_appointment(patient=patient, start=time(8 + index // 4, 15 * (index % 4)),
                         status="completed", diagnosis=diagnosis)
    job = Job(kind=exports.EXPORT_KIND, owner_id=patient.user.id, status="queued", params={})
    db.session.add(job)
    db.session.commit()
    exports.run_treatment_export(job.id)
    path = os.path.join(app.config["EXPORT_DIR"], db.session.get(Job, job.id).result_path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert sorted(row[7] for row in rows) == sorted("'" + value for value in HOSTILE)
    assert all(row[5].startswith("'") for row in rows)
