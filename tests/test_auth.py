"""services/accounts.py and the /auth routes."""
from __future__ import annotations

import pytest

from backend.services.accounts import users as accounts
from tests.conftest import TEST_PASSWORD, ApiClient


def register(client, email="amina@example.com", password=TEST_PASSWORD, **extra):
    return client.post("/auth/register", json={"email": email, "password": password,
                                               "full_name": "Amina Khatun", **extra})


def test_register_then_login_then_me(client):
    created = register(client, date_of_birth="1990-04-02", sex="female", phone="+8801711000000")
    assert created.status_code == 201
    assert created.get_json()["user"]["role"] == "patient"
    assert "password_hash" not in created.get_json()["user"]
    login = client.login("amina@example.com")
    body = login.get_json()
    assert body["user"] == {"id": body["user"]["id"], "email": "amina@example.com", "role": "patient",
                            "full_name": "Amina Khatun", "is_active": True, "email_confirmed": False,
                            "two_factor_enabled": False, "two_factor_required": False, "language": None}
    assert body["csrf_token"]
    me = client.get("/auth/me")
    assert me.status_code == 200 and me.get_json()["user"]["email"] == "amina@example.com"


def test_register_normalizes_email_and_rejects_duplicates(client):
    assert register(client, email="Amina@Example.COM").status_code == 201
    again = register(client, email="amina@example.com")
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "email_taken"


