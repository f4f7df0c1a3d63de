"""Forgot password, admin reset, email confirmation and change, and two-factor login, with a real SMTP server."""
from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import sqlalchemy as sa

from backend.extensions import db
from backend.models import AccountToken, EmailOutbox, User, utcnow
from backend.services.email import delivery
from tests.conftest import TEST_PASSWORD, ApiClient

NEW_PASSWORD = "a-brand-new-secret"


def link_token(message) -> str:
    return re.search(r"token=([A-Za-z0-9_\-]+)", message.get_body(("plain",)).get_content()).group(1)


def mails(sink, count):
    delivery.deliver_due_emails()
    return sink.wait_for(count)


def browser(app) -> ApiClient:
    return ApiClient(app.test_client())


def test_forgot_password_answers_the_same_for_known_and_unknown_emails(app, factory, smtp_sink):
    factory.patient(email="amina@example.com")
    known = browser(app).post("/auth/password/forgot", json={"email": "amina@example.com"})
    unknown = browser(app).post("/auth/password/forgot", json={"email": "nobody@example.com"})
    assert (known.status_code, known.get_json()) == (unknown.status_code, unknown.get_json()) == (202, {})
    [email] = mails(smtp_sink, 1)
    assert email["To"] == "amina@example.com" and email["Subject"] == "Reset your password"
    assert db.session.execute(sa.select(sa.func.count(EmailOutbox.id))).scalar_one() == 1


