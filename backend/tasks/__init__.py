"""Celery tasks: thin, idempotent, each calling one service function.

Celery imports this package (`imports=("backend.tasks",)`); every module in it
is imported here so a task defined in any of them is registered.
"""
import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
