"""The admin's emergency resources screen: a CSV import with a bad row is refused line by line and
writes nothing; the corrected file replaces the demo set."""
from __future__ import annotations

import sqlalchemy as sa
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import EmergencyResource
from backend.services.resources.demo import DHAKA_DEMO, seed_demo_resources
from tests.browser.conftest import log_in, screenshot

HEADER = "name,kind,address,phones,hours,services,latitude,longitude,languages,source\n"
GOOD = "Clinic partner hospital,hospital,Road 2,+880 2 555 0142,24 hours,Emergency,23.75,90.39,bn;en,Hospital's own notice\n"
BAD = "Wrong kind,clinic,,999,,,,,bn,\n"


def rows() -> list[str]:
    db.session.expire_all()
    return list(db.session.execute(sa.select(EmergencyResource.name)).scalars())


def test_the_admin_imports_a_directory_and_sees_bad_lines(open_page, factory, tmp_path):
    seed_demo_resources()
    admin = factory.admin()
    open_page.allow_console(r"status of 400 .*/admin/resources/import")
    page = open_page()
    log_in(page, admin.email, home="/admin")
    page.goto("/#/admin/resources")
    expect(page.get_by_test_id("resource-row")).to_have_count(len(DHAKA_DEMO))
    expect(page.get_by_test_id("resource-table")).to_contain_text("Demo")

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + GOOD + BAD, "utf-8")
    page.get_by_test_id("resource-import-file").set_input_files(str(bad))
    page.get_by_test_id("resource-import-submit").click()
    error = page.get_by_test_id("resource-import-error")
    expect(error).to_contain_text("line 3")
    expect(error).to_contain_text("Nothing was imported")
    assert len(rows()) == len(DHAKA_DEMO)
    screenshot(page, "admin-resources-import-error")

    good = tmp_path / "good.csv"
    good.write_text(HEADER + GOOD, "utf-8")
    page.get_by_test_id("resource-import-file").set_input_files(str(good))
    page.locator("#resource-import-replace").check()
    page.get_by_test_id("resource-import-submit").click()
    expect(page.get_by_test_id("resource-row")).to_have_count(1)
    expect(page.get_by_test_id("resource-table")).to_contain_text("Clinic partner hospital")
    assert rows() == ["Clinic partner hospital"]
    screenshot(page, "admin-resources")