def test_a_reset_link_works_once_ends_every_session_and_expires(app, factory, smtp_sink):
    factory.patient(email="amina@example.com")
    logged_in = browser(app)
    logged_in.login("amina@example.com")
    assert browser(app).post("/auth/password/forgot", json={"email": "amina@example.com"}).status_code == 202
    token = link_token(mails(smtp_sink, 1)[0])
    assert db.session.execute(sa.select(AccountToken.token_hash)).scalar_one() != token  # stored hashed
    used = browser(app).post("/auth/password/reset", json={"token": token, "password": NEW_PASSWORD})
    assert used.status_code == 200
    assert logged_in.get("/auth/me").status_code == 401  # every other session ended
    twice = browser(app).post("/auth/password/reset", json={"token": token, "password": "yet-another-one"})
    assert twice.status_code == 400 and twice.get_json()["error"]["code"] == "invalid_token"
    browser(app).login("amina@example.com", NEW_PASSWORD)

    # Expired: 30 minutes by default.
    assert browser(app).post("/auth/password/forgot", json={"email": "amina@example.com"}).status_code == 202
    late = link_token(mails(smtp_sink, 2)[1])
    db.session.execute(sa.update(AccountToken).where(AccountToken.used_at.is_(None))
                       .values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    expired = browser(app).post("/auth/password/reset", json={"token": late, "password": "yet-another-one"})
    assert expired.status_code == 400 and expired.get_json()["error"]["code"] == "invalid_token"


def test_a_token_only_does_what_it_was_issued_for(app, factory, smtp_sink):
    """Another user's token changes that user only, and a confirmation token is not a reset token."""
    factory.patient(email="amina@example.com")
    factory.patient(email="karim@example.com")
    browser(app).post("/auth/password/forgot", json={"email": "karim@example.com"})
    karims = link_token(mails(smtp_sink, 1)[0])
    assert browser(app).post("/auth/password/reset", json={"token": karims, "password": NEW_PASSWORD}).status_code == 200
    browser(app).login("amina@example.com")  # Amina's password is unchanged
    browser(app).login("karim@example.com", NEW_PASSWORD)
    created = browser(app).post("/auth/register", json={"email": "new@example.com", "password": TEST_PASSWORD,
                                                        "full_name": "New Person"})
    assert created.status_code == 201
    confirm = link_token(mails(smtp_sink, 2)[1])
    wrong_kind = browser(app).post("/auth/password/reset", json={"token": confirm, "password": NEW_PASSWORD})
    assert wrong_kind.status_code == 400 and wrong_kind.get_json()["error"]["code"] == "invalid_token"


def test_an_admin_sends_a_reset_link(app, factory, smtp_sink):
    patient = factory.patient(email="amina@example.com")
    factory.admin(email="desk@example.com")
    desk = browser(app)
    desk.login("desk@example.com")
    assert desk.post(f"/admin/users/{patient.user_id}/password-reset").status_code == 202
    [email] = mails(smtp_sink, 1)
    assert email["To"] == "amina@example.com"
    assert browser(app).post("/auth/password/reset", json={"token": link_token(email),
                                                           "password": NEW_PASSWORD}).status_code == 200


def test_nothing_but_the_confirmation_goes_to_an_unconfirmed_address(app, factory, smtp_sink):
    doctor = factory.doctor()
    slot = factory.slot(doctor)
    patient_browser = browser(app)
    assert patient_browser.post("/auth/register", json={"email": "new@example.com", "password": TEST_PASSWORD,
                                                        "full_name": "New Person"}).status_code == 201
    patient_browser.login("new@example.com")
    assert patient_browser.post("/patient/appointments", json={"slot_id": slot.id}).status_code == 201
    kinds = sorted(db.session.execute(sa.select(EmailOutbox.kind).where(
        EmailOutbox.recipient == "new@example.com")).scalars())
    assert kinds == ["email_confirm"]  # no booking confirmation yet
    [email] = [m for m in mails(smtp_sink, 2) if m["To"] == "new@example.com"]
    confirmed = browser(app).post("/auth/email/confirm", json={"token": link_token(email)})
    assert confirmed.status_code == 200 and confirmed.get_json()["user"]["email_confirmed"] is True
    assert db.session.execute(sa.select(User.email_confirmed_at).where(User.email == "new@example.com")).scalar()


def test_an_email_change_is_confirmed_at_the_new_address(app, factory, smtp_sink):
    factory.patient(email="old@example.com")
    me = browser(app)
    me.login("old@example.com")
    wrong = me.post("/auth/email", json={"new_email": "new@example.com", "current_password": "not-it-at-all"})
    assert wrong.status_code == 400
    assert me.post("/auth/email", json={"new_email": "new@example.com",
                                        "current_password": TEST_PASSWORD}).status_code == 202
    [email] = mails(smtp_sink, 1)
    assert email["To"] == "new@example.com"
    assert me.get("/auth/me").get_json()["user"]["email"] == "old@example.com"  # not yet
    assert browser(app).post("/auth/email/confirm", json={"token": link_token(email)}).status_code == 200
    browser(app).login("new@example.com")


# ---- two-factor login ------------------------------------------------------------

def enrol(client: ApiClient) -> tuple[str, list[str]]:
    setup = client.post("/auth/two-factor/setup")
    assert setup.status_code == 200
    data = setup.get_json()
    assert data["qr_svg"].startswith("data:image/svg+xml") and data["otpauth_uri"].startswith("otpauth://totp/")
    wrong = client.post("/auth/two-factor/enable", json={"code": "000000"})
    assert wrong.status_code == 400 and wrong.get_json()["error"]["code"] == "invalid_code"
    enabled = client.post("/auth/two-factor/enable", json={"code": pyotp.TOTP(data["secret"]).now()})
    assert enabled.status_code == 200, enabled.get_json()
    codes = enabled.get_json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    return data["secret"], codes


def test_two_factor_enrolment_login_wrong_code_and_recovery_code_once(app, factory):
    factory.doctor(email="dr@example.com")
    me = browser(app)
    me.login("dr@example.com")
    secret, codes = enrol(me)
    first = browser(app)
    step = first.post("/auth/login", json={"email": "dr@example.com", "password": TEST_PASSWORD})
    assert step.status_code == 202 and step.get_json() == {"two_factor_required": True}
    assert first.get("/auth/me").status_code == 401  # not logged in before the second factor
    bad = first.post("/auth/login/two-factor", json={"code": "123456"})
    assert bad.status_code == 400 and bad.get_json()["error"]["code"] == "invalid_code"
    good = first.post("/auth/login/two-factor", json={"recovery_code": codes[0]})
    assert good.status_code == 200 and good.get_json()["user"]["email"] == "dr@example.com"
    second = browser(app)
    second.post("/auth/login", json={"email": "dr@example.com", "password": TEST_PASSWORD})
    reused = second.post("/auth/login/two-factor", json={"recovery_code": codes[0]})
    assert reused.status_code == 400  # each recovery code works once
    del secret


def test_repeated_wrong_codes_lock_like_passwords(make_app, factory):
    factory.patient(email="p@example.com")
    app = make_app(LOGIN_MAX_FAILURES=3, LOGIN_LOCKOUT_MINUTES=5)
    me = ApiClient(app.test_client())
    me.login("p@example.com")
    secret, _codes = enrol(me)
    other = ApiClient(app.test_client())
    other.post("/auth/login", json={"email": "p@example.com", "password": TEST_PASSWORD})
    answers = [other.post("/auth/login/two-factor", json={"code": "000000"}).status_code for _ in range(3)]
    assert answers == [400, 400, 400]
    # Locked now: even the right code is refused until the lock ends.
    locked = other.post("/auth/login/two-factor", json={"code": pyotp.TOTP(secret).now()})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0


def test_production_requires_two_factor_for_admins(make_app, factory):
    factory.admin(email="admin@example.com")
    app = make_app(ENV_NAME="production")
    admin = ApiClient(app.test_client())
    login = admin.login("admin@example.com")
    assert login.get_json()["user"]["two_factor_required"] is True
    blocked = admin.get("/admin/dashboard")
    assert blocked.status_code == 403 and blocked.get_json()["error"]["code"] == "two_factor_setup_required"
    enrol(admin)
    assert admin.get("/admin/dashboard").status_code == 200
    refused = admin.post("/auth/two-factor/disable", json={"password": TEST_PASSWORD})
    assert refused.status_code == 409
    # Outside production it stays optional.
    development = ApiClient(make_app(ENV_NAME="development").test_client())
    factory.admin(email="other.admin@example.com")
    development.login("other.admin@example.com")
    assert development.get("/admin/dashboard").status_code == 200
