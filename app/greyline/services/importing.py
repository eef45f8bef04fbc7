"""Importing work-order exports (CSV in UTF-8/GBK/GB18030, or XLSX) as one all-or-nothing action.

Every row is checked before anything is written; a bad row is reported as ``row N, column X: reason``
(N counts the header as row 1, as a spreadsheet shows it) and nothing is stored. Rows whose channel and
external work-order number are already in the store are skipped, so importing one file twice changes
nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from greyline.domain.complaint_rules import parse_date, split_demands, validate_complaint
from greyline.domain.enums import Channel, IdentifierRole, IdentifierType
from greyline.domain.errors import Cancelled, DomainError, ImportRejected, ValidationError
from greyline.domain.permissions import Permission
from greyline.domain.records import ComplaintDraft, IdentifierInput, ValidComplaint
from greyline.services.complaints import allocate_references, deadline_for
from greyline.services import detection
from greyline.services.context import ServiceContext
from greyline.storage.vault import hash_file

# key -> (Chinese header, required)
COLUMNS: dict[str, tuple[str, bool]] = {
    "external_id": ("工单编号", True),
    "channel": ("来源渠道", True),
    "received_at": ("受理日期", True),
    "customer_name": ("客户姓名", False),
    "customer_id_number": ("身份证号", False),
    "customer_phone": ("客户手机号", False),
    "contact_phone": ("联系电话", False),
    "contract_no": ("合同编号", False),
    "overdue_amount": ("逾期金额", False),
    "text": ("投诉内容", False),
    "demands": ("诉求", False),
    "address": ("联系地址", False),
    "email": ("邮箱", False),
    "wechat": ("微信", False),
    "phone_changed_at": ("手机号变更日期", False),
}
_ALIASES = {"工单号": "external_id", "渠道": "channel", "受理时间": "received_at", "手机号": "customer_phone",
            "地址": "address", "微信号": "wechat", "电子邮箱": "email", "借款合同编号": "contract_no"}
HEADER_TO_KEY = {**{k: k for k in COLUMNS}, **{v[0]: k for k, v in COLUMNS.items()}, **_ALIASES}

# Column -> (identifier type, role) for the identifier columns.
IDENTIFIER_COLUMNS = {
    "customer_phone": (IdentifierType.MOBILE, IdentifierRole.CUSTOMER_PHONE),
    "contact_phone": (IdentifierType.MOBILE, IdentifierRole.CONTACT_PHONE),
    "address": (IdentifierType.ADDRESS, IdentifierRole.MAILING_ADDRESS),
    "email": (IdentifierType.EMAIL, IdentifierRole.EMAIL),
    "wechat": (IdentifierType.WECHAT, IdentifierRole.WECHAT),
}
BATCH = 2000
MAX_ROWS = 1_000_000


@dataclass(frozen=True)
class ImportResult:
    source: str
    rows: int
    created: int
    skipped_existing: int
    first_reference: str | None
    last_reference: str | None


Progress = Callable[[int, int, str], None]


def header_label(key: str) -> str:
    return f"{COLUMNS[key][0]}" if key in COLUMNS else key


def read_table(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    """Headers and data rows of a CSV or XLSX file, all cells as text."""
    if not path.exists():
        raise DomainError(f"{path}: 文件不存在")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(path)
    raise DomainError(f"{path.name}: 只支持 CSV 或 XLSX 文件（不支持 {suffix}）")


def decode_bytes(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK and GB2312; Chinese Excel saves CSV in GBK by default.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DomainError(f"{name}: 无法识别文件编码（请另存为 UTF-8 或 GBK 编码的 CSV）")
    return str(best)


def _read_csv(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    text = decode_bytes(path.read_bytes(), path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        headers = next(reader)
    except StopIteration:
        raise DomainError(f"{path.name}: 文件是空的") from None
    return headers, reader


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DomainError(f"{path.name}: 不是有效的 XLSX 文件（{exc}）") from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    try:
        headers = ["" if c is None else str(c) for c in next(rows)]
    except StopIteration:
        wb.close()
        raise DomainError(f"{path.name}: 工作表是空的") from None

    def cells() -> Iterator[list[str]]:
        try:
            for r in rows:
                yield [_cell_text(c) for c in r]
        finally:
            wb.close()

    return headers, cells()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def map_headers(headers: list[str], source: str) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for i, h in enumerate(headers):
        key = HEADER_TO_KEY.get(h.strip().lstrip("\ufeff").strip("*").strip())
        if key is None:
            continue
        if key in mapping:
            raise DomainError(f"{source}: 列“{h}”重复出现")
        mapping[key] = i
    missing = [f"{COLUMNS[k][0]}/{k}" for k, (_, req) in COLUMNS.items() if req and k not in mapping]
    if missing:
        raise DomainError(f"{source}: 缺少必需的列：{'，'.join(missing)}")
    return mapping


def _channel_code(raw: str, rules: dict[str, tuple[int, bool, str]]) -> str:
    text = raw.strip()
    if text in rules:
        return text
    for code, (_, _, label) in rules.items():
        if text == label or text.lower() == code.lower():
            return code
    try:
        code = Channel.parse(text).value
    except ValueError:
        code = ""
    if code in rules:
        return code
    # Loose match on the leading hotline number ("12378热线", "12378 银保监").
    for code in rules:
        if code.isdigit() and text.startswith(code):
            return code
    raise ValidationError(f"未知渠道“{raw}”", field="channel")


def row_to_draft(cells: list[str], mapping: dict[str, int], rules: dict[str, tuple[int, bool, str]]) -> ComplaintDraft:
    def get(key: str) -> str:
        i = mapping.get(key)
        return cells[i].strip() if i is not None and i < len(cells) and cells[i] is not None else ""

    channel = _channel_code(get("channel"), rules)
    received = parse_date(get("received_at"), "received_at")
    changed = get("phone_changed_at")
    idents = tuple(
        IdentifierInput(typ.value, get(col), role.value) for col, (typ, role) in IDENTIFIER_COLUMNS.items() if get(col)
    )
    return ComplaintDraft(
        channel=channel, external_id=get("external_id"), received_at=received,
        customer_name=get("customer_name"), customer_id_number=get("customer_id_number"),
        contract_no=get("contract_no"), overdue_amount=get("overdue_amount"), text=get("text"),
        demands=split_demands(get("demands")), identifiers=idents,
        phone_changed_at=parse_date(changed, "phone_changed_at") if changed else None,
    )


def _column_for(field: str | None) -> str:
    # Errors from identifier checks name the identifier role; report the file's column instead.
    role_to_col = {role.value: col for col, (_, role) in IDENTIFIER_COLUMNS.items()}
    key = role_to_col.get(field or "", field or "")
    return f"{COLUMNS[key][0]}" if key in COLUMNS else (key or "?")


def iter_valid_batches(headers: list[str], rows: Iterator[list[str]], rules: dict[str, tuple[int, bool, str]],
                       source: str, *, cancel: Callable[[], bool] | None = None,
                       progress: Progress | None = None,
                       batch: int = BATCH) -> Iterator[list[ValidComplaint]]:
    """Check rows and yield them in batches; once a row fails, keep checking but yield nothing more.

    Raises ImportRejected listing every bad row at the end, so a file is never half accepted.
    """
    mapping = map_headers(headers, source)
    pending: list[ValidComplaint] = []
    problems: list[ValidationError] = []
    first_row: dict[tuple[str, str], int] = {}
    channels = set(rules)
    today = dt.date.today()
    for n, cells in enumerate(rows, start=2):
        if n - 1 > MAX_ROWS:
            raise DomainError(f"{source}: 超过 {MAX_ROWS} 行，请分批导入")
        if n % 500 == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None and n % 1000 == 0:
                progress(n - 1, 0, "checking")
        if not any((c or "").strip() for c in cells):
            continue
        try:
            v = validate_complaint(row_to_draft(cells, mapping, rules), channels, today)
        except ValidationError as exc:
            problems.append(ValidationError(exc.reason, field=_column_for(exc.field), row=n))
            continue
        key = (v.channel, v.external_id)
        if key in first_row:
            problems.append(ValidationError(f"工单编号 {v.external_id} 与第 {first_row[key]} 行重复",
                                            field=COLUMNS["external_id"][0], row=n))
            continue
        first_row[key] = n
        if problems:
            continue
        pending.append(v)
        if len(pending) >= batch:
            yield pending
            pending = []
    if problems:
        raise ImportRejected(problems, source)
    if pending:
        yield pending


def validate_rows(headers: list[str], rows: Iterator[list[str]], rules: dict[str, tuple[int, bool, str]],
                  source: str, *, cancel: Callable[[], bool] | None = None,
                  progress: Progress | None = None) -> list[ValidComplaint]:
    """Check every row; returns them all, or raises ImportRejected naming every bad row."""
    return [v for part in iter_valid_batches(headers, rows, rules, source, cancel=cancel, progress=progress)
            for v in part]


def import_file(ctx: ServiceContext, path: Path, *, progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Import one file completely, or nothing of it."""
    path = Path(path)
    ctx.require(Permission.IMPORT)
    headers, rows = read_table(path)
    digest = hash_file(path)[0]
    return import_rows(ctx, headers, rows, path.name, digest, progress=progress, cancel=cancel)


