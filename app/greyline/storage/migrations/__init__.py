"""Alembic migrations of the Greyline store."""
