"""Evidence of one complaint or one group: list, attach (button or drag and drop), view, edit, verify.

Attaching hashes and copies each file into the vault in a worker thread with a progress dialog whose
Cancel really stops the work (a cancelled file leaves nothing stored), so a 1 GB recording never freezes
the window. The table model and the view, edit and verify actions here also serve the evidence page.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shiboken6 import isValid

from greyline.domain.enums import EvidenceKind, LegalKind
from greyline.domain.errors import Cancelled
from greyline.domain.permissions import Permission, can
from greyline.queries.evidence import EvidenceRow, evidence_detail, evidence_for
from greyline.services import evidence as evidence_service
from greyline.services.context import ServiceContext
from greyline.ui import prompts
from greyline.ui.evidence_dialog import EvidenceDialog
from greyline.ui.errors import show_error
from greyline.ui.labels import label_of
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import read_only_table
from greyline.ui.viewers import format_size, open_viewer
from greyline.ui.workers import Job, start

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[int, int | None], list[EvidenceRow]]  # (limit, after id) -> rows


def guess_kind(path: Path) -> EvidenceKind:
    """What a file most likely is, from its name; the user can choose instead."""
    media = (mimetypes.guess_type(path.name)[0] or "").lower()
    suffix = path.suffix.lower()
    if media.startswith("audio/") or suffix in (".amr", ".m4a", ".flac", ".wav", ".mp3", ".aac", ".ogg"):
        return EvidenceKind.RECORDING
    if media.startswith("image/"):
        return EvidenceKind.SCREENSHOT
    return EvidenceKind.OTHER


# ============================================================================ model
class EvidenceTableModel(QAbstractTableModel):
    """Evidence rows, paged from the database through ``loader`` (keyset on the id)."""

    PANEL_COLUMNS = ("kind", "original_name", "short_hash", "size", "collected_by", "collected_at", "legal_kind")
    PAGE_COLUMNS = ("kind", "original_name", "attached_to", "short_hash", "size", "collected_by", "collected_at",
                    "legal_kind")

    def __init__(self, loader: Loader, columns: Sequence[str] = PANEL_COLUMNS, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._loader = loader
        self.columns = tuple(columns)
        self._rows: list[EvidenceRow] = []
        self._exhausted = True
        self._headers = {
            "kind": self.tr("类型"), "original_name": self.tr("文件名"), "attached_to": self.tr("所属投诉/案件"),
            "short_hash": self.tr("SHA-256（前12位）"), "size": self.tr("大小"), "collected_by": self.tr("收集人"),
            "collected_at": self.tr("收集时间"), "legal_kind": self.tr("法定证据种类"),
        }

    def reload(self, loader: Loader | None = None) -> None:
        self.beginResetModel()
        if loader is not None:
            self._loader = loader
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or self._exhausted:
            return
        page = self._loader(PAGE, self._rows[-1].id if self._rows else None)
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row_at(self, row: int) -> EvidenceRow:
        return self._rows[row]

    def row_of(self, evidence_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == evidence_id), -1)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self._headers[self.columns[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self.columns)):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "kind":
                return label_of(EvidenceKind, row.kind)
            if col == "legal_kind":
                return label_of(LegalKind, row.legal_kind)
            if col == "size":
                return format_size(row.size)
            if col == "collected_at":
                return row.collected_at.strftime("%Y-%m-%d %H:%M") if isinstance(row.collected_at, dt.datetime) else ""
            value = getattr(row, col)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "short_hash":
                return "SHA-256 " + row.sha256
            if col == "original_name":
                return f"{row.original_name}\n{row.media_type}"
            if col == "attached_to":
                return row.attached_to
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


def make_table(model: EvidenceTableModel, parent: QWidget | None = None) -> QTableView:
    table = read_only_table(model, parent)
    widths = {"kind": 110, "original_name": 240, "attached_to": 140, "short_hash": 130, "size": 80,
              "collected_by": 80, "collected_at": 130}
    for i, col in enumerate(model.columns):
        if col in widths:
            table.setColumnWidth(i, widths[col])
    return table


# ============================================================================ shared actions
class VerifyRunner(QObject):
    """Re-hashes one item in a worker and tells the user the result in plain words."""

    def __init__(self, parent: QWidget, ctx: ServiceContext) -> None:
        super().__init__(parent)
        self.widget = parent
        self.ctx = ctx
        self.job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_status: str | None = None
        self.last_message = ""

    def run(self, row: EvidenceRow, on_done: Callable[[], None] | None = None) -> Job | None:
        if self.job is not None:
            prompts.current().info(self.widget, self.tr("上一个校验还在进行，请稍候。"))
            return None
        try:
            sm3 = evidence_detail(self.ctx.store, row.id).sm3
        except Exception as exc:  # noqa: BLE001 - e.g. removed meanwhile: shown plainly
            show_error(self.widget, exc)
            return None
        dialog = QProgressDialog(self.tr("正在重新计算“%1”的 SHA-256 与 SM3 …").replace("%1", row.original_name),
                                 self.tr("取消"), 0, 0, self.widget)
        dialog.setWindowTitle(self.tr("校验证据"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog
        job = Job(lambda _progress, cancelled: evidence_service.verify_evidence(self.ctx, row.id, cancel=cancelled))
        dialog.canceled.connect(job.cancel)

        def finished(check) -> None:  # noqa: ANN001 - a BlobCheck
            if not isValid(self.widget):  # the window was closed meanwhile
                return
            dialog.close()
            dialog.deleteLater()
            self.job = None
            self.last_status = check.status
            if check.status == "ok":
                self.last_message = self.tr("校验通过：“%1”与入库时记录的值一致，文件未被改动。\nSHA-256 %2\nSM3 %3").replace(
                    "%1", row.original_name).replace("%2", row.sha256).replace("%3", sm3)
                prompts.current().info(self.widget, self.last_message)
            elif check.status == "missing":
                self.last_message = self.tr("校验未通过：证据库中找不到“%1”的文件，可能已被移动或删除。请联系管理员从备份恢复。"
                                        ).replace("%1", row.original_name)
                prompts.current().warn(self.widget, self.last_message)
            else:
                self.last_message = self.tr("校验未通过：证据库中“%1”的文件已被改动，与入库时记录的哈希值不一致，"
                                        "不能再作为完整证据使用。请联系管理员从备份恢复。\n技术细节：%2").replace(
                    "%1", row.original_name).replace("%2", check.detail)
                prompts.current().warn(self.widget, self.last_message)
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            if not isValid(self.widget):
                return
            dialog.close()
            dialog.deleteLater()
            self.job = None
            if isinstance(exc, Cancelled):
                self.last_status, self.last_message = "cancelled", self.tr("已取消校验。")
                return
            self.last_status, self.last_message = "error", str(exc)
            show_error(self.widget, exc)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        self.job = job
        return start(job)


class EvidenceRowActions:
    """View, edit and verify the selected evidence item, for the evidence panel and the evidence page.

    The widget mixing this in has ``ctx``, ``table``, ``model``, ``verifier`` (a ``VerifyRunner``) and
    ``selected_row()``, and says in ``_edited()`` what follows a saved edit.
    """

    def view_selected(self):  # noqa: ANN201 - the viewer dialog or None
        row = self.selected_row()
        if row is None:
            return None
        self.viewer_dialog = open_viewer(self, self.ctx, row.id)
        return self.viewer_dialog

    def _view_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.viewer_dialog = open_viewer(self, self.ctx, self.model.row_at(index.row()).id)

    def edit_selected(self) -> EvidenceDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        try:
            dialog = EvidenceDialog(self.ctx, row.id, self)
        except Exception as exc:  # noqa: BLE001 - e.g. removed meanwhile: shown plainly
            show_error(self, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._edited)
        dialog.open()
        return dialog

    def verify_selected(self) -> Job | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.verifier.run(row)


# ============================================================================ panel
class EvidencePanel(EvidenceRowActions, QWidget):
    """The evidence of one complaint (``complaint_id``) or one group (``group_id``)."""

    changed = Signal()

    def __init__(self, ctx: ServiceContext, nav: Navigator, *, complaint_id: int | None = None,
                 group_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self.complaint_id = complaint_id
        self.group_id = group_id
        self.can_attach = can(ctx.actor.role, Permission.ATTACH_EVIDENCE)
        self.job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_attached: list[evidence_service.EvidenceRef] = []
        self.verifier = VerifyRunner(self, ctx)
        self.viewer_dialog = None

        self.model = EvidenceTableModel(self._load, EvidenceTableModel.PANEL_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.doubleClicked.connect(self._view_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("按文件自动判断"), None)
        for kind in EvidenceKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setToolTip(self.tr("新添加的文件记为哪种证据；自动判断：录音文件记为录音，图片记为截图，其余记为其他"))
        self.add_button = QPushButton(self.tr("添加证据…"))
        self.view_button = QPushButton(self.tr("查看"))
        self.edit_button = QPushButton(self.tr("编辑信息…"))
        self.verify_button = QPushButton(self.tr("校验"))
        self.verify_button.setToolTip(self.tr("重新计算文件的 SHA-256 与 SM3，确认入库后未被改动"))
        self.add_button.clicked.connect(self.add_files)
        self.view_button.clicked.connect(self.view_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.verify_button.clicked.connect(self.verify_selected)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("类型")))
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.add_button)
        bar.addSpacing(16)
        bar.addWidget(self.view_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.verify_button)
        bar.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.setMinimumSize(560, 220)
        self.setAcceptDrops(self.can_attach)
        self.refresh()

    # ------------------------------------------------------------------ data
    def _load(self, limit: int, after: int | None) -> list[EvidenceRow]:
        if after is not None or (self.complaint_id is None and self.group_id is None):
            return []
        return evidence_for(self.ctx.store, complaint_id=self.complaint_id, group_id=self.group_id)

    def set_target(self, *, complaint_id: int | None = None, group_id: int | None = None) -> None:
        """Show the evidence of another complaint or group (e.g. once a new complaint has been saved)."""
        self.complaint_id, self.group_id = complaint_id, group_id
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_row()
        self.model.reload()
        if selected is not None:
            self.select_id(selected.id)
        self._update_buttons()

    def select_id(self, evidence_id: int) -> None:
        row = self.model.row_of(evidence_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected_row(self) -> EvidenceRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def _has_target(self) -> bool:
        return self.complaint_id is not None or self.group_id is not None

    def _update_buttons(self) -> None:
        busy = self.job is not None
        has = self.selected_row() is not None
        target = self._has_target()
        self.add_button.setEnabled(self.can_attach and target and not busy)
        self.kind_combo.setEnabled(self.can_attach and target and not busy)
        self.view_button.setEnabled(has)
        self.edit_button.setEnabled(has and self.can_attach)
        self.verify_button.setEnabled(has)
        if not target:
            self.hint.setText(self.tr("请先保存，再添加证据。"))
        elif not self.can_attach:
            self.hint.setText(self.tr("您的角色只能查看和校验证据，不能添加或修改。"))
        elif self.model.rowCount() == 0:
            self.hint.setText(self.tr("还没有证据。点“添加证据…”选择文件，或直接把文件拖到这里。"
                                      "文件会计算 SHA-256 与 SM3 后存入证据库，原文件不受影响。"))
        else:
            self.hint.setText(self.tr("共 %1 件证据。可直接把文件拖到这里添加；双击一行查看。").replace(
                "%1", str(self.model.rowCount())))

    # ------------------------------------------------------------------ attaching
    def chosen_kind(self) -> EvidenceKind | None:
        value = self.kind_combo.currentData()
        return EvidenceKind(value) if value else None

    def add_files(self) -> None:
        paths = prompts.current().open_files(self, self.tr("选择要添加的证据文件"),
                                             self.tr("所有文件 (*);;录音 (*.wav *.mp3 *.m4a *.amr *.flac *.aac *.ogg);;"
                                                     "图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;PDF (*.pdf)"))
        if paths:
            self.attach_paths(paths)

    def attach_paths(self, paths: Sequence[Path], kind: EvidenceKind | None = None) -> Job | None:
        """Hash and store ``paths`` one after another in one worker; returns the job (None if nothing to do)."""
        if self.job is not None:
            prompts.current().warn(self, self.tr("上一批文件还在添加中，请稍候。"))
            return None
        if not self._has_target():
            prompts.current().warn(self, self.tr("请先保存，再添加证据。"))
            return None
        files = [Path(p) for p in paths]
        not_files = [p for p in files if not p.is_file()]
        files = [p for p in files if p.is_file()]
        if not_files:
            prompts.current().warn(self, self.tr("以下不是文件（文件夹或已不存在），没有添加：\n%1").replace(
                "%1", "\n".join(str(p) for p in not_files[:20])))
        if not files:
            return None
        kind = kind or self.chosen_kind()
        sizes = [p.stat().st_size for p in files]
        total = sum(sizes)
        ctx, complaint_id, group_id = self.ctx, self.complaint_id, self.group_id
        stored: list[evidence_service.EvidenceRef] = []

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list:
            # Progress in KiB: Qt's int is 32 bits and files may exceed 2 GB.
            done_before = 0
            for path, size in zip(files, sizes, strict=True):
                base = done_before
                stored.append(evidence_service.attach_file(
                    ctx, path, kind or guess_kind(path), complaint_id=complaint_id, group_id=group_id,
                    progress=lambda d, _t, base=base: progress((base + d) // 1024, total // 1024),
                    cancel=cancelled))
                done_before += size
            return list(stored)

        dialog = QProgressDialog(self._progress_text(files[0], 1, len(files), 0, total), self.tr("取消"), 0,
                                 max(1, total // 1024), self)
        dialog.setWindowTitle(self.tr("添加证据"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        self.progress_dialog = dialog

        job = Job(work)
        dialog.canceled.connect(job.cancel)
        bounds = []
        acc = 0
        for size in sizes:
            bounds.append(acc)
            acc += size

        def on_progress(done_kib: int, _total_kib: int) -> None:
            if not isValid(dialog):
                return
            done = done_kib * 1024
            index = max(i for i, b in enumerate(bounds) if b <= done or i == 0)
            dialog.setValue(min(dialog.maximum(), done_kib))
            dialog.setLabelText(self._progress_text(files[index], index + 1, len(files), done, total))

        def on_finished(refs: list) -> None:
            if not isValid(self):  # the panel was closed meanwhile; what was stored stays stored
                return
            self._finish_attach(refs)

        def on_failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self._finish_attach(list(stored))
            if isinstance(exc, Cancelled):
                if stored:
                    text = self.tr("已取消。已添加 %1 个文件，其余没有保存。").replace("%1", str(len(stored)))
                else:
                    text = self.tr("已取消，没有保存任何文件。")
                self.nav.status(text)
                return
            show_error(self, exc)

        job.signals.progress.connect(on_progress)
        job.signals.finished.connect(on_finished)
        job.signals.failed.connect(on_failed)
        self.job = job
        self._update_buttons()
        return start(job)

    def _progress_text(self, path: Path, n: int, count: int, done: int, total: int) -> str:
        text = self.tr("正在计算哈希并存入证据库：%1").replace("%1", path.name)
        if count > 1:
            text += "\n" + self.tr("第 %1 个，共 %2 个文件").replace("%1", str(n)).replace("%2", str(count))
        return text + "\n" + self.tr("已处理 %1 / %2").replace("%1", format_size(done)).replace("%2", format_size(total))

    def _finish_attach(self, refs: list) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.job = None
        self.last_attached = list(refs)
        self.refresh()
        if refs:
            self.select_id(refs[-1].id)
            again = [r.original_name for r in refs if r.already_in_vault]
            text = self.tr("已添加 %1 件证据。").replace("%1", str(len(refs)))
            if again:
                text += self.tr("其中 %1 个文件的内容与证据库中已有文件相同，只保存了一份。").replace("%1", str(len(again)))
            self.nav.status(text)
            self.nav.data_changed()
            self.changed.emit()
        self._update_buttons()

    # ------------------------------------------------------------------ drag and drop
    @staticmethod
    def _local_paths(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self.can_attach and self._has_target() and self.job is None and self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        if self.can_attach and self._has_target() and self.job is None and self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = self._local_paths(event)
        if not paths or not self.can_attach:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_paths(paths)

    # ------------------------------------------------------------------ after an edit
    def _edited(self) -> None:
        self.refresh()
        self.nav.status(self.tr("证据信息已保存。"))
        self.nav.data_changed()
        self.changed.emit()
