"""Reading work-order exports as the channels' systems and Excel really write them, row by row.

CSV is read per RFC 4180 (doubled quotes, quoted line breaks, CRLF or LF) in a streaming pass, so a file
of a million rows is never held in memory. The encoding is proved on the whole file before reading
(UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030, then ``charset-normalizer``); the delimiter and
the header row are the ones whose split yields the most known column names within the first records,
never a guess from the body. XLSX: the first sheet with a recognisable header row (title and blank rows
above it skipped, merged and two-level headers resolved), date cells as dates, and integers Excel stored
as floats written back as the digits typed. A legacy ``.xls`` is refused with what to do instead.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from greyline.domain.errors import DomainError
from greyline.domain.work_order_values import field_of_header, known_header_count

# Longest cell the CSV parser accepts at all; text fields are checked against their own, lower limit
# later, so an over-long complaint is a row error naming the row, not a parser failure.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
HEADER_SCAN_ROWS = 30
DELIMITERS = (",", "\t", ";", "|")
_CHUNK = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCODING_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8（带 BOM）", "utf-16": "UTF-16", "gb18030": "GBK/GB18030"}
DELIMITER_LABELS = {",": "逗号", "\t": "制表符", ";": "分号", "|": "竖线"}

csv.field_size_limit(CSV_FIELD_LIMIT)


@dataclass
class WorkOrderTable:
    """An opened export: where its header is, and its data rows as (row number, cells)."""

    source: str
    kind: str                               # "csv" or "xlsx"
    headers: list[str]
    header_row: int                         # the (last) header row, numbered as a spreadsheet shows it
    rows: Iterator[tuple[int, list[str]]]   # data rows: (row number, cells as text, unchanged)
    size: int                               # bytes of the file (CSV) or rows the sheet declares (XLSX)
    encoding: str | None = None             # Python codec name (CSV)
    delimiter: str | None = None
    sheet: str | None = None
    position: Callable[[], int] = field(default=lambda: 0)   # progress within ``size``
    _close: Callable[[], None] = field(default=lambda: None)

    def close(self) -> None:
        self._close()

    def __enter__(self) -> "WorkOrderTable":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.encoding or "", self.encoding or "")

    @property
    def delimiter_label(self) -> str:
        return DELIMITER_LABELS.get(self.delimiter or "", self.delimiter or "")


def open_table(path: Path) -> WorkOrderTable:
    """Open a CSV or XLSX export; raises DomainError naming the file when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise DomainError(f"{path}: 文件不存在")
    if path.is_dir():
        raise DomainError(f"{path}: 是文件夹，不是文件")
    suffix = path.suffix.lower()
    with path.open("rb") as f:
        magic = f.read(8)
    if suffix in (".xls", ".et") or magic == _OLE_MAGIC:
        raise DomainError(f"{path.name}: 这是旧版 Excel（.xls）文件，无法直接读取。请在 Excel 或 WPS 中打开后"
                          "“另存为” .xlsx 工作簿（或 CSV），再导入。")
    if suffix in (".xlsx", ".xlsm") or magic.startswith(b"PK\x03\x04"):
        return _open_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return _open_csv(path)
    raise DomainError(f"{path.name}: 只支持 CSV 或 XLSX 文件（不支持 {suffix}）")


# --------------------------------------------------------------------------- encodings


def _decodes(path: Path, encoding: str, skip: int = 0) -> bool:
    """True when the whole file decodes (streamed in chunks: no whole-file copy in memory)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as f:
            f.seek(skip)
            while chunk := f.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of Latin text is NUL."""
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def detect_encoding(path: Path) -> str:
    """The codec the whole file decodes with. A BOM is trusted only when the body agrees with it."""
    with path.open("rb") as f:
        sample = f.read(_CHUNK)
    if sample.startswith(codecs.BOM_UTF8):
        if _decodes(path, "utf-8", skip=3):
            return "utf-8-sig"
        raise DomainError(f"{path.name}: 文件开头标明是 UTF-8，但内容不是 UTF-8 编码；请用 Excel 或记事本重新另存为"
                          "“CSV UTF-8”后再导入")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if _decodes(path, "utf-16"):
            return "utf-16"
        raise DomainError(f"{path.name}: 文件开头标明是 UTF-16，但内容无法按 UTF-16 读取")
    candidates = [c for c in (_looks_utf16(sample),) if c] + ["utf-8", "gb18030"]
    for encoding in candidates:
        if _decodes(path, encoding):
            return encoding
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None and _decodes(path, best.encoding):
        return best.encoding
    raise DomainError(f"{path.name}: 无法识别文件编码（请另存为 UTF-8 或 GBK 编码的 CSV）")


