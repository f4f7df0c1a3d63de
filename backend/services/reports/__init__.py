"""Reports: monthly reports by email and the dashboards' aggregate figures."""
