"""Exports: user-requested CSV files, streamed in constant memory and emailed when ready."""
