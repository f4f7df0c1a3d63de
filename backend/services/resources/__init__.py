"""Emergency resources directory: hospitals with emergency departments, ambulance services, poison and
mental-health lines and NGOs; the admin's management and CSV import, the cached public listing with
distance ordering, and the demo set."""