def import_rows(ctx: ServiceContext, headers: list[str], rows: Iterator[list[str]], source: str,
                source_sha256: str = "", *, progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Check every row and store the new ones, all in one transaction: the whole file or nothing."""
    ctx.require(Permission.IMPORT)
    total = created = 0
    first_ref: str | None = None
    last_ref: str | None = None
    new_ids: list[int] = []
    with ctx.uow() as uow:
        rules = uow.repo.channel_rules()
        year = dt.date.today().year
        for part in iter_valid_batches(headers, rows, rules, source, cancel=cancel, progress=progress):
            if cancel is not None and cancel():
                raise Cancelled()
            total += len(part)
            existing = uow.repo.existing_external_ids((v.channel, v.external_id) for v in part)
            new = [v for v in part if (v.channel, v.external_id) not in existing]
            if not new:
                continue
            refs = allocate_references(uow.repo, year, len(new))
            deadlines = [deadline_for(rules, v.channel, v.received_at) for v in new]
            new_ids.extend(uow.repo.add_complaints(new, refs, deadlines, ctx.actor.user_id))
            created += len(new)
            first_ref = first_ref or refs[0]
            last_ref = refs[-1]
            if progress is not None:
                progress(total, 0, "writing")
        uow.record("import", "file", source, {"sha256": source_sha256, "rows": total, "created": created,
                                              "skipped_existing": total - created,
                                              "first": first_ref, "last": last_ref})
        uow.commit()
    if new_ids:
        if progress is not None:
            progress(total, 0, "detecting")
        detection.after_import(ctx, new_ids)
    return ImportResult(source, total, created, total - created, first_ref, last_ref)


SAMPLE_ROW = {
    "external_id": "12378-2026-0001234", "channel": "12378", "received_at": "2026-05-03",
    "customer_name": "张三", "customer_id_number": "11010519491231002X", "customer_phone": "13812345678",
    "contact_phone": "17112345678", "contract_no": "HT20260503001", "overdue_amount": "12800.00",
    "text": "本人因失业无力还款，贵司多次催收，要求减免罚息并停止催收。", "demands": "减免罚息；停止催收",
    "address": "广东省深圳市福田区华强北路1002号赛格广场17楼1708室", "email": "", "wechat": "",
    "phone_changed_at": "",
}


def write_template(path: Path) -> None:
    """An empty import template (Chinese headers, one sample row, a sheet explaining the columns)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "工单"
    keys = list(COLUMNS)
    ws.append([COLUMNS[k][0] + ("*" if COLUMNS[k][1] else "") for k in keys])
    ws.append([SAMPLE_ROW[k] for k in keys])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, k in enumerate(keys, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = 40 if k in ("text", "address") else 18
    help_ws = wb.create_sheet("说明")
    help_ws.append(["列名", "英文列名", "必填", "说明"])
    notes = {
        "channel": "渠道代码或名称，如 12378、12363、12315、public_site（黑猫投诉等）、own_hotline",
        "received_at": "日期，如 2026-05-03",
        "customer_id_number": "18 位居民身份证号，校验位会被检查",
        "demands": "多项诉求用分号（；）分隔",
        "phone_changed_at": "客户预留手机号变更日期（如有）",
    }
    for k in keys:
        help_ws.append([COLUMNS[k][0], k, "是" if COLUMNS[k][1] else "否", notes.get(k, "")])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
