"""``greyline detect``, ``links`` and ``groups`` end to end: real subprocesses on a real store file.

Each command costs a Python start-up (seconds), so one demo store is built and run through the
commands once per module; the tests read the outputs and the store file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from integration.helpers import sqlite_rows

LINK_KEYS = {"a_reference", "a_external_id", "b_reference", "b_external_id", "kind", "score", "reason", "status"}
SUMMARY = re.compile(r"检测投诉 (\d+) 笔、证据 (\d+) 件：新增关联 (\d+) 条，更新 (\d+) 条，移除 (\d+) 条；用时 [\d.]+ 秒")


def run(db: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """``python -m greyline --db DB ARGS`` as user 'tester'; must exit 0."""
    env = {k: v for k, v in os.environ.items() if k not in ("GREYLINE_DB", "GREYLINE_VAULT", "GREYLINE_KEY_FILE")}
    env.update(GREYLINE_DATA_DIR=str(data_dir), GREYLINE_USER="tester", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "greyline", "--db", str(db), *args], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, f"{args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr
    return proc


@dataclass(frozen=True)
class Detected:
    db: Path
    demo: subprocess.CompletedProcess[str]
    full: subprocess.CompletedProcess[str]
    pending: subprocess.CompletedProcess[str]
    links: subprocess.CompletedProcess[str]
    groups: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def detected(tmp_path_factory: pytest.TempPathFactory) -> Detected:
    """demo (80 complaints, no files), detect --full, detect, links --format json, groups --format json."""
    root = tmp_path_factory.mktemp("cli-detect")
    data_dir = root / "userdata"
    db = root / "store" / "greyline.sqlite"
    demo = run(db, "demo", "--complaints", "80", "--no-files", data_dir=data_dir)
    full = run(db, "detect", "--full", data_dir=data_dir)
    pending = run(db, "detect", data_dir=data_dir)
    links = run(db, "links", "--format", "json", data_dir=data_dir)
    groups = run(db, "groups", "--format", "json", data_dir=data_dir)
    return Detected(db, demo, full, pending, links, groups)


def test_full_detection_prints_the_summary(detected: Detected) -> None:
    assert json.loads(detected.demo.stdout)["complaints_created"] == 80
    m = SUMMARY.fullmatch(detected.full.stdout.strip())
    assert m, detected.full.stdout
    assert (int(m[1]), int(m[2])) == (80, 0)
    (detail,) = sqlite_rows(detected.db, "SELECT detail FROM audit_events WHERE action = 'detect_full'")[0]
    assert json.loads(detail)["complaints"] == 80


def test_detect_after_a_full_run_has_nothing_pending(detected: Detected) -> None:
    m = SUMMARY.fullmatch(detected.pending.stdout.strip())
    assert m, detected.pending.stdout
    assert [int(g) for g in m.groups()] == [0, 0, 0, 0, 0]


def test_links_json_lists_every_pair_link_of_the_store(detected: Detected) -> None:
    listed = json.loads(detected.links.stdout)
    assert isinstance(listed, list) and listed
    assert all(isinstance(item, dict) and LINK_KEYS <= set(item) for item in listed)
    stored = sqlite_rows(detected.db, """
        SELECT ca.reference, ca.external_id, cb.reference, cb.external_id, l.kind, l.score, l.reason, l.status
        FROM links l JOIN complaints ca ON ca.id = l.complaint_a_id JOIN complaints cb ON cb.id = l.complaint_b_id
        ORDER BY l.id""")
    assert [(i["a_reference"], i["a_external_id"], i["b_reference"], i["b_external_id"], i["kind"], i["score"],
             i["reason"], i["status"]) for i in listed] == stored
    kinds = {i["kind"] for i in listed}
    assert {"phone", "template"} <= kinds
    assert all(i["status"] in ("suggested", "confirmed", "rejected") for i in listed)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", detected.links.stdout)  # no full phone number exported


def test_groups_json_has_groups_and_proposals(detected: Detected) -> None:
    doc = json.loads(detected.groups.stdout)
    assert set(doc) == {"groups", "proposals"}
    stored = sqlite_rows(detected.db, "SELECT reference, title FROM agent_groups ORDER BY id")
    assert [(g["reference"], g["title"]) for g in doc["groups"]] == stored
    members = {r[0] for r in sqlite_rows(detected.db, "SELECT c.reference FROM group_complaints gc "
                                                       "JOIN complaints c ON c.id = gc.complaint_id")}
    assert {m["reference"] for g in doc["groups"] for m in g["members"]} == members
    references = {r[0] for r in sqlite_rows(detected.db, "SELECT reference FROM complaints")}
    assert doc["proposals"], "the demo's agent groups are proposed"
    for p in doc["proposals"]:
        assert len(p["members"]) >= 3 and {m["reference"] for m in p["members"]} <= references
        assert p["title"] and 0 < p["strength"] <= 1
        assert all(set(i) == {"type", "masked", "complaints"} for i in p["shared_identifiers"])
        # A proposal overlapping the group the demo created says so.
        if {m["reference"] for m in p["members"]} & members:
            assert p["existing_groups"]


def test_exports_are_audited(detected: Detected) -> None:
    events = sqlite_rows(detected.db, "SELECT entity, detail FROM audit_events WHERE action = 'export' ORDER BY id")
    by_entity = {entity: json.loads(detail) for entity, detail in events}
    assert set(by_entity) == {"links", "groups"}
    assert by_entity["links"]["format"] == "json"
    assert by_entity["links"]["rows"] == len(json.loads(detected.links.stdout))
    doc = json.loads(detected.groups.stdout)
    assert (by_entity["groups"]["groups"], by_entity["groups"]["proposals"]) == (len(doc["groups"]),
                                                                                 len(doc["proposals"]))
