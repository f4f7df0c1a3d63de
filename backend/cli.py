"""Operator commands: `flask create-admin`, `flask seed-demo`, ..."""
from __future__ import annotations

import click
from flask import Flask

from backend.extensions import db
from backend.schemas import RegisterIn


def register_cli(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.option("--email", required=True)
    @click.option("--password", required=True)
    def create_admin(email: str, password: str) -> None:
        """Create an administrator account."""
        from pydantic import ValidationError

        from backend.services import accounts

        try:
            checked = RegisterIn(email=email, password=password, full_name="Administrator")
        except ValidationError as exc:
            raise click.ClickException(str(exc)) from None
        accounts.create_user(checked.email, checked.password, "admin")
        accounts.commit_unique()
        click.echo(f"Created admin {checked.email}")

    @app.cli.command("seed-demo")
    @click.option("--if-empty", is_flag=True, help="Do nothing when the database already has users.")
    def seed_demo(if_empty: bool) -> None:
        """Fill the database with a demo clinic and print the demo logins."""
        from backend.services import demo

        if not demo.database_is_empty():
            if if_empty:
                logins = demo.demo_logins()
                click.echo(demo_logins_text(logins) if logins else "Database already has data; demo seed skipped.")
                return
            raise click.ClickException("The database is not empty; seed-demo only fills an empty database.")
        logins = demo.seed_demo()
        click.echo(demo_logins_text(logins))

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
