"""Booking: taking, cancelling and moving appointments, the lists each role sees, and visit outcomes."""
