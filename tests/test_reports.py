"""services/reports.py: last month's numbers per doctor and for the clinic, with a chart."""
from __future__ import annotations

import io
from datetime import date, datetime, time, timezone

import sqlalchemy as sa
from PIL import Image

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services.clock import local_to_utc
from backend.services.email import delivery
from backend.services.reports import monthly as reports


def test_previous_month_is_the_clinic_calendar_month_before(app):
    # 1 March 00:30 in Dhaka is still 28 February in UTC: the clinic's month decides.
    first_of_march = local_to_utc(date(2027, 3, 1), time(0, 30))
    assert first_of_march.month == 2
    assert reports.previous_month(first_of_march) == (date(2027, 2, 1), date(2027, 3, 1))
    assert reports.previous_month(datetime(2027, 1, 15, 6, tzinfo=timezone.utc)) == (date(2026, 12, 1),
                                                                                     date(2027, 1, 1))


def test_monthly_report_counts_last_month_only(app, factory, make_appointment, smtp_sink):
    doctor = factory.doctor(full_name="Dr. Rahman")
    other = factory.doctor(full_name="Dr. Chowdhury")
    admin = factory.admin()
    september = date(2026, 9, 10)
    make_appointment(doctor=doctor, day=september, start=time(9, 0), status="completed", diagnosis="Migraine")
    make_appointment(doctor=doctor, day=september, start=time(9, 30), status="completed", diagnosis=" migraine ")
    make_appointment(doctor=doctor, day=date(2026, 9, 11), start=time(9, 0), status="completed",
                     diagnosis="Hypertension")
    make_appointment(doctor=doctor, day=date(2026, 9, 12), start=time(9, 0), status="cancelled")
    make_appointment(doctor=doctor, day=date(2026, 9, 30), start=time(9, 0), status="no_show")
    make_appointment(doctor=doctor, day=date(2026, 10, 1), start=time(9, 0), status="completed", diagnosis="Flu")
    make_appointment(doctor=doctor, day=date(2026, 8, 31), start=time(9, 0), status="completed", diagnosis="Flu")
    make_appointment(doctor=other, day=september, start=time(11, 0), status="no_show")

    run_at = local_to_utc(date(2026, 10, 1), time(9, 0))
    result = reports.send_monthly_reports(now=run_at)
    assert result["month"] == "2026-09"
    assert result["doctor_reports"] == 2 and result["clinic_reports"] == 1
    assert result["totals"] == {"appointments": 6, "completed": 3, "cancelled": 1, "no_show": 2}
    assert reports.send_monthly_reports(now=run_at)["doctor_reports"] == 0  # once per doctor per month

    row = db.session.execute(sa.select(EmailOutbox).where(
        EmailOutbox.dedupe_key == f"report:{doctor.id}:2026-09")).scalar_one()
    assert "Appointments: 5" in row.body_text
    assert "Completed:    3" in row.body_text and "Cancelled:    1" in row.body_text
    assert "No-shows:     1" in row.body_text
    assert "1. migraine (2)" in row.body_text and "2. hypertension (1)" in row.body_text
    assert "flu" not in row.body_text.lower()
    assert db.session.execute(sa.select(EmailOutbox).where(
        EmailOutbox.dedupe_key == f"clinic-report:{admin.id}:2026-09")).scalar_one() is not None

    delivery.deliver_due_emails()
    messages = smtp_sink.wait_for(3)
    report = next(m for m in messages if m["To"] == doctor.user.email)
    html = report.get_body(("html",))
    assert 'src="cid:month-chart"' in html.get_content()
    related = [part for part in report.walk() if part.get("Content-ID") == "<month-chart>"]
    assert related and related[0].get_content_type() == "image/png"
    attached = [part for part in report.iter_attachments() if part.get_content_type() == "image/png"]
    assert attached and attached[0].get_filename() == "appointments-2026-09.png"
    image = Image.open(io.BytesIO(attached[0].get_content()))
    assert image.format == "PNG" and image.size == (600, 260)


def test_chart_draws_a_bar_for_each_busy_day(app):
    days = {date(2026, 9, 1): {"completed": 4}, date(2026, 9, 30): {"no_show": 2}}
    image = Image.open(io.BytesIO(reports.chart_png(date(2026, 9, 1), date(2026, 10, 1), days))).convert("RGB")
    plot_bottom = 260 - 30 - 2
    first_bar_x = 36 + 18 // 2 + 1
    assert image.getpixel((first_bar_x, plot_bottom)) == (46, 139, 87)
    assert image.getpixel((36 + 18 * 10 + 9, plot_bottom)) == (255, 255, 255)  # an empty day