# --------------------------------------------------------------------------- CSV


class _CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read from it, for progress through a text stream."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001
        n = self._raw.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def _text_stream(path: Path, encoding: str) -> tuple[io.TextIOWrapper, _CountingReader]:
    counter = _CountingReader(path.open("rb"))
    # newline="" leaves line breaks inside quoted fields to the csv module (RFC 4180).
    return io.TextIOWrapper(io.BufferedReader(counter, _CHUNK), encoding=encoding, newline=""), counter


def _reader(stream: Iterator[str], delimiter: str) -> Iterator[list[str]]:
    return csv.reader(stream, delimiter=delimiter, quotechar='"', doublequote=True, skipinitialspace=False,
                      strict=False)


def _sep_line(sample: str) -> str | None:
    """Excel's ``sep=;`` first line (it names the delimiter and Excel hides it)."""
    first = sample.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    if len(first) == 5 and first.lower().startswith("sep="):
        return first[4]
    return None


def _header_scan(path: Path, encoding: str) -> tuple[str, int, int]:
    """(delimiter, index of the header record, its known-column count) from the first records."""
    stream, _ = _text_stream(path, encoding)
    try:
        sample = stream.read(256 * 1024)
    finally:
        stream.close()
    best = (",", 0, 0)
    sep = _sep_line(sample)
    for delimiter in (sep,) if sep else DELIMITERS:
        try:
            records = []
            for record in _reader(io.StringIO(sample, newline=""), delimiter):
                records.append(record)
                if len(records) >= HEADER_SCAN_ROWS:
                    break
        except csv.Error:
            continue
        for i, record in enumerate(records):
            score = known_header_count(record)
            if score > best[2]:
                best = (delimiter, i, score)
    if best[2] == 0:
        # Nothing recognisable: the first non-blank record is the header, and the mapping step says
        # which required columns are missing.
        records = list(_first_records(sample, ","))
        first = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), 0)
        return ",", first, 0
    return best


def _first_records(sample: str, delimiter: str) -> Iterator[list[str]]:
    try:
        for n, record in enumerate(_reader(io.StringIO(sample, newline=""), delimiter)):
            if n >= HEADER_SCAN_ROWS:
                return
            yield record
    except csv.Error:
        return


def _open_csv(path: Path) -> WorkOrderTable:
    encoding = detect_encoding(path)
    delimiter, header_index, _ = _header_scan(path, encoding)
    stream, counter = _text_stream(path, encoding)
    # Rows are numbered as Excel shows them, and Excel hides a "sep=" line.
    with path.open(encoding=encoding, newline="") as f:
        hidden = 1 if _sep_line(f.read(64)) else 0
    records = _reader(stream, delimiter)
    headers: list[str] | None = None
    try:
        for i, record in enumerate(records):
            if i == header_index:
                headers = record
                break
    except csv.Error as exc:
        stream.close()
        raise DomainError(f"{path.name}: 第 {records.line_num} 行无法按 CSV 读取（{exc}）") from None
    if headers is None or not any(h.strip() for h in headers):
        stream.close()
        raise DomainError(f"{path.name}: 文件是空的")
    if headers and headers[0].startswith("\ufeff"):
        headers[0] = headers[0].lstrip("\ufeff")

    def rows() -> Iterator[tuple[int, list[str]]]:
        n = header_index + 1 - hidden
        try:
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise DomainError(f"{path.name}: 第 {n + 1} 行无法按 CSV 读取（{exc}）") from None
                except UnicodeDecodeError:
                    raise DomainError(f"{path.name}: 第 {n + 1} 行附近的编码与文件其余部分不同") from None
                n += 1
                yield n, record
        finally:
            stream.close()

    return WorkOrderTable(path.name, "csv", headers, header_index + 1 - hidden, rows(), path.stat().st_size,
                          encoding=encoding, delimiter=delimiter, position=lambda: counter.count,
                          _close=stream.close)


# --------------------------------------------------------------------------- XLSX

