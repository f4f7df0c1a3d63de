"""Monthly reports: one per doctor (`report:<doctor>:<yyyy-mm>`) and a clinic summary per admin.

Counts come from grouped queries over the month (no query per appointment);
the chart of appointments per day is a PNG drawn with Pillow, shown inline
(cid) in the HTML and attached for mail clients that hide inline images.

Each reader gets the report in the language they chose, chart included: a
Bangla chart is labelled with the app's own Bangla font (Noto Sans Bengali).
"""
from __future__ import annotations

import base64
import io
import logging
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app, render_template

from backend.extensions import db
from backend.models import Appointment, Doctor, Treatment, User
from backend.services.clock import clinic_tz, utc_now
from backend.services.email import language as i18n
from backend.services.email.outbox import queue_email

log = logging.getLogger(__name__)

TOP_DIAGNOSES = 5
STATUSES = ("booked", "completed", "cancelled", "no_show")
CHART_LEGEND = {
    "en": {"completed": "completed", "no_show": "no-show", "cancelled": "cancelled", "booked": "booked"},
    "bn": {"completed": "সম্পন্ন", "no_show": "আসেননি", "cancelled": "বাতিল", "booked": "বুক করা"},
}
# The Bangla font the app serves to browsers (backend/spa.py FONTS), from the pinned npm package.
BANGLA_FONT = "node_modules/@fontsource/noto-sans-bengali/files/noto-sans-bengali-bengali-400-normal.woff2"


def previous_month(now: datetime | None = None) -> tuple[date, date]:
    """[first day, first day of next month) of the calendar month before the clinic's current one."""
    today = (now or utc_now()).astimezone(clinic_tz()).date()
    first_this = today.replace(day=1)
    first_prev = (first_this - timedelta(days=1)).replace(day=1)
    return first_prev, first_this


def month_stats(first: date, end: date) -> dict:
    """Per doctor: status counts, per-day counts and diagnoses for [first, end)."""
    in_month = (Appointment.date >= first, Appointment.date < end)
    stats: dict[int, dict] = {}

    def entry(doctor_id: int) -> dict:
        return stats.setdefault(doctor_id, {
            "counts": dict.fromkeys(STATUSES, 0), "days": {}, "diagnoses": Counter()})

    for doctor_id, day, status, count in db.session.execute(
        sa.select(Appointment.doctor_id, Appointment.date, Appointment.status, sa.func.count())
        .where(*in_month).group_by(Appointment.doctor_id, Appointment.date, Appointment.status)
    ):
        item = entry(doctor_id)
        item["counts"][status] = item["counts"].get(status, 0) + count
        per_day = item["days"].setdefault(day, dict.fromkeys(STATUSES, 0))
        per_day[status] = per_day.get(status, 0) + count
    diagnosis = sa.func.lower(sa.func.trim(Treatment.diagnosis))
    for doctor_id, name, count in db.session.execute(
        sa.select(Appointment.doctor_id, diagnosis, sa.func.count())
        .join(Treatment, Treatment.appointment_id == Appointment.id)
        .where(*in_month).group_by(Appointment.doctor_id, diagnosis)
    ):
        if name:
            entry(doctor_id)["diagnoses"][name] += count
    return stats


def totals_of(counts: dict) -> dict:
    return {"appointments": sum(counts.values()), "completed": counts.get("completed", 0),
            "cancelled": counts.get("cancelled", 0), "no_show": counts.get("no_show", 0)}


def _chart_font(language: str):
    """The font for the chart's words and numbers: Pillow's own for English, the Bangla font for Bangla
    (None when it cannot be loaded: the chart is then labelled in English)."""
    if language == "en":
        return None
    from PIL import ImageFont

    path = Path(current_app.root_path).resolve().parent / BANGLA_FONT
    try:
        return ImageFont.truetype(str(path), 12)
    except OSError:
        log.warning("Bangla chart font not found at %s; the chart is labelled in English", path)
        return None


