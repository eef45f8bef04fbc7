"""Evidence vault on real files: storage by content, atomic writes, tamper detection, safe names."""

from __future__ import annotations

import hashlib
import io
import os
import random
import stat
import time
import tracemalloc
from pathlib import Path

import pytest

from greyline.domain.errors import Cancelled, IntegrityProblem, NotFound
from greyline.storage.vault import (
    CHUNK_SIZE,
    BlobCheck,
    StoredBlob,
    Vault,
    hash_file,
    safe_file_name,
)

MiB = 1024 * 1024


class PatternStream(io.RawIOBase):
    """``size`` bytes of deterministic, non-repeating-per-block data, generated on demand."""

    def __init__(self, size: int, *, fail_after: int | None = None) -> None:
        self._size = size
        self._pos = 0
        self._fail_after = fail_after
        self._block = bytearray(random.Random(size).randbytes(64 * 1024))
        self._block_view = memoryview(self._block)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._fail_after is not None and self._pos >= self._fail_after:
            raise OSError("simulated read failure")
        mv = memoryview(b).cast("B")
        n = min(len(mv), self._size - self._pos, len(self._block))
        # Vary the first byte per block so content does not repeat block after block.
        self._block[0] = (self._pos // len(self._block)) & 0xFF
        mv[:n] = self._block_view[:n]
        mv.release()
        self._pos += n
        return n


def _object_files(root: Path) -> list[Path]:
    objects = root / "objects"
    return [p for p in objects.rglob("*") if p.is_file()] if objects.exists() else []


def _tmp_files(root: Path) -> list[Path]:
    tmp = root / "tmp"
    return list(tmp.iterdir()) if tmp.exists() else []


def _digests(data: bytes) -> tuple[str, str]:
    return hashlib.sha256(data).hexdigest(), hashlib.new("sm3", data).hexdigest()


def test_put_file_then_open_round_trip(tmp_path: Path) -> None:
    data = os.urandom(3 * MiB + 123)
    src = tmp_path / "evidence.bin"
    src.write_bytes(data)
    vault = Vault(tmp_path / "vault")

    blob = vault.put_file(src)

    sha, sm3 = _digests(data)
    assert blob == StoredBlob(sha256=sha, sm3=sm3, size=len(data), already_present=False)
    assert vault.exists(sha)
    assert vault.path_for(sha) == tmp_path / "vault" / "objects" / sha[:2] / sha[2:4] / sha
    with vault.open(sha) as f:
        assert f.read() == data
    assert hash_file(src) == (sha, sm3, len(data))
    assert list(vault.iter_hashes()) == [sha]
    assert _tmp_files(tmp_path / "vault") == []


def test_directories_created_lazily(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    vault = Vault(root)
    assert not root.exists()
    assert list(vault.iter_hashes()) == []
    assert vault.cleanup_tmp() == 0
    vault.put_bytes(b"x")
    assert (root / "objects").is_dir() and (root / "tmp").is_dir()


def test_empty_and_small_bytes(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    for data in (b"", b"a", os.urandom(CHUNK_SIZE), os.urandom(CHUNK_SIZE + 1)):
        blob = vault.put_bytes(data)
        assert (blob.sha256, blob.sm3, blob.size) == (*_digests(data), len(data))
        with vault.open(blob.sha256) as f:
            assert f.read() == data


def test_identical_content_stored_once(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "vault")
    data = os.urandom(100_000)
    a = tmp_path / "a.jpg"
    b = tmp_path / "completely different name.png"
    a.write_bytes(data)
    b.write_bytes(data)

    first = vault.put_file(a)
    second = vault.put_file(b)
    third = vault.put_bytes(data)

    assert not first.already_present
    assert second.already_present and third.already_present
    assert first.sha256 == second.sha256 == third.sha256
    assert len(_object_files(tmp_path / "vault")) == 1
    assert _tmp_files(tmp_path / "vault") == []


def test_stored_object_is_read_only(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    blob = vault.put_bytes(b"evidence")
    mode = stat.S_IMODE(vault.path_for(blob.sha256).stat().st_mode)
    assert mode & 0o222 == 0
    with vault.open(blob.sha256) as f:
        assert not f.writable()
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # root ignores mode bits
        with pytest.raises(PermissionError):
            vault.path_for(blob.sha256).open("r+b")


def test_hostile_source_name_never_becomes_a_path(tmp_path: Path) -> None:
    # Backslashes and dots are legal in POSIX names; the vault must ignore the name entirely.
    src = tmp_path / "..\\..\\etc\\passwd"
    src.write_bytes(b"hostile")
    root = tmp_path / "vault"
    blob = Vault(root).put_file(src)
    files = _object_files(root)
    assert [p.name for p in files] == [blob.sha256]
    assert all(p.resolve().is_relative_to(root.resolve()) for p in root.rglob("*"))


def test_put_file_missing_source(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        Vault(tmp_path / "vault").put_file(tmp_path / "nope.bin")
    assert _tmp_files(tmp_path / "vault") == []


def test_check_detects_altered_and_missing(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    data = os.urandom(2 * MiB)
    blob = vault.put_bytes(data)

    assert vault.check(blob.sha256, sm3=blob.sm3, size=blob.size) == BlobCheck(blob.sha256, "ok", "")

    path = vault.path_for(blob.sha256)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    with open(path, "r+b") as f:
        f.seek(1_000_000)
        byte = f.read(1)
        f.seek(1_000_000)
        f.write(bytes([byte[0] ^ 0x01]))
    tampered_sha = hashlib.sha256(path.read_bytes()).hexdigest()

    result = vault.check(blob.sha256, sm3=blob.sm3, size=blob.size)
    assert result.status == "altered"
    assert "SHA-256 differs" in result.detail
    assert blob.sha256 in result.detail and tampered_sha in result.detail

    with open(path, "ab") as f:
        f.write(b"extra")
    result = vault.check(blob.sha256, size=blob.size)
    assert result.status == "altered" and "size differs" in result.detail

    # Re-adding the original must not silently paper over a damaged stored copy.
    with pytest.raises(IntegrityProblem):
        vault.put_bytes(data)

    path.unlink()
    result = vault.check(blob.sha256)
    assert result == BlobCheck(blob.sha256, "missing", "file missing from vault")
    with pytest.raises(NotFound):
        vault.open(blob.sha256)


def test_check_wrong_sm3_is_altered(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    blob = vault.put_bytes(b"abc")
    result = vault.check(blob.sha256, sm3="0" * 64)
    assert result.status == "altered" and "SM3 differs" in result.detail


def test_cancel_mid_stream_leaves_nothing(tmp_path: Path) -> None:
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(5 * MiB))
    root = tmp_path / "vault"
    vault = Vault(root)
    calls: list[tuple[int, int]] = []

    with pytest.raises(Cancelled):
        vault.put_file(src, progress=lambda d, t: calls.append((d, t)), cancel=lambda: bool(calls))

    assert calls == [(CHUNK_SIZE, 5 * MiB)]
    assert _object_files(root) == []
    assert _tmp_files(root) == []


def test_cancel_check_and_hash_file(tmp_path: Path) -> None:
    src = tmp_path / "f.bin"
    src.write_bytes(os.urandom(3 * MiB))
    with pytest.raises(Cancelled):
        hash_file(src, cancel=lambda: True)
    vault = Vault(tmp_path / "vault")
    blob = vault.put_file(src)
    with pytest.raises(Cancelled):
        vault.check(blob.sha256, cancel=lambda: True)


def test_progress_is_monotonic_up_to_total(tmp_path: Path) -> None:
    size = 4 * MiB + 5
    src = tmp_path / "f.bin"
    src.write_bytes(os.urandom(size))
    calls: list[tuple[int, int]] = []
    Vault(tmp_path / "vault").put_file(src, progress=lambda d, t: calls.append((d, t)))

    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert all(t == size for _, t in calls)
    assert done[-1] == size
    assert len(calls) == 5  # one call per 1 MiB chunk, not per read


def test_progress_unknown_total_reports_zero(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with PatternStream(2 * MiB) as stream:
        Vault(tmp_path).put_stream(stream, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(MiB, 0), (2 * MiB, 0)]


def test_large_stream_uses_flat_memory(tmp_path: Path) -> None:
    size = 300 * MiB
    expected = hashlib.sha256()
    with PatternStream(size) as s:
        while chunk := s.read(CHUNK_SIZE):
            expected.update(chunk)

    vault = Vault(tmp_path)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        with PatternStream(size) as stream:
            blob = vault.put_stream(stream, total=size)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert blob.size == size
    assert blob.sha256 == expected.hexdigest()
    assert vault.path_for(blob.sha256).stat().st_size == size
    assert peak < 16 * MiB, f"peak allocation {peak / MiB:.1f} MiB"


def test_failing_stream_leaves_no_temp_file(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    vault = Vault(root)
    with PatternStream(10 * MiB, fail_after=3 * MiB) as stream:
        with pytest.raises(OSError, match="simulated read failure"):
            vault.put_stream(stream, total=10 * MiB)
    assert _tmp_files(root) == []
    assert _object_files(root) == []


def test_failing_progress_callback_leaves_no_temp_file(tmp_path: Path) -> None:
    def boom(done: int, total: int) -> None:
        raise RuntimeError("ui went away")

    with pytest.raises(RuntimeError):
        Vault(tmp_path).put_stream(io.BytesIO(b"x" * 10), progress=boom)
    assert _tmp_files(tmp_path) == []
    assert _object_files(tmp_path) == []


def test_path_for_rejects_bad_hashes(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    good = "a" * 64
    assert vault.path_for(good).name == good
    for bad in (
        "A" * 64,
        "a" * 63,
        "a" * 65,
        "g" * 64,
        "../" + "a" * 61,
        "a" * 64 + "\n",
        "",
        None,
    ):
        with pytest.raises(ValueError):
            vault.path_for(bad)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            vault.exists(bad)  # type: ignore[arg-type]


def test_remove_unreferenced_and_iter_hashes(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    blobs = [vault.put_bytes(bytes([i]) * 10) for i in range(4)]
    hashes = sorted(b.sha256 for b in blobs)
    # Stray files are not objects and are never removed.
    (tmp_path / "objects" / "README").write_text("not an object")
    assert list(vault.iter_hashes()) == hashes

    keep = {hashes[0], hashes[2].upper()}
    removed = vault.remove_unreferenced(keep)

    assert sorted(removed) == [hashes[1], hashes[3]]
    assert list(vault.iter_hashes()) == [hashes[0], hashes[2]]
    assert not vault.path_for(hashes[1]).parent.exists()
    assert (tmp_path / "objects" / "README").exists()
    assert vault.remove_unreferenced(set(hashes)) == []


def test_cleanup_tmp_removes_only_stale_files(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    vault.put_bytes(b"make dirs")
    stale = tmp_path / "tmp" / "put-old.part"
    fresh = tmp_path / "tmp" / "put-new.part"
    stale.write_bytes(b"left by a crash")
    fresh.write_bytes(b"in progress")
    two_days_ago = time.time() - 2 * 86400
    os.utime(stale, (two_days_ago, two_days_ago))

    assert vault.cleanup_tmp() == 1
    assert not stale.exists() and fresh.exists()
    assert vault.cleanup_tmp(older_than_s=-1) == 1
    assert _tmp_files(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\cmd.exe", "cmd.exe"),
        ("C:\\x", "x"),
        ("C:evil.txt", "evil.txt"),
        ("a\x00b\x1fc\x7f.txt", "abc.txt"),
        ("line\nbreak.txt", "linebreak.txt"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("file.txt:hidden_stream", "file.txt_hidden_stream"),
        ('a<b>c"d|e?f*g.txt', "a_b_c_d_e_f_g.txt"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("NUL.tar.gz", "_NUL.tar.gz"),
        ("COM1", "_COM1"),
        ("lpt9.log", "_lpt9.log"),
        ("CONSOLE.txt", "CONSOLE.txt"),
        ("name. . ", "name"),
        ("证据 截图.png", "证据 截图.png"),
        ("", "file"),
        (".", "file"),
        ("..", "file"),
        ("/", "file"),
        ("\\\\server\\share\\", "share"),
        ("\x00\x01", "file"),
        ("...", "file"),
    ],
)
def test_safe_file_name(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_safe_file_name_default_and_length() -> None:
    assert safe_file_name("", default="evidence") == "evidence"
    assert safe_file_name("../", default="../CON") == "_CON"
    assert safe_file_name("\x00", default="\x00") == "file"

    long = "x" * 300 + ".pdf"
    out = safe_file_name(long)
    assert len(out) == 120 and out.endswith(".pdf")

    no_ext = "y" * 300
    assert safe_file_name(no_ext) == "y" * 120

    cjk = "证" * 200 + ".jpeg"
    out = safe_file_name(cjk)
    assert out.endswith(".jpeg") and len(out) <= 120 and len(out.encode("utf-8")) <= 240

    weird_ext = "a" * 100 + "." + "b" * 100
    out = safe_file_name(weird_ext)
    assert len(out) == 120 and out.startswith("a" * 100)


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "C:\\x", "a\x00b", "\x1b[31mred", "CON", "..", "x/../..", "   ", "ab\\..\\.."],
)
def test_safe_file_name_is_always_a_plain_base_name(name: str) -> None:
    out = safe_file_name(name)
    assert out not in ("", ".", "..")
    assert "/" not in out and "\\" not in out and ":" not in out
    assert all(ord(c) >= 32 and c != "\x7f" for c in out)
