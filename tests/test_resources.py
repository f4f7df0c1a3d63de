"""services/resources: the emergency resources directory — CRUD, CSV import, distance order, the cache."""
from __future__ import annotations

import pytest
import redis
import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmergencyResource
from backend.services.resources import demo
from backend.services.resources.directory import haversine_km

DMCH = (23.7257, 90.3976)        # Dhaka Medical College Hospital
KURMITOLA = (23.8196, 90.4078)
CHITTAGONG = (22.3569, 91.7832)

CSV_HEADER = "name,kind,address,phones,hours,services,latitude,longitude,languages,source\n"


def count() -> int:
    return db.session.execute(sa.select(sa.func.count(EmergencyResource.id))).scalar_one()


@pytest.fixture
def admin(factory, new_client):
    client = new_client()
    client.login(factory.admin().email)
    return client


def resource(name, kind="hospital", position=None, **extra):
    body = {"name": name, "kind": kind, "address": "Dhaka", "phones": ["999"], "hours": "24 hours",
            "languages": ["bn", "en"], **extra}
    if position:
        body["latitude"], body["longitude"] = position
    return body


def test_haversine_matches_a_known_distance():
    # One degree along a meridian is 111.19 km; a degree of longitude shrinks with cos(latitude).
    assert haversine_km(23.0, 90.0, 24.0, 90.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(60.0, 10.0, 60.0, 11.0) == pytest.approx(55.6, abs=0.1)
    assert 200 < haversine_km(*DMCH, *CHITTAGONG) < 215  # Dhaka to Chittagong, as the crow flies
    assert haversine_km(*DMCH, *DMCH) == 0


def test_admin_creates_reads_updates_and_deletes_a_resource(app, admin, client):
    created = admin.post("/admin/resources", json=resource("City Hospital", position=DMCH, services="Emergency"))
    assert created.status_code == 201, created.get_json()
    row = created.get_json()["resource"]
    assert row["name"] == "City Hospital" and row["phones"] == ["999"] and row["latitude"] == DMCH[0]

    listed = admin.get("/admin/resources").get_json()
    assert [item["id"] for item in listed["items"]] == [row["id"]] and listed["total"] == 1

    updated = admin.put(f"/admin/resources/{row['id']}", json={"hours": "08:00-20:00", "phones": ["+880 2 555 0100"]})
    assert updated.status_code == 200
    assert updated.get_json()["resource"]["hours"] == "08:00-20:00"
    assert client.get("/api/resources").get_json()["items"][0]["phones"] == ["+880 2 555 0100"]

    assert admin.delete(f"/admin/resources/{row['id']}").status_code == 204
    assert admin.delete(f"/admin/resources/{row['id']}").status_code == 404
    assert client.get("/api/resources").get_json()["items"] == []


@pytest.mark.parametrize("body, field", [
    (resource("X", kind="spa"), "kind"),
    (resource("X", latitude=91.0, longitude=90.0), "latitude"),
    (resource("X", latitude=23.7), "body"),
    (resource("", position=DMCH), "name"),
    (resource("X", phones=["call me"]), "phones.0"),
    (resource("X", languages=["Bangla!"]), "languages.0"),
])
def test_bad_fields_are_400_with_the_field_named(app, admin, body, field):
    answer = admin.post("/admin/resources", json=body)
    assert answer.status_code == 400
    assert field in answer.get_json()["error"]["fields"]
    assert count() == 0


def test_an_update_cannot_leave_half_a_position(app, admin):
    row = admin.post("/admin/resources", json=resource("A", position=DMCH)).get_json()["resource"]
    answer = admin.put(f"/admin/resources/{row['id']}", json={"latitude": 23.8})
    assert answer.status_code == 400
    assert admin.put(f"/admin/resources/{row['id']}", json={"name": None}).status_code == 400


def test_import_writes_every_row(app, admin, client):
    csv = CSV_HEADER + (
        'Near Hospital,hospital,"Road 1, Dhaka",999;+880 2 555 0101,24 hours,Emergency,23.7257,90.3976,bn;en,Ministry list\n'
        "\n"
        "Helpline,mental_health_line,,,,Listening,,,bn,\n"
    )
    answer = admin.post("/admin/resources/import", data=csv.encode(), content_type="text/csv")
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json() == {"created": 2}
    rows = {r["name"]: r for r in client.get("/api/resources").get_json()["items"]}
    assert rows["Near Hospital"]["phones"] == ["999", "+880 2 555 0101"]
    assert rows["Near Hospital"]["address"] == "Road 1, Dhaka"
    assert rows["Helpline"]["latitude"] is None and rows["Helpline"]["languages"] == ["bn"]
    assert not rows["Helpline"]["is_demo"]


def test_import_with_bad_rows_reports_their_lines_and_writes_nothing(app, admin):
    admin.post("/admin/resources", json=resource("Kept", position=DMCH))
    csv = CSV_HEADER + (
        "Good,hospital,,999,,,23.7,90.4,bn,\n"           # line 2
        "Bad kind,clinic,,999,,,23.7,90.4,bn,\n"         # line 3
        "Good too,ambulance,,999,,,,,bn,\n"              # line 4
        "Half position,hospital,,999,,,23.7,,bn,\n"      # line 5
        ",hospital,,999,,,,,bn,\n"                       # line 6: no name
        "Bad phone,hospital,,ring ring,,,,,bn,\n"        # line 7
    )
    answer = admin.post("/admin/resources/import", data=csv.encode(), content_type="text/csv")
    assert answer.status_code == 400
    error = answer.get_json()["error"]
    assert error["code"] == "invalid_rows"
    assert sorted(error["fields"]) == ["line 3", "line 5", "line 6", "line 7"]
    assert "kind" in error["fields"]["line 3"]
    assert "line 3" in error["message"] and "Nothing was imported" in error["message"]
    assert count() == 1


@pytest.mark.parametrize("data, content_type, code", [
    (b"name,kind\n", "text/csv", "invalid_csv"),                       # no rows
    (b"title,kind\nA,hospital\n", "text/csv", "invalid_csv"),          # no name column
    (b"name,kind,colour\nA,hospital,red\n", "text/csv", "invalid_csv"),
    ("name,kind\nA,hospital\n".encode("utf-16"), "text/csv", "invalid_csv"),
    (b'{"name": "A"}', "application/json", "unsupported_media_type"),
])
def test_a_file_that_is_not_a_resource_csv_is_refused(app, admin, data, content_type, code):
    answer = admin.post("/admin/resources/import", data=data, content_type=content_type)
    assert answer.status_code in (400, 415)
    assert answer.get_json()["error"]["code"] == code
    assert count() == 0


def test_import_with_replace_takes_the_place_of_the_demo_set(app, admin, client):
    demo.seed_demo_resources()
    assert count() == len(demo.DHAKA_DEMO)
    csv = CSV_HEADER + "Our hospital,hospital,,+880 2 555 0199,24 hours,,23.8,90.4,bn,Clinic's own list\n"
    answer = admin.post("/admin/resources/import?replace=true", data=csv.encode(), content_type="text/csv")
    assert answer.status_code == 201
    names = [row["name"] for row in client.get("/api/resources").get_json()["items"]]
    assert names == ["Our hospital"]


def test_nearest_first_with_distance(app, admin, client):
    admin.post("/admin/resources", json=resource("Far", position=CHITTAGONG, sort_order=1))
    admin.post("/admin/resources", json=resource("North", position=KURMITOLA, sort_order=2))
    admin.post("/admin/resources", json=resource("No position", kind="ambulance", sort_order=0))
    admin.post("/admin/resources", json=resource("Central", position=DMCH, sort_order=3))

    configured = client.get("/api/resources").get_json()["items"]
    assert [r["name"] for r in configured] == ["No position", "Far", "North", "Central"]
    assert all("distance_km" not in r for r in configured)

    here = (23.7300, 90.3990)  # a few hundred metres from Dhaka Medical College
    nearest = client.get(f"/api/resources?lat={here[0]}&lon={here[1]}").get_json()["items"]
    assert [r["name"] for r in nearest] == ["Central", "North", "Far", "No position"]
    assert nearest[0]["distance_km"] < 1 < nearest[1]["distance_km"] < nearest[2]["distance_km"]
    assert nearest[3]["distance_km"] is None

    three = client.get(f"/api/resources?kind=emergency&lat={here[0]}&lon={here[1]}&per_page=3").get_json()
    assert [r["name"] for r in three["items"]] == ["Central", "North", "Far"] and three["total"] == 4


@pytest.mark.parametrize("query, field", [
    ("lat=23.7", "lon"), ("lon=90.4", "lat"), ("lat=91&lon=90", "lat"), ("lat=nan&lon=90", "lat"),
    ("kind=spa", "kind"),
])
def test_bad_public_queries_are_400(app, client, query, field):
    answer = client.get(f"/api/resources?{query}")
    assert answer.status_code == 400
    assert field in answer.get_json()["error"]["fields"]


def test_filters_by_kind_and_text(app, admin, client):
    admin.post("/admin/resources", json=resource("Dhaka Medical", position=DMCH, services="Burns unit"))
    admin.post("/admin/resources", json=resource("Mind line", kind="mental_health_line"))
    by_kind = client.get("/api/resources?kind=mental_health_line").get_json()["items"]
    assert [r["name"] for r in by_kind] == ["Mind line"]
    by_text = client.get("/api/resources?q=BURNS").get_json()["items"]
    assert [r["name"] for r in by_text] == ["Dhaka Medical"]


def test_the_listing_is_cached_in_redis_and_cleared_by_every_write(app, admin, client, redis_url):
    raw = redis.Redis.from_url(redis_url)
    row = admin.post("/admin/resources", json=resource("A", position=DMCH)).get_json()["resource"]
    assert client.get("/api/resources").headers["X-Cache"] == "miss"
    assert raw.exists("resources:all")
    # Served from Redis: a change behind the service's back is not seen until the entry is cleared.
    db.session.execute(sa.update(EmergencyResource).values(name="Changed directly"))
    db.session.commit()
    second = client.get("/api/resources?lat=23.7&lon=90.4")
    assert second.headers["X-Cache"] == "hit" and second.get_json()["items"][0]["name"] == "A"
    assert raw.ttl("resources:all") > 3000

    admin.put(f"/admin/resources/{row['id']}", json={"name": "Renamed"})
    assert not raw.exists("resources:all")
    assert client.get("/api/resources").get_json()["items"][0]["name"] == "Renamed"
    admin.delete(f"/admin/resources/{row['id']}")
    assert client.get("/api/resources").get_json()["items"] == []
    admin.post("/admin/resources/import", data=(CSV_HEADER + "B,ngo,,,,,,,,\n").encode(), content_type="text/csv")
    assert [r["name"] for r in client.get("/api/resources").get_json()["items"]] == ["B"]


def test_the_demo_set_is_marked_and_its_numbers_are_999_or_none(app):
    assert demo.seed_demo_resources() == len(demo.DHAKA_DEMO)
    assert demo.seed_demo_resources() == 0  # only into an empty directory
    rows = db.session.execute(sa.select(EmergencyResource)).scalars().all()
    assert rows and all(row.is_demo for row in rows)
    for row in rows:
        # The national emergency number, named as such, or no number at all (the row says to call 999).
        assert row.phones in ([], ["999"]), row.name
        assert ("999" in row.source) if row.phones else ("call 999" in row.source.lower())
