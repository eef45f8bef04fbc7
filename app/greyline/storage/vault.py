"""Content-addressed evidence vault.

Every evidence file is stored once, under its SHA-256, at ``root/objects/ab/cd/<sha256hex>``.
Writes stream through a temporary file in ``root/tmp`` (same filesystem, so the final
``os.replace`` is atomic), hashing SHA-256 and SM3 in the same pass with a fixed 1 MiB buffer, so
multi-gigabyte files use flat memory. Stored objects are read-only and never rewritten; the
original file name is never part of a vault path. ``safe_file_name`` turns an untrusted name into
something safe to use when exporting.

Standard library only (plus ``greyline.domain``).
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import stat
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from greyline.domain.errors import Cancelled, IntegrityProblem, NotFound

__all__ = [
    "CHUNK_SIZE",
    "BlobCheck",
    "StoredBlob",
    "Vault",
    "hash_file",
    "safe_file_name",
]

CHUNK_SIZE = 1024 * 1024

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_FAN_RE = re.compile(r"[0-9a-f]{2}")
_TMP_PREFIX = "put-"
_TMP_SUFFIX = ".part"


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    sm3: str
    size: int
    already_present: bool


@dataclass(frozen=True)
class BlobCheck:
    sha256: str
    status: str  # 'ok' | 'missing' | 'altered'
    detail: str


def _validate_sha256(sha256: str) -> str:
    if not isinstance(sha256, str) or _SHA256_RE.fullmatch(sha256) is None:
        raise ValueError(f"not a SHA-256 hex digest (64 lowercase hex characters): {sha256!r}")
    return sha256


def _fsync_dir(path: Path) -> None:
    # Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some filesystems (e.g. certain network mounts) refuse fsync on directories; the data
        # file itself has already been synced, so this only weakens rename durability.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES):
            raise
    finally:
        os.close(fd)


def _make_dirs_durable(path: Path) -> None:
    """Create ``path`` and missing parents, syncing each parent so the new entries survive a crash."""
    missing: list[Path] = []
    p = path
    while not p.is_dir():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir()
        except FileExistsError:
            # Another writer created it between our check and mkdir; that is fine.
            pass
        _fsync_dir(d.parent)


def _fill(stream: BinaryIO, buf: bytearray, view: memoryview) -> int:
    """Read until ``buf`` is full or the stream ends; returns the number of bytes in ``buf``.

    Filling the whole buffer (rather than accepting short reads) keeps progress and cancel
    checks at one per MiB even for pipes and sockets that return small pieces.
    """
    readinto = getattr(stream, "readinto", None)
    filled = 0
    size = len(buf)
    while filled < size:
        if readinto is not None:
            n = readinto(view[filled:])
            if n is None:
                # Non-blocking stream with nothing available yet; wait briefly rather than spin.
                time.sleep(0.01)
                continue
        else:
            data = stream.read(size - filled)
            n = len(data)
            view[filled : filled + n] = data
        if n == 0:
            break
        filled += n
    return filled


def _pump(
    stream: BinaryIO,
    *,
    total: int | None,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
    sink: Callable[[memoryview], object] | None = None,
) -> tuple[str, str, int]:
    """Stream ``stream`` through SHA-256 and SM3 (and ``sink`` if given); returns (sha256, sm3, size)."""
    sha = hashlib.sha256()
    sm3 = hashlib.new("sm3")
    buf = bytearray(CHUNK_SIZE)
    view = memoryview(buf)
    done = 0
    try:
        while True:
            if cancel is not None and cancel():
                raise Cancelled("cancelled by the user")
            n = _fill(stream, buf, view)
            if n == 0:
                break
            chunk = view[:n]
            sha.update(chunk)
            sm3.update(chunk)
            if sink is not None:
                sink(chunk)
            chunk.release()
            done += n
            if progress is not None:
                # A file can grow while we read it; never report done > total.
                progress(done, max(total, done) if total is not None else 0)
            if n < CHUNK_SIZE:
                break
        if done == 0 and progress is not None:
            progress(0, total or 0)
    finally:
        view.release()
    return sha.hexdigest(), sm3.hexdigest(), done


def hash_file(
    path: Path, *, progress: ProgressFn | None = None, cancel: CancelFn | None = None
) -> tuple[str, str, int]:
    """Return (sha256, sm3, size) of ``path``, reading it in 1 MiB chunks."""
    path = Path(path)
    try:
        f = open(path, "rb", buffering=0)
    except FileNotFoundError:
        raise NotFound(f"file not found: {path}") from None
    with f:
        total = os.fstat(f.fileno()).st_size
        return _pump(f, total=total, progress=progress, cancel=cancel)


class Vault:
    """Evidence files stored by content under ``root``; see the module docstring for the layout."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def _objects(self) -> Path:
        return self.root / "objects"

    @property
    def _tmp(self) -> Path:
        return self.root / "tmp"

    # ---- paths and lookup ------------------------------------------------------------------

    def path_for(self, sha256: str) -> Path:
        """Where the object for ``sha256`` lives (whether or not it exists)."""
        _validate_sha256(sha256)
        return self._objects / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        """Open a stored object read-only; raises ``NotFound`` if it is not in the vault."""
        path = self.path_for(sha256)
        try:
            return open(path, "rb")
        except FileNotFoundError:
            raise NotFound(f"evidence file {sha256[:12]}… is missing from the vault") from None

    def iter_hashes(self) -> Iterator[str]:
        """Yield the hashes of all stored objects in sorted order; stray files are ignored."""
        if not self._objects.is_dir():
            return
        for d1 in sorted(os.scandir(self._objects), key=lambda e: e.name):
            if not (_FAN_RE.fullmatch(d1.name) and d1.is_dir(follow_symlinks=False)):
                continue
            for d2 in sorted(os.scandir(d1.path), key=lambda e: e.name):
                if not (_FAN_RE.fullmatch(d2.name) and d2.is_dir(follow_symlinks=False)):
                    continue
                prefix = d1.name + d2.name
                for f in sorted(os.scandir(d2.path), key=lambda e: e.name):
                    if (
                        _SHA256_RE.fullmatch(f.name)
                        and f.name.startswith(prefix)
                        and f.is_file(follow_symlinks=False)
                    ):
                        yield f.name

    # ---- writing ---------------------------------------------------------------------------

    def put_file(
        self,
        src: Path,
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> StoredBlob:
        """Store the file at ``src``. Its name is not used; only its bytes are."""
        src = Path(src)
        try:
            f = open(src, "rb", buffering=0)
        except FileNotFoundError:
            raise NotFound(f"file not found: {src}") from None
        with f:
            total = os.fstat(f.fileno()).st_size
            return self.put_stream(f, total=total, progress=progress, cancel=cancel)

    def put_bytes(self, data: bytes) -> StoredBlob:
        return self.put_stream(io.BytesIO(data), total=len(data))

    def put_stream(
        self,
        stream: BinaryIO,
        *,
        total: int | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> StoredBlob:
        """Store everything read from ``stream``.

        ``progress(done, total)`` is called once per chunk; ``total`` is 0 when unknown. If
        ``cancel()`` returns True, ``Cancelled`` is raised and nothing is left behind; any other
        exception also removes the temporary file before propagating.
        """
        _make_dirs_durable(self._tmp)
        fd, tmp_name = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX, dir=self._tmp)
        tmp_path = Path(tmp_name)
        committed = False
        try:
            with open(fd, "wb") as out:
                sha256, sm3, size = _pump(
                    stream, total=total, progress=progress, cancel=cancel, sink=out.write
                )
                out.flush()
                if hasattr(os, "fchmod"):
                    # Read-only before it becomes visible, and the mode change is covered by fsync.
                    os.fchmod(out.fileno(), 0o444)
                os.fsync(out.fileno())
            # Last chance to back out: after the rename the object is part of the vault.
            if cancel is not None and cancel():
                raise Cancelled("cancelled by the user")

            final = self.path_for(sha256)
            if final.is_file():
                self._check_existing_size(final, sha256, size)
                return StoredBlob(sha256, sm3, size, already_present=True)

            _make_dirs_durable(final.parent)
            try:
                os.replace(tmp_path, final)
            except PermissionError:
                # Windows refuses to replace a read-only file; a concurrent put of the same
                # content got there first, which is the already-present case.
                if final.is_file():
                    self._check_existing_size(final, sha256, size)
                    return StoredBlob(sha256, sm3, size, already_present=True)
                raise
            committed = True
            if not hasattr(os, "fchmod"):
                os.chmod(final, stat.S_IREAD)
            _fsync_dir(final.parent)
            return StoredBlob(sha256, sm3, size, already_present=False)
        finally:
            if not committed:
                _unlink_quietly(tmp_path)

    @staticmethod
    def _check_existing_size(final: Path, sha256: str, size: int) -> None:
        # The stored copy should be byte-identical; a size mismatch means it was tampered with,
        # and silently "deduplicating" against it would hide that.
        found = final.stat().st_size
        if found != size:
            raise IntegrityProblem(
                f"the stored copy of evidence file {sha256[:12]}… is damaged "
                f"(size differs: expected {size} bytes, found {found}); run a vault check"
            )

    # ---- checking and housekeeping ---------------------------------------------------------

    def check(
        self,
        sha256: str,
        *,
        sm3: str | None = None,
        size: int | None = None,
        cancel: CancelFn | None = None,
    ) -> BlobCheck:
        """Re-hash a stored object and compare with what it should be."""
        path = self.path_for(sha256)
        try:
            f = open(path, "rb", buffering=0)
        except FileNotFoundError:
            return BlobCheck(sha256, "missing", "file missing from vault")
        except IsADirectoryError:
            return BlobCheck(sha256, "altered", "a folder is where the file should be")
        except OSError as exc:
            return BlobCheck(sha256, "altered", f"file cannot be read: {exc.strerror or exc}")
        with f:
            found_size = os.fstat(f.fileno()).st_size
            if size is not None and found_size != size:
                return BlobCheck(
                    sha256,
                    "altered",
                    f"size differs: expected {size} bytes, found {found_size}",
                )
            try:
                got_sha, got_sm3, _ = _pump(f, total=found_size, progress=None, cancel=cancel)
            except OSError as exc:
                return BlobCheck(sha256, "altered", f"file cannot be read: {exc.strerror or exc}")
        if got_sha != sha256:
            return BlobCheck(
                sha256, "altered", f"SHA-256 differs: expected {sha256} got {got_sha}"
            )
        if sm3 is not None and got_sm3 != sm3.lower():
            return BlobCheck(sha256, "altered", f"SM3 differs: expected {sm3} got {got_sm3}")
        return BlobCheck(sha256, "ok", "")

    def remove_unreferenced(self, keep: set[str]) -> list[str]:
        """Delete every stored object whose hash is not in ``keep``; returns the removed hashes."""
        keep_lower = {k.lower() for k in keep}
        doomed = [h for h in self.iter_hashes() if h not in keep_lower]
        removed: list[str] = []
        touched: set[Path] = set()
        for h in doomed:
            path = self.path_for(h)
            try:
                # Windows will not delete a read-only file.
                os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
                path.unlink()
            except FileNotFoundError:
                continue
            removed.append(h)
            touched.add(path.parent)
        for d in sorted(touched, reverse=True):
            _fsync_dir(d)
            for empty in (d, d.parent):
                try:
                    empty.rmdir()
                except OSError:
                    # Not empty (other objects share the prefix); keep it.
                    break
        return removed

    def cleanup_tmp(self, older_than_s: float = 86400) -> int:
        """Remove temp files left by crashed writes; returns how many were removed.

        The age limit keeps this from deleting the temp file of a put still in progress.
        """
        if not self._tmp.is_dir():
            return 0
        cutoff = time.time() - older_than_s
        count = 0
        for entry in os.scandir(self._tmp):
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                if entry.stat(follow_symlinks=False).st_mtime >= cutoff:
                    continue
            except FileNotFoundError:
                continue
            if _unlink_quietly(Path(entry.path)):
                count += 1
        return count


def _unlink_quietly(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False
    except PermissionError:
        # Read-only temp file on Windows.
        try:
            os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
            path.unlink()
            return True
        except OSError:
            return False


# ---- export names ------------------------------------------------------------------------------

_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"COM{i}" for i in "123456789¹²³"]
    + [f"LPT{i}" for i in "123456789¹²³"]
)
# Characters Windows forbids in names; ':' also opens NTFS alternate data streams.
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
# Bidirectional overrides let "report\u202Efdp.exe" display as "reportexe.pdf".
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MAX_CHARS = 120
# ext4 and most Linux filesystems cap a name at 255 bytes; 120 CJK characters would be 360.
_MAX_UTF8_BYTES = 240
_MAX_EXT_CHARS = 16


