"""Triage assessments: queueing a symptom check, answering it, and recommending doctors with free slots."""
