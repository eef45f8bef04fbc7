"""Marking an identifier "do not correlate" (or clearing the mark), from any window that shows one.

The administrator states a reason (it goes into the audit trail); the service then stores the flag and
re-runs link detection for every complaint using the identifier, which can take a while on a big
store, so it runs in a worker behind a progress dialog. The flag is committed before detection
starts, so the run cannot be cancelled halfway into a half-done state: the dialog only shows that
the work goes on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QProgressDialog, QVBoxLayout, QWidget

from greyline.services import settings as settings_service
from greyline.services.context import ServiceContext
from greyline.ui.dialog_buttons import ok_cancel_buttons
from greyline.ui.errors import show_error
from greyline.ui.workers import Job, start


class ReasonDialog(QDialog):
    """Asks why an identifier is (un)marked; OK stays disabled until a reason is written."""

    def __init__(self, flag: bool, label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("标记为不参与关联") if flag else self.tr("取消“不参与关联”标记"))
        self.setMinimumWidth(440)
        if flag:
            text = self.tr("标记后，%1 不再把投诉关联在一起（适用于本机构客服热线、12378 等常见号码），"
                           "使用它的投诉会立即重新检测。").replace("%1", label or self.tr("此标识"))
        else:
            text = self.tr("取消标记后，%1 重新参与关联检测，使用它的投诉会立即重新检测。").replace(
                "%1", label or self.tr("此标识"))
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("原因（必填），如：本机构客服热线"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.buttons = ok_cancel_buttons(self, self.tr("确定"), self.tr("取消"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.reason_text())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("原因")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


def mark_do_not_correlate(parent: QWidget | None, ctx: ServiceContext, identifier_id: int, flag: bool,
                          *, label: str = "") -> bool:
    """Ask a reason, then set (``flag=True``) or clear the "do not correlate" mark of an identifier and
    re-run detection for its complaints. ``label`` names the identifier in the question (a masked value).

    Returns True when the mark was changed; False when the person cancelled or the service refused (the
    error has then been shown)."""
    dialog = ReasonDialog(flag, label, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason_text():
        return False
    reason = dialog.reason_text()

    job = Job(lambda _progress, _cancelled: settings_service.set_do_not_correlate(ctx, identifier_id, flag, reason))
    progress = QProgressDialog(QCoreApplication.translate("identifier_actions", "正在保存标记并重新检测相关投诉…"), "", 0, 0, parent)
    progress.setWindowTitle(QCoreApplication.translate("identifier_actions", "不参与关联"))
    progress.setCancelButton(None)  # the flag is already stored when detection runs: nothing to undo
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def finished(_result: object) -> None:
        outcome["ok"] = True
        loop.quit()

    def failed(exc: object) -> None:
        outcome["error"] = exc
        loop.quit()

    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    start(job)
    if not outcome:  # results arrive as queued signals on this thread, so normally only inside the loop
        loop.exec()
    progress.reset()
    progress.deleteLater()
    if "error" in outcome:
        show_error(parent, outcome["error"])  # type: ignore[arg-type]
        return False
    return True
