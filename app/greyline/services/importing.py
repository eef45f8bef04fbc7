"""Importing work-order exports: preview, check, then store in one transaction.

A handler's first act is loading the files the channels sent. ``preview_file`` shows how a file is
read (encoding, delimiter, header row) and how its columns map; ``check_file`` reads every row and
reports every problem without storing anything; ``import_file`` stores the file in one transaction:
all rows or none by default, or (``ImportOptions.rejects``) the good rows while every rejected row is
written unchanged, with its reason, to a file the user fixes and imports again. Rows whose channel
and work-order number are already stored are skipped, so importing a file twice changes nothing.

Row numbers are those a spreadsheet shows (the header is the row it stands in, a title row above it
counts); a problem names the column as the file spells it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import json
import os
import pickle
import struct
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from greyline.domain.complaint_rules import split_demands, validate_complaint
from greyline.domain.enums import IdentifierRole, IdentifierType
from greyline.domain.errors import Cancelled, DomainError, ImportRejected, ValidationError
from greyline.domain.identifiers import NormalisedIdentifier
from greyline.domain.permissions import Permission
from greyline.domain.records import ComplaintDraft, IdentifierInput, ValidComplaint
from greyline.domain.work_order_values import (
    DATE_FIELDS,
    DIGIT_FIELDS,
    FIELDS,
    REQUIRED,
    auto_mapping,
    field_label,
    field_of_header,
    key_of,
    match_channel,
    parse_work_order_date,
    parse_work_order_datetime,
    restore_digits,
)
from greyline.services.bulk import CHECK_PROCESS_FLAG, relaxed_gc
from greyline.services.work_order_reader import WorkOrderTable, open_table
from greyline.storage.vault import hash_file

if TYPE_CHECKING:
    # Not at run time: the checking process (see serve_check_process) starts quicker without the
    # store's modules (SQLAlchemy and the tables are half a second of its start).
    from greyline.services.context import ServiceContext

# key -> (Chinese header, required): the columns of the import template.
COLUMNS: dict[str, tuple[str, bool]] = {k: (zh, req) for k, (zh, req, _) in FIELDS.items()}

# Column -> (identifier type, role) for the identifier columns.
IDENTIFIER_COLUMNS = {
    "customer_phone": (IdentifierType.MOBILE, IdentifierRole.CUSTOMER_PHONE),
    "contact_phone": (IdentifierType.MOBILE, IdentifierRole.CONTACT_PHONE),
    "address": (IdentifierType.ADDRESS, IdentifierRole.MAILING_ADDRESS),
    "email": (IdentifierType.EMAIL, IdentifierRole.EMAIL),
    "wechat": (IdentifierType.WECHAT, IdentifierRole.WECHAT),
}
# The same as plain strings, for the row loop (an enum's .value is a descriptor call).
_IDENTIFIER_VALUES = tuple((col, typ.value, role.value) for col, (typ, role) in IDENTIFIER_COLUMNS.items())
BATCH = 2000
MAX_ROWS = 1_000_000
PREVIEW_ROWS = 20
KEEP_PROBLEMS = 10_000      # problems kept for the report; all of them are counted
KEEP_UNKNOWN = 1_000        # distinct unknown channel values kept
EXCERPT = 40
REASON_COLUMN = "错误原因"

Progress = Callable[[int, int, str], None]


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose for one import.

    ``mapping``: field -> column index; None maps by column name (a mapping saved for the same header
    set first). ``channel_map``: a channel value as written in the file -> channel code.
    ``default_channel``: for rows whose channel is empty or unknown, and files without a channel
    column. ``rejects``: import the good rows and write the rejected ones there (.csv or .xlsx).
    ``detect``: run link detection for the new complaints after the commit (the window does it in
    the background instead)."""

    mapping: Mapping[str, int] | None = None
    channel_map: Mapping[str, str] = field(default_factory=dict)
    default_channel: str | None = None
    remember_channels: bool = False
    remember_mapping: bool = False
    rejects: Path | None = None
    detect: bool = True


@dataclass(frozen=True)
class FileLayout:
    source: str
    kind: str
    encoding: str            # label for people, e.g. "GBK/GB18030"; "" for XLSX
    delimiter: str           # label, e.g. "逗号"; "" for XLSX
    sheet: str
    header_row: int
    headers: tuple[str, ...]


