"""Database tables (SQLAlchemy 2 declarative mapping).

Times are stored as naive UTC datetimes; dates as calendar dates; money as integer cents (SQLite has no
decimal type). Every table users edit carries a ``version`` column used for optimistic locking.
Personal identifiers never appear in clear: ``identifiers.value_enc`` is AES-GCM ciphertext and
``identifiers.value_hash`` a keyed HMAC used for matching.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Versioned:
    """Optimistic locking: SQLAlchemy checks and bumps ``version`` on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


class StoreMeta(Base):
    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class RoleRow(Base):
    __tablename__ = "roles"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(64), nullable=False)


class User(Versioned, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    role: Mapped[str] = mapped_column(ForeignKey("roles.code"), nullable=False)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # Staff profile, printed as the 经办人 and in the 授权委托书 of a referral package.
    full_name: Mapped[str] = mapped_column(String(100), nullable=False, default="", server_default="")
    position: Mapped[str] = mapped_column(String(100), nullable=False, default="", server_default="")
    work_phone: Mapped[str] = mapped_column(String(40), nullable=False, default="", server_default="")
    work_id: Mapped[str] = mapped_column(String(40), nullable=False, default="", server_default="")
    id_number_masked: Mapped[str] = mapped_column(String(40), nullable=False, default="", server_default="")
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)   # encrypted like identifiers


class InstitutionProfile(Versioned, Base):
    __tablename__ = "institution_profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    credit_code: Mapped[str] = mapped_column(String(18), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    legal_representative: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    contact_person: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    contact_phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    seal_sha256: Mapped[str | None] = mapped_column(String(64))


