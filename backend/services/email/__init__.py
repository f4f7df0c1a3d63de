"""Email: the outbox, its delivery over SMTP, calendar files, appointment emails, reminders and the sink's mailbox."""
