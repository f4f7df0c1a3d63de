"""Behind a proxy: the real client's address keys the limits and the audit trail.

A real reverse proxy (a small Python one, forwarding over HTTP and appending
X-Forwarded-For as nginx's `proxy_add_x_forwarded_for` does) in front of the
app under gunicorn with TRUSTED_PROXIES=1. Clients connect from distinct
loopback addresses (127.0.0.2, 127.0.0.3, ...), so the proxy sees each as a
different machine, while the app only ever sees the proxy's connection.
"""
from __future__ import annotations

import http.client
import http.server
import json
import threading

import pytest
import sqlalchemy as sa

from backend.extensions import client_network, db
from backend.models import AuditLog
from tests.conftest import gunicorn_server

pytestmark = pytest.mark.slow


class ForwardingHandler(http.server.BaseHTTPRequestHandler):
    upstream: tuple[str, int]

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
        prior = self.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = f"{prior}, {self.client_address[0]}" if prior else self.client_address[0]
        headers["X-Forwarded-Proto"] = "https"
        upstream = http.client.HTTPConnection(*self.upstream, timeout=30)
        upstream.request(self.command, self.path, body=body, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, *args):
        pass


@pytest.fixture
def proxied(app, database_url, redis_url, instance_dir, tmp_path):
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log"), TRUSTED_PROXIES=1,
                         RATELIMIT_ENABLED="true", LOGIN_RATE_LIMIT="3 per minute") as base:
        host, port = base.removeprefix("http://").split(":")
        handler = type("Handler", (ForwardingHandler,), {"upstream": (host, int(port))})
        proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=proxy.serve_forever, daemon=True)
        thread.start()
        try:
            yield proxy.server_address[1]
        finally:
            proxy.shutdown()
            proxy.server_close()


def call(port: int, source: str, method: str, path: str, body: dict | None = None, headers: dict | None = None):
    """One request through the proxy, from the loopback address `source`."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    payload = json.dumps(body).encode() if body is not None else None
    conn.request(method, path, body=payload, headers={"Content-Type": "application/json", **(headers or {})})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def test_login_limit_is_per_real_client_and_a_forged_header_changes_nothing(proxied, factory):
    user = factory.patient().user
    wrong = {"email": user.email, "password": "not-the-password"}
    statuses = [call(proxied, "127.0.0.2", "POST", "/auth/login", wrong) for _ in range(3)]
    assert statuses == [401, 401, 401]
    assert call(proxied, "127.0.0.2", "POST", "/auth/login", wrong) == 429
    # Writing someone else's address into X-Forwarded-For does not buy a fresh limit.
    assert call(proxied, "127.0.0.2", "POST", "/auth/login", wrong, {"X-Forwarded-For": "10.9.9.9"}) == 429
    # Another machine behind the same proxy is not locked out by the first one.
    assert call(proxied, "127.0.0.3", "POST", "/auth/login", wrong) == 401


def test_audit_rows_carry_the_real_client_address(proxied):
    body = {"email": "amina@example.com", "password": "correct-horse-battery", "full_name": "Amina"}
    assert call(proxied, "127.0.0.4", "POST", "/auth/register", body, {"X-Forwarded-For": "10.9.9.9"}) == 201
    db.session.rollback()
    ips = db.session.execute(sa.select(AuditLog.ip).where(AuditLog.action == "user.register")).scalars().all()
    assert ips == ["127.0.0.4"]


@pytest.mark.parametrize("address, key", [
    ("203.0.113.7", "203.0.113.7"),
    ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
    ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
    ("::ffff:198.51.100.9", "198.51.100.9"),
])
def test_limits_key_ipv6_clients_by_their_64(app, address, key):
    with app.test_request_context(environ_base={"REMOTE_ADDR": address}):
        assert client_network() == key