@dataclass(frozen=True)
class FilePreview:
    layout: FileLayout
    sample: tuple[tuple[int, tuple[str, ...]], ...]    # (row number, cells) of the first rows
    mapping: dict[str, int]
    mapping_saved: bool                                # the mapping came from a saved one
    unused: tuple[str, ...]                            # headers of columns not imported
    missing: tuple[str, ...]                           # labels of required fields not mapped


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    reason: str
    value: str

    @property
    def message(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


@dataclass(frozen=True)
class UnknownValue:
    value: str
    rows: int
    first_row: int


@dataclass(frozen=True)
class CheckReport:
    layout: FileLayout
    rows: int
    valid: int
    already_present: int
    problem_rows: int
    problems: tuple[RowProblem, ...]
    unknown_channels: tuple[UnknownValue, ...]
    unused: tuple[str, ...]

    @property
    def new(self) -> int:
        return self.valid - self.already_present


@dataclass(frozen=True)
class ImportResult:
    source: str
    rows: int
    created: int
    skipped_existing: int
    first_reference: str | None
    last_reference: str | None
    rejected: int = 0
    rejects_path: str | None = None
    first_id: int | None = None
    last_id: int | None = None
    layout: FileLayout | None = None
    unused: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        lay = self.layout
        return {"file": self.source, "rows": self.rows, "created": self.created,
                "skipped_existing": self.skipped_existing, "rejected": self.rejected,
                "rejects_file": self.rejects_path, "first_reference": self.first_reference,
                "last_reference": self.last_reference,
                "encoding": lay.encoding if lay else "", "delimiter": lay.delimiter if lay else "",
                "sheet": lay.sheet if lay else "", "header_row": lay.header_row if lay else 1,
                "unused_columns": list(self.unused)}


def header_signature(headers: Iterable[str]) -> str:
    """The key under which a column mapping is saved: the header set as the export writes it."""
    return hashlib.sha256(json.dumps([key_of(h) for h in headers], ensure_ascii=False).encode()).hexdigest()


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocabulary:
    rules: dict[str, tuple[int, bool, str]]
    channels: dict[str, str]          # code -> label
    aliases: dict[str, str]           # alias key -> code
    saved_mapping: dict[str, int] | None


def _vocabulary(uow: object, headers: list[str] | None = None) -> _Vocabulary:
    rules = uow.repo.channel_rules()  # type: ignore[attr-defined]
    aliases = {k: code for k, _a, code, _u, _t in uow.repo.channel_aliases()}  # type: ignore[attr-defined]
    saved = uow.repo.saved_import_mapping(header_signature(headers)) if headers else None  # type: ignore[attr-defined]
    return _Vocabulary(rules, {c: label for c, (_d, _w, label) in rules.items()}, aliases, saved)


def _layout(table: WorkOrderTable) -> FileLayout:
    return FileLayout(table.source, table.kind, table.encoding_label, table.delimiter_label, table.sheet or "",
                      table.header_row, tuple(table.headers))


def _effective_mapping(headers: list[str], options: ImportOptions, vocab: _Vocabulary) -> tuple[dict[str, int], bool]:
    if options.mapping is not None:
        mapping = {k: int(v) for k, v in options.mapping.items()}
        saved = False
    elif vocab.saved_mapping is not None and all(0 <= i < len(headers) for i in vocab.saved_mapping.values()):
        mapping, saved = dict(vocab.saved_mapping), True
    else:
        mapping, saved = auto_mapping(headers)[0], False
    for key, index in mapping.items():
        if key not in FIELDS:
            raise DomainError(f"未知的导入字段“{key}”")
        if not 0 <= index < len(headers):
            raise DomainError(f"字段“{field_label(key)}”指向不存在的第 {index + 1} 列")
    twice = [k for k, n in Counter(mapping.values()).items() if n > 1]
    if twice:
        raise DomainError(f"列“{headers[twice[0]]}”被指定给了多个字段")
    return mapping, saved


def _missing(mapping: Mapping[str, int], options: ImportOptions) -> list[str]:
    return [f"{field_label(k)}/{k}" for k in REQUIRED
            if k not in mapping and not (k == "channel" and options.default_channel)]


def _unused(headers: list[str], mapping: Mapping[str, int]) -> tuple[str, ...]:
    used = set(mapping.values())
    return tuple(h for i, h in enumerate(headers) if i not in used and h.strip())


def _check_headers(headers: list[str], source: str) -> None:
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        k = key_of(h)
        # Two unknown columns of one name (two "备注" columns) are both ignored; two columns that
        # name the same field leave the user to choose.
        if not k or field_of_header(h) is None:
            continue
        if k in seen:
            raise DomainError(f"{source}: 列“{h.strip()}”重复出现（第 {seen[k] + 1} 列和第 {i + 1} 列）")
        seen[k] = i


# --------------------------------------------------------------------------- rows


class _RowChecker:
    """Turns data rows into valid complaints or problems; remembers unknown channel values."""

    def __init__(self, headers: list[str], mapping: dict[str, int], vocab: _Vocabulary,
                 options: ImportOptions, source: str) -> None:
        self.headers = headers
        self.mapping = mapping
        self.vocab = vocab
        self.source = source
        self.channel_map = {key_of(k): v for k, v in options.channel_map.items()}
        for raw, code in options.channel_map.items():
            if code not in vocab.rules:
                raise DomainError(f"--map-channel “{raw}={code}”: 没有代码为“{code}”的渠道（可用：{'、'.join(vocab.rules)}）")
        self.default_channel = options.default_channel
        if self.default_channel is not None and self.default_channel not in vocab.rules:
            raise DomainError(f"没有代码为“{self.default_channel}”的渠道（可用：{'、'.join(vocab.rules)}）")
        self.unknown: dict[str, list[int]] = {}
        self.first_row: dict[str, int] = {}
        self.channels = set(vocab.rules)
        self.today = dt.date.today()
        self._channel_cache: dict[str, str | None] = {}

    def column(self, key: str | None) -> str:
        """The file's own name for a field's column (the template name when the field is not mapped)."""
        if key == "__extra__":
            return f"第 {len(self.headers) + 1} 列起（表头之外）"
        role_to_col = {role.value: col for col, (_, role) in IDENTIFIER_COLUMNS.items()}
        key = role_to_col.get(key or "", key or "")
        i = self.mapping.get(key)
        if i is not None and self.headers[i].strip():
            return self.headers[i].strip()
        return field_label(key) if key in FIELDS else (key or "?")

    def _get(self, cells: list[str], key: str) -> str:
        i = self.mapping.get(key)
        return cells[i].strip() if i is not None and i < len(cells) and cells[i] is not None else ""

    def _channel(self, raw: str) -> str | None:
        if raw in self._channel_cache:
            return self._channel_cache[raw]
        k = key_of(raw)
        code = self.channel_map.get(k) or match_channel(raw, self.vocab.channels, self.vocab.aliases)
        self._channel_cache[raw] = code
        return code

    def check(self, n: int, cells: list[str]) -> ValidComplaint | RowProblem:
        try:
            return self._check(n, cells)
        except ValidationError as exc:
            key = exc.field
            value = self._get(cells, key) if key in self.mapping else ""
            excerpt = value if len(value) <= EXCERPT else value[:EXCERPT] + "…"
            return RowProblem(n, self.column(key), exc.reason, excerpt)

    def _check(self, n: int, cells: list[str]) -> ValidComplaint:
        if len(cells) > len(self.headers) and any((c or "").strip() for c in cells[len(self.headers):]):
            extra = sum(1 for c in cells[len(self.headers):] if (c or "").strip())
            raise ValidationError(f"这一行比表头多出 {extra} 个有内容的单元格（可能是内容里有未加引号的分隔符），"
                                  "列已错位", field="__extra__")
        raw_channel = self._get(cells, "channel")
        code = self._channel(raw_channel) if raw_channel else None
        if code is None:
            if self.default_channel is not None:
                code = self.default_channel
            elif not raw_channel:
                raise ValidationError("渠道不能为空", field="channel")
            else:
                rows = self.unknown.get(raw_channel)
                if rows is not None:
                    rows[0] += 1
                elif len(self.unknown) < KEEP_UNKNOWN:
                    self.unknown[raw_channel] = [1, n]
                raise ValidationError(f"未知渠道“{raw_channel}”", field="channel")
        values = {k: self._get(cells, k) for k in self.mapping}
        for k in DIGIT_FIELDS:
            if values.get(k):
                values[k] = restore_digits(values[k], k)
        received, received_time = parse_work_order_datetime(values.get("received_at", ""), "received_at")
        changed = values.get("phone_changed_at", "")
        idents = tuple(IdentifierInput(typ, values[col], role) for col, typ, role in _IDENTIFIER_VALUES
                       if values.get(col))
        draft = ComplaintDraft(
            channel=code, external_id=values.get("external_id", ""), received_at=received,
            customer_name=values.get("customer_name", ""), customer_id_number=values.get("customer_id_number", ""),
            contract_no=values.get("contract_no", ""), overdue_amount=values.get("overdue_amount", ""),
            text=values.get("text", ""), notes=values.get("notes", ""), category=values.get("category", ""),
            demands=split_demands(values.get("demands", "")), identifiers=idents,
            phone_changed_at=parse_work_order_date(changed, "phone_changed_at") if changed else None,
            received_time=received_time,
        )
        valid = validate_complaint(draft, self.channels, self.today)
        key = f"{valid.channel}\x1f{valid.external_id}"
        first = self.first_row.get(key)
        if first is not None:
            raise ValidationError(f"工单编号 {valid.external_id} 与第 {first} 行重复", field="external_id")
        self.first_row[key] = n
        return valid

    def unknown_values(self) -> tuple[UnknownValue, ...]:
        items = [UnknownValue(v, c, first) for v, (c, first) in self.unknown.items()]
        return tuple(sorted(items, key=lambda u: (-u.rows, u.first_row)))

    def unknown_summary(self) -> str:
        values = self.unknown_values()
        if not values:
            return ""
        shown = "、".join(f"“{u.value}”（{u.rows} 行）" for u in values[:30])
        more = f"等 {len(values)} 个值" if len(values) > 30 else ""
        codes = "、".join(f"{c}={label}" for c, label in self.vocab.channels.items())
        return (f"以下渠道值无法识别：{shown}{more}。请把它们对应到渠道（命令行：--map-channel \"值=代码\"，"
                f"或 --default-channel 代码）。可用的渠道代码：{codes}")


def _prepare(uow: object, table: WorkOrderTable, options: ImportOptions
             ) -> tuple[_Vocabulary, dict[str, int], _RowChecker]:
    """The store's vocabulary, the mapping in force and the row checker for one pass over a file."""
    vocab = _vocabulary(uow, table.headers)
    mapping, _ = _effective_mapping(table.headers, options, vocab)
    missing = _missing(mapping, options)
    if missing:
        raise DomainError(f"{table.source}: 缺少必需的列：{'，'.join(missing)}")
    return vocab, mapping, _RowChecker(table.headers, mapping, vocab, options, table.source)


def _data_rows(table: WorkOrderTable, cancel: Callable[[], bool] | None,
               progress: Progress | None, stage: str) -> Iterator[tuple[int, list[str]]]:
    count = 0
    for n, cells in table.rows:
        if not any((c or "").strip() for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise DomainError(f"{table.source}: 超过 {MAX_ROWS} 行，请分批导入")
        if count % 500 == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(_scaled(table.position()), _scaled(table.size), stage)
        yield n, cells


def _scaled(n: int) -> int:
    # Progress signals carry 32-bit ints: bytes of a large CSV are reported in KiB.
    return n // 1024 if n > 1 << 30 else n


# --------------------------------------------------------------------------- checking beside the writer

# Files from this size on are read and checked in a second process while this one writes: checking
# (identifier rules, phone lookups, redaction) is half of an import's work and the interpreter lock
# keeps a second thread from overlapping it with the writes (a thread was measured slower). Smaller
# files are not worth the process start (about half a second).
PARALLEL_MIN_BYTES = 4 << 20
_CHILD_TIMEOUT = 10.0
_VALID_FIELDS = tuple(f.name for f in fields(ValidComplaint))
_CUSTOMER_ID = _VALID_FIELDS.index("customer_id")
_IDENTIFIERS = _VALID_FIELDS.index("identifiers")


def _flat_identifier(ident: NormalisedIdentifier) -> tuple[str, str, str, dict[str, str]]:
    return ident.type.value, ident.value, ident.masked, ident.attributes


def _identifier_from(flat: tuple[str, str, str, dict[str, str]]) -> NormalisedIdentifier:
    return NormalisedIdentifier(IdentifierType(flat[0]), flat[1], flat[2], flat[3])


def _flat_complaint(v: ValidComplaint) -> list[object]:
    """A checked complaint as plain values (every field, in declaration order): pickling these is
    four times quicker than pickling the dataclasses, on both sides of the pipe."""
    values: list[object] = [getattr(v, name) for name in _VALID_FIELDS]
    if v.customer_id is not None:
        values[_CUSTOMER_ID] = _flat_identifier(v.customer_id)
    values[_IDENTIFIERS] = tuple((_flat_identifier(i), role) for i, role in v.identifiers)
    return values


def _complaint_from(values: list[object]) -> ValidComplaint:
    if values[_CUSTOMER_ID] is not None:
        values[_CUSTOMER_ID] = _identifier_from(values[_CUSTOMER_ID])  # type: ignore[arg-type]
    values[_IDENTIFIERS] = tuple((_identifier_from(i), role) for i, role in values[_IDENTIFIERS])  # type: ignore[union-attr]
    return ValidComplaint(*values)  # type: ignore[arg-type]


_FRAME = struct.Struct("<Q")


def _write_message(out: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_FRAME.pack(len(data)))
    out.write(data)
    out.flush()


def _read_message(inp: BinaryIO) -> object | None:
    """The next message, or None when the other side has gone."""
    head = inp.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(head)
    data = inp.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # noqa: S301 - our own child process, over its own pipe


def serve_check_process() -> int:
    """The checking process (``greyline --import-check-process``): reads one job from standard input,
    reads and checks the file as the importing process would, and writes chunks of plain values to
    standard output. The pipe's small buffer keeps it at most a chunk ahead of the writer."""
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())   # a stray print() must not corrupt the messages
    job = _read_message(sys.stdin.buffer)
    if job is None:
        return 2
    path, headers, mapping, vocab, channel_map, default_channel, today = job  # type: ignore[misc]
    try:
        with relaxed_gc(), open_table(Path(path)) as table:
            if table.headers != headers:
                raise DomainError(f"{table.source}: 文件在导入过程中被改动，请重新导入")
            checker = _RowChecker(headers, mapping, vocab,
                                  ImportOptions(channel_map=channel_map, default_channel=default_channel),
                                  table.source)
            checker.today = today
            chunk: list[object] = []
            for n, cells in _data_rows(table, None, None, ""):
                result = checker.check(n, cells)
                if isinstance(result, RowProblem):
                    chunk.append((result.row, result.column, result.reason, result.value, cells))
                else:
                    chunk.append(_flat_complaint(result))
                if len(chunk) >= BATCH:
                    _write_message(out, ("rows", table.position(), chunk))
                    chunk = []
            _write_message(out, ("rows", table.position(), chunk))
            _write_message(out, ("end", checker.unknown))
    except BrokenPipeError:
        return 1                # the importing process stopped (cancelled or failed)
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the importing process
        message = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        with contextlib.suppress(OSError):
            _write_message(out, ("error", isinstance(exc, DomainError), message))
        return 1
    return 0


def _check_process_command() -> list[str]:
    if getattr(sys, "frozen", False):       # a PyInstaller build: the program itself
        return [sys.executable, CHECK_PROCESS_FLAG]
    return [sys.executable, "-m", "greyline", CHECK_PROCESS_FLAG]


def _checked_elsewhere(path: Path, table: WorkOrderTable, mapping: dict[str, int], vocab: _Vocabulary,
                       options: ImportOptions, checker: _RowChecker, cancel: Callable[[], bool] | None,
                       progress: Progress | None
                       ) -> Iterator[list[ValidComplaint | tuple[RowProblem, list[str]]]]:
    """Chunks of checked rows from a second process (the same results ``checker`` gives here); at the
    end ``checker`` holds the unknown channel values the other process met.

    The process is this program started again with a flag (not multiprocessing, whose "spawn" runs
    the caller's main script again in the child, and whose "fork" would copy a process that runs Qt
    and holds a database connection)."""
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])      # where ``greyline`` is importable from
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(_check_process_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=errors, env=env, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    assert proc.stdin is not None and proc.stdout is not None

    def failed() -> DomainError:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(_CHILD_TIMEOUT)
        errors.seek(0)
        tail = errors.read()[-2000:].decode("utf-8", "replace").strip().splitlines()
        detail = f"：{tail[-1]}" if tail else ""
        return DomainError(f"{table.source}: 检查文件的进程意外结束（退出码 {proc.returncode}）{detail}；没有保存任何内容")

    finished = False
    try:
        try:
            _write_message(proc.stdin, (str(path), list(table.headers), dict(mapping), vocab,
                                        dict(options.channel_map), options.default_channel, checker.today))
            proc.stdin.close()
        except OSError:
            raise failed() from None
        while True:
            if cancel is not None and cancel():
                raise Cancelled()
            message = _read_message(proc.stdout)
            if message is None:
                raise failed()
            kind = message[0]  # type: ignore[index]
            if kind == "rows":
                _, position, items = message  # type: ignore[misc]
                if progress is not None:
                    progress(_scaled(position), _scaled(table.size), "importing")
                yield [(RowProblem(*item[:4]), item[4]) if isinstance(item, tuple) else _complaint_from(item)
                       for item in items]
            elif kind == "end":
                checker.unknown = message[1]  # type: ignore[index]
                finished = True
                return
            else:
                _, domain, text = message  # type: ignore[misc]
                raise DomainError(text if domain else f"{table.source}: 读取文件时出错：{text}")
    finally:
        if not finished:
            proc.kill()     # cancelled, or this side failed: the other process's work is not wanted
        try:
            proc.wait(_CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(_CHILD_TIMEOUT)
        proc.stdout.close()
        errors.close()


# --------------------------------------------------------------------------- rejects


class _RejectsWriter:
    """Rejected rows, unchanged, plus a reason column; written to a temporary file first and moved
    into place only once the import has committed."""

    def __init__(self, dest: Path, headers: list[str], table: WorkOrderTable) -> None:
        self.dest = Path(dest)
        if self.dest.exists() and self.dest.is_dir():
            raise DomainError(f"{self.dest}: 是文件夹，请指定错误行文件的文件名")
        if not self.dest.parent.exists():
            raise DomainError(f"{self.dest.parent}: 文件夹不存在")
        self.tmp = self.dest.with_name(f".{self.dest.name}.part")
        self.xlsx = self.dest.suffix.lower() in (".xlsx", ".xlsm")
        self.count = 0
        width = len(headers)
        self.width = width
        if self.xlsx:
            from openpyxl import Workbook

            self._wb = Workbook(write_only=True)
            self._ws = self._wb.create_sheet("错误行")
            self._ws.append([*headers, REASON_COLUMN])
        else:
            encoding = table.encoding or "utf-8-sig"
            if encoding in ("utf-8", "ascii"):
                encoding = "utf-8"
            self._file = self.tmp.open("w", encoding=encoding, newline="")
            self._csv = csv.writer(self._file, delimiter=table.delimiter or ",", quoting=csv.QUOTE_MINIMAL)
            self._csv.writerow([*headers, REASON_COLUMN])

    def add(self, cells: list[str], reason: str) -> None:
        # The reason stands under its header: empty cells past the header (Excel writes them) are
        # dropped; cells with data past the header follow the reason, so nothing is lost.
        extra = list(cells[self.width:])
        while extra and not (extra[-1] or "").strip():
            extra.pop()
        row = list(cells[: self.width]) + [""] * (self.width - len(cells))
        values = [*row, reason, *extra]
        if self.xlsx:
            from openpyxl.cell import WriteOnlyCell

            # Every cell as text, so nothing the user typed becomes a formula or a number.
            out = []
            for value in values:
                cell = WriteOnlyCell(self._ws, value=value)
                cell.data_type = "s"
                out.append(cell)
            self._ws.append(out)
        else:
            self._csv.writerow(values)
        self.count += 1

    def finish(self) -> None:
        if self.xlsx:
            self._wb.save(self.tmp)
        else:
            self._file.close()

    def publish(self) -> None:
        os.replace(self.tmp, self.dest)

    def discard(self) -> None:
        if not self.xlsx and not self._file.closed:
            self._file.close()
        self.tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- use cases


def preview_file(ctx: ServiceContext, path: Path, *, rows: int = PREVIEW_ROWS) -> FilePreview:
    """How a file reads and maps, with its first rows; stores nothing."""
    ctx.require(Permission.IMPORT)
    with open_table(Path(path)) as table:
        _check_headers(table.headers, table.source)
        with ctx.reader() as uow:
            vocab = _vocabulary(uow, table.headers)
        mapping, saved = _effective_mapping(table.headers, ImportOptions(), vocab)
        sample = []
        for n, cells in table.rows:
            if not any((c or "").strip() for c in cells):
                continue
            sample.append((n, tuple(cells)))
            if len(sample) >= rows:
                break
        return FilePreview(_layout(table), tuple(sample), mapping, saved, _unused(table.headers, mapping),
                           tuple(_missing(mapping, ImportOptions())))


def check_file(ctx: ServiceContext, path: Path, options: ImportOptions = ImportOptions(), *,
               progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> CheckReport:
    """Read and check every row as the import would, without storing anything."""
    ctx.require(Permission.IMPORT)
    with open_table(Path(path)) as table:
        _check_headers(table.headers, table.source)
        with relaxed_gc(), ctx.reader() as uow:
            vocab, mapping, checker = _prepare(uow, table, options)
            rows = valid = present = bad = 0
            problems: list[RowProblem] = []
            pending: list[ValidComplaint] = []

            def flush() -> int:
                found = uow.repo.existing_external_ids((v.channel, v.external_id) for v in pending)
                pending.clear()
                return len(found)

            for n, cells in _data_rows(table, cancel, progress, "checking"):
                rows += 1
                result = checker.check(n, cells)
                if isinstance(result, RowProblem):
                    bad += 1
                    if len(problems) < KEEP_PROBLEMS:
                        problems.append(result)
                    continue
                valid += 1
                pending.append(result)
                if len(pending) >= BATCH:
                    present += flush()
            present += flush()
        return CheckReport(_layout(table), rows, valid, present, bad, tuple(problems), checker.unknown_values(),
                           _unused(table.headers, mapping))


def import_file(ctx: ServiceContext, path: Path, options: ImportOptions | None = None, *,
                progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Import one file in one transaction: every row or none, or with ``options.rejects`` the good rows."""
    path = Path(path)
    options = options or ImportOptions()
    ctx.require(Permission.IMPORT)
    digest = hash_file(path)[0] if path.is_file() else ""
    with open_table(path) as table:
        parallel = path.is_file() and path.stat().st_size >= PARALLEL_MIN_BYTES
        return _import_table(ctx, table, options, digest, progress=progress, cancel=cancel,
                             path=path if parallel else None)


def import_rows(ctx: ServiceContext, headers: list[str], rows: Iterator[list[str]], source: str,
                source_sha256: str = "", *, progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None, options: ImportOptions | None = None) -> ImportResult:
    """Rows already in memory (the demo, tests): headers are the first row, data rows follow."""
    table = WorkOrderTable(source, "rows", list(headers), 1, ((n, list(r)) for n, r in enumerate(rows, start=2)), 0)
    return _import_table(ctx, table, options or ImportOptions(), source_sha256, progress=progress, cancel=cancel)


def _import_table(ctx: ServiceContext, table: WorkOrderTable, options: ImportOptions, digest: str, *,
                  progress: Progress | None, cancel: Callable[[], bool] | None,
                  path: Path | None = None) -> ImportResult:
    """``path``: read and check the rows of this file (the one ``table`` opened) in a second process."""
    from greyline.services.complaints import allocate_references, deadline_for

    ctx.require(Permission.IMPORT)
    source = table.source
    _check_headers(table.headers, source)
    rows = created = 0
    first_ref: str | None = None
    last_ref: str | None = None
    new_ids: list[int] = []
    problems: list[ValidationError] = []
    bad = 0
    rejects: _RejectsWriter | None = None
    with relaxed_gc(), ctx.uow() as uow:
        vocab, mapping, checker = _prepare(uow, table, options)
        if options.rejects is not None:
            rejects = _RejectsWriter(options.rejects, table.headers, table)
        try:
            year = dt.date.today().year
            pending: list[ValidComplaint] = []

            def write() -> None:
                nonlocal created, first_ref, last_ref
                existing = uow.repo.existing_external_ids((v.channel, v.external_id) for v in pending)
                new = [v for v in pending if (v.channel, v.external_id) not in existing]
                pending.clear()
                if not new:
                    return
                refs = allocate_references(uow.repo, year, len(new))
                deadlines = [deadline_for(vocab.rules, v.channel, v.received_at) for v in new]
                new_ids.extend(uow.repo.add_complaints(new, refs, deadlines, ctx.actor.user_id))
                created += len(new)
                first_ref = first_ref or refs[0]
                last_ref = refs[-1]

            def checked() -> Iterator[list[ValidComplaint | tuple[RowProblem, list[str]]]]:
                chunk: list[ValidComplaint | tuple[RowProblem, list[str]]] = []
                for n, cells in _data_rows(table, cancel, progress, "importing"):
                    result = checker.check(n, cells)
                    chunk.append((result, cells) if isinstance(result, RowProblem) else result)
                    if len(chunk) >= BATCH:
                        yield chunk
                        chunk = []
                if chunk:
                    yield chunk

            # Checking on a second thread while this one writes was measured slower (53 s against
            # 47 s for 100,000 rows): the interpreter lock serialises the two. A second process does not.
            chunks = checked() if path is None else _checked_elsewhere(
                path, table, mapping, vocab, options, checker, cancel, progress)
            with contextlib.closing(chunks):    # the second process ends with the loop, however it ends
                for chunk in chunks:
                    for result in chunk:
                        rows += 1
                        if isinstance(result, tuple):
                            problem, cells = result
                            bad += 1
                            if rejects is not None:
                                rejects.add(cells, f"{problem.column}：{problem.reason}")
                            elif len(problems) < KEEP_PROBLEMS:
                                problems.append(ValidationError(problem.reason, field=problem.column, row=problem.row))
                            continue
                        if bad and rejects is None:
                            continue    # the file will be refused: keep checking, stop writing
                        pending.append(result)
                        if len(pending) >= BATCH:
                            write()
            if bad and rejects is None:
                raise ImportRejected(problems, source, total=bad, summary=checker.unknown_summary())
            write()
            if cancel is not None and cancel():
                raise Cancelled()
            if options.remember_channels:
                for raw, code in options.channel_map.items():
                    if key_of(raw):
                        uow.repo.put_channel_alias(key_of(raw), raw.strip(), code, ctx.actor.username)
                uow.record("channel_aliases_set", "channel", "", {"aliases": dict(options.channel_map)})
            if options.remember_mapping:
                uow.repo.save_import_mapping(header_signature(table.headers), table.headers, mapping,
                                             ctx.actor.username)
            if rejects is not None:
                rejects.finish()
            uow.record("import", "file", source, {
                "sha256": digest, "rows": rows, "created": created, "skipped_existing": rows - bad - created,
                "rejected": bad, "rejects_file": str(options.rejects) if rejects is not None else None,
                "first": first_ref, "last": last_ref,
                "mapping": {k: table.headers[i] for k, i in mapping.items()}})
            uow.commit()
        except BaseException:
            if rejects is not None:
                rejects.discard()
            raise
    if rejects is not None:
        rejects.publish()
    if new_ids and options.detect:
        from greyline.services import detection

        if progress is not None:
            progress(0, 0, "detecting")
        detection.after_import(ctx, new_ids)
    return ImportResult(source, rows, created, rows - bad - created, first_ref, last_ref, bad,
                        str(options.rejects) if rejects is not None else None,
                        new_ids[0] if new_ids else None, new_ids[-1] if new_ids else None,
                        _layout(table), _unused(table.headers, mapping))


def detect_imported(ctx: ServiceContext, result: ImportResult, *, progress: Progress | None = None,
                    cancel: Callable[[], bool] | None = None) -> object | None:
    """Link detection for the complaints one import created, after its commit (the window runs this
    in the background; cancelling leaves them pending for ``greyline detect``)."""
    from greyline.services import detection

    if not result.created:
        return None
    return detection.detect_after_import(ctx, result.created, progress=progress, cancel=cancel)


def write_problem_report(report: CheckReport, dest: Path) -> None:
    """The check report's problems as a CSV (UTF-8 with BOM, so Excel opens it) for the user to fix."""
    with Path(dest).open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["行号", "列", "原因", "内容摘录"])
        for p in report.problems:
            w.writerow([p.row, p.column, p.reason, _text_cell(p.value)])


def _text_cell(value: str) -> str:
    # A cell starting like a formula would be run by Excel: prefix it so it stays text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# --------------------------------------------------------------------------- template

SAMPLE_ROW = {
    "external_id": "12378-2026-0001234", "channel": "12378", "received_at": "2026-05-03",
    "customer_name": "张三", "customer_id_number": "11010519491231002X", "customer_phone": "13812345678",
    "contact_phone": "17112345678", "contract_no": "HT20260503001", "overdue_amount": "12800.00",
    "text": "本人因失业无力还款，贵司多次催收，要求减免罚息并停止催收。", "demands": "减免罚息；停止催收",
    "address": "广东省深圳市福田区华强北路1002号赛格广场17楼1708室", "email": "", "wechat": "",
    "phone_changed_at": "", "category": "", "notes": "",
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
        letter = ws.cell(1, i).column_letter
        ws.column_dimensions[letter].width = 40 if k in ("text", "address") else 18
        if k in DIGIT_FIELDS:
            # Text format, so Excel keeps long digit strings (ID numbers, phones) as typed.
            for row in range(2, 1002):
                ws.cell(row, i).number_format = "@"
    help_ws = wb.create_sheet("说明")
    help_ws.append(["列名", "英文列名", "必填", "也可写作", "说明"])
    notes = {
        "channel": "渠道代码或名称，如 12378、12363、12315、黑猫投诉、客服热线、地方金融监管局；无法识别的写法导入时可逐个对应",
        "received_at": "日期，如 2026-05-03、2026/5/3、2026年5月3日，可带时间",
        "customer_id_number": "18 位居民身份证号，校验位会被检查",
        "demands": "多项诉求用分号（；）分隔",
        "phone_changed_at": "客户预留手机号变更日期（如有）",
    }
    for k in keys:
        help_ws.append([COLUMNS[k][0], k, "是" if COLUMNS[k][1] else "否", "、".join(FIELDS[k][2][:6]), notes.get(k, "")])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
