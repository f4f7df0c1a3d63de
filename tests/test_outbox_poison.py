"""A poisoned email never stalls the outbox; addresses are plain and normalized.

Real SMTP servers (aiosmtpd): one without SMTPUTF8, as most relays, and one with it.
"""
from __future__ import annotations

import contextlib

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmailOutbox, User
from backend.services.email import delivery, outbox
from tests.conftest import TEST_PASSWORD, RecordingSmtpHandler, free_port

POISON_ADDRESS = "jösé@exämple.com"


def queue(index: int, recipient: str | None = None, attachments: list | None = None) -> None:
    outbox.queue_email(kind="test", recipient=recipient or f"patient{index}@example.com", subject=f"Message {index}",
                       dedupe_key=f"poison-test:{index}", body_text=f"Hello {index}", attachments=attachments)


def rows() -> dict[int, EmailOutbox]:
    db.session.expire_all()
    return {int(r.subject.split()[-1]): r for r in db.session.execute(sa.select(EmailOutbox)).scalars()}


@contextlib.contextmanager
def smtp_server(app, smtputf8: bool):
    """A real SMTP server on a free port, offering SMTPUTF8 or not; yields its handler and the envelopes seen."""
    from aiosmtpd.controller import Controller

    handler = RecordingSmtpHandler()
    envelopes = []
    original = handler.handle_DATA

    async def handle_data(server, session, envelope):
        envelopes.append((list(envelope.rcpt_tos), "SMTPUTF8" in envelope.mail_options))
        return await original(server, session, envelope)

    handler.handle_DATA = handle_data
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, enable_SMTPUTF8=smtputf8)
    controller.start()
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_TIMEOUT")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=5)
    try:
        yield handler, envelopes
    finally:
        controller.stop()
        app.config.update(saved)


def later() -> None:
    """Time passes: every deferred row is due again."""
    db.session.execute(sa.update(EmailOutbox).where(EmailOutbox.status == "pending")
                       .values(next_attempt_at=EmailOutbox.created_at))
    db.session.commit()


def test_poison_rows_in_a_batch_of_50_fail_alone(app, monkeypatch):
    monkeypatch.setitem(app.config, "OUTBOX_MAX_ATTEMPTS", 3)
    for index in range(50):
        if index == 7:
            queue(index, recipient=POISON_ADDRESS)  # an address stored before registration refused it
        elif index == 30:
            # A message that cannot even be built (a broken attachment): an error nobody foresaw.
            queue(index, attachments=[{"filename": "x", "content_type": "broken", "content_b64": "eA=="}])
        else:
            queue(index)
    db.session.commit()

    with smtp_server(app, smtputf8=False) as (server, _envelopes):
        counts = delivery.deliver_due_emails()
        assert counts == {"sent": 48, "failed": 1, "deferred": 1}
        assert len(server.messages) == 48
        by_index = rows()
        assert {i for i, r in by_index.items() if r.status == "sent"} == set(range(50)) - {7, 30}
        assert (by_index[7].status, by_index[7].attempts) == ("failed", 1)
        assert "SMTPUTF8" in by_index[7].last_error
        assert (by_index[30].status, by_index[30].attempts) == ("pending", 1)
        assert "ValueError" in by_index[30].last_error
        assert by_index[30].next_attempt_at > by_index[30].created_at  # backoff
        # The broken row is retried alone, and fails after the last attempt.
        later()
        assert delivery.deliver_due_emails() == {"sent": 0, "failed": 0, "deferred": 1}
        later()
        assert delivery.deliver_due_emails() == {"sent": 0, "failed": 1, "deferred": 0}
        assert (rows()[30].status, rows()[30].attempts) == ("failed", 3)
        assert "gave up after 3 attempts" in rows()[30].last_error
        assert len(server.messages) == 48
        assert {r.status for r in rows().values()} == {"sent", "failed"}  # nothing left 'sending'


def test_an_internationalized_address_goes_out_with_smtputf8_when_the_server_offers_it(app):
    queue(1, recipient=POISON_ADDRESS)
    queue(2, recipient="amina@exämple.com")  # IDN domain only: plain ASCII envelope, no SMTPUTF8 needed
    db.session.commit()
    with smtp_server(app, smtputf8=True) as (handler, envelopes):
        assert delivery.deliver_due_emails() == {"sent": 2, "failed": 0, "deferred": 0}
    assert envelopes == [(["jösé@xn--exmple-cua.com"], True), (["amina@xn--exmple-cua.com"], False)]
    assert [m["To"] for m in handler.messages] == [POISON_ADDRESS, "amina@xn--exmple-cua.com"]


def register(client, email: str):
    return client.post("/auth/register", json={"email": email, "password": TEST_PASSWORD, "full_name": "Amina"})


@pytest.mark.parametrize("address", [
    "(probe)victim@example.org", "victim,attacker@evil.com", "Victim <victim@example.org>", '"victim"@example.org',
    "victim@[127.0.0.1]", "victim@example.org,attacker@evil.com", "victim@localhost", "victim @example.org",
    "victim@example.org\nBcc: attacker@evil.com",
])
def test_only_plain_addresses_are_accepted(client, address):
    response = register(client, address)
    assert response.status_code == 400, response.get_json()
    assert "plain email address" in response.get_json()["error"]["fields"]["email"]
    assert db.session.execute(sa.select(sa.func.count()).select_from(User)).scalar_one() == 0


def test_addresses_are_kept_in_one_normalized_form(client, new_client):
    assert register(client, "Amina@EXÄMPLE.com").status_code == 201
    # The same mailbox with its domain typed in its ASCII form is the same account.
    again = register(new_client(), "amina@xn--exmple-cua.com")
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "email_taken"
    assert db.session.execute(sa.select(User.email)).scalar_one() == "amina@exämple.com"


def test_accents_before_the_at_are_refused_at_registration_unless_the_server_takes_smtputf8(app, client, new_client):
    refused = register(client, POISON_ADDRESS)
    assert refused.status_code == 400
    assert "cannot deliver" in refused.get_json()["error"]["fields"]["email"]
    app.config["MAIL_SMTPUTF8"] = True
    try:
        assert register(new_client(), POISON_ADDRESS).status_code == 201
    finally:
        app.config["MAIL_SMTPUTF8"] = False
