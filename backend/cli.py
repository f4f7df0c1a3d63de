"""Operator commands: `flask create-admin`, `flask seed-demo`, ..."""
from __future__ import annotations

import click
from flask import Flask

from backend.errors import commit_or_conflict
from backend.extensions import db
from backend.models import utcnow
from backend.schemas import RegisterIn


def register_cli(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.option("--email", required=True)
    @click.option("--password", required=True)
    @click.option("--name", default=None, help="The admin's name, as the app greets them.")
    def create_admin(email: str, password: str, name: str | None) -> None:
        """Create an administrator account."""
        from pydantic import ValidationError

        from backend.services.accounts import users as accounts

        try:
            checked = RegisterIn(email=email, password=password, full_name="Administrator")
        except ValidationError as exc:
            raise click.ClickException(str(exc)) from None
        user = accounts.create_user(checked.email, checked.password, "admin")
        # An operator typed this address: it counts as confirmed (reports and alerts go to it).
        user.full_name = (name or "").strip() or None
        user.email_confirmed_at = utcnow()
        commit_or_conflict()
        click.echo(f"Created admin {checked.email}")

    @app.cli.command("seed-demo")
    @click.option("--if-empty", is_flag=True, help="Do nothing when the database already has users.")
    def seed_demo(if_empty: bool) -> None:
        """Fill the database with a demo clinic and print the demo logins."""
        from backend.services.ops import demo

        if not demo.database_is_empty():
            if if_empty:
                logins = demo.demo_logins()
                click.echo(demo_logins_text(logins) if logins else "Database already has data; demo seed skipped.")
                return
            raise click.ClickException("The database is not empty; seed-demo only fills an empty database.")
        logins = demo.seed_demo()
        click.echo(demo_logins_text(logins))

    @app.cli.group("jobs")
    def jobs_group() -> None:
        """Scheduled jobs: list them, or run one now."""

    @jobs_group.command("list")
    def jobs_list() -> None:
        """Every scheduled job, with when beat runs it."""
        from backend.celery_app import beat_schedule
        from backend.services.ops.jobs import scheduled_jobs

        schedule = beat_schedule(app.config)
        for name, job in scheduled_jobs().items():
            entry = schedule.get(name)
            when = describe_crontab(entry["schedule"]) if entry else "on demand"
            click.echo(f"{name:<24} {when:<32} {job.description}")

    @jobs_group.command("run")
    @click.argument("name")
    def jobs_run(name: str) -> None:
        """Run a scheduled job now, in this process."""
        import json

        from backend.services.ops.jobs import JobLocked, run_job, scheduled_jobs

        if name not in scheduled_jobs():
            raise click.ClickException(f"Unknown job {name!r}. Known jobs: {', '.join(scheduled_jobs())}")
        try:
            result = run_job(name)
        except JobLocked:
            raise click.ClickException(f"Job {name} is already running elsewhere.") from None
        click.echo(json.dumps(result, default=str))

    @app.cli.command("create-db")
    def create_db() -> None:
        """Create every table directly (tests and throwaway databases; use `flask db upgrade` otherwise)."""
        db.create_all()
        click.echo("Tables created.")


def demo_logins_text(logins: dict) -> str:
    return (
        "Demo logins (password for all: {password})\n"
        "  admin:   {admin}\n  doctor:  {doctor}\n  patient: {patient}".format(**logins)
    )


def describe_crontab(schedule) -> str:
    """A crontab in words an operator reads at a glance, with the zone it runs in."""
    fields = f"{_field(schedule._orig_minute)} {_field(schedule._orig_hour)} {_field(schedule._orig_day_of_month)} " \
             f"{_field(schedule._orig_month_of_year)} {_field(schedule._orig_day_of_week)}"
    return f"cron {fields} ({schedule.tz})"


def _field(value) -> str:
    return str(value)