def test_wrong_password_and_unknown_email_answer_the_same(client, factory):
    factory.patient(email="known@example.com")
    wrong = client.post("/auth/login", json={"email": "known@example.com", "password": "not-the-password"})
    unknown = client.post("/auth/login", json={"email": "nobody@example.com", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()
    assert wrong.get_json()["error"]["code"] == "invalid_credentials"


def test_logout_then_replaying_the_old_cookie_is_401(client, new_client, factory):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    old_cookie = client.raw.get_cookie("session").value
    assert client.logout().status_code == 204
    replay = new_client()
    replay.raw.set_cookie("session", old_cookie)
    answer = replay.get("/auth/me")
    assert answer.status_code == 401
    assert answer.get_json()["error"]["code"] == "not_authenticated"


def test_deactivated_user_session_stops_at_once(app, client, new_client, factory):
    patient = factory.patient(email="p@example.com")
    admin = factory.admin(email="admin@example.com")
    client.login("p@example.com")
    assert client.get("/auth/me").status_code == 200
    accounts.set_user_active(patient.user_id, False, actor_id=admin.id)
    assert client.get("/auth/me").status_code == 401
    again = new_client().post("/auth/login", json={"email": "p@example.com", "password": TEST_PASSWORD})
    # Told plainly, but only after the right password: a wrong one gets the usual answer.
    assert again.status_code == 403 and again.get_json()["error"]["code"] == "account_deactivated"
    wrong = new_client().post("/auth/login", json={"email": "p@example.com", "password": "not-the-password"})
    assert wrong.status_code == 401 and wrong.get_json()["error"]["code"] == "invalid_credentials"


def test_password_change_ends_other_sessions(client, new_client, factory):
    factory.patient(email="p@example.com")
    other = new_client()
    other.login("p@example.com")
    client.login("p@example.com")
    changed = client.post("/auth/password", json={"current_password": TEST_PASSWORD,
                                                  "new_password": "a-brand-new-secret"})
    assert changed.status_code == 200
    assert client.get("/auth/me").status_code == 200
    assert other.get("/auth/me").status_code == 401


def test_state_changing_request_without_csrf_token_is_refused(client, factory):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    refused = client.post("/auth/logout", csrf=False)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "csrf_failed"
    wrong = client.post("/auth/logout", headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    assert client.get("/auth/me").status_code == 200


def test_csrf_endpoint_returns_the_session_token(client, factory):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    assert client.get("/auth/csrf").get_json()["csrf_token"] == client.csrf


@pytest.mark.parametrize("payload, field", [
    ({"email": "a@example.com", "password": "x" * 200, "full_name": "A"}, "password"),
    ({"email": "a@example.com", "password": "short", "full_name": "A"}, "password"),
    ({"email": "not-an-email", "password": TEST_PASSWORD, "full_name": "A"}, "email"),
    ({"email": "a@example.com", "password": TEST_PASSWORD, "full_name": ""}, "full_name"),
    ({"email": "a@example.com", "password": TEST_PASSWORD}, "full_name"),
    ({"email": "a@example.com", "password": TEST_PASSWORD, "full_name": "A", "role": "admin"}, "role"),
    ({"email": "a@example.com", "password": TEST_PASSWORD, "full_name": "A", "sex": "robot"}, "sex"),
    ({"email": "a@example.com", "password": TEST_PASSWORD, "full_name": "A", "date_of_birth": "1990-13-40"},
     "date_of_birth"),
    ({"email": "a@example.com", "password": TEST_PASSWORD, "full_name": "Nul\u0000Byte"}, "full_name"),
])
def test_register_validation(client, payload, field):
    answer = client.post("/auth/register", json=payload)
    assert answer.status_code == 400
    error = answer.get_json()["error"]
    assert error["code"] == "invalid_input"
    assert field in error["fields"]


def test_overlong_password_on_login_is_400_not_500(client):
    answer = client.post("/auth/login", json={"email": "a@example.com", "password": "p" * 200})
    assert answer.status_code == 400
    assert "password" in answer.get_json()["error"]["fields"]


def test_long_multibyte_password_counts_in_full(client):
    password = "ক" * 100  # 300 bytes in UTF-8, far past bcrypt's 72
    assert register(client, email="bn@example.com", password=password).status_code == 201
    client.login("bn@example.com", password)
    near_miss = client.post("/auth/login", json={"email": "bn@example.com", "password": "ক" * 99 + "খ"})
    assert near_miss.status_code == 401


@pytest.mark.parametrize("body, content_type", [
    (b"{not json", "application/json"),
    (b"[1, 2, 3]", "application/json"),
    (b"\xff\xfe", "application/json"),
])
def test_malformed_json_is_400(client, body, content_type):
    answer = client.post("/auth/register", data=body, content_type=content_type)
    assert answer.status_code == 400
    assert answer.get_json()["error"]["code"] == "malformed_json"


def test_unknown_route_is_404_json(client):
    answer = client.get("/no/such/route")
    assert answer.status_code == 404
    assert answer.get_json()["error"]["code"] == "not_found"


def test_wrong_method_is_405_json(client):
    answer = client.delete("/auth/me")
    assert answer.status_code == 405
    assert answer.get_json()["error"]["code"] == "method_not_allowed"


def test_oversized_body_is_413(client):
    answer = client.post("/auth/register", data=b"x" * (2 * 1024 * 1024), content_type="application/json")
    assert answer.status_code == 413
    assert answer.get_json()["error"]["code"] == "too_large"


def test_anonymous_me_is_401_not_a_redirect(client):
    answer = client.get("/auth/me")
    assert answer.status_code == 401
    assert "Location" not in answer.headers


def _answers(browser, email: str, ip: str, tries: int) -> list[tuple[int, str]]:
    out = []
    for _ in range(tries):
        answer = browser.post("/auth/login", json={"email": email, "password": "wrong-pass"},
                              environ_base={"REMOTE_ADDR": ip})
        out.append((answer.status_code, answer.get_json()["error"]["code"]))
    return out


def test_repeated_failures_throttle_the_same_for_known_and_unknown_accounts(make_app, factory):
    factory.patient(email="p@example.com")
    app = make_app(LOGIN_MAX_FAILURES=3, LOGIN_LOCKOUT_MINUTES=5)
    browser = app.test_client()
    known = _answers(browser, "p@example.com", "203.0.113.7", 5)
    unknown = _answers(browser, "nobody@example.com", "203.0.113.7", 5)
    # No enumeration oracle: the same answers, in the same order, whether the account exists or not.
    assert known == unknown == [(401, "invalid_credentials")] * 3 + [(429, "too_many_attempts")] * 2
    locked = browser.post("/auth/login", json={"email": "p@example.com", "password": TEST_PASSWORD},
                          environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    # The lock is per (account, address): the owner elsewhere still logs in.
    owner = browser.post("/auth/login", json={"email": "p@example.com", "password": TEST_PASSWORD},
                         environ_base={"REMOTE_ADDR": "198.51.100.20"})
    assert owner.status_code == 200


def test_wrong_current_passwords_count_like_failed_logins(make_app, factory):
    factory.patient(email="p@example.com")
    app = make_app(LOGIN_MAX_FAILURES=3, LOGIN_LOCKOUT_MINUTES=5)
    browser = ApiClient(app.test_client())
    browser.login("p@example.com")
    codes = [browser.post("/auth/password", json={"current_password": "wrong-pass", "new_password": "a-new-long-one"})
             .status_code for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    right = browser.post("/auth/password", json={"current_password": TEST_PASSWORD, "new_password": "a-new-long-one"})
    assert right.status_code == 429  # still locked: guessing stops here too


def test_login_is_rate_limited_with_retry_after(make_app):
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    browser = app.test_client()
    codes = [browser.post("/auth/login", json={"email": "x@example.com", "password": "whatever1"}).status_code
             for _ in range(4)]
    assert codes[:3] == [401, 401, 401]
    assert codes[3] == 429
    limited = browser.post("/auth/login", json={"email": "x@example.com", "password": "whatever1"})
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert "Retry-After" in limited.headers


def test_a_limited_route_says_its_limit_and_an_unlimited_one_says_nothing(make_app):
    """The limiter's after-request work runs only on requests a limit was checked on."""
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    browser = app.test_client()
    address = {"REMOTE_ADDR": "192.0.2.33"}  # a client no other test has counted
    first = browser.post("/auth/login", json={"email": "x@example.com", "password": "whatever1"}, environ_base=address)
    second = browser.post("/auth/login", json={"email": "x@example.com", "password": "whatever1"}, environ_base=address)
    assert first.headers["X-RateLimit-Limit"] == "3"
    assert int(first.headers["X-RateLimit-Remaining"]) == int(second.headers["X-RateLimit-Remaining"]) + 1
    unlimited = browser.get("/api/doctors")
    assert unlimited.status_code == 200 and "X-RateLimit-Limit" not in unlimited.headers


def test_unexpected_error_is_500_in_the_error_shape_without_traceback(make_app):
    app = make_app()

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    answer = app.test_client().get("/boom")
    assert answer.status_code == 500
    body = answer.get_json()
    assert body["error"]["code"] == "internal_error"
    assert "secret" not in answer.get_data(as_text=True)
