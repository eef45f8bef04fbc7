"""Large files are read and checked in a second process while the importing one writes.

The second process must be invisible to the user: every hand-written file of ``test_import_real_files``
is imported again here with the size threshold at zero, so each of those tests runs through the second
process and must give the same stored rows, the same refusals and the same rejects files. The tests
below cover what only the second process can do wrong: end early, be left running after a cancel, or
read a file that changed under it.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from greyline.cli import main
from greyline.domain.errors import Cancelled, DomainError
from greyline.domain.identifiers import NormalisedIdentifier
from greyline.domain.enums import IdentifierType
from greyline.domain.records import ValidComplaint
from greyline.services import importing
from greyline.services.bulk import relaxed_gc
from greyline.services.context import ServiceContext
from greyline.services.importing import ImportOptions, import_file

# Every test of the hand-written files, collected again in this module (and run through the second process).
from integration.test_import_real_files import *  # noqa: F403
from integration.test_import_real_files import BAD_HEADER, assert_nothing_stored, csv_text, events, mixed_rows, \
    stored, write_bytes


@pytest.fixture(autouse=True)
def _always_in_a_second_process(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen]:
    """Every import_file of this module checks its rows in a second process; the processes are kept."""
    started: list[subprocess.Popen] = []
    real = subprocess.Popen

    def popen(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        proc = real(*args, **kwargs)
        started.append(proc)
        return proc

    monkeypatch.setattr(importing, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(importing.subprocess, "Popen", popen)
    return started


def _file(tmp_path: Path, rows: int = 1) -> Path:
    many = [row for _ in range(rows) for row in mixed_rows()]
    return write_bytes(tmp_path / "in.csv", csv_text([BAD_HEADER, *many]).encode("gbk"))


def test_the_second_process_is_used_and_ends(ctx: ServiceContext, tmp_path: Path,
                                             _always_in_a_second_process: list[subprocess.Popen]) -> None:
    result = import_file(ctx, _file(tmp_path), ImportOptions(rejects=tmp_path / "rejects.csv"))
    assert (result.created, result.rejected) == (3, 5)
    [proc] = _always_in_a_second_process
    assert proc.returncode == 0
    assert "--import-check-process" in proc.args


def test_same_rows_stored_as_checking_here(ctx: ServiceContext, tmp_path: Path, user_factory,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    source = _file(tmp_path)
    import_file(ctx, source, ImportOptions(rejects=tmp_path / "r1.csv"))
    there = stored(ctx)
    # The same file into a second store, checked in this process.
    from greyline.services.context import sign_in
    from greyline.storage.db import open_store
    from greyline.storage.location import resolve

    other = open_store(resolve(str(tmp_path / "other" / "greyline.sqlite")), create=True)
    try:
        octx = sign_in(other, "tester")
        monkeypatch.setattr(importing, "PARALLEL_MIN_BYTES", 1 << 60)
        import_file(octx, source, ImportOptions(rejects=tmp_path / "r2.csv"))
        here = stored(octx)
    finally:
        other.dispose()
    assert [(s.external_id, s.text, s.ids, s.masked, s.received_at, s.overdue_cents) for s in there] == \
           [(s.external_id, s.text, s.ids, s.masked, s.received_at, s.overdue_cents) for s in here]
    assert (tmp_path / "r1.csv").read_bytes() == (tmp_path / "r2.csv").read_bytes()


def test_cancel_part_way_stores_nothing_and_stops_the_second_process(
        ctx: ServiceContext, tmp_path: Path, _always_in_a_second_process: list[subprocess.Popen]) -> None:
    source = _file(tmp_path, rows=800)          # 6,400 rows: several chunks
    seen: list[int] = []

    def progress(done: int, total: int, stage: str) -> None:
        seen.append(done)

    before = events(ctx)
    with pytest.raises(Cancelled):
        import_file(ctx, source, ImportOptions(rejects=tmp_path / "rejects.csv"), progress=progress,
                    cancel=lambda: len(seen) >= 2)
    assert_nothing_stored(ctx, before)
    assert not (tmp_path / "rejects.csv").exists()
    [proc] = _always_in_a_second_process
    assert proc.poll() is not None               # not left running


def test_a_second_process_that_dies_is_a_clear_message_and_nothing_is_stored(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = "import sys; sys.stdin.buffer.read(); sys.stderr.write('MemoryError: out of memory\\n'); sys.exit(3)"
    monkeypatch.setattr(importing, "_check_process_command", lambda: [sys.executable, "-c", script])
    before = events(ctx)
    with pytest.raises(DomainError) as info:
        import_file(ctx, _file(tmp_path))
    message = info.value.message
    assert "in.csv" in message and "退出码 3" in message and "MemoryError: out of memory" in message
    assert "没有保存任何内容" in message
    assert_nothing_stored(ctx, before)


def test_a_file_changed_before_the_second_process_reads_it_is_refused(
        ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _file(tmp_path)
    real_prepare = importing._prepare

    def prepare_then_change(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        out = real_prepare(*args, **kwargs)
        source.write_bytes(csv_text([["编号", *BAD_HEADER[1:]], *mixed_rows()]).encode("gbk"))
        return out

    monkeypatch.setattr(importing, "_prepare", prepare_then_change)
    before = events(ctx)
    with pytest.raises(DomainError, match="文件在导入过程中被改动"):
        import_file(ctx, source, ImportOptions(rejects=tmp_path / "rejects.csv"))
    assert_nothing_stored(ctx, before)


def test_checked_complaints_cross_the_pipe_unchanged() -> None:
    ident = NormalisedIdentifier(IdentifierType.MOBILE, "+8613812345678", "138****5678",
                                 {"carrier": "中国移动", "region": "广东深圳"})
    values = {f: None for f in importing._VALID_FIELDS}
    sample = {name: f"{name}-value" for name in importing._VALID_FIELDS}
    complaint = ValidComplaint(**{**values, **sample, "customer_id": ident,
                                  "identifiers": ((ident, "customer_phone"), (ident, "contact_phone"))})
    flat = importing._flat_complaint(complaint)
    assert all(not isinstance(v, NormalisedIdentifier) for v in flat)
    assert importing._complaint_from(list(flat)) == complaint
    without = ValidComplaint(**{**values, **sample, "customer_id": None, "identifiers": ()})
    assert importing._complaint_from(importing._flat_complaint(without)) == without


def test_the_check_process_flag_without_a_job_exits_with_2(monkeypatch: pytest.MonkeyPatch) -> None:
    done = subprocess.run([sys.executable, "-m", "greyline", "--import-check-process"], input=b"",
                          capture_output=True, timeout=60, cwd=Path(importing.__file__).parents[2])
    assert done.returncode == 2 and done.stdout == b""


def test_relaxed_gc_nests_and_restores() -> None:
    before = gc.get_threshold()
    with relaxed_gc():
        inside = gc.get_threshold()
        with relaxed_gc():
            assert gc.get_threshold() == inside
        assert gc.get_threshold() == inside
    assert inside[0] >= 50_000
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), relaxed_gc():
        raise RuntimeError
    assert gc.get_threshold() == before


def test_main_dispatches_the_flag_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[bool] = []
    monkeypatch.setattr(importing, "serve_check_process", lambda: called.append(True) or 0)
    assert main(["--import-check-process"]) == 0 and called == [True]
