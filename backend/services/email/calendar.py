"""Calendar files (iCalendar REQUEST and CANCEL) attached to appointment emails."""
from __future__ import annotations

import time as _time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import current_app

from backend.models import Appointment

_SEQUENCE_EPOCH = 1_577_836_800  # 2020-01-01T00:00:00Z


def _ics_sequence() -> int:
    # Seconds since 2020: grows with every change, which is all SEQUENCE needs
    # (calendar clients keep the event with the highest one).
    return int(_time.time()) - _SEQUENCE_EPOCH


# The event's title as the patient's calendar shows it, in the language of the email it came with.
EVENT_TITLES = {"en": "Appointment with {doctor}", "bn": "{doctor}-এর সাথে অ্যাপয়েন্টমেন্ট"}


def appointment_ics(appointment: Appointment, method: str, language: str = "en") -> str:
    """An iCalendar invitation (REQUEST) or cancellation (CANCEL) for the appointment, clinic time zone."""
    from icalendar import Calendar, Event, vCalAddress, vText

    config = current_app.config
    zone = ZoneInfo(config["CLINIC_TIMEZONE"])
    cal = Calendar()
    cal.add("prodid", "-//CareQueue//Appointments//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"appointment-{appointment.id}@carequeue")
    event.add("sequence", _ics_sequence())
    event.add("dtstamp", datetime.now(timezone.utc))
    event.add("dtstart", datetime.combine(appointment.date, appointment.start_time, tzinfo=zone))
    event.add("dtend", datetime.combine(appointment.date, appointment.end_time, tzinfo=zone))
    title = EVENT_TITLES.get(language, EVENT_TITLES["en"])
    event.add("summary", title.format(doctor=appointment.doctor.full_name))
    event.add("location", config["CLINIC_NAME"])
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress("mailto:" + _sender_address(config["MAIL_DEFAULT_SENDER"]))
    organizer.params["cn"] = vText(config["CLINIC_NAME"])
    event.add("organizer", organizer)
    attendee = vCalAddress("mailto:" + appointment.patient.user.email)
    attendee.params["cn"] = vText(appointment.patient.full_name)
    event.add("attendee", attendee)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def _sender_address(sender: str) -> str:
    return sender.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in sender else sender.strip()
