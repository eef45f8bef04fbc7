"""Repositories: the only code that reads and writes tables for the services.

Methods take and return plain values (ids, strings, domain records). The bulk path used by import and
the demo writes with Core ``INSERT``s in batches inside the caller's transaction; single edits use the
ORM so optimistic locking applies.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Time, func, insert, select, update
from sqlalchemy.orm import Session

from greyline.domain.enums import IdentifierRole, IdentifierType, PartyKind, PartyRole
from greyline.domain.errors import NotFound
from greyline.domain.identifiers import NormalisedIdentifier
from greyline.domain.records import ValidComplaint
from greyline.storage import tables as t
from greyline.storage.crypto import StoreCipher

CHUNK = 500


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@functools.lru_cache(maxsize=4096)
def _sqlite_datetime(v: dt.datetime) -> str:
    return v.strftime("%Y-%m-%d %H:%M:%S.%f")


@functools.lru_cache(maxsize=4096)
def _sqlite_date(v: dt.date) -> str:
    return v.isoformat()


def _sqlite_time(v: dt.time) -> str:
    return v.strftime("%H:%M:%S.%f")


# json.dumps with any non-default argument builds a new encoder per call; bulk inserts call this
# for every row's attributes and demands.
_JSON_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _sqlite_json(v: Any) -> str:
    return _JSON_ENCODE(v)


def _sqlite_converter(col_type: Any) -> Callable[[Any], Any] | None:
    """The value SQLAlchemy itself would store on SQLite for this column type (same text formats)."""
    if isinstance(col_type, DateTime):
        return _sqlite_datetime
    if isinstance(col_type, Date):
        return _sqlite_date
    if isinstance(col_type, Time):
        return _sqlite_time
    if isinstance(col_type, JSON):
        return _sqlite_json
    if isinstance(col_type, Boolean):
        return int
    return None


class Repositories:
    """All repositories of one unit of work, sharing its session and the store cipher."""

    def __init__(self, session: Session, cipher: StoreCipher) -> None:
        self.session = session
        self.cipher = cipher

    # ----------------------------------------------------------------- reference data
    def channel_rules(self) -> dict[str, tuple[int, bool, str]]:
        rows = self.session.execute(
            select(t.ChannelRule.code, t.ChannelRule.deadline_days, t.ChannelRule.working_days, t.ChannelRule.label)
        )
        return {code: (days, working, label) for code, days, working, label in rows}

    # ----------------------------------------------------------------- import vocabulary
    def channel_aliases(self) -> list[tuple[str, str, str, str, dt.datetime]]:
        """(alias key, alias as first seen, channel code, created by, created at) of every stored alias."""
        rows = self.session.execute(select(t.ChannelAlias.alias_key, t.ChannelAlias.alias, t.ChannelAlias.code,
                                           t.ChannelAlias.created_by, t.ChannelAlias.created_at)
                                    .order_by(t.ChannelAlias.code, t.ChannelAlias.alias))
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def put_channel_alias(self, alias_key: str, alias: str, code: str, username: str) -> str | None:
        """Store or re-point an alias; returns the code it pointed at before (None if new)."""
        row = self.session.get(t.ChannelAlias, alias_key)
        if row is None:
            self.session.add(t.ChannelAlias(alias_key=alias_key, alias=alias, code=code, created_by=username,
                                            created_at=t.utcnow()))
            self.session.flush()
            return None
        before = row.code
        row.code, row.alias, row.created_by, row.created_at = code, alias, username, t.utcnow()
        self.session.flush()
        return before

    def delete_channel_alias(self, alias_key: str) -> str | None:
        row = self.session.get(t.ChannelAlias, alias_key)
        if row is None:
            return None
        code = row.code
        self.session.delete(row)
        self.session.flush()
        return code

    def saved_import_mapping(self, signature: str) -> dict[str, int] | None:
        row = self.session.get(t.ImportMapping, signature)
        return None if row is None else {str(k): int(v) for k, v in row.mapping.items()}

    def save_import_mapping(self, signature: str, headers: Sequence[str], mapping: dict[str, int],
                            username: str) -> None:
        row = self.session.get(t.ImportMapping, signature)
        if row is None:
            row = t.ImportMapping(signature=signature)
            self.session.add(row)
        row.headers, row.mapping = list(headers), dict(mapping)
        row.updated_by, row.updated_at = username, t.utcnow()
        self.session.flush()

    def next_numbers(self, counter: str, count: int = 1) -> list[int]:
        row = self.session.get(t.RefCounter, counter, with_for_update=True)
        if row is None:
            row = t.RefCounter(name=counter, last=0)
            self.session.add(row)
        first = row.last + 1
        row.last += count
        self.session.flush()
        return list(range(first, first + count))

    # ----------------------------------------------------------------- users
    def user_by_name(self, username: str) -> t.User | None:
        return self.session.scalar(select(t.User).where(t.User.username == username))

    def count_users(self) -> int:
        return self.session.scalar(select(func.count()).select_from(t.User)) or 0

    def add_user(self, username: str, display_name: str, role: str, password_hash: str | None) -> int:
        user = t.User(username=username, display_name=display_name, role=role, password_hash=password_hash)
        self.session.add(user)
        self.session.flush()
        return user.id

    # ----------------------------------------------------------------- identifiers
    def ensure_identifiers(self, idents: Iterable[NormalisedIdentifier], *,
                           hashes: dict[tuple[str, str], str] | None = None) -> dict[tuple[str, str], int]:
        """Find or create each identifier; returns (type, normalised value) -> id.

        ``hashes``, when given, is filled with (type, normalised value) -> keyed hash, so a caller
        that needs the hashes too (party keys) does not compute them twice."""
        wanted: dict[tuple[str, str], tuple[str, NormalisedIdentifier]] = {}
        for ident in idents:
            key = (ident.type.value, ident.value)
            if key not in wanted:
                wanted[key] = (self.cipher.hash_value(key[0], key[1]), ident)
        if hashes is not None:
            hashes.update((k, h) for k, (h, _) in wanted.items())
        by_hash = {(k[0], h): k for k, (h, _) in wanted.items()}
        result: dict[tuple[str, str], int] = {}
        for part in _chunks([h for h, _ in wanted.values()]):
            rows = self.session.execute(
                select(t.Identifier.id, t.Identifier.type, t.Identifier.value_hash).where(
                    t.Identifier.value_hash.in_(part)
                )
            )
            for id_, typ, h in rows:
                key = by_hash.get((typ, h))
                if key is not None:
                    result[key] = id_
        missing = [(k, h, ident) for k, (h, ident) in wanted.items() if k not in result]
        if missing:
            now = t.utcnow()
            params = [
                {
                    "type": k[0],
                    "value_hash": h,
                    "value_enc": self.cipher.encrypt(k[0], k[1]),
                    "masked": ident.masked,
                    "attributes": dict(ident.attributes),
                    "do_not_correlate": False,
                    "created_at": now,
                }
                for k, h, ident in missing
            ]
            ids = self._insert_many(t.Identifier, params, want_ids=True)
            for (k, _, _), id_ in zip(missing, ids, strict=True):
                result[k] = id_
        return result

    def _insert_many(self, model: type[t.Base], rows: list[dict[str, Any]], *, want_ids: bool = False) -> list[int]:
        """Insert many rows of one table (all with the same keys); returns their ids when asked.

        On SQLite the rows go straight to the driver's executemany with ids assigned here (the unit
        of work holds the write lock since BEGIN IMMEDIATE, so max(id) cannot move): SQLAlchemy's
        per-row parameter processing and RETURNING cost more than the insert itself in bulk imports.
        """
        if not rows:
            return []
        table = model.__table__
        conn = self.session.connection()
        if conn.dialect.name != "sqlite":
            if not want_ids:
                for part in _chunks(rows, 5000):
                    conn.execute(insert(table), list(part))
                return []
            ids: list[int] = []
            for part in _chunks(rows, 1000):
                ids.extend(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                        list(part)).scalars())
            return ids
        ids = []
        if want_ids:
            first = (conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table.name}").scalar() or 0) + 1
            ids = list(range(first, first + len(rows)))
            rows = [{**r, "id": i} for r, i in zip(rows, ids, strict=True)]
        cols = list(rows[0])
        getter = operator.itemgetter(*cols)
        converted = [(i, f) for i, f in enumerate(_sqlite_converter(table.c[c].type) for c in cols) if f]
        sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        for part in _chunks(rows, 5000):
            data = []
            for r in part:
                values = list(getter(r))
                for i, f in converted:
                    if values[i] is not None:
                        values[i] = f(values[i])
                data.append(tuple(values))
            conn.exec_driver_sql(sql, data)
        return ids

    def identifier_value(self, identifier_id: int) -> tuple[str, str]:
        row = self.session.get(t.Identifier, identifier_id)
        if row is None:
            raise NotFound(f"标识 #{identifier_id} 不存在")
        return row.type, self.cipher.decrypt(row.type, row.value_enc)

    def set_do_not_correlate(self, identifier_id: int, flag: bool) -> None:
        self.session.execute(
            update(t.Identifier).where(t.Identifier.id == identifier_id).values(do_not_correlate=flag)
        )

    def link_identifiers(self, complaint_id: int, pairs: Iterable[tuple[int, str]]) -> int:
        existing = {
            (i, r) for i, r in self.session.execute(
                select(t.ComplaintIdentifier.identifier_id, t.ComplaintIdentifier.role).where(t.ComplaintIdentifier.complaint_id == complaint_id))
        }
        rows = [
            {"complaint_id": complaint_id, "identifier_id": i, "role": r}
            for i, r in dict.fromkeys(pairs)
            if (i, r) not in existing
        ]
        if rows:
            self.session.execute(insert(t.ComplaintIdentifier), rows)
        return len(rows)

    # ----------------------------------------------------------------- parties
    def customers_by_key(self, key_hashes: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in _chunks(list(key_hashes)):
            for id_, h in self.session.execute(
                select(t.Party.id, t.Party.key_hash).where(t.Party.key_hash.in_(part))
            ):
                out[h] = id_
        return out

    def add_party(self, kind: str, name: str, *, key_hash: str | None = None, sex: str = "",
                  birth_date: dt.date | None = None, notes: str = "") -> int:
        party = t.Party(kind=kind, name=name, key_hash=key_hash, sex=sex, birth_date=birth_date, notes=notes)
        self.session.add(party)
        self.session.flush()
        return party.id

    def link_party_identifiers(self, party_id: int, pairs: Iterable[tuple[int, str]]) -> None:
        existing = {
            (i, r) for i, r in self.session.execute(
                select(t.PartyIdentifier.identifier_id, t.PartyIdentifier.role).where(t.PartyIdentifier.party_id == party_id))
        }
        rows = [{"party_id": party_id, "identifier_id": i, "role": r} for i, r in dict.fromkeys(pairs)
                if (i, r) not in existing]
        if rows:
            self.session.execute(insert(t.PartyIdentifier), rows)

    # ----------------------------------------------------------------- complaints
    def existing_external_ids(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        by_channel: dict[str, list[str]] = {}
        for ch, ext in pairs:
            by_channel.setdefault(ch, []).append(ext)
        out: dict[tuple[str, str], int] = {}
        for ch, exts in by_channel.items():
            for part in _chunks(exts):
                for id_, ext in self.session.execute(
                    select(t.Complaint.id, t.Complaint.external_id).where(
                        t.Complaint.channel == ch, t.Complaint.external_id.in_(part)
                    )
                ):
                    out[(ch, ext)] = id_
        return out

    def add_complaints(self, items: Sequence[ValidComplaint], references: Sequence[str],
                       deadlines: Sequence[dt.date | None], handler_id: int | None) -> list[int]:
        """Insert complaints with their customers and identifiers in bulk; returns the new ids."""
        idents = [i for v in items for i, _ in v.identifiers]
        hashes: dict[tuple[str, str], str] = {}
        ident_ids = self.ensure_identifiers(idents, hashes=hashes)

        # One person (same resident ID) is one party across complaints and imports.
        def customer_key(ident: NormalisedIdentifier) -> str:
            key = (ident.type.value, ident.value)
            return hashes.get(key) or self.cipher.hash_value(*key)

        key_of = {id(v): customer_key(v.customer_id) for v in items if v.customer_id is not None}
        parties = self.customers_by_key(list(set(key_of.values())))
        now = t.utcnow()
        new_parties = []
        seen: set[str] = set()
        for v in items:
            k = key_of.get(id(v))
            if k is not None and k not in parties and k not in seen:
                seen.add(k)
                attrs = v.customer_id.attributes if v.customer_id else {}
                bd = attrs.get("birth_date")
                new_parties.append({
                    "kind": PartyKind.PERSON.value, "name": v.customer_name, "key_hash": k,
                    "sex": attrs.get("sex", ""), "birth_date": dt.date.fromisoformat(bd) if bd else None,
                    "notes": "", "created_at": now, "version": 1,
                })
        # Customers without an ID number get a party of their own, keyed by the complaint reference.
        anon_key = {id(v): f"anon:{ref}" for v, ref in zip(items, references, strict=True)
                    if id(v) not in key_of and v.customer_name}
        for v in items:
            k = anon_key.get(id(v))
            if k is not None:
                new_parties.append({"kind": PartyKind.PERSON.value, "name": v.customer_name, "key_hash": k,
                                    "sex": "", "birth_date": None, "notes": "", "created_at": now, "version": 1})
        party_ids = self._insert_many(t.Party, new_parties, want_ids=True)
        parties.update((p["key_hash"], i) for p, i in zip(new_parties, party_ids, strict=True))

        def party_of(v: ValidComplaint) -> int | None:
            k = key_of.get(id(v)) or anon_key.get(id(v))
            return parties[k] if k is not None else None

        rows = [
            {
                "reference": ref, "channel": v.channel, "external_id": v.external_id,
                "received_at": v.received_at, "received_time": v.received_time, "deadline_at": deadline, "customer_id": party_of(v),
                "customer_name": v.customer_name, "contract_no": v.contract_no, "loan_no": v.loan_no,
                "overdue_cents": v.overdue_cents, "text": v.text, "notes": v.notes,
                "demands": list(v.demands), "category": v.category, "handler_id": handler_id,
                "status": "new", "risk_level": "none", "phone_changed_at": v.phone_changed_at,
                "created_at": now, "updated_at": now, "version": 1,
            }
            for v, ref, deadline in zip(items, references, deadlines, strict=True)
        ]
        complaint_ids = self._insert_many(t.Complaint, rows, want_ids=True)
        self._index_for_search(complaint_ids)
        links: list[dict[str, Any]] = []
        cparties: list[dict[str, Any]] = []
        pidents: dict[tuple[int, int, str], None] = {}
        for v, cid in zip(items, complaint_ids, strict=True):
            seen_pairs: set[tuple[int, str]] = set()
            for ident, role in v.identifiers:
                iid = ident_ids[(ident.type.value, ident.value)]
                if (iid, role) not in seen_pairs:
                    seen_pairs.add((iid, role))
                    links.append({"complaint_id": cid, "identifier_id": iid, "role": role})
            pid = party_of(v)
            if pid is not None:
                cparties.append({"complaint_id": cid, "party_id": pid, "role": PartyRole.CUSTOMER.value})
                for ident, role in v.identifiers:
                    if role in (IdentifierRole.CUSTOMER_ID.value, IdentifierRole.CUSTOMER_PHONE.value):
                        pidents[(pid, ident_ids[(ident.type.value, ident.value)], role)] = None
        if pidents:
            existing: set[tuple[int, int, str]] = set()
            pids = list({p for p, _, _ in pidents})
            for part in _chunks(pids):
                existing.update((p, i, r) for p, i, r in self.session.execute(
                    select(t.PartyIdentifier.party_id, t.PartyIdentifier.identifier_id, t.PartyIdentifier.role)
                    .where(t.PartyIdentifier.party_id.in_(part))))
            new = [{"party_id": p, "identifier_id": i, "role": r} for p, i, r in pidents
                   if (p, i, r) not in existing]
            self._insert_many(t.PartyIdentifier, new)
        self._insert_many(t.ComplaintIdentifier, links)
        self._insert_many(t.ComplaintParty, cparties)
        return complaint_ids

    def _index_for_search(self, complaint_ids: list[int]) -> None:
        """Add new complaints to the SQLite full-text index (updates and deletes are kept by triggers)."""
        conn = self.session.connection()
        if conn.dialect.name != "sqlite" or not complaint_ids:
            return
        lo, hi = min(complaint_ids), max(complaint_ids)
        if hi - lo + 1 == len(complaint_ids):
            conn.exec_driver_sql(
                "INSERT INTO complaint_fts(rowid, text, notes, customer_name) "
                "SELECT id, text, notes, customer_name FROM complaints WHERE id BETWEEN ? AND ?", (lo, hi))
            return
        for part in _chunks(complaint_ids):
            conn.exec_driver_sql(
                "INSERT INTO complaint_fts(rowid, text, notes, customer_name) "
                f"SELECT id, text, notes, customer_name FROM complaints WHERE id IN ({','.join('?' * len(part))})",
                tuple(part))

    def complaint(self, complaint_id: int) -> t.Complaint:
        row = self.session.get(t.Complaint, complaint_id)
        if row is None:
            raise NotFound(f"投诉 #{complaint_id} 不存在")
        return row

    def find_complaint(self, ref: str) -> int:
        """A reference (GL-2026-000123) or an external work-order number; ambiguous numbers are refused."""
        ref = ref.strip()
        id_ = self.session.scalar(select(t.Complaint.id).where(t.Complaint.reference == ref))
        if id_ is not None:
            return id_
        ids = self.session.scalars(select(t.Complaint.id).where(t.Complaint.external_id == ref).limit(2)).all()
        if not ids:
            raise NotFound(f"找不到投诉“{ref}”（按编号或工单号）")
        if len(ids) > 1:
            raise NotFound(f"工单号“{ref}”在多个渠道出现，请用灰线编号（GL-…）指明")
        return ids[0]

    def complaint_ref(self, complaint_id: int) -> tuple[str, str, str]:
        row = self.session.execute(
            select(t.Complaint.reference, t.Complaint.channel, t.Complaint.external_id).where(
                t.Complaint.id == complaint_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"投诉 #{complaint_id} 不存在")
        return row[0], row[1], row[2]

    def set_indicator(self, complaint_id: int, code: str, note: str, source: str, user_id: int | None) -> None:
        hit = self.session.scalar(
            select(t.IndicatorHit).where(t.IndicatorHit.complaint_id == complaint_id, t.IndicatorHit.code == code)
        )
        if hit is None:
            self.session.add(t.IndicatorHit(complaint_id=complaint_id, code=code, note=note, source=source,
                                            set_by=user_id, set_at=t.utcnow()))
        else:
            hit.note, hit.source, hit.set_by, hit.set_at = note, source, user_id, t.utcnow()

    def clear_indicator(self, complaint_id: int, code: str) -> bool:
        hit = self.session.scalar(
            select(t.IndicatorHit).where(t.IndicatorHit.complaint_id == complaint_id, t.IndicatorHit.code == code)
        )
        if hit is None:
            return False
        self.session.delete(hit)
        return True

    def add_contact(self, **values: Any) -> int:
        row = t.ContactLog(**values)
        self.session.add(row)
        self.session.flush()
        return row.id

    # ----------------------------------------------------------------- evidence
    def add_evidence(self, **values: Any) -> int:
        row = t.EvidenceItem(**values)
        self.session.add(row)
        self.session.flush()
        return row.id

    def evidence(self, evidence_id: int) -> t.EvidenceItem:
        row = self.session.get(t.EvidenceItem, evidence_id)
        if row is None:
            raise NotFound(f"证据 #{evidence_id} 不存在")
        return row

    def evidence_by_hash(self, sha256: str) -> list[int]:
        return list(self.session.scalars(select(t.EvidenceItem.id).where(t.EvidenceItem.sha256 == sha256)))

    def attach_evidence(self, evidence_id: int, *, complaint_id: int | None = None, group_id: int | None = None) -> None:
        if complaint_id is not None and self.session.get(t.ComplaintEvidence, (complaint_id, evidence_id)) is None:
            self.session.add(t.ComplaintEvidence(complaint_id=complaint_id, evidence_id=evidence_id))
        if group_id is not None and self.session.get(t.GroupEvidence, (group_id, evidence_id)) is None:
            self.session.add(t.GroupEvidence(group_id=group_id, evidence_id=evidence_id))

    def add_custody(self, evidence_id: int, action: str, user_id: int | None, detail: str = "") -> None:
        self.session.add(t.CustodyEvent(evidence_id=evidence_id, action=action, user_id=user_id, detail=detail,
                                        at=t.utcnow()))

    # ----------------------------------------------------------------- groups
    def add_group(self, reference: str, title: str, summary: str, user_id: int | None) -> int:
        row = t.AgentGroup(reference=reference, title=title, summary=summary, created_by=user_id)
        self.session.add(row)
        self.session.flush()
        return row.id

    def group(self, group_id: int) -> t.AgentGroup:
        row = self.session.get(t.AgentGroup, group_id)
        if row is None:
            raise NotFound(f"团伙/案件 #{group_id} 不存在")
        return row

    def add_group_complaints(self, group_id: int, complaint_ids: Iterable[int]) -> int:
        existing = set(self.session.scalars(
            select(t.GroupComplaint.complaint_id).where(t.GroupComplaint.group_id == group_id)))
        new = [c for c in dict.fromkeys(complaint_ids) if c not in existing]
        for c in new:
            self.complaint(c)  # raises NotFound with the number
            self.session.add(t.GroupComplaint(group_id=group_id, complaint_id=c))
        return len(new)

    def add_group_party(self, group_id: int, party_id: int, role: str) -> None:
        if self.session.get(t.GroupParty, (group_id, party_id, role)) is None:
            self.session.add(t.GroupParty(group_id=group_id, party_id=party_id, role=role))

    def add_group_note(self, group_id: int, text: str, user_id: int | None) -> int:
        row = t.GroupNote(group_id=group_id, text=text, user_id=user_id, at=t.utcnow())
        self.session.add(row)
        self.session.flush()
        return row.id

    # ----------------------------------------------------------------- referrals
    def add_referral(self, **values: Any) -> int:
        row = t.Referral(**values)
        self.session.add(row)
        self.session.flush()
        return row.id

    def referral(self, referral_id: int) -> t.Referral:
        row = self.session.get(t.Referral, referral_id)
        if row is None:
            raise NotFound(f"移送记录 #{referral_id} 不存在")
        return row

    def add_decision(self, **values: Any) -> int:
        row = t.ReferralDecision(**values)
        self.session.add(row)
        self.session.flush()
        return row.id

    # ----------------------------------------------------------------- links
    def upsert_link(self, a: int, b: int | None, group_id: int | None, kind: str, score: float, reason: str) -> int:
        if b is not None and b < a:
            a, b = b, a
        row = self.session.scalar(select(t.Link).where(
            t.Link.complaint_a_id == a, t.Link.complaint_b_id.is_(None) if b is None else t.Link.complaint_b_id == b,
            t.Link.group_id.is_(None) if group_id is None else t.Link.group_id == group_id, t.Link.kind == kind))
        if row is None:
            row = t.Link(complaint_a_id=a, complaint_b_id=b, group_id=group_id, kind=kind, score=score, reason=reason)
            self.session.add(row)
            self.session.flush()
        elif row.status == "suggested":
            row.score, row.reason = score, reason
        return row.id

    def link(self, link_id: int) -> t.Link:
        row = self.session.get(t.Link, link_id)
        if row is None:
            raise NotFound(f"关联 #{link_id} 不存在")
        return row

    # ----------------------------------------------------------------- settings
    def institution(self) -> t.InstitutionProfile:
        row = self.session.get(t.InstitutionProfile, 1)
        assert row is not None, "seeded by the initial migration"
        return row

    def channel_rule(self, code: str) -> t.ChannelRule:
        row = self.session.get(t.ChannelRule, code)
        if row is None:
            raise NotFound(f"渠道“{code}”不存在")
        return row

    @staticmethod
    def dumps(detail: dict[str, Any]) -> str:
        return json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)


__all__ = ["Repositories", "IdentifierType"]
