"""Shared helpers for the integration and CLI tests: valid test identifiers, import files, raw reads.

Identifier check characters are computed here independently of ``greyline.domain`` so the tests do not
trust the code they check. Raw reads use ``sqlite3`` on the store file, the way an outsider would.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from greyline.domain.records import ComplaintDraft, IdentifierInput
from greyline.services.context import ServiceContext

# GB 11643 (resident ID) and GB 32100 (unified social credit code) check characters.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Import columns: English key and the Chinese header of the import format.
IMPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("external_id", "工单编号"),
    ("channel", "来源渠道"),
    ("received_at", "受理日期"),
    ("customer_name", "客户姓名"),
    ("customer_id_number", "身份证号"),
    ("customer_phone", "客户手机号"),
    ("contact_phone", "联系电话"),
    ("contract_no", "合同编号"),
    ("overdue_amount", "逾期金额"),
    ("text", "投诉内容"),
    ("demands", "诉求"),
    ("address", "联系地址"),
    ("email", "邮箱"),
    ("wechat", "微信"),
    ("phone_changed_at", "手机号变更日期"),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀兰", "霞")


def resident_id(n: int, *, region: str = "110105", birth: dt.date = dt.date(1985, 3, 14)) -> str:
    """A valid 18-character resident ID; ``n`` (0..999) picks the sequence number."""
    first17 = f"{region}{birth:%Y%m%d}{n % 1000:03d}"
    return first17 + _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def bad_check_digit(idno: str) -> str:
    """The same ID number with a wrong check character."""
    wrong = next(c for c in "0123456789X" if c != idno[-1])
    return idno[:-1] + wrong


def credit_code(body: str = "91440300MA5F00000") -> str:
    """A valid unified social credit code for a 17-character body."""
    r = 31 - sum(_CC_ALPHABET.index(c) * w for c, w in zip(body, _CC_WEIGHTS)) % 31
    return body + _CC_ALPHABET[0 if r == 31 else r]


def mobile(n: int, prefix: str = "138") -> str:
    """A valid mainland mobile number (138 and 139 are China Mobile segments)."""
    return f"{prefix}{n % 10**8:08d}"


def person_name(n: int) -> str:
    return SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)]


def import_row(n: int, **overrides: str) -> dict[str, str]:
    """A valid import row (English keys) numbered ``n``."""
    row = {
        "external_id": f"12378-2026-{n:07d}",
        "channel": "12378",
        "received_at": (dt.date(2026, 3, 1) + dt.timedelta(days=n % 60)).isoformat(),
        "customer_name": person_name(n),
        "customer_id_number": resident_id(n),
        "customer_phone": mobile(10_000_000 + n),
        "contact_phone": mobile(20_000_000 + n, "139"),
        "contract_no": f"HT2026{n:06d}",
        "overdue_amount": f"{1000 + n * 37}.50",
        "text": f"第{n}号投诉：催收人员多次来电，要求减免罚息并停止催收。",
        "demands": "减免罚息；停止催收",
        "address": "广东省深圳市福田区华强北路1002号赛格广场17楼1708室",
        "email": "",
        "wechat": "",
        "phone_changed_at": "",
    }
    row.update(overrides)
    return row


def write_import_csv(path: Path, rows: Iterable[dict[str, str]], *, encoding: str = "utf-8",
                     chinese_headers: bool = True, columns: Sequence[tuple[str, str]] = IMPORT_COLUMNS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow([zh if chinese_headers else key for key, zh in columns])
        for row in rows:
            w.writerow([row.get(key, "") for key, _ in columns])
    return path


def draft(n: int, **overrides: Any) -> ComplaintDraft:
    """A valid complaint draft numbered ``n`` with a customer phone."""
    values: dict[str, Any] = {
        "channel": "12378",
        "external_id": f"EXT-{n:05d}",
        "received_at": dt.date(2026, 4, 1),
        "customer_name": person_name(n),
        "customer_id_number": resident_id(n),
        "text": f"第{n}号：催收电话太多，要求停止催收。",
        "identifiers": (IdentifierInput("mobile", mobile(30_000_000 + n), "customer_phone"),),
    }
    values.update(overrides)
    return ComplaintDraft(**values)


# --------------------------------------------------------------------------- raw reads

def sqlite_rows(db_path: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(db_path)) as con:
        return con.execute(sql, params).fetchall()


def sqlite_exec(db_path: Path, sql: str, params: Sequence[Any] = ()) -> None:
    with contextlib.closing(sqlite3.connect(db_path)) as con:
        con.execute(sql, params)
        con.commit()


def count(db_path: Path, table: str) -> int:
    return sqlite_rows(db_path, f"SELECT count(*) FROM {table}")[0][0]


def audit_actions(db_path: Path) -> list[str]:
    return [r[0] for r in sqlite_rows(db_path, "SELECT action FROM audit_events ORDER BY id")]


def last_audit(db_path: Path) -> tuple[int, str, str, str, str]:
    """(id, action, entity, entity_id, detail) of the newest audit event."""
    return sqlite_rows(
        db_path, "SELECT id, action, entity, entity_id, detail FROM audit_events ORDER BY id DESC LIMIT 1")[0]


def version_of(db_path: Path, table: str, row_id: int) -> int:
    return sqlite_rows(db_path, f"SELECT version FROM {table} WHERE id = ?", (row_id,))[0][0]


def db_file(ctx: ServiceContext) -> Path:
    path = ctx.store.location.sqlite_path
    assert path is not None
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, to prove a failed action changed nothing."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

