"""The scale-out layout's proxy for real: Debian's nginx with deploy/scaleout/nginx.conf in front of the app
under gunicorn (installed by `make install-deploy`, which `make test` runs)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT, TEST_PASSWORD, free_port, gunicorn_server

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = Path(ROOT) / "deploy" / "scaleout" / "nginx.conf"


def test_the_configuration_is_valid():
    done = subprocess.run([NGINX, "-t", "-c", str(CONF)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def proxied(app, database_url, redis_url, instance_dir, tmp_path):
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log"),
                         TRUSTED_PROXIES="1") as base:
        app_port = base.rsplit(":", 1)[1]
        port = free_port()
        # nginx's workers run as an unprivileged user: their temporary folders must be theirs to write.
        spool = Path(tempfile.mkdtemp(prefix="carequeue-nginx-"))
        for folder in (spool, spool / "body", spool / "proxy"):
            folder.mkdir(exist_ok=True)
            folder.chmod(0o777)
        conf = (CONF.read_text()
                .replace("127.0.0.1:5001", f"127.0.0.1:{app_port}").replace("127.0.0.1:5002", f"127.0.0.1:{app_port}")
                .replace("listen 5000;", f"listen 127.0.0.1:{port};")
                .replace("/tmp/carequeue-scaleout-nginx.pid", str(tmp_path / "nginx.pid"))
                .replace("/tmp/carequeue-nginx-body", str(spool / "body"))
                .replace("/tmp/carequeue-nginx-proxy", str(spool / "proxy")))
        (tmp_path / "nginx.conf").write_text(conf)
        proxy = subprocess.Popen([NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path), "-g", "daemon off;"],
                                 stdout=subprocess.DEVNULL, stderr=open(tmp_path / "nginx.log", "wb"),
                                 start_new_session=True)
        front = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    if requests.get(front + "/auth/csrf", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                assert proxy.poll() is None and time.monotonic() < deadline, (tmp_path / "nginx.log").read_text()
                time.sleep(0.1)
            yield front
        finally:
            os.killpg(proxy.pid, 15)
            proxy.wait(timeout=10)
            shutil.rmtree(spool, ignore_errors=True)


def test_requests_pass_through_and_a_photo_sized_body_reaches_the_app(proxied, factory):
    factory.patient(email="p@example.com")
    web = requests.Session()
    login = web.post(f"{proxied}/auth/login", json={"email": "p@example.com", "password": TEST_PASSWORD})
    assert login.status_code == 200, login.text
    web.headers["X-CSRF-Token"] = login.json()["csrf_token"]
    assert web.get(f"{proxied}/patient/doctors").status_code == 200
    # 4.5 MB, within the photo limit: the proxy must pass it on, and the app answers in its own error shape
    # (this is not a picture), not the proxy with its HTML "413 Request Entity Too Large".
    answer = web.post(f"{proxied}/patient/triage/photos", data=b"\xff\xd8" + b"\0" * 4_500_000,
                      headers={"Content-Type": "image/jpeg"}, timeout=60)
    assert answer.headers.get("Content-Type", "").startswith("application/json"), answer.text[:200]
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_image"
