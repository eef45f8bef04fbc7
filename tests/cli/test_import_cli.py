"""``greyline import`` end to end on files written by hand the way other systems write them.

Every test runs the installed ``greyline`` command as a real subprocess on a store that does not exist
yet (``NEW/greyline.sqlite``), and reads the result back with ``sqlite3``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from integration.helpers import bad_check_digit, count, resident_id, sqlite_rows

ID1, ID2 = resident_id(1), resident_id(2)
HEADER = ["投诉编号", "投诉渠道", "登记时间", "投诉人", "证件号码", "来电号码", "问题描述", "具体诉求"]
STORED_TABLES = ("complaints", "identifiers", "parties", "complaint_identifiers", "channel_aliases", "ref_counters")


def greyline_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m greyline``."""
    script = Path(sys.executable).with_name("greyline.exe" if os.name == "nt" else "greyline")
    if script.exists():
        return [str(script)]
    found = shutil.which("greyline")
    return [found] if found else [sys.executable, "-m", "greyline"]


def run(db: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GREYLINE_DB", "GREYLINE_VAULT", "GREYLINE_KEY_FILE")}
    env.update(GREYLINE_DATA_DIR=str(data_dir), GREYLINE_USER="tester", PYTHONIOENCODING="utf-8")
    return subprocess.run([*greyline_command(), "--db", str(db), *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def q(value: str) -> str:
    if any(ch in value for ch in (",", '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_bytes(rows: list[list[str]], encoding: str = "gbk") -> bytes:
    return "".join(",".join(q(c) for c in row) + "\r\n" for row in rows).encode(encoding)


@pytest.fixture
def new_db(tmp_path: Path) -> Path:
    db = tmp_path / "NEW" / "greyline.sqlite"
    assert not db.parent.exists()
    return db


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "userdata"


def stored_channels(db: Path) -> dict[str, str]:
    return dict(sqlite_rows(db, "SELECT external_id, channel FROM complaints ORDER BY id"))


def table_counts(db: Path) -> dict[str, int]:
    return {t: count(db, t) for t in STORED_TABLES}


GOOD_ROWS = [
    ["TS-001", "银保监投诉", "2026/5/3 14:22:05", "王芳", ID1, "+86 138 1234 5678", '他说"不还就上门"，\n我很害怕。',
     "停止催收；赔礼道歉"],
    ["TS-002", "黑猫投诉", "2026年5月4日", "李娜", ID2, "0086-13912345678", "利息过高", "退还利息"],
]

UNKNOWN_ROWS = [
    ["W-1", "微博", "2026-05-03", "王芳", "", "", "微博私信", ""],
    ["W-2", "抖音", "2026-05-03", "李娜", "", "", "抖音评论", ""],
    ["W-3", "微博", "2026-05-04", "张伟", "", "", "微博@官方", ""],
    ["W-4", "12378热线", "2026-05-04", "赵敏", "", "", "正常", ""],
]


def test_import_into_a_store_that_does_not_exist_yet(new_db: Path, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "12378导出.csv"
    path.write_bytes(csv_bytes([["12378 投诉工单导出"], HEADER, *GOOD_ROWS]))
    proc = run(new_db, "import", str(path), data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    result = json.loads(proc.stdout)
    assert (result["file"], result["rows"], result["created"], result["rejected"]) == ("12378导出.csv", 2, 2, 0)
    assert (result["encoding"], result["delimiter"], result["header_row"]) == ("GBK/GB18030", "逗号", 2)
    assert new_db.exists()
    rows = sqlite_rows(new_db, "SELECT external_id, channel, received_at, received_time, customer_name, text, demands "
                               "FROM complaints ORDER BY id")
    assert [(e, c, d, n, t, json.loads(m)) for e, c, d, _, n, t, m in rows] == [
        ("TS-001", "12378", "2026-05-03", "王芳", '他说"不还就上门"，\n我很害怕。', ["停止催收", "赔礼道歉"]),
        ("TS-002", "public_site", "2026-05-04", "李娜", "利息过高", ["退还利息"]),
    ]
    assert rows[0][3].startswith("14:22:05")
    masks = sqlite_rows(new_db, "SELECT c.role, i.masked FROM identifiers i JOIN complaint_identifiers c "
                                "ON c.identifier_id = i.id JOIN complaints k ON k.id = c.complaint_id "
                                "WHERE k.external_id = 'TS-001' ORDER BY c.role")
    assert masks == [("contact_phone", "138****5678"), ("customer_id", ID1[:6] + "********" + ID1[-4:])]


def test_unknown_channels_exit_1_listing_each_value_with_its_count(new_db: Path, data_dir: Path,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "unknown.csv"
    path.write_bytes(csv_bytes([HEADER, *UNKNOWN_ROWS]))
    proc = run(new_db, "import", str(path), data_dir=data_dir)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert "“微博”（2 行）" in proc.stderr and "“抖音”（1 行）" in proc.stderr
    assert "--map-channel" in proc.stderr and "--default-channel" in proc.stderr
    assert "row 2, column 投诉渠道" in proc.stderr and "row 4, column 投诉渠道" in proc.stderr
    if new_db.exists():
        assert table_counts(new_db) == dict.fromkeys(STORED_TABLES, 0)


def test_map_channel_and_default_channel(new_db: Path, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "unknown.csv"
    path.write_bytes(csv_bytes([HEADER, *UNKNOWN_ROWS]))
    proc = run(new_db, "import", str(path), "--map-channel", "微博=media", "--default-channel", "other",
               data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["created"] == 4
    assert stored_channels(new_db) == {"W-1": "media", "W-2": "other", "W-3": "media", "W-4": "12378"}

    other = tmp_path / "more.csv"
    other.write_bytes(csv_bytes([HEADER, ["W-5", "抖音", "2026-05-05", "", "", "", "又一条", ""],
                                 ["W-6", "小红书", "2026-05-05", "", "", "", "笔记", ""]], "utf-8-sig"))
    proc = run(new_db, "import", str(other), "--map-channel", "抖音=public_site", "--map-channel", "小红书=public_site",
               data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    assert {k: v for k, v in stored_channels(new_db).items() if k in ("W-5", "W-6")} == {
        "W-5": "public_site", "W-6": "public_site"}


def test_rejects_writes_the_file_and_exits_0(new_db: Path, data_dir: Path, tmp_path: Path) -> None:
    bad_id = bad_check_digit(ID2)
    rows = [GOOD_ROWS[0], ["TS-009", "12378", "2026-13-45", "孙磊", "", "", "坏日期\n两行", ""],
            ["TS-010", "12378", "2026-05-05", "周杰", bad_id, "", '坏证件号"引号"', ""], GOOD_ROWS[1]]
    path = tmp_path / "mixed.csv"
    path.write_bytes(csv_bytes([HEADER, *rows]))
    out = tmp_path / "OUT.csv"
    proc = run(new_db, "import", str(path), "--rejects", str(out), data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert (result["created"], result["rejected"], result["rejects_file"]) == (2, 2, str(out))
    assert "2 行未导入" in proc.stderr and str(out) in proc.stderr
    assert list(stored_channels(new_db)) == ["TS-001", "TS-002"]
    back = list(csv.reader(io.StringIO(out.read_bytes().decode("gbk"), newline="")))
    assert back[0] == [*HEADER, "错误原因"]
    assert [r[:-1] for r in back[1:]] == [rows[1], rows[2]]
    assert back[1][-1].startswith("登记时间：") and back[2][-1].startswith("证件号码：")


def test_check_stores_nothing(new_db: Path, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "good.csv"
    path.write_bytes(csv_bytes([HEADER, *GOOD_ROWS], "utf-8-sig"))
    proc = run(new_db, "import", str(path), "--check", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert (report["rows"], report["valid"], report["new"], report["problem_rows"]) == (2, 2, 2, 0)
    assert report["encoding"] == "UTF-8（带 BOM）"
    if new_db.exists():
        assert table_counts(new_db) == dict.fromkeys(STORED_TABLES, 0)
        assert sqlite_rows(new_db, "SELECT count(*) FROM audit_events WHERE action = 'import'") == [(0,)]

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADER, *UNKNOWN_ROWS]))
    proc = run(new_db, "import", str(bad), "--check", data_dir=data_dir)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["problem_rows"] == 3
    assert [(u["value"], u["rows"]) for u in report["unknown_channels"]] == [("微博", 2), ("抖音", 1)]
    assert table_counts(new_db) == dict.fromkeys(STORED_TABLES, 0)


def test_a_legacy_xls_and_a_mismatched_bom_exit_1_without_a_traceback(new_db: Path, data_dir: Path,
                                                                      tmp_path: Path) -> None:
    xls = tmp_path / "工单.xls"
    xls.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 8)
    proc = run(new_db, "import", str(xls), data_dir=data_dir)
    assert proc.returncode == 1
    assert proc.stderr.startswith("greyline: ") and ".xlsx" in proc.stderr and "Traceback" not in proc.stderr

    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(b"\xef\xbb\xbf" + csv_bytes([HEADER, *GOOD_ROWS], "gbk"))
    proc = run(new_db, "import", str(mixed), data_dir=data_dir)
    assert proc.returncode == 1
    assert proc.stderr.startswith("greyline: ") and "UTF-8" in proc.stderr and "Traceback" not in proc.stderr
    if new_db.exists():
        assert count(new_db, "complaints") == 0
