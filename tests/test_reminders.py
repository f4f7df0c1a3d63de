"""services/reminders.py: who is reminded, when, and only once."""
from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services.booking import outcomes
from backend.services.clock import clinic_today, local_to_utc
from backend.services.email import reminders
from backend.services.ops import jobs


def keys(kind: str | None = None) -> list[str]:
    query = sa.select(EmailOutbox.dedupe_key).order_by(EmailOutbox.dedupe_key)
    if kind:
        query = query.where(EmailOutbox.kind == kind)
    return list(db.session.execute(query).scalars())


def test_todays_booked_appointments_are_reminded_once(app, factory, make_appointment):
    today = clinic_today()
    doctor = factory.doctor()
    booked = [make_appointment(doctor=doctor, day=today, start=time(9 + i, 0)) for i in range(3)]
    make_appointment(doctor=doctor, day=today, start=time(14, 0), status="cancelled")
    make_appointment(doctor=doctor, day=today + timedelta(days=1), start=time(9, 0))
    first = reminders.send_daily_reminders()
    assert first == {"date": today.isoformat(), "appointments": 3, "queued": 3}
    assert reminders.send_daily_reminders()["queued"] == 0
    assert jobs.run_job("daily-reminders")["queued"] == 0
    assert keys("reminder") == sorted(f"reminder:{a.id}:{today.isoformat()}" for a in booked)
    row = db.session.execute(sa.select(EmailOutbox).limit(1)).scalar_one()
    assert row.subject == "Reminder: your appointment today"
    assert doctor.full_name in row.body_text and doctor.full_name in row.body_html


def test_the_opt_out_stops_reminders(app, factory, make_appointment):
    # "Email me appointment reminders and updates" off means what it says.
    make_appointment(patient=factory.patient(email_opt_in=False), day=clinic_today())
    make_appointment(patient=factory.patient(email_opt_in=False, remind_day_before=True),
                     day=clinic_today() + timedelta(days=1))
    kept = make_appointment(patient=factory.patient(), day=clinic_today(), start=time(11, 0))
    assert reminders.send_daily_reminders()["queued"] == 1
    assert reminders.send_day_before_reminders()["queued"] == 0
    assert keys("reminder") == [f"reminder:{kept.id}:{clinic_today().isoformat()}"]


def test_unconfirmed_or_missing_addresses_get_no_reminders(app, factory, make_appointment):
    unconfirmed = factory.patient()
    unconfirmed.user.email_confirmed_at = None
    no_email = factory.patient()
    no_email.user.email = None
    db.session.commit()
    make_appointment(patient=unconfirmed, day=clinic_today())
    make_appointment(patient=no_email, day=clinic_today(), start=time(11, 0))
    assert reminders.send_daily_reminders()["queued"] == 0


def test_day_before_reminders_follow_the_patients_choice(app, factory, make_appointment):
    tomorrow = clinic_today() + timedelta(days=1)
    wants = make_appointment(patient=factory.patient(remind_day_before=True), day=tomorrow)
    make_appointment(patient=factory.patient(remind_day_before=False), day=tomorrow, start=time(11, 0))
    assert reminders.send_day_before_reminders()["queued"] == 1
    assert reminders.send_day_before_reminders()["queued"] == 0
    assert keys("reminder_eve") == [f"reminder-eve:{wants.id}:{tomorrow.isoformat()}"]


def test_two_runs_at_the_same_moment_queue_each_reminder_once(app, factory, make_appointment):
    today = clinic_today()
    doctor = factory.doctor()
    for index in range(40):
        make_appointment(doctor=doctor, day=today, start=(datetime(2000, 1, 1, 8) + timedelta(minutes=10 * index)).time(),
                         minutes=10)
    results, errors = [], []
    barrier = threading.Barrier(2)

    def run():
        with app.app_context():
            try:
                barrier.wait()
                results.append(reminders.send_daily_reminders()["queued"])
            except Exception as exc:  # reported below
                errors.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(results) == 40
    assert len(keys("reminder")) == 40


def test_a_running_job_holds_its_lock(app):
    from redis import Redis

    Redis.from_url(app.config["REDIS_URL"]).set("carequeue:lock:job:daily-reminders", "other", ex=30)
    try:
        jobs.run_job("daily-reminders")
    except jobs.JobLocked:
        pass
    else:
        raise AssertionError("a second run went ahead while the first held the lock")


def test_reminder_window_follows_the_clinic_day_across_dst(app, factory, make_appointment, monkeypatch):
    monkeypatch.setitem(app.config, "CLINIC_TIMEZONE", "America/New_York")
    zone = ZoneInfo("America/New_York")
    change = date(2027, 3, 14)  # clocks go forward at 02:00 local
    doctor = factory.doctor()
    by_day = {day: make_appointment(doctor=doctor, day=day, start=time(10, 0))
              for day in (change - timedelta(days=1), change, change + timedelta(days=1))}
    at_eight = local_to_utc(change, time(8, 0), zone)
    assert at_eight == datetime(2027, 3, 14, 12, 0, tzinfo=timezone.utc)  # 08:00 EDT, not 13:00 as the day before
    assert reminders.send_daily_reminders(now=at_eight)["date"] == change.isoformat()
    assert keys("reminder") == [f"reminder:{by_day[change].id}:{change.isoformat()}"]
    # 23:30 the evening before the change is still that earlier day in the clinic, though UTC says the 14th.
    late_evening = local_to_utc(change - timedelta(days=1), time(23, 30), zone)
    assert late_evening.date() == change
    assert reminders.clinic_date_of(late_evening) == change - timedelta(days=1)
    # The day-before run at 18:00 EST on the 13th covers the 14th, the short day.
    eve = local_to_utc(change - timedelta(days=1), time(18, 0), zone)
    assert reminders.send_day_before_reminders(now=eve)["date"] == change.isoformat()


def test_ended_appointments_are_flagged_and_each_doctor_told_once_a_day(app, factory, make_appointment):
    doctor = factory.doctor()
    today = clinic_today()
    past = make_appointment(doctor=doctor, day=today - timedelta(days=1), start=time(10, 0))
    future = make_appointment(doctor=doctor, day=today + timedelta(days=2), start=time(10, 0))
    done = make_appointment(doctor=doctor, day=today - timedelta(days=2), start=time(10, 0), status="completed",
                            diagnosis="Flu")
    first = outcomes.flag_missing_outcomes()
    assert first["flagged"] >= 1 and first["doctors_notified"] == 1
    db.session.expire_all()
    assert past.outcome_due_at is not None
    assert future.outcome_due_at is None and done.outcome_due_at is None
    again = outcomes.flag_missing_outcomes()
    assert again == {"flagged": 0, "doctors_notified": 0}
    [row] = db.session.execute(sa.select(EmailOutbox).where(EmailOutbox.kind == "outcome_due")).scalars().all()
    assert row.dedupe_key == f"outcome-due:{doctor.id}:{today.isoformat()}"
    assert past.patient.full_name not in row.body_text  # the email points to the queue, it names no patient
