"""The ``greyline`` command line end to end: real subprocesses on real store files.

Each command costs a Python start-up (about two seconds), so one demo store is built per module and copied
for the tests that change it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from integration.helpers import (
    bad_check_digit,
    count,
    import_row,
    sqlite_exec,
    sqlite_rows,
    write_import_csv,
)

LIST_FIELDS = ["reference", "external_id", "channel", "received_at", "deadline_at", "customer_name",
               "contact_masked", "status", "risk_level", "preview"]
REFERENCE = re.compile(r"^GL-\d{4}-\d{6}$")
FULL_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def cli_env(data_dir: Path, user: str = "tester") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GREYLINE_DB", "GREYLINE_VAULT", "GREYLINE_KEY_FILE")}
    env.update(GREYLINE_DATA_DIR=str(data_dir), GREYLINE_USER=user, PYTHONIOENCODING="utf-8")
    return env


def run(db: Path | None, *args: str, data_dir: Path, user: str = "tester",
        check: bool | None = True) -> subprocess.CompletedProcess[str]:
    """Run ``python -m greyline [--db DB] ARGS``; ``check`` True wants exit 0, False wants non-zero."""
    cmd = [sys.executable, "-m", "greyline"]
    if db is not None:
        cmd += ["--db", str(db)]
    proc = subprocess.run([*cmd, *args], env=cli_env(data_dir, user), capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    if check is True:
        assert proc.returncode == 0, f"{args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    elif check is False:
        assert proc.returncode != 0, f"{args}: unexpectedly succeeded\n{proc.stdout}"
    return proc


@dataclass(frozen=True)
class DemoStore:
    root: Path
    db: Path
    data_dir: Path
    init: subprocess.CompletedProcess[str]
    demo: subprocess.CompletedProcess[str]
    items: list[dict[str, str]]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> DemoStore:
    """init, then ``demo --complaints 60 --seed 3``, then the JSON list; read-only for the tests."""
    root = tmp_path_factory.mktemp("cli-demo")
    data_dir = root / "userdata"
    db = root / "store" / "greyline.sqlite"
    init = run(db, "init", data_dir=data_dir)
    demo = run(db, "demo", "--complaints", "60", "--seed", "3", data_dir=data_dir)
    listed = run(db, "list", "--format", "json", data_dir=data_dir)
    return DemoStore(root, db, data_dir, init, demo, json.loads(listed.stdout))


@pytest.fixture
def store_copy(demo_store: DemoStore, tmp_path: Path) -> Path:
    """A private copy of the demo store (database, vault and key) for a test that changes it."""
    shutil.copytree(demo_store.db.parent, tmp_path / "copy")
    return tmp_path / "copy" / demo_store.db.name


def evidence_rows(db: Path) -> list[tuple[int, str, str]]:
    return sqlite_rows(db, "SELECT e.id, e.sha256, c.reference FROM evidence_items e JOIN complaint_evidence ce "
                           "ON ce.evidence_id = e.id JOIN complaints c ON c.id = ce.complaint_id ORDER BY e.id")


def vault_object(db: Path, sha: str) -> Path:
    return db.with_suffix(".vault") / "objects" / sha[:2] / sha[2:4] / sha


# --------------------------------------------------------------------------- no store needed


def test_help(tmp_path: Path) -> None:
    proc = run(None, "--help", data_dir=tmp_path)
    for command in ("init", "demo", "import", "attach", "list", "verify", "backup", "restore", "user"):
        assert command in proc.stdout
    sub = run(None, "import", "--help", data_dir=tmp_path)
    assert "--template" in sub.stdout


def test_import_template(tmp_path: Path) -> None:
    target = tmp_path / "out" / "模板.xlsx"
    proc = run(tmp_path / "g.sqlite", "import", "--template", str(target), data_dir=tmp_path)
    assert str(target) in proc.stdout
    wb = load_workbook(target, read_only=True)
    try:
        header = next(wb.worksheets[0].iter_rows(values_only=True))
        assert header[:3] == ("工单编号*", "来源渠道*", "受理日期*")
        assert wb.sheetnames == ["工单", "说明"]
    finally:
        wb.close()
    assert not (tmp_path / "g.sqlite").exists()  # writing a template opens no store


def test_commands_on_a_missing_store_say_to_run_init(tmp_path: Path) -> None:
    proc = run(tmp_path / "none.sqlite", "list", data_dir=tmp_path, check=False)
    assert proc.returncode == 1
    assert "greyline init" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "none.sqlite").exists()


# --------------------------------------------------------------------------- the demo store


def test_init_creates_the_store_with_its_key(demo_store: DemoStore) -> None:
    assert "store ready" in demo_store.init.stdout and "tester" in demo_store.init.stdout
    key = demo_store.db.with_suffix(".key")
    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not (demo_store.data_dir / "greyline.sqlite").exists()  # --db was honoured


def test_demo_then_list_json(demo_store: DemoStore) -> None:
    summary = json.loads(demo_store.demo.stdout)
    assert summary["complaints_created"] == 60 and summary["evidence"] > 0
    items = demo_store.items
    assert len(items) == 60
    assert all(set(item) == set(LIST_FIELDS) for item in items)
    assert all(REFERENCE.match(item["reference"]) for item in items)
    assert all(item["external_id"] for item in items)
    assert len({item["reference"] for item in items}) == 60
    assert count(demo_store.db, "complaints") == 60


def test_list_shows_phones_masked(demo_store: DemoStore) -> None:
    text = json.dumps(demo_store.items, ensure_ascii=False)
    assert FULL_MOBILE.findall(text) == []
    assert any(re.fullmatch(r"1\d\d\*{4}\d{4}", item["contact_masked"]) for item in demo_store.items)


def test_list_csv(demo_store: DemoStore) -> None:
    proc = run(demo_store.db, "list", "--format", "csv", data_dir=demo_store.data_dir)
    reader = csv.DictReader(io.StringIO(proc.stdout))
    assert reader.fieldnames == LIST_FIELDS
    rows = list(reader)
    assert [r["reference"] for r in rows] == [item["reference"] for item in demo_store.items]
    assert [r["customer_name"] for r in rows] == [item["customer_name"] for item in demo_store.items]


def test_list_search(demo_store: DemoStore) -> None:
    target = demo_store.items[17]
    by_number = run(demo_store.db, "list", "--format", "json", "--search", target["external_id"],
                    data_dir=demo_store.data_dir)
    assert [i["reference"] for i in json.loads(by_number.stdout)] == [target["reference"]]
    phrase = target["preview"][3:9]
    by_text = json.loads(run(demo_store.db, "list", "--format", "json", "--search", phrase,
                             data_dir=demo_store.data_dir).stdout)
    assert target["reference"] in {i["reference"] for i in by_text}
    assert all(phrase in i["preview"] for i in by_text if len(i["preview"]) < 80)


def test_verify_passes_on_the_demo_store(demo_store: DemoStore) -> None:
    proc = run(demo_store.db, "verify", data_dir=demo_store.data_dir)
    assert proc.stdout.startswith("ok:")


# --------------------------------------------------------------------------- tampering


def test_verify_finds_an_altered_evidence_file_and_then_an_edited_audit_row(demo_store: DemoStore,
                                                                            store_copy: Path) -> None:
    data_dir = demo_store.data_dir
    eid, sha, ref = evidence_rows(store_copy)[0]
    path = vault_object(store_copy, sha)
    original = path.read_bytes()
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    damaged = bytearray(original)
    damaged[len(damaged) // 2] ^= 0x01
    path.write_bytes(bytes(damaged))

    proc = run(store_copy, "verify", data_dir=data_dir, check=False)
    assert proc.returncode == 1
    assert f"evidence #{eid} " in proc.stdout and ref in proc.stdout
    assert "1 problem(s) found" in proc.stderr

    path.write_bytes(original)
    audit_id, detail = sqlite_rows(store_copy, "SELECT id, detail FROM audit_events WHERE action='import'")[0]
    sqlite_exec(store_copy, "UPDATE audit_events SET detail=? WHERE id=?", (detail.replace('"created": 60', '"created": 59'),
                                                                           audit_id))
    assert sqlite_rows(store_copy, "SELECT detail FROM audit_events WHERE id=?", (audit_id,))[0][0] != detail
    proc = run(store_copy, "verify", data_dir=data_dir, check=False)
    assert proc.returncode == 1
    assert f"audit event #{audit_id}" in proc.stdout
    assert "evidence #" not in proc.stdout


# --------------------------------------------------------------------------- import and attach


def test_import_a_good_file(demo_store: DemoStore, store_copy: Path, tmp_path: Path) -> None:
    path = write_import_csv(tmp_path / "新工单.csv", [import_row(n) for n in range(1, 6)], encoding="gbk")
    proc = run(store_copy, "import", str(path), data_dir=demo_store.data_dir)
    result = json.loads(proc.stdout)
    assert (result["file"], result["rows"], result["created"], result["skipped_existing"]) == ("新工单.csv", 5, 5, 0)
    assert REFERENCE.match(result["first_reference"])
    assert count(store_copy, "complaints") == 65
    names = {r[0] for r in sqlite_rows(store_copy, "SELECT customer_name FROM complaints")}
    assert {import_row(n)["customer_name"] for n in range(1, 6)} <= names


def test_import_a_bad_file_exits_1_naming_the_row(demo_store: DemoStore, store_copy: Path, tmp_path: Path) -> None:
    rows = [import_row(n) for n in range(1, 21)]
    rows[5]["customer_id_number"] = bad_check_digit(rows[5]["customer_id_number"])
    path = write_import_csv(tmp_path / "bad.csv", rows)
    events = count(store_copy, "audit_events")
    proc = run(store_copy, "import", str(path), data_dir=demo_store.data_dir, check=False)
    assert proc.returncode == 1
    assert "row 7" in proc.stderr and "身份证号" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert count(store_copy, "complaints") == 60
    assert count(store_copy, "audit_events") == events


def test_attach_by_reference_and_by_external_id(demo_store: DemoStore, store_copy: Path, tmp_path: Path) -> None:
    first, second = demo_store.items[3], demo_store.items[4]
    recording = tmp_path / "外呼录音.wav"
    recording.write_bytes(b"RIFF" + os.urandom(2000))
    screenshot = tmp_path / "聊天截图.png"
    screenshot.write_bytes(b"\x89PNG" + os.urandom(1000))
    before = count(store_copy, "evidence_items")

    by_ref = json.loads(run(store_copy, "attach", first["reference"], str(recording), "--kind", "recording",
                            "--note", "外呼录音", data_dir=demo_store.data_dir).stdout)
    assert (by_ref["complaint"], by_ref["name"], by_ref["size"]) == (first["reference"], "外呼录音.wav", 2004)
    by_ext = json.loads(run(store_copy, "attach", second["external_id"], str(screenshot), "--kind", "chat",
                            data_dir=demo_store.data_dir).stdout)
    assert (by_ext["complaint"], by_ext["external_id"]) == (second["reference"], second["external_id"])

    assert count(store_copy, "evidence_items") == before + 2
    linked = {(eid, ref) for eid, _, ref in evidence_rows(store_copy)}
    assert {(by_ref["evidence_id"], first["reference"]), (by_ext["evidence_id"], second["reference"])} <= linked
    assert vault_object(store_copy, by_ref["sha256"]).read_bytes() == recording.read_bytes()


def test_attach_to_an_unknown_complaint_exits_1(demo_store: DemoStore, store_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(b"\x89PNG")
    before = count(store_copy, "evidence_items")
    proc = run(store_copy, "attach", "GL-1999-999999", str(path), "--kind", "screenshot",
               data_dir=demo_store.data_dir, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("greyline: ") and "GL-1999-999999" in proc.stderr and "找不到" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert count(store_copy, "evidence_items") == before


# --------------------------------------------------------------------------- backup, restore, users


def test_backup_then_restore_into_a_new_db(demo_store: DemoStore, tmp_path: Path) -> None:
    dest = tmp_path / "backup"
    proc = run(demo_store.db, "backup", str(dest), data_dir=demo_store.data_dir)
    assert "backup written" in proc.stdout and (dest / "manifest.json").exists()
    new_db = tmp_path / "restored" / "greyline.sqlite"
    proc = run(new_db, "restore", str(dest), data_dir=demo_store.data_dir)
    assert str(new_db) in proc.stdout
    assert count(new_db, "complaints") == 60
    assert new_db.with_suffix(".key").read_bytes() == demo_store.db.with_suffix(".key").read_bytes()
    assert len(list(new_db.with_suffix(".vault").rglob("objects/*/*/*"))) == len(
        list(demo_store.db.with_suffix(".vault").rglob("objects/*/*/*")))
    verified = run(new_db, "verify", data_dir=demo_store.data_dir)
    assert verified.stdout.startswith("ok:")
    # The restore is logged in the restored store's chain, followed by the verification just run.
    assert sqlite_rows(new_db, "SELECT action FROM audit_events ORDER BY id DESC LIMIT 2") == [
        ("verify",), ("restore",)]


def test_user_add(demo_store: DemoStore, store_copy: Path) -> None:
    proc = run(store_copy, "user", "add-me", "--role", "handler", "--name", "王小明", data_dir=demo_store.data_dir)
    assert "add-me" in proc.stdout
    assert sqlite_rows(store_copy, "SELECT display_name, role FROM users WHERE username='add-me'") == [
        ("王小明", "handler")]
    # The new user is known (not "未登记") but a handler may not add users.
    proc = run(store_copy, "user", "another", "--role", "admin", data_dir=demo_store.data_dir, user="add-me",
               check=False)
    assert proc.returncode == 1 and "无权" in proc.stderr
    assert count(store_copy, "users") == 2
