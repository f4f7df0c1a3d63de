"""config.py and the factory's embedded defaults."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from config import DEFAULT_SECRET_KEY, Config, ProdConfig, normalize_database_url
from tests.conftest import ROOT, free_port


def test_production_refuses_a_missing_or_default_secret(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProdConfig().validate()
    monkeypatch.setenv("SECRET_KEY", DEFAULT_SECRET_KEY)
    with pytest.raises(RuntimeError):
        ProdConfig().validate()
    monkeypatch.setenv("SECRET_KEY", "s" * 48)
    ProdConfig().validate()


def test_production_create_app_refuses_default_secret(monkeypatch):
    from backend import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError):
        create_app(ProdConfig())


def test_config_is_read_at_instantiation_not_import(monkeypatch):
    monkeypatch.setenv("CLINIC_TIMEZONE", "Europe/London")
    monkeypatch.setenv("BOOKING_HORIZON_DAYS", "30")
    config = Config()
    assert config.CLINIC_TIMEZONE == "Europe/London"
    assert config.BOOKING_HORIZON_DAYS == 30
    monkeypatch.delenv("CLINIC_TIMEZONE")
    assert Config().CLINIC_TIMEZONE == "Asia/Dhaka"


def test_production_password_hashing_cost_is_12(monkeypatch):
    monkeypatch.delenv("BCRYPT_LOG_ROUNDS", raising=False)
    assert Config().BCRYPT_LOG_ROUNDS == 12


@pytest.mark.parametrize("given, expected", [
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_database_urls_use_the_shipped_driver(given, expected):
    assert normalize_database_url(given) == expected


def test_no_environment_means_embedded_defaults(tmp_path):
    """With no settings at all: SQLite under instance/, an embedded Redis, the local SMTP sink, rules triage."""
    port = free_port()
    script = (
        "from backend import create_app\n"
        "from backend.extensions import redis_handle\n"
        "app = create_app()\n"
        "c = app.config\n"
        "print(c['SQLALCHEMY_DATABASE_URI']); print(c['REDIS_URL']); print(redis_handle.ping())\n"
        "print(c['MAIL_SERVER'], c['MAIL_PORT']); print(c['TRIAGE_PROVIDER'])\n"
    )
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env = dict(keep, CAREQUEUE_INSTANCE=str(tmp_path), EMBEDDED_REDIS_PORT=str(port))
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == f"sqlite:///{tmp_path}/carequeue.db"
    assert lines[1] == f"redis://127.0.0.1:{port}/0"
    assert lines[2] == "True"
    assert lines[3] == "127.0.0.1 8025"
    assert lines[4] == "rules"


def test_settings_from_the_environment_replace_the_defaults(tmp_path, redis_url):
    script = (
        "from backend import create_app\n"
        "app = create_app()\n"
        "print(app.config['SQLALCHEMY_DATABASE_URI']); print(app.config['REDIS_URL']);"
        " print(app.config['MAIL_SERVER'])\n"
    )
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env = dict(keep, CAREQUEUE_INSTANCE=str(tmp_path), DATABASE_URL="postgresql://u@db.internal/cq",
               REDIS_URL=redis_url, MAIL_SERVER="smtp.clinic.example")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["postgresql+psycopg://u@db.internal/cq", redis_url, "smtp.clinic.example"]
