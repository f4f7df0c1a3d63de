"""Emails in the recipient's language: the Bangla template when one exists (templates/email/bn/),
English otherwise, with dates and times written for the language (Bangla digits and month names)."""
from __future__ import annotations

from datetime import date

from flask import current_app
from jinja2 import TemplateNotFound

LANGUAGES = ("en", "bn")
BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
BANGLA_WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")
BANGLA_MONTHS = ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
                 "নভেম্বর", "ডিসেম্বর")


def language_of(user) -> str:
    """The language a person chose for the app; English until they choose."""
    chosen = getattr(user, "language", None) if user is not None else None
    return chosen if chosen in LANGUAGES else "en"


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


def digits(text: str, language: str) -> str:
    return text.translate(BANGLA_DIGITS) if language == "bn" else text


def date_text(day: date, language: str) -> str:
    """"Monday 30 November 2026", or in Bangla "সোমবার ৩০ নভেম্বর ২০২৬"."""
    if language == "bn":
        return digits(f"{BANGLA_WEEKDAYS[day.weekday()]} {day.day} {BANGLA_MONTHS[day.month - 1]} {day.year}", "bn")
    return day.strftime("%A %d %B %Y")