def chart_png(first: date, end: date, days: dict, language: str = "en") -> bytes:
    """A stacked bar per day of the month: completed, no-show, cancelled, still booked."""
    from PIL import Image, ImageDraw

    font = _chart_font(language)
    if font is None:
        language = "en"
    legend = CHART_LEGEND.get(language, CHART_LEGEND["en"])

    def label(xy, value, fill):
        draw.text(xy, i18n.digits(str(value), language), fill=fill, font=font)

    n_days = (end - first).days
    width, height = 600, 260
    left, right, top, bottom = 36, 10, 34, 30
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    colors = {"completed": (46, 139, 87), "no_show": (214, 120, 30), "cancelled": (190, 60, 60),
              "booked": (70, 110, 200)}
    peak = max([sum(v.values()) for v in days.values()] + [1])
    plot_h = height - top - bottom
    slot_w = (width - left - right) / n_days
    draw.line([(left, top), (left, height - bottom)], fill=(150, 150, 150))
    draw.line([(left, height - bottom), (width - right, height - bottom)], fill=(150, 150, 150))
    label((4, top - 6), peak, (80, 80, 80))
    label((4, height - bottom - 6), 0, (80, 80, 80))
    for index in range(n_days):
        day = first + timedelta(days=index)
        counts = days.get(day, {})
        x0 = left + index * slot_w + 2
        x1 = left + (index + 1) * slot_w - 2
        y = height - bottom
        for status in ("completed", "no_show", "cancelled", "booked"):
            value = counts.get(status, 0)
            if value:
                bar = plot_h * value / peak
                draw.rectangle([x0, y - bar, x1, y], fill=colors[status])
                y -= bar
        if index % 5 == 0 or index == n_days - 1:
            label((x0, height - bottom + 6), day.day, (80, 80, 80))
    legend_x = left
    for status in ("completed", "no_show", "cancelled", "booked"):
        draw.rectangle([legend_x, 10, legend_x + 10, 20], fill=colors[status])
        label((legend_x + 14, 9 if font is None else 6), legend[status], (60, 60, 60))
        legend_x += 110
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _chart_attachment(first: date, png: bytes) -> dict:
    return {"filename": f"appointments-{first:%Y-%m}.png", "content_type": "image/png",
            "content_b64": base64.b64encode(png).decode("ascii"), "inline_cid": "month-chart",
            "also_attach": True}


def send_monthly_reports(now: datetime | None = None) -> dict:
    """Queue last month's report to every doctor who had appointments or is active, and to every admin."""
    config = current_app.config
    clinic = config["CLINIC_NAME"]
    first, end = previous_month(now)
    month_key = f"{first:%Y-%m}"
    stats = month_stats(first, end)
    doctors = db.session.execute(
        sa.select(Doctor.id, Doctor.full_name, User.email, Doctor.is_active, User.language)
        .join(User, User.id == Doctor.user_id)
        .where(User.email_confirmed_at.is_not(None))
        .order_by(Doctor.full_name)
    ).all()

    def base(lang: str) -> dict:
        return {"clinic_name": clinic, "month_text": i18n.month_text(first, lang), "chart_cid": "month-chart",
                "lang": lang, "num": i18n.numbers_in(lang)}

    def render(name: str, lang: str, context: dict) -> str:
        return render_template(i18n.template(name, lang), **context)

    queued_doctors = 0
    clinic_counts = dict.fromkeys(STATUSES, 0)
    clinic_days: dict = {}
    clinic_diagnoses: Counter = Counter()
    doctor_rows = []
    for doctor_id, name, email, active, language in doctors:
        item = stats.get(doctor_id)
        if item is None and not active:
            continue
        item = item or {"counts": dict.fromkeys(STATUSES, 0), "days": {}, "diagnoses": Counter()}
        totals = totals_of(item["counts"])
        doctor_rows.append(dict(totals, name=name))
        for status, count in item["counts"].items():
            clinic_counts[status] = clinic_counts.get(status, 0) + count
        for day, counts in item["days"].items():
            target = clinic_days.setdefault(day, dict.fromkeys(STATUSES, 0))
            for status, count in counts.items():
                target[status] = target.get(status, 0) + count
        clinic_diagnoses.update(item["diagnoses"])
        lang = i18n.chosen_language(language)
        subject = i18n.subject("report", lang, clinic=clinic, month=i18n.month_text(first, lang))
        context = dict(base(lang), subject=subject, name=name, clinic=False, totals=totals, doctors=[],
                       top_diagnoses=item["diagnoses"].most_common(TOP_DIAGNOSES))
        queued_doctors += queue_email(
            kind="report", recipient=email, subject=subject, dedupe_key=f"report:{doctor_id}:{month_key}",
            body_text=render("report.txt", lang, context), body_html=render("report.html", lang, context),
            attachments=[_chart_attachment(first, chart_png(first, end, item["days"], lang))])
    admins = db.session.execute(
        sa.select(User.id, User.email, User.language)
        .where(User.role == "admin", User.is_active.is_(True), User.email_confirmed_at.is_not(None))
        .order_by(User.id)
    ).all()
    queued_admins = 0
    clinic_charts: dict[str, bytes] = {}  # one chart per language, drawn once
    for admin_id, email, language in admins:
        lang = i18n.chosen_language(language)
        if lang not in clinic_charts:
            clinic_charts[lang] = chart_png(first, end, clinic_days, lang)
        subject = i18n.subject("clinic_report", lang, clinic=clinic, month=i18n.month_text(first, lang))
        context = dict(base(lang), subject=subject, name=email.split("@")[0], clinic=True,
                       totals=totals_of(clinic_counts), doctors=doctor_rows,
                       top_diagnoses=clinic_diagnoses.most_common(TOP_DIAGNOSES))
        queued_admins += queue_email(
            kind="clinic_report", recipient=email, subject=subject,
            dedupe_key=f"clinic-report:{admin_id}:{month_key}",
            body_text=render("report.txt", lang, context), body_html=render("report.html", lang, context),
            attachments=[_chart_attachment(first, clinic_charts[lang])])
    db.session.commit()
    return {"month": month_key, "doctor_reports": queued_doctors, "clinic_reports": queued_admins,
            "totals": totals_of(clinic_counts)}

