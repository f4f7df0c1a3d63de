"""The demo set: emergency resources around Dhaka, marked as demo data.

A wrong phone number in an emergency does harm. So every number here is the national
emergency number 999 (Bangladesh's National Emergency Service: police, fire and ambulance),
and every other place carries no number of its own, only the instruction to call 999, until
the clinic imports its own checked list. Positions are approximate, for the distance ordering.
"""
from __future__ import annotations

import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmergencyResource
from backend.services import cache

NATIONAL_EMERGENCY = "999"
NATIONAL_SOURCE = "National Emergency Service 999, Government of Bangladesh (demo data)"
NO_NUMBER = "Demo data: this place's own number is not listed until the clinic checks it. In an emergency call 999."

DHAKA_DEMO = [
    {"name": "National Emergency Service 999 (ambulance, fire, police)", "kind": "ambulance",
     "address": "Nationwide, free from any phone", "phones": [NATIONAL_EMERGENCY], "hours": "24 hours",
     "services": "Ambulance dispatch, fire service, police", "latitude": None, "longitude": None,
     "languages": ["bn", "en"], "source": NATIONAL_SOURCE, "sort_order": 1},
    {"name": "Dhaka Medical College Hospital — Emergency", "kind": "hospital",
     "address": "Secretariat Road, Bakshibazar, Dhaka 1000", "hours": "24 hours",
     "services": "Emergency department, trauma, burns unit", "latitude": 23.7257, "longitude": 90.3976,
     "sort_order": 10},
    {"name": "Bangladesh Medical University Hospital (formerly BSMMU) — Emergency", "kind": "hospital",
     "address": "Shahbag, Dhaka 1000", "hours": "24 hours",
     "services": "Emergency department, specialist referral", "latitude": 23.7389, "longitude": 90.3947,
     "sort_order": 20},
    {"name": "Shaheed Suhrawardy Medical College Hospital — Emergency", "kind": "hospital",
     "address": "Sher-e-Bangla Nagar, Dhaka 1207", "hours": "24 hours",
     "services": "Emergency department", "latitude": 23.7694, "longitude": 90.3713, "sort_order": 30},
    {"name": "Kurmitola General Hospital — Emergency", "kind": "hospital",
     "address": "Airport Road, Dhaka Cantonment, Dhaka 1206", "hours": "24 hours",
     "services": "Emergency department", "latitude": 23.8196, "longitude": 90.4078, "sort_order": 40},
    {"name": "Mugda Medical College Hospital — Emergency", "kind": "hospital",
     "address": "Mugda, Dhaka 1214", "hours": "24 hours",
     "services": "Emergency department", "latitude": 23.7306, "longitude": 90.4308, "sort_order": 50},
    {"name": "National Institute of Mental Health — Emergency", "kind": "mental_health_line",
     "address": "Sher-e-Bangla Nagar, Dhaka 1207", "hours": "24 hours",
     "services": "Psychiatric emergency care", "latitude": 23.7741, "longitude": 90.3700, "sort_order": 60},
    {"name": "Poison advice (demo entry)", "kind": "poison_line",
     "address": "Dhaka", "hours": "24 hours",
     "services": "Advice after swallowing or touching a poison: call 999 now if the person is unwell",
     "sort_order": 70},
    {"name": "Community health NGO (demo entry)", "kind": "ngo",
     "address": "Dhaka", "hours": "Office hours",
     "services": "Referral and transport help for patients who cannot pay", "sort_order": 80},
]


def seed_demo_resources() -> int:
    """Add the Dhaka demo set when the directory is empty; returns how many rows were added."""
    if db.session.execute(sa.select(EmergencyResource.id).limit(1)).first() is not None:
        return 0
    for values in DHAKA_DEMO:
        row = {"phones": [], "languages": ["bn", "en"], "source": NO_NUMBER, **values, "is_demo": True}
        db.session.add(EmergencyResource(**row))
    db.session.commit()
    cache.clear_resources()
    return len(DHAKA_DEMO)
