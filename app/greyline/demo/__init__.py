"""Synthetic demo and benchmark data (no Qt, no SQLAlchemy)."""
