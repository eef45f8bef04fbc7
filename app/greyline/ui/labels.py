"""Stored values as people read them: the label of an enum code, dates and local times.

The database keeps stable English codes (``"checking"``, ``"12363"``); every table and dialog shows their
labels through ``label_of``, which is already in the interface language (``LabelledEnum.label``).
"""

from __future__ import annotations

import datetime as dt


def label_of(enum: type, value: str | None) -> str:
    """The label of ``value`` in ``enum``: '' for no value, the value itself when the enum does not know
    it (a code written by a newer release, or a channel added in the settings)."""
    if not value:
        return ""
    try:
        return enum(value).label
    except ValueError:
        return value


def date_text(value: dt.date | None) -> str:
    """A date as ``YYYY-MM-DD``; '' for none."""
    return value.isoformat() if value is not None else ""


def local_minute(at: dt.datetime) -> str:
    """Stored times are naive UTC; people read local time, to the minute."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
