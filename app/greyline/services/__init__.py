"""Use cases: one user action is one unit of work; no Qt and no SQLAlchemy types here."""