_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _cell_index(ref: str) -> tuple[int, int]:
    m = _CELL.match(ref.replace("$", "").upper())
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _merged_ranges(zf: zipfile.ZipFile, sheet_path: str, max_row: int) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_row, min_col, max_row, max_col) starting within the first ``max_row`` rows.

    Read-only openpyxl does not expose merges, so the sheet XML is streamed for its ``mergeCell``
    elements (after ``sheetData``; rows are passed over as they arrive and cleared)."""
    out: list[tuple[int, int, int, int]] = []
    try:
        with zf.open(sheet_path.lstrip("/")) as f:
            for _, elem in ElementTree.iterparse(f, events=("end",)):
                tag = elem.tag.rsplit("}", 1)[-1]
                if tag == "mergeCell":
                    ref = elem.get("ref", "")
                    if ":" in ref:
                        (r1, c1), (r2, c2) = (_cell_index(p) for p in ref.split(":", 1))
                        if r1 <= max_row:
                            out.append((r1, c1, r2, c2))
                elif tag in ("row", "sheetData"):
                    elem.clear()
    except (KeyError, ElementTree.ParseError, ValueError):
        return []
    return out


def cell_text(value: object) -> str:
    """A cell as the text the user typed or sees."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            # Below 10^15 a float holds every digit; above, the digits Excel kept are shown in
            # scientific form so the identifier check can say that some were lost.
            return str(int(value)) if abs(value) < 1e15 else repr(value)
        return repr(value)
    return str(value)


def _effective(rows: list[list[str]], merges: list[tuple[int, int, int, int]], width: int) -> list[list[str]]:
    """Header rows with each merged cell's value copied into every cell it covers."""
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    for r1, c1, r2, c2 in merges:
        if r1 > len(grid):
            continue
        value = grid[r1 - 1][c1 - 1] if c1 - 1 < width else ""
        for r in range(r1, min(r2, len(grid)) + 1):
            for c in range(c1, min(c2, width) + 1):
                if not grid[r - 1][c - 1]:
                    grid[r - 1][c - 1] = value
    return grid


def _find_header(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> tuple[int, int, list[str], int]:
    """(first header row, last header row, header texts, score), rows numbered from 1; score 0 if none."""
    width = max((len(r) for r in rows), default=0)
    grid = _effective(rows, merges, width)
    best = (0, 0, [], 0)
    for i, row in enumerate(grid):
        score = known_header_count(row)
        if score > best[3]:
            best = (i + 1, i + 1, row, score)
        if i + 1 < len(grid):
            below = grid[i + 1]
            # Two-level header: a group cell merged across columns above, the field names below it.
            combined = [b if (b and field_of_header(b)) else a for a, b in zip(row, below, strict=True)]
            c_score = known_header_count(combined)
            if c_score > max(score, known_header_count(below), best[3]):
                best = (i + 1, i + 2, combined, c_score)
    return best


def _open_xlsx(path: Path) -> WorkOrderTable:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError,
            ElementTree.ParseError) as exc:
        raise DomainError(f"{path.name}: 不是有效的 XLSX 文件（{type(exc).__name__}）") from None
    try:
        if not wb.worksheets:
            raise DomainError(f"{path.name}: 工作簿里没有工作表")
        zf = zipfile.ZipFile(path)
        found = None
        for ws in wb.worksheets:
            # Streaming writers (Apache POI's SXSSF, EasyExcel) often declare a wrong dimension
            # ("A1"); read-only openpyxl would stop there, so the sheet is read to its real end.
            declared = ws.max_row or 0
            ws.reset_dimensions()
            head = [[cell_text(c) for c in r] for r in ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True)]
            if not head:
                continue
            merges = _merged_ranges(zf, getattr(ws, "_worksheet_path", ""), HEADER_SCAN_ROWS)
            first, last, headers, score = _find_header(head, merges)
            if score > 0 and (found is None or score > found[4]):
                found = (ws, first, last, headers, score, declared)
                if score >= 3:
                    break
            elif found is None and any(any(c.strip() for c in r) for r in head):
                nonblank = next(i for i, r in enumerate(head) if any(c.strip() for c in r))
                found = (ws, nonblank + 1, nonblank + 1, head[nonblank], 0, declared)
        zf.close()
    except DomainError:
        wb.close()
        raise
    except (ElementTree.ParseError, ValueError, TypeError, KeyError, zipfile.BadZipFile) as exc:
        wb.close()
        raise DomainError(f"{path.name}: 工作表内容无法读取（{type(exc).__name__}）") from None
    if found is None:
        wb.close()
        raise DomainError(f"{path.name}: 工作表是空的")
    # The declared size (perhaps wrong) only scales the progress bar.
    ws, _first, last, headers, _, declared = found
    state = {"row": last}

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for n, r in enumerate(ws.iter_rows(min_row=last + 1, values_only=True), start=last + 1):
                state["row"] = n
                yield n, [cell_text(c) for c in r]
        except (ElementTree.ParseError, ValueError, TypeError, KeyError) as exc:
            raise DomainError(f"{path.name}: 第 {state['row'] + 1} 行无法读取（{type(exc).__name__}）") from None
        finally:
            wb.close()

    return WorkOrderTable(path.name, "xlsx", [h.strip() for h in headers], last, rows(), max(declared, last),
                          sheet=ws.title, position=lambda: state["row"], _close=wb.close)
