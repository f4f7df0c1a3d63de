"""The beat schedule and Celery settings: which task, which time, which zone."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from backend.services.ops.jobs import scheduled_jobs
from backend.services.queue import RUN_SCHEDULED_JOB as RUN_JOB_TASK, SEND_DUE_EMAILS as SEND_DUE_EMAILS_TASK


def next_fire(celery, entry: dict, after: datetime) -> datetime:
    """When beat fires `entry` next, given it last fired at `after`."""
    schedule = entry["schedule"]
    schedule.app = celery  # beat binds each schedule to its app (and so to the app's timezone)
    schedule.nowfun = lambda: after
    return (after + schedule.remaining_estimate(after)).astimezone(timezone.utc)


def test_every_scheduled_job_is_in_the_registry_and_vice_versa(app):
    schedule = app.extensions["celery"].conf.beat_schedule
    assert set(schedule) == set(scheduled_jobs())
    for name, entry in schedule.items():
        if name == "send-due-emails":
            assert entry["task"] == SEND_DUE_EMAILS_TASK
        else:
            assert (entry["task"], tuple(entry["args"])) == (RUN_JOB_TASK, (name,))
    celery = app.extensions["celery"]
    celery.loader.import_default_modules()  # what a worker or beat does at start
    tasks = celery.tasks
    assert RUN_JOB_TASK in tasks and SEND_DUE_EMAILS_TASK in tasks


DHAKA = ZoneInfo("Asia/Dhaka")


@pytest.mark.parametrize("name, after_local, expected_local", [
    ("daily-reminders", datetime(2026, 11, 22, 8, 0), datetime(2026, 11, 23, 8, 0)),
    ("daily-reminders", datetime(2026, 11, 22, 7, 0), datetime(2026, 11, 22, 8, 0)),
    ("day-before-reminders", datetime(2026, 11, 22, 8, 0), datetime(2026, 11, 22, 18, 0)),
    ("monthly-reports", datetime(2026, 11, 1, 9, 0), datetime(2026, 12, 1, 9, 0)),
    ("monthly-reports", datetime(2026, 12, 15, 12, 0), datetime(2027, 1, 1, 9, 0)),
    ("publish-slots", datetime(2026, 11, 22, 12, 0), datetime(2026, 11, 23, 1, 30)),
    ("flag-missing-outcomes", datetime(2026, 11, 22, 12, 5), datetime(2026, 11, 22, 13, 5)),
    ("purge-expired-exports", datetime(2026, 11, 22, 12, 0), datetime(2026, 11, 23, 3, 15)),
    ("send-due-emails", datetime(2026, 11, 22, 12, 0), datetime(2026, 11, 22, 12, 1)),
    ("answer-stale-triage", datetime(2026, 11, 22, 12, 1), datetime(2026, 11, 22, 12, 2)),
])
def test_each_job_runs_at_its_clinic_time(app, name, after_local, expected_local):
    celery = app.extensions["celery"]
    assert str(celery.timezone) == "Asia/Dhaka"
    entry = celery.conf.beat_schedule[name]
    fired = next_fire(celery, entry, after_local.replace(tzinfo=DHAKA))
    assert fired == expected_local.replace(tzinfo=DHAKA).astimezone(timezone.utc)


def is_due(celery, entry: dict, last_run: datetime, now: datetime) -> bool:
    schedule = entry["schedule"]
    schedule.app = celery
    schedule.nowfun = lambda: now
    return schedule.is_due(last_run).is_due


def test_reminders_follow_the_wall_clock_across_dst(make_app):
    new_york = make_app(CLINIC_TIMEZONE="America/New_York")
    celery = new_york.extensions["celery"]
    entry = celery.conf.beat_schedule["daily-reminders"]
    zone = ZoneInfo("America/New_York")
    minute = timedelta(minutes=1)
    # Spring forward on 14 March 2027: 08:00 is 13:00 UTC the day before, 12:00 UTC on the day.
    last = datetime(2027, 3, 13, 8, 0, tzinfo=zone)
    assert next_fire(celery, entry, datetime(2027, 3, 12, 8, 0, tzinfo=zone)) == last.astimezone(timezone.utc)
    eight_edt = datetime(2027, 3, 14, 12, 0, tzinfo=timezone.utc)
    assert eight_edt.astimezone(zone).hour == 8
    assert not is_due(celery, entry, last, eight_edt - 61 * minute)  # 06:59 EDT: not an hour early
    assert not is_due(celery, entry, last, eight_edt - minute)
    assert is_due(celery, entry, last, eight_edt)
    # Fall back on 7 November 2027: a 25-hour day, still 08:00 on the clock (13:00 UTC).
    last = datetime(2027, 11, 6, 8, 0, tzinfo=zone)
    eight_est = datetime(2027, 11, 7, 13, 0, tzinfo=timezone.utc)
    assert eight_est.astimezone(zone).hour == 8
    assert not is_due(celery, entry, last, eight_est - 60 * minute)  # 07:00 EST: not an hour early
    assert not is_due(celery, entry, last, eight_est - minute)
    assert is_due(celery, entry, last, eight_est)


def test_times_come_from_config(make_app):
    custom = make_app(REMINDERS_AT="07:45", MONTHLY_REPORTS_AT="10:30")
    schedule = custom.extensions["celery"].conf.beat_schedule
    assert schedule["daily-reminders"]["schedule"].hour == {7}
    assert schedule["daily-reminders"]["schedule"].minute == {45}
    assert schedule["monthly-reports"]["schedule"].day_of_month == {1}
    assert schedule["monthly-reports"]["schedule"].hour == {10}


def test_worker_settings_make_a_killed_task_run_again(app):
    conf = app.extensions["celery"].conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_soft_time_limit < conf.task_time_limit
    # Redis redelivers a task still running after the visibility timeout: it must outlast the longest task.
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.timezone == app.config["CLINIC_TIMEZONE"]


def test_cli_lists_and_runs_jobs(app, runner, factory):
    listing = runner.invoke(args=["jobs", "list"])
    assert listing.exit_code == 0, listing.output
    assert "daily-reminders" in listing.output and "cron 0 8 * * *" in listing.output
    assert "Asia/Dhaka" in listing.output
    ran = runner.invoke(args=["jobs", "run", "daily-reminders"])
    assert ran.exit_code == 0, ran.output
    assert '"queued": 0' in ran.output
    unknown = runner.invoke(args=["jobs", "run", "no-such-job"])
    assert unknown.exit_code != 0 and "Unknown job" in unknown.output
