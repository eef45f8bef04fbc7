"""Checks that turn a typed or imported complaint into a valid one.

Every problem is a ``ValidationError`` naming the field. Full phone and ID numbers found inside the
free text are replaced by their masked forms and kept as identifiers instead, so the database never
holds them in clear.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from greyline.domain.enums import IdentifierRole, IdentifierType
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import NormalisedIdentifier, check_resident_id, normalise, redact_text
from greyline.domain.records import ComplaintDraft, ValidComplaint

MAX_TEXT = 200_000
_EXTERNAL_ID = re.compile(r"^[\w\-./#]{1,64}$")
DEMAND_SPLIT = re.compile(r"[;；,，、/\n]+")


def parse_amount_cents(raw: str, field: str = "overdue_amount") -> int | None:
    text = (raw or "").strip().replace(",", "").replace("，", "").replace("元", "").replace("¥", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"金额“{raw}”不是数字", field=field) from None
    if value < 0 or value > Decimal("1e12"):
        raise ValidationError(f"金额“{raw}”超出范围", field=field)
    return int((value * 100).quantize(Decimal(1)))


def parse_date(raw: str | dt.date | dt.datetime, field: str) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = (raw or "").strip()
    if not text:
        raise ValidationError("日期不能为空", field=field)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    text = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    text = text.split(" ")[0].split("T")[0]
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        raise ValidationError(f"“{raw}”不是有效日期（应为 2026-05-03 这样的格式）", field=field) from None


def split_demands(raw: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in DEMAND_SPLIT.split(raw or "") if p.strip())


# Enum .value is a descriptor call; these run for every imported row.
_ROLE_CUSTOMER_ID = IdentifierRole.CUSTOMER_ID.value
_ROLE_TEXT_MENTION = IdentifierRole.TEXT_MENTION.value


def validate_complaint(draft: ComplaintDraft, channels: set[str], today: dt.date | None = None) -> ValidComplaint:
    today = today or dt.date.today()
    if draft.channel not in channels:
        raise ValidationError(f"未知渠道“{draft.channel}”", field="channel")
    ext = (draft.external_id or "").strip()
    if not ext:
        raise ValidationError("工单编号不能为空", field="external_id")
    if not _EXTERNAL_ID.match(ext):
        raise ValidationError(f"工单编号“{ext}”含有不允许的字符或过长", field="external_id")
    received = parse_date(draft.received_at, "received_at")
    if received > today + dt.timedelta(days=1):
        raise ValidationError(f"受理日期 {received} 在未来", field="received_at")
    if received.year < 2000:
        raise ValidationError(f"受理日期 {received} 过早", field="received_at")
    if len(draft.text) > MAX_TEXT:
        raise ValidationError(f"投诉内容过长（{len(draft.text)} 字，上限 {MAX_TEXT}）", field="text")

    # Longer values are refused, never cut: data is not changed silently.
    for field, value, limit in (("customer_name", draft.customer_name, 200), ("contract_no", draft.contract_no, 200),
                                ("loan_no", draft.loan_no, 200), ("category", draft.category, 64),
                                ("notes", draft.notes, MAX_TEXT)):
        if len(value.strip()) > limit:
            raise ValidationError(f"内容过长（{len(value.strip())} 字，上限 {limit}）", field=field)
    for demand in draft.demands:
        if len(demand.strip()) > 100:
            raise ValidationError(f"诉求“{demand[:20]}…”过长（{len(demand.strip())} 字，每项上限 100）",
                                  field="demands")
    if "\x00" in draft.text or "\x00" in draft.customer_name or "\x00" in draft.notes:
        raise ValidationError("含有不可见的控制字符（NUL），可能是文件已损坏", field="text")

    customer_id: NormalisedIdentifier | None = None
    if draft.customer_id_number.strip():
        try:
            customer_id = check_resident_id(draft.customer_id_number)
        except ValidationError as exc:
            raise ValidationError(exc.reason, field="customer_id_number") from None

    found: list[tuple[NormalisedIdentifier, str]] = []
    if customer_id is not None:
        found.append((customer_id, _ROLE_CUSTOMER_ID))
    for item in draft.identifiers:
        if not item.raw.strip():
            continue
        try:
            ident = normalise(IdentifierType(item.type), item.raw)
        except ValidationError as exc:
            raise ValidationError(exc.reason, field=item.role) from None
        found.append((ident, item.role))

    text, mentioned = redact_text(draft.text.strip())
    notes, mentioned_in_notes = redact_text(draft.notes.strip()) if draft.notes.strip() else ("", [])
    for ident in mentioned + mentioned_in_notes:
        found.append((ident, _ROLE_TEXT_MENTION))

    # One identifier may arrive twice in one role (e.g. in text twice); keep it once.
    unique: dict[tuple[IdentifierType, str, str], tuple[NormalisedIdentifier, str]] = {}
    for ident, role in found:
        unique.setdefault((ident.type, ident.value, role), (ident, role))

    deadline = parse_date(draft.deadline_at, "deadline_at") if draft.deadline_at else None
    changed = parse_date(draft.phone_changed_at, "phone_changed_at") if draft.phone_changed_at else None
    return ValidComplaint(
        channel=draft.channel,
        external_id=ext,
        received_at=received,
        customer_name=draft.customer_name.strip(),
        customer_id=customer_id,
        contract_no=draft.contract_no.strip(),
        loan_no=draft.loan_no.strip(),
        overdue_cents=parse_amount_cents(draft.overdue_amount),
        text=text,
        notes=notes,
        demands=tuple(d.strip() for d in draft.demands if d.strip()),
        category=draft.category.strip(),
        identifiers=tuple(unique.values()),
        phone_changed_at=changed,
        deadline_at=deadline,
        received_time=draft.received_time,
    )