def _strip_unsafe_chars(name: str) -> str:
    out = []
    for ch in name:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI_CONTROLS:
            continue
        out.append(ch)
    return "".join(out)


def _fits(s: str) -> bool:
    return len(s) <= _MAX_CHARS and len(s.encode("utf-8")) <= _MAX_UTF8_BYTES


def _sanitize(name: str) -> str:
    name = unicodedata.normalize("NFC", _strip_unsafe_chars(str(name)))
    parts = [p for p in re.split(r"[\\/]", name) if p.strip() not in ("", ".", "..")]
    base = parts[-1] if parts else ""
    base = re.sub(r"^[A-Za-z]:", "", base)  # drive-relative form such as "C:evil"
    base = _WINDOWS_FORBIDDEN.sub("_", base)
    # Windows silently drops trailing dots and spaces, so "CON. " would still be the console.
    base = base.strip().rstrip(". ")
    if base in ("", ".", ".."):
        return ""

    device = base.split(".", 1)[0].rstrip(" ").upper()
    if device in _WINDOWS_RESERVED:
        base = "_" + base

    if not _fits(base):
        stem, dot, ext = base.rpartition(".")
        if not dot or not stem or len(ext) > _MAX_EXT_CHARS:
            stem, ext = base, ""
        suffix = "." + ext if ext else ""
        while stem and not _fits(stem + suffix):
            stem = stem[:-1]
        stem = stem.rstrip(". ")
        base = (stem or "file") + suffix
    return base


def safe_file_name(name: str, default: str = "file") -> str:
    """Turn an untrusted file name into a safe base name for exports.

    Keeps only the last path component, removes drive letters, NUL/control/bidi characters and
    characters Windows forbids, prefixes Windows device names (CON, NUL, COM1, ...) with '_', and
    trims to 120 characters (and 240 UTF-8 bytes) keeping the extension. Never returns '', '.' or
    '..'; falls back to ``default`` (itself sanitised) and then to 'file'.
    """
    return _sanitize(name) or _sanitize(default) or "file"
