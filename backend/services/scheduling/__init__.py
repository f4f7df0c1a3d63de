"""Scheduling: doctors' weekly templates, concrete slots, and which slots can be booked now."""
