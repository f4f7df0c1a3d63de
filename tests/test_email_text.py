"""Names in clinic email can't carry links: what people typed is shown as text, never as a URL."""
from __future__ import annotations

import re

from backend.services.email import delivery
from backend.services.email.plain_text import ZWSP, unlinked

HOSTILE_NAME = "Visit https://evil.example/pay now"
LINKISH = re.compile(r"(?i)https?://|evil\.example|www\.[a-z]|@evil")


def test_a_hostile_full_name_reaches_the_inbox_as_text(app, factory, client, smtp_sink):
    patient = factory.patient(full_name=HOSTILE_NAME)
    slot = factory.slot(factory.doctor(full_name="Dr. Rahim www.evil.example"))
    client.login(patient.user.email)
    assert client.post("/patient/appointments", json={"slot_id": slot.id}).status_code == 201
    delivery.deliver_due_emails()
    messages = smtp_sink.wait_for(1)
    assert any(m["To"] == patient.user.email for m in messages)
    for message in messages:  # the patient's confirmation, and any notice to the doctor
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        for body in (text, html):
            assert "evil" in body.replace(ZWSP, "")  # the words are all there, shown as text
            assert not LINKISH.search(body.replace(app.config["PUBLIC_URL"], ""))  # no client can auto-link them
        assert "evil" not in "".join(re.findall(r'href="([^"]*)"', html))


def test_the_clinics_own_links_stay_whole_and_plain_words_untouched():
    assert unlinked("Dr. A. K. Rahman, MD") == "Dr. A. K. Rahman, MD"
    assert unlinked("Amina") == "Amina"
    assert ZWSP in unlinked("evil.com") and ZWSP in unlinked("x@evil.com") and ZWSP in unlinked("ftp://x")


def test_typed_text_that_starts_like_the_clinics_address_is_still_defused(app):
    from backend.services.email.plain_text import finalize

    own = app.config["PUBLIC_URL"]
    assert finalize(own + "/#/patient/appointments") == own + "/#/patient/appointments"
    for typed in (own + "@evil.example/pay", own + " pay at evil.example", own + ".evil.example"):
        assert finalize(typed) != typed and finalize(typed).replace(ZWSP, "") == typed