class ChannelRule(Versioned, Base):
    """A complaint channel and its response-deadline rule (configurable)."""

    __tablename__ = "channel_rules"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(String(100), nullable=False)
    deadline_days: Mapped[int] = mapped_column(Integer, nullable=False, default=15)
    working_days: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class ChannelAlias(Base):
    """A spelling of a channel seen in work-order files ("黑猫投诉平台"), mapped by a person to a channel.

    ``alias_key`` is the comparison key (case, width, spaces and punctuation folded); ``alias`` the
    spelling as it was first seen."""

    __tablename__ = "channel_aliases"
    alias_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    alias: Mapped[str] = mapped_column(String(200), nullable=False)
    code: Mapped[str] = mapped_column(ForeignKey("channel_rules.code", ondelete="CASCADE"), nullable=False,
                                      index=True)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ImportMapping(Base):
    """The column mapping a person chose for one export layout, keyed by its header set, so the same
    export maps itself next time."""

    __tablename__ = "import_mappings"
    signature: Mapped[str] = mapped_column(String(64), primary_key=True)
    headers: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class RefCounter(Base):
    __tablename__ = "ref_counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Party(Versioned, Base):
    __tablename__ = "parties"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    sex: Mapped[str] = mapped_column(String(4), nullable=False, default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Keyed hash of the resident ID or credit code, so one person is one party across imports.
    key_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class Complaint(Versioned, Base):
    __tablename__ = "complaints"
    __table_args__ = (
        UniqueConstraint("channel", "external_id", name="uq_complaints_channel_external"),
        Index("ix_complaints_received", "received_at", "id"),
        Index("ix_complaints_status", "status", "id"),
        Index("ix_complaints_deadline", "deadline_at", "id"),
        Index("ix_complaints_external", "external_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    channel: Mapped[str] = mapped_column(ForeignKey("channel_rules.code"), nullable=False)
    external_id: Mapped[str] = mapped_column(String(64), nullable=False)
    received_at: Mapped[dt.date] = mapped_column(Date, nullable=False)
    # The time of day of 登记时间 when the channel's export has one (time bursts, the order of calls).
    received_time: Mapped[dt.time | None] = mapped_column(Time)
    deadline_at: Mapped[dt.date | None] = mapped_column(Date)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    customer_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    contract_no: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    loan_no: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    overdue_cents: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    demands: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    category: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="new")
    risk_level: Mapped[str] = mapped_column(String(16), nullable=False, default="none")
    # A level a person chose wins over the computed one; the reasons are the rules that fired.
    risk_manual: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    risk_reasons: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    phone_changed_at: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, nullable=False, default=utcnow, onupdate=utcnow
    )

    indicators: Mapped[list["IndicatorHit"]] = relationship(
        back_populates="complaint", cascade="all, delete-orphan"
    )


class IndicatorHit(Base):
    __tablename__ = "indicator_hits"
    __table_args__ = (UniqueConstraint("complaint_id", "code", name="uq_indicator_hits_complaint_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False)
    code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    source: Mapped[str] = mapped_column(String(16), nullable=False, default="person")
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    complaint: Mapped[Complaint] = relationship(back_populates="indicators")


class ComplaintParty(Base):
    __tablename__ = "complaint_parties"
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class Identifier(Base):
    __tablename__ = "identifiers"
    # Hash first: look-ups by hash alone (any type) use this one index.
    __table_args__ = (UniqueConstraint("value_hash", "type", name="uq_identifiers_hash_type"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), nullable=False)
    value_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    value_enc: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    masked: Mapped[str] = mapped_column(String(300), nullable=False)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    # Common values (the institution's own hotline, 12378) must not flood the link detector.
    do_not_correlate: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ComplaintIdentifier(Base):
    __tablename__ = "complaint_identifiers"
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class PartyIdentifier(Base):
    __tablename__ = "party_identifiers"
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class EvidenceItem(Versioned, Base):
    __tablename__ = "evidence_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    sm3: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    original_name: Mapped[str] = mapped_column(String(300), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False, default="application/octet-stream")
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    legal_kind: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    collected_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    collected_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    is_original: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    purpose: Mapped[str] = mapped_column(Text, nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    transcript: Mapped[str] = mapped_column(Text, nullable=False, default="")
    verification_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ComplaintEvidence(Base):
    __tablename__ = "complaint_evidence"
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), primary_key=True, index=True)


class CustodyEvent(Base):
    __tablename__ = "custody_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ContactLog(Versioned, Base):
    __tablename__ = "contact_logs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="call")
    direction: Mapped[str] = mapped_column(String(16), nullable=False)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    our_number: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    their_identifier_id: Mapped[int | None] = mapped_column(ForeignKey("identifiers.id"))
    answered_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    outcome: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recording_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_items.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class AgentGroup(Versioned, Base):
    __tablename__ = "agent_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    status: Mapped[str] = mapped_column(String(24), nullable=False, default="lead")
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    amount_involved_cents: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    loss_stopped_cents: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    persons_handled: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    detained: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    arrested: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    on_bail: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    prosecuted: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    sentenced: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    offences: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list, server_default="[]")  # 案由
    period_from: Mapped[dt.date | None] = mapped_column(Date)    # period of the conduct
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class GroupComplaint(Base):
    __tablename__ = "group_complaints"
    group_id: Mapped[int] = mapped_column(ForeignKey("agent_groups.id", ondelete="CASCADE"), primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True, index=True)


class GroupParty(Base):
    __tablename__ = "group_parties"
    group_id: Mapped[int] = mapped_column(ForeignKey("agent_groups.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class GroupEvidence(Base):
    __tablename__ = "group_evidence"
    group_id: Mapped[int] = mapped_column(ForeignKey("agent_groups.id", ondelete="CASCADE"), primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), primary_key=True, index=True)


class GroupNote(Base):
    __tablename__ = "group_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("agent_groups.id", ondelete="CASCADE"), nullable=False, index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text, nullable=False)


class Referral(Versioned, Base):
    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("agent_groups.id"), nullable=False, index=True)
    target: Mapped[str] = mapped_column(String(24), nullable=False)
    agency: Mapped[str] = mapped_column(String(200), nullable=False)
    sent_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    package_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    package_sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    receipt_no: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    receipt_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # 'draft' while the package wizard is open or a package was exported but not yet sent; 'sent' once recorded.
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="sent", server_default="sent")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ReferralPackage(Base):
    """One exported referral package (a version; exporting again adds a row with the next version)."""

    __tablename__ = "referral_packages"
    __table_args__ = (UniqueConstraint("package_no", "version", name="uq_referral_packages_no_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("agent_groups.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    target: Mapped[str] = mapped_column(String(24), nullable=False)
    package_no: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    texts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)       # as the user edited them
    exhibits: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)         # [[exhibit no, evidence id], ...]
    files: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)            # [{name, size, sha256, sm3}, ...]
    manifest_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    evidence_digest: Mapped[str] = mapped_column(String(64), nullable=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ReferralDecision(Base):
    __tablename__ = "referral_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), nullable=False, index=True)
    decision: Mapped[str] = mapped_column(String(32), nullable=False)
    decided_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    document_no: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_deadline: Mapped[dt.date | None] = mapped_column(Date)
    next_deadline_label: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class Link(Versioned, Base):
    """A suggested or decided link between two complaints, or a complaint and a group."""

    __tablename__ = "links"
    __table_args__ = (
        UniqueConstraint("complaint_a_id", "complaint_b_id", "group_id", "kind", name="uq_links_pair_kind"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index of its own: the unique (a, b, group, kind) index serves look-ups by a and by (a, b).
    complaint_a_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False)
    complaint_b_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("agent_groups.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False, default=1.0)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # What the detector found, for explanations (identifier id and count, shingle counts, evidence ids).
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    source: Mapped[str] = mapped_column(String(16), nullable=False, default="detector")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="suggested", index=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class DetectState(Base):
    """What the detector last saw of a complaint: its text sketch (for the band keys to delete when
    the text changes and for estimates before exact comparison) and the scheme that made it."""

    __tablename__ = "detect_state"
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(80), nullable=False)
    text_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class TextBandKey(Base):
    """MinHash LSH band keys of complaint texts: complaints sharing a key are template candidates."""

    __tablename__ = "text_band_keys"
    __table_args__ = {"sqlite_with_rowid": False}
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)


class BuildingKey(Base):
    """Keyed hash of the building part of a complaint's addresses (same building or trade mall)."""

    __tablename__ = "building_keys"
    __table_args__ = {"sqlite_with_rowid": False}
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True,
                                              index=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id"), nullable=False)


class EvidenceFeature(Base):
    """A detector's view of one evidence file: a voice embedding or an image fingerprint."""

    __tablename__ = "evidence_features"
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # 'voice' | 'image'
    engine: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="ok")  # 'ok' | 'unusable'
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ImageKey(Base):
    """Perceptual-hash band keys of image evidence: images sharing a key are reuse candidates."""

    __tablename__ = "image_keys"
    __table_args__ = {"sqlite_with_rowid": False}
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)


class ImagePair(Base):
    """Verified image comparisons (both ways: matches and non-matches). Files never change, so a
    comparison stays valid until the fingerprint version changes; a full run reuses them."""

    __tablename__ = "image_pairs"
    __table_args__ = {"sqlite_with_rowid": False}
    evidence_a: Mapped[int] = mapped_column(ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True)
    evidence_b: Mapped[int] = mapped_column(ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False)


class AuditEvent(Base):
    """Append-only audit trail; each row carries the hash of the previous row (a hash chain)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    entity: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    entity_id: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    row_hash: Mapped[str] = mapped_column(String(64), nullable=False)


Index("ix_audit_events_entity", AuditEvent.entity, AuditEvent.entity_id)


class AuditHead(Base):
    """One row holding the chain's last hash; locking it serialises writers on PostgreSQL."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), nullable=False)

