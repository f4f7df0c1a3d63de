"""Accounts: users, passwords, login sessions and their revocation."""
