"""Emails in the recipient's language: the Bangla template when one exists (templates/email/bn/),
English otherwise, with dates, times and numbers written for the language (Bangla digits and month names).

Every email's subject, in every language, is in SUBJECTS below: a sender asks `subject(kind, language, ...)`
and never spells a subject itself.
"""
from __future__ import annotations

from datetime import date

from flask import current_app
from jinja2 import TemplateNotFound

LANGUAGES = ("en", "bn")
BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
BANGLA_WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")
BANGLA_MONTHS = ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
                 "নভেম্বর", "ডিসেম্বর")

# kind -> language -> str.format pattern. A pair is (one, many), chosen by the `count` field.
SUBJECTS: dict[str, dict[str, str | tuple[str, str]]] = {
    "appointment_booked": {"en": "Your appointment is booked", "bn": "আপনার অ্যাপয়েন্টমেন্ট বুক হয়েছে"},
    "appointment_rescheduled": {"en": "Your appointment has moved", "bn": "আপনার অ্যাপয়েন্টমেন্টের সময় বদলেছে"},
    "appointment_cancelled": {"en": "Your appointment is cancelled", "bn": "আপনার অ্যাপয়েন্টমেন্ট বাতিল হয়েছে"},
    "reminder": {"en": "Reminder: your appointment today", "bn": "মনে করিয়ে দিচ্ছি: আজ আপনার অ্যাপয়েন্টমেন্ট"},
    "reminder_eve": {"en": "Reminder: your appointment tomorrow",
                     "bn": "মনে করিয়ে দিচ্ছি: আগামীকাল আপনার অ্যাপয়েন্টমেন্ট"},
    "password_reset": {"en": "Reset your password", "bn": "আপনার পাসওয়ার্ড নতুন করে ঠিক করুন"},
    "account_invite": {"en": "Your {clinic} login", "bn": "{clinic}-এ আপনার লগইন"},
    "email_confirm": {"en": "Confirm your email address", "bn": "আপনার ইমেইল ঠিকানা নিশ্চিত করুন"},
    "email_change": {"en": "Confirm your new email address", "bn": "আপনার নতুন ইমেইল ঠিকানা নিশ্চিত করুন"},
    "doctor_notice": {"en": "Appointment {event}", "bn": "অ্যাপয়েন্টমেন্ট {event}"},
    "doctor_digest": {"en": ("Your appointments: {count} change", "Your appointments: {count} changes"),
                      "bn": "আপনার অ্যাপয়েন্টমেন্ট: {count}টি পরিবর্তন"},
    "export_ready": {"en": "Your export is ready", "bn": "আপনার এক্সপোর্ট তৈরি হয়েছে"},
    "outcome_due": {"en": "Appointments waiting for an outcome", "bn": "ফলাফলের অপেক্ষায় থাকা অ্যাপয়েন্টমেন্ট"},
    "report": {"en": "Your month at {clinic}: {month}", "bn": "{clinic}-এ আপনার মাস: {month}"},
    "clinic_report": {"en": "{clinic} in {month}", "bn": "{month}-এ {clinic}"},
}


def language_of(user, fallback: str = "en") -> str:
    """The language a person chose for the app; `fallback` (English) until they choose."""
    return chosen_language(getattr(user, "language", None) if user is not None else None, fallback)


def chosen_language(saved: str | None, fallback: str = "en") -> str:
    """A saved `User.language` value read as an email language (for queries that select the column)."""
    if saved in LANGUAGES:
        return saved
    return fallback if fallback in LANGUAGES else "en"


def template(name: str, language: str) -> str:
    """`email/bn/<name>` for a Bangla reader when it exists, else `email/<name>`."""
    if language != "en":
        localized = f"email/{language}/{name}"
        try:
            current_app.jinja_env.get_template(localized)
            return localized
        except TemplateNotFound:
            pass
    return f"email/{name}"


def subject(kind: str, language: str, **fields) -> str:
    """The subject of an email of this kind in this language; whole numbers in the reader's digits."""
    patterns = SUBJECTS[kind]
    pattern = patterns.get(language) or patterns["en"]
    if isinstance(pattern, tuple):
        pattern = pattern[0] if fields.get("count") == 1 else pattern[1]
    values = {name: number(value, language) if isinstance(value, int) else value for name, value in fields.items()}
    return pattern.format(**values)


def digits(text: str, language: str) -> str:
    return text.translate(BANGLA_DIGITS) if language == "bn" else text


def number(value, language: str) -> str:
    """A count as the reader writes it: 12, or ১২."""
    return digits(str(value), language)


def numbers_in(language: str):
    """`num(value)` for the templates: a count in the reader's digits."""
    return lambda value: number(value, language)


def date_text(day: date, language: str, *, weekday: bool = True) -> str:
    """"Monday 30 November 2026", or in Bangla "সোমবার ৩০ নভেম্বর ২০২৬"; without the weekday "30 November 2026"."""
    if language == "bn":
        text = f"{day.day} {BANGLA_MONTHS[day.month - 1]} {day.year}"
        return digits(f"{BANGLA_WEEKDAYS[day.weekday()]} {text}" if weekday else text, "bn")
    return day.strftime("%A %d %B %Y" if weekday else "%d %B %Y")


def short_date_text(day: date, language: str) -> str:
    """"Tue 03 Jun", or in Bangla "মঙ্গলবার ৩ জুন" (one line of a list)."""
    if language == "bn":
        return digits(f"{BANGLA_WEEKDAYS[day.weekday()]} {day.day} {BANGLA_MONTHS[day.month - 1]}", "bn")
    return day.strftime("%a %d %b")


def month_text(first: date, language: str) -> str:
    """"September 2026", or in Bangla "সেপ্টেম্বর ২০২৬"."""
    if language == "bn":
        return digits(f"{BANGLA_MONTHS[first.month - 1]} {first.year}", "bn")
    return first.strftime("%B %Y")


class Wording(str):
    """English words that also know how they read in the other languages.

    It is the English string everywhere a plain string is expected; `in_language` gives the
    other forms (who made a change, for instance, written once and read by a patient and a doctor
    who may each read a different language).
    """

    translations: dict[str, str]

    def __new__(cls, english: str, **translations: str) -> Wording:
        wording = super().__new__(cls, english)
        wording.translations = translations
        return wording


def in_language(text: str | None, language: str) -> str | None:
    """`text` in the reader's language when it is a Wording that knows one; as given otherwise."""
    if isinstance(text, Wording):
        return text.translations.get(language, str(text))
    return text
