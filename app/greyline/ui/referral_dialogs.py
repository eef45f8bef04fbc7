"""Dialogs for referrals: record a package sent to police or a regulator (ReferralDialog) and record a
decision that came back (DecisionDialog), which shows the follow-up deadline the decision starts.

The package's SHA-256 can be typed in (from the package tool) or computed here from the file: the file
is read in 1 MiB chunks in a worker thread with a progress dialog whose Cancel button works.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.deadlines import decision_deadline
from greyline.domain.enums import GroupStatus, ReferralDecision, ReferralTarget
from greyline.queries.referrals import ReferralRow, referable_groups
from greyline.services import referrals
from greyline.services.context import ServiceContext
from greyline.ui import prompts
from greyline.ui.dialog_buttons import ok_cancel_buttons
from greyline.ui.errors import guarded, show_error
from greyline.ui.labels import label_of
from greyline.ui.workers import Job, start

CHUNK = 1024 * 1024
PROGRESS_STEPS = 1000  # progress is reported in thousandths: byte counts overflow Qt's int


class HashCancelled(Exception):
    """The person pressed Cancel while a file was being hashed."""


def sha256_file(path: Path, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> str:
    """SHA-256 of a file read in chunks; raises HashCancelled when ``cancelled()`` turns true."""
    total = path.stat().st_size
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            if cancelled is not None and cancelled():
                raise HashCancelled()
            digest.update(chunk)
            done += len(chunk)
            if progress is not None and total:
                progress(done * PROGRESS_STEPS // total, PROGRESS_STEPS)
    return digest.hexdigest()


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _date_edit(value: dt.date, maximum: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if maximum is not None:
        edit.setMaximumDate(_qdate(maximum))
    edit.setMinimumWidth(130)
    return edit


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


class ReferralDialog(QDialog):
    """登记移送: which group went to which agency, when, with which package and receipt."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, *, group_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.referral_id: int | None = None
        self._job: Job | None = None
        self._progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("登记移送"))
        self.setMinimumWidth(620)

        self.group = QComboBox()
        self.group.setMinimumContentsLength(36)
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for g in referable_groups(ctx.store):
            self.group.addItem(self.tr("%1  %2（%3）").replace("%1", g.reference).replace("%2", g.title)
                               .replace("%3", label_of(GroupStatus, g.status)), g.id)
        if group_id is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(group_id)))

        self.target = QComboBox()
        for target in ReferralTarget:
            self.target.addItem(target.label, target.value)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("如 ××市公安局××分局、××区市场监督管理局"))
        today = dt.date.today()
        self.sent_on = _date_edit(today, today)

        self.package_name = QLineEdit()
        self.package_name.setPlaceholderText(self.tr("如 报案材料.pdf（可不填）"))
        self.choose_file = QPushButton(self.tr("选择文件并计算…"))
        self.choose_file.setToolTip(self.tr("选择已发出的材料包文件，自动填入文件名并计算 SHA-256"))
        self.choose_file.clicked.connect(self._choose_package)
        package_row = QHBoxLayout()
        package_row.setContentsMargins(0, 0, 0, 0)
        package_row.addWidget(self.package_name, 1)
        package_row.addWidget(self.choose_file)
        self.package_sha256 = QLineEdit()
        self.package_sha256.setPlaceholderText(self.tr("64 位十六进制，可不填"))
        self.package_sha256.setMaxLength(64)

        self.has_receipt = QCheckBox(self.tr("已取得受案回执"))
        self.receipt_no = QLineEdit()
        self.receipt_no.setPlaceholderText(self.tr("回执或文书编号"))
        self.receipt_date = _date_edit(today, today)
        receipt_row = QHBoxLayout()
        receipt_row.setContentsMargins(0, 0, 0, 0)
        receipt_row.addWidget(self.receipt_no, 1)
        receipt_row.addWidget(QLabel(self.tr("回执日期")))
        receipt_row.addWidget(self.receipt_date)
        self.has_receipt.toggled.connect(self._receipt_toggled)
        self._receipt_toggled(False)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("如 报送方式、经办民警、材料份数"))
        self.notes.setMinimumHeight(70)

        form = _form()
        form.addRow(self.tr("团伙/案件"), self.group)
        form.addRow(self.tr("接收机关类型"), self.target)
        form.addRow(self.tr("接收机关"), self.agency)
        form.addRow(self.tr("移送日期"), self.sent_on)
        form.addRow(self.tr("材料包文件"), package_row)
        form.addRow(self.tr("材料包 SHA-256"), self.package_sha256)
        form.addRow("", self.has_receipt)
        form.addRow(self.tr("受案回执"), receipt_row)
        form.addRow(self.tr("备注"), self.notes)

        self.buttons = ok_cancel_buttons(self, self.tr("登记"), self.tr("取消"))

        layout = QVBoxLayout(self)
        if self.group.count() == 0:
            hint = QLabel(self.tr("还没有可移送的团伙/案件。请先在“团伙/案件”页由投诉建立团伙。"))
            hint.setWordWrap(True)
            layout.addWidget(hint)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _receipt_toggled(self, on: bool) -> None:
        self.receipt_no.setEnabled(on)
        self.receipt_date.setEnabled(on)

    # ------------------------------------------------------------------ package hash
    def _choose_package(self) -> None:
        path = prompts.current().open_file(self, self.tr("选择材料包文件"), self.tr("所有文件 (*)"))
        if path is None:
            return
        self.hash_file(path)

    def hash_file(self, path: Path) -> None:
        """Compute the file's SHA-256 in a worker; fills the name and hash fields when done."""
        job = Job(lambda progress, cancelled: sha256_file(path, progress, cancelled))
        dialog = QProgressDialog(self.tr("正在计算 %1 的 SHA-256…").replace("%1", path.name), self.tr("取消"),
                                 0, PROGRESS_STEPS, self)
        dialog.setWindowTitle(self.tr("计算哈希"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(self._hash_progress)
        job.signals.finished.connect(self._hash_done)
        job.signals.failed.connect(self._hash_failed)
        self._job, self._progress, self._hash_name = job, dialog, path.name
        self.choose_file.setEnabled(False)
        start(job)

    def hashing(self) -> bool:
        return self._job is not None

    def _hash_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setValue(min(done, total))

    def _end_hash(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
        self._job, self._progress = None, None
        self.choose_file.setEnabled(True)

    def _hash_done(self, digest: object) -> None:
        self._end_hash()
        self.package_name.setText(self._hash_name)
        self.package_sha256.setText(str(digest))

    def _hash_failed(self, exc: object) -> None:
        self._end_hash()
        if not isinstance(exc, HashCancelled):
            show_error(self, exc)  # type: ignore[arg-type]

    def reject(self) -> None:
        if self._job is not None:
            self._job.cancel()
        super().reject()

    # ------------------------------------------------------------------ accept
    def draft(self) -> referrals.ReferralDraft:
        has_receipt = self.has_receipt.isChecked()
        return referrals.ReferralDraft(
            target=ReferralTarget(self.target.currentData()),
            agency=self.agency.text(),
            sent_on=_pydate(self.sent_on.date()),
            package_name=self.package_name.text(),
            package_sha256=self.package_sha256.text(),
            receipt_no=self.receipt_no.text() if has_receipt else "",
            receipt_date=_pydate(self.receipt_date.date()) if has_receipt else None,
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        if self._job is not None:
            prompts.current().info(self, self.tr("正在计算材料包哈希，请稍候。"))
            return
        group_id = self.group.currentData()
        if group_id is None:
            prompts.current().warn(self, self.tr("请选择要移送的团伙/案件。"))
            return
        rid = guarded(self, referrals.record_referral, self.ctx, int(group_id), self.draft())
        if rid is None:
            return
        self.referral_id = rid
        super().accept()


class DecisionDialog(QDialog):
    """登记决定: what the agency decided, when, under which document number; shows the next deadline."""

    def __init__(self, ctx: ServiceContext, referral: ReferralRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.referral = referral
        self.result_deadline: tuple[dt.date | None, str] | None = None
        self.decision_id: int | None = None
        self.setWindowTitle(self.tr("登记决定"))
        self.setMinimumWidth(560)

        about = QLabel(self.tr("%1  %2\n%3：%4，移送日期 %5")
                       .replace("%1", referral.group_reference).replace("%2", referral.group_title)
                       .replace("%3", label_of(ReferralTarget, referral.target)).replace("%4", referral.agency)
                       .replace("%5", referral.sent_on.isoformat()))
        about.setWordWrap(True)

        self.decision = QComboBox()
        for d in ReferralDecision:
            self.decision.addItem(d.label, d.value)
        today = dt.date.today()
        self.decided_on = _date_edit(today, today)
        self.decided_on.setMinimumDate(_qdate(referral.sent_on))
        self.document_no = QLineEdit()
        self.document_no.setPlaceholderText(self.tr("如 受案回执、立案决定书、不予立案通知书的文号"))
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(70)
        self.follow_up = QLabel()
        self.follow_up.setWordWrap(True)
        self.follow_up.setMinimumHeight(40)

        form = _form()
        form.addRow(self.tr("决定"), self.decision)
        form.addRow(self.tr("决定日期"), self.decided_on)
        form.addRow(self.tr("文书编号"), self.document_no)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.tr("后续期限"), self.follow_up)

        self.buttons = ok_cancel_buttons(self, self.tr("登记"), self.tr("取消"))

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.decision.currentIndexChanged.connect(self._update_follow_up)
        self.decided_on.dateChanged.connect(self._update_follow_up)
        self._update_follow_up()

    def follow_up_deadline(self) -> tuple[dt.date | None, str]:
        return decision_deadline(str(self.decision.currentData()), _pydate(self.decided_on.date()))

    def _update_follow_up(self) -> None:
        deadline, label = self.follow_up_deadline()
        if deadline is None:
            self.follow_up.setText(self.tr("此决定不产生后续期限。"))
        else:
            self.follow_up.setText(self.tr("%1 前 — %2").replace("%1", deadline.isoformat()).replace("%2", label))

    def accept(self) -> None:
        result = guarded(self, referrals.record_decision, self.ctx, self.referral.id,
                         ReferralDecision(self.decision.currentData()), _pydate(self.decided_on.date()),
                         self.document_no.text(), self.notes.toPlainText())
        if result is None:
            return
        self.decision_id, deadline, label = result
        self.result_deadline = (deadline, label)
        super().accept()
