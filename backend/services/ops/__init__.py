"""Operations: scheduled jobs by name, health checks, housekeeping and demo data."""
