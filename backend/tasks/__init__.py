"""Celery tasks: thin, idempotent, each calling one service function."""
