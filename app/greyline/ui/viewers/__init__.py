"""Viewers for evidence files, and ``open_viewer`` which picks one by media type.

The file is read from the vault (never from where it was first picked): pictures as bytes, recordings and
PDFs through a private temporary copy (Qt Multimedia and Qt PDF need a file), removed when the dialog
closes. Each viewing is recorded in the item's custody trail.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import EvidenceKind
from greyline.domain.errors import NotFound
from greyline.queries.evidence import EvidenceDetail, evidence_detail
from greyline.services import evidence as evidence_service
from greyline.services.context import ServiceContext
from greyline.ui.errors import guarded, show_error
from greyline.ui.viewers.image_viewer import ImageViewer

# The audio and PDF viewers are imported when first needed: loading Qt Multimedia probes the sound
# system, which the rest of the window never needs.
__all__ = ["EvidenceViewerDialog", "ImageViewer", "format_size", "open_viewer", "viewer_kind"]

log = logging.getLogger("greyline.ui.viewers")

TEXT_PREVIEW_LIMIT = 2 * 1024 * 1024
IMAGE_LIMIT = 200 * 1024 * 1024


def format_size(size: int) -> str:
    """Bytes as KB/MB/GB with one decimal, as users read them."""
    if size < 1024:
        return QCoreApplication.translate("EvidenceViewer", "%1 字节").replace("%1", str(size))
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    if size < 1024 ** 3:
        return f"{size / 1024 ** 2:.1f} MB"
    return f"{size / 1024 ** 3:.2f} GB"


def viewer_kind(media_type: str) -> str:
    """'image', 'audio', 'pdf', 'text' or 'other'."""
    mt = (media_type or "").lower()
    if mt.startswith("image/"):
        return "image"
    if mt.startswith("audio/") or mt in ("video/mp4", "application/ogg"):
        return "audio"
    if mt == "application/pdf":
        return "pdf"
    if mt.startswith("text/") or mt in ("application/json", "application/xml"):
        return "text"
    return "other"


def _safe_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def _remove_tree(path: Path) -> None:
    """Remove a temporary copy folder; a failure is logged (the folder is in the system temp area)."""
    if not path.exists():
        return
    for child in sorted(path.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        try:
            if child.is_dir():
                child.rmdir()
            else:
                # Windows will not delete a read-only file.
                os.chmod(child, stat.S_IREAD | stat.S_IWRITE)
                child.unlink()
        except OSError as exc:
            log.warning("could not remove temporary evidence copy %s: %s", child, exc)
    try:
        path.rmdir()
    except OSError as exc:
        log.warning("could not remove temporary folder %s: %s", path, exc)


class EvidenceViewerDialog(QDialog):
    """One evidence item shown in the right viewer, with its key facts underneath."""

    def __init__(self, ctx: ServiceContext, detail: EvidenceDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.kind = viewer_kind(detail.media_type)
        self.viewer: QWidget | None = None
        self.temp_dir: Path | None = None
        self.problem = ""
        self.setWindowTitle(self.tr("查看证据：%1").replace("%1", detail.original_name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(self._release)

        layout = QVBoxLayout(self)
        try:
            body = self._build_viewer()
        except NotFound as exc:
            self.problem = exc.message
            body = self._build_fallback(self.tr("证据文件在证据库中找不到，可能已被移动或删除。请运行“校验”并联系管理员。"))
        layout.addWidget(body, 1)
        layout.addWidget(self._facts())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.kind == "audio":
            self.resize(760, 420 if detail.transcript else 260)
        else:
            self.resize(1000, 740)

    # ------------------------------------------------------------------ building
    def _copy_to_temp(self) -> Path:
        """A private copy of the stored file (the vault object itself is never handed to other code)."""
        self.temp_dir = Path(tempfile.mkdtemp(prefix="greyline-view-"))
        # Also when the dialog goes away without being closed (its parent was deleted).
        self.destroyed.connect(functools.partial(_remove_tree, self.temp_dir))
        target = self.temp_dir / ("evidence" + _safe_suffix(self.detail.original_name))
        with self.ctx.store.vault.open(self.detail.sha256) as src, open(target, "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
        return target

    def _build_viewer(self) -> QWidget:
        d = self.detail
        if self.kind == "image" and d.size <= IMAGE_LIMIT:
            viewer = ImageViewer(self)
            with self.ctx.store.vault.open(d.sha256) as f:
                viewer.load(f.read())
            self.viewer = viewer
            return viewer
        if self.kind == "audio":
            from greyline.ui.viewers.audio_player import AudioPlayer

            box = QWidget(self)
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            player = AudioPlayer(box)
            player.load(self._copy_to_temp(), d.original_name)
            v.addWidget(player)
            if d.transcript.strip():
                v.addWidget(QLabel(self.tr("文字抄清")))
                text = QPlainTextEdit(d.transcript, box)
                text.setReadOnly(True)
                v.addWidget(text, 1)
            else:
                note = QLabel(self.tr("此录音尚无文字抄清，可在“编辑信息”中填写。"))
                note.setStyleSheet("color: #5f6368;")
                v.addWidget(note)
                v.addStretch(1)
            self.viewer = player
            return box
        if self.kind == "pdf":
            from greyline.ui.viewers.pdf_viewer import PdfViewer

            viewer = PdfViewer(self)
            viewer.load(self._copy_to_temp())
            self.viewer = viewer
            return viewer
        if self.kind == "text" and d.size <= TEXT_PREVIEW_LIMIT:
            with self.ctx.store.vault.open(d.sha256) as f:
                raw = f.read()
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    content = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                content = raw.decode("utf-8", errors="replace")
            viewer = QPlainTextEdit(content, self)
            viewer.setReadOnly(True)
            self.viewer = viewer
            return viewer
        return self._build_fallback(self.tr("此类文件（%1）无法在程序内预览。文件原样保存在证据库中（只读，请勿改动），"
                                            "可导出副本后用其他程序打开。").replace("%1", d.media_type))

    def _build_fallback(self, hint: str) -> QWidget:
        box = QWidget(self)
        v = QVBoxLayout(box)
        label = QLabel(hint)
        label.setWordWrap(True)
        v.addWidget(label)
        if not self.problem:
            folder = self.ctx.store.vault.path_for(self.detail.sha256).parent
            where = QLabel(self.tr("存放位置：%1").replace("%1", str(folder)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.addWidget(where)
            self.open_folder_button = QPushButton(self.tr("打开所在文件夹"))
            self.open_folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
            v.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            label.setStyleSheet("color: #b3261e;")
        v.addStretch(1)
        return box

    def _facts(self) -> QWidget:
        d = self.detail
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        try:
            kind = EvidenceKind(d.kind).label
        except ValueError:
            kind = d.kind
        collected = d.collected_at.strftime("%Y-%m-%d %H:%M") if isinstance(d.collected_at, dt.datetime) else ""
        attached = ", ".join([c.reference for c in d.complaints] + [g.reference for g in d.groups])
        rows = (
            (self.tr("文件"), f"{d.original_name}（{kind}，{format_size(d.size)}）"),
            (self.tr("收集"), f"{d.collected_by}  {collected}".strip()),
            (self.tr("所属"), attached or self.tr("（无）")),
            ("SHA-256", d.sha256),
        )
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        return box

    # ------------------------------------------------------------------ closing
    def _release(self, _result: int = 0) -> None:
        unload = getattr(self.viewer, "unload", None)
        if unload is not None:
            unload()
        if self.temp_dir is not None:
            _remove_tree(self.temp_dir)
            self.temp_dir = None


def open_viewer(parent: QWidget | None, ctx: ServiceContext, evidence_id: int) -> QDialog | None:
    """Show evidence ``evidence_id`` in a (non-modal) viewer dialog and record the viewing.

    Returns the dialog (already shown; it deletes itself when closed), or None if the item cannot be read.
    """
    try:
        detail = evidence_detail(ctx.store, evidence_id)
    except Exception as exc:  # noqa: BLE001 - shown to the user: domain errors plainly, others logged
        show_error(parent, exc)
        return None
    dialog = EvidenceViewerDialog(ctx, detail, parent)
    if not dialog.problem:
        guarded(parent, evidence_service.record_view, ctx, evidence_id)
    dialog.show()
    return dialog
