"""Dialog to describe one evidence item for a referral: legal kind, source, original or copy, purpose of
proof, description, transcript and verification notes. The file and its hashes are shown but never change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import CustodyAction, EvidenceKind, LegalKind
from greyline.domain.errors import ConflictError
from greyline.queries.evidence import EvidenceDetail, evidence_detail
from greyline.services.context import ServiceContext
from greyline.services.evidence import EvidenceChanges, update_evidence
from greyline.ui import prompts
from greyline.ui.errors import show_error
from greyline.ui.labels import label_of
from greyline.ui.viewers import format_size


def local_time(at: dt.datetime | None) -> str:
    """A stored naive-UTC time in the user's local time."""
    if at is None:
        return ""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


class EvidenceDialog(QDialog):
    def __init__(self, ctx: ServiceContext, evidence_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.evidence_id = evidence_id
        self.detail: EvidenceDetail = evidence_detail(ctx.store, evidence_id)
        self.saved_version: int | None = None
        d = self.detail
        self.setWindowTitle(self.tr("证据信息：%1").replace("%1", d.original_name))
        self.setMinimumSize(720, 600)

        # --- what can be edited
        self.legal_kind = QComboBox()
        self.legal_kind.addItem(self.tr("（未指定）"), None)
        for lk in LegalKind:
            self.legal_kind.addItem(lk.label, lk.value)
        self.legal_kind.setCurrentIndex(max(0, self.legal_kind.findData(d.legal_kind)) if d.legal_kind else 0)
        self.source = QLineEdit(d.source)
        self.source.setPlaceholderText(self.tr("例如：客户本人提交、客服录音系统导出"))
        self.source.setMaxLength(300)
        self.original = QComboBox()
        self.original.addItem(self.tr("原件"), True)
        self.original.addItem(self.tr("复制件"), False)
        self.original.setCurrentIndex(0 if d.is_original else 1)
        self.purpose = QPlainTextEdit(d.purpose)
        self.purpose.setPlaceholderText(self.tr("此证据用来证明什么，例如：证明代理人冒充客户接听催收电话"))
        self.description = QPlainTextEdit(d.description)
        self.verification_notes = QPlainTextEdit(d.verification_notes)
        self.verification_notes.setPlaceholderText(self.tr("例如：已向出具单位电话核实，对方确认未出具该证明"))
        self.transcript = QPlainTextEdit(d.transcript)
        self.transcript.setPlaceholderText(self.tr("逐句写明说话人和内容，例如：\n客服：您好，请问是张先生吗？\n对方：……"))
        for box in (self.purpose, self.description, self.verification_notes):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(56)
            box.setMaximumHeight(90)

        # --- what cannot
        fixed = QGroupBox(self.tr("文件（入库后不可更改）"))
        fixed_form = QFormLayout(fixed)
        attached = ", ".join([c.reference for c in d.complaints] + [g.reference for g in d.groups])
        collected = d.collected_at.strftime("%Y-%m-%d %H:%M") if d.collected_at else ""
        for label, value in (
            (self.tr("文件名"), d.original_name),
            (self.tr("证据类型"), f"{label_of(EvidenceKind, d.kind)}（{d.media_type}）"),
            (self.tr("大小"), self.tr("%1（%2 字节）").replace("%1", format_size(d.size)).replace("%2", f"{d.size:,}")),
            ("SHA-256", d.sha256),
            ("SM3", d.sm3),
            (self.tr("收集人"), d.collected_by),
            (self.tr("收集时间"), collected),
            (self.tr("所属投诉/案件"), attached or self.tr("（无）")),
        ):
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(label not in ("SHA-256", "SM3"))
            fixed_form.addRow(label, field)

        editable = QGroupBox(self.tr("证据说明"))
        form = QFormLayout(editable)
        form.addRow(self.tr("法定证据种类"), self.legal_kind)
        form.addRow(self.tr("来源/提供人"), self.source)
        form.addRow(self.tr("原件或复制件"), self.original)
        form.addRow(self.tr("证明目的"), self.purpose)
        form.addRow(self.tr("说明"), self.description)
        form.addRow(self.tr("核实情况"), self.verification_notes)

        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.addWidget(fixed)
        info_layout.addWidget(editable, 1)

        transcript_tab = QWidget()
        t_layout = QVBoxLayout(transcript_tab)
        hint = QLabel(self.tr("录音证据应附文字抄清（逐句写明说话人与内容），移送公安时一并提交。"))
        hint.setWordWrap(True)
        t_layout.addWidget(hint)
        t_layout.addWidget(self.transcript, 1)

        self.custody = QTableWidget(len(d.custody), 4)
        self.custody.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作"), self.tr("人员"), self.tr("详情")])
        self.custody.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.custody.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.custody.verticalHeader().setVisible(False)
        for r, ev in enumerate(d.custody):
            for c, value in enumerate((local_time(ev.at), label_of(CustodyAction, ev.action), ev.user, ev.detail)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.custody.setItem(r, c, item)
        header = self.custody.horizontalHeader()
        for c in range(3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.tabs = QTabWidget()
        self.tabs.addTab(info, self.tr("证据信息"))
        self.tabs.addTab(transcript_tab, self.tr("文字抄清"))
        self.tabs.addTab(self.custody, self.tr("保管记录（%1）").replace("%1", str(len(d.custody))))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._initial = self.changes()
        if d.kind == EvidenceKind.RECORDING.value and not d.transcript.strip():
            hint.setText(hint.text() + self.tr("  此录音尚无文字抄清。"))
        self.resize(780, 700)

    # ------------------------------------------------------------------ values
    def changes(self) -> EvidenceChanges:
        value = self.legal_kind.currentData()
        return EvidenceChanges(
            legal_kind=LegalKind(value) if value else None,
            source=self.source.text(),
            is_original=bool(self.original.currentData()),
            purpose=self.purpose.toPlainText(),
            description=self.description.toPlainText(),
            transcript=self.transcript.toPlainText(),
            verification_notes=self.verification_notes.toPlainText(),
        )

    def is_modified(self) -> bool:
        return self.changes() != self._initial

    # ------------------------------------------------------------------ actions
    def save(self) -> None:
        try:
            self.saved_version = update_evidence(self.ctx, self.evidence_id, self.detail.version, self.changes())
        except ConflictError:
            prompts.current().warn(self, self.tr(
                "没有保存：在您编辑期间，其他人已经修改并保存了这条证据的信息。\n"
                "请关闭此窗口，重新打开后再修改（您刚才填写的内容需要重新填写）。"))
            return
        except Exception as exc:  # noqa: BLE001 - shown: domain errors plainly, others logged
            show_error(self, exc)
            return
        self.accept()

    def reject(self) -> None:
        if self.is_modified() and not prompts.current().confirm(self, self.tr("放弃尚未保存的修改？")):
            return
        super().reject()
