"""Plain values that cross layers: drafts coming in, rows and references going out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from greyline.domain.identifiers import NormalisedIdentifier


@dataclass(frozen=True)
class ComplaintRef:
    id: int
    reference: str
    channel: str
    external_id: str


@dataclass(frozen=True)
class IdentifierInput:
    """An identifier as typed or imported: type code, raw value and its role on the complaint."""

    type: str
    raw: str
    role: str


@dataclass(frozen=True)
class ComplaintDraft:
    """What a handler types or an import row carries, before validation."""

    channel: str
    external_id: str
    received_at: dt.date
    customer_name: str = ""
    customer_id_number: str = ""
    contract_no: str = ""
    loan_no: str = ""
    overdue_amount: str = ""
    text: str = ""
    notes: str = ""
    demands: tuple[str, ...] = ()
    category: str = ""
    identifiers: tuple[IdentifierInput, ...] = ()
    phone_changed_at: dt.date | None = None
    deadline_at: dt.date | None = None  # None: computed from the channel rule
    received_time: dt.time | None = None  # the time part of 登记时间 when the export has one


@dataclass(frozen=True)
class ValidComplaint:
    """A draft that passed every check, with identifiers normalised and sensitive text redacted."""

    channel: str
    external_id: str
    received_at: dt.date
    customer_name: str
    customer_id: NormalisedIdentifier | None
    contract_no: str
    loan_no: str
    overdue_cents: int | None
    text: str
    notes: str
    demands: tuple[str, ...]
    category: str
    identifiers: tuple[tuple[NormalisedIdentifier, str], ...] = field(default_factory=tuple)
    phone_changed_at: dt.date | None = None
    deadline_at: dt.date | None = None
    received_time: dt.time | None = None
