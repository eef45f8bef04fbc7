"""Dialogs for groups (团伙/案件): build one from selected complaints, add complaints to an existing one,
add a suspect person or company.

Each dialog stays open when the service refuses (the reason is shown where the user typed), and
closes only after the write succeeded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import GroupStatus, IdentifierType, PartyKind, PartyRole
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import check_credit_code, check_resident_id, normalise
from greyline.queries.complaints import ComplaintFilter, list_complaints
from greyline.queries.groups import GroupRow, list_groups
from greyline.services import groups as group_service
from greyline.services.context import ServiceContext
from greyline.ui.dialog_buttons import ok_cancel_buttons
from greyline.ui.errors import guarded
from greyline.ui.labels import label_of
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel

# Complaints listed by reference in the new-group dialog; more are summed up in one line.
SHOWN_REFERENCES = 1000

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1e7b34;"
HINT_STYLE = "color: #5f6368;"


def money(cents: int | None) -> str:
    """Cents as yuan for display: 1234567 -> '12,345.67'."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan:,}.{fen:02d}"


def group_list_model(parent=None) -> RowTableModel:  # noqa: ANN001
    """The list of groups used by the groups page and the chooser."""
    headers = (QCoreApplication.translate("group_dialogs", "编号"), QCoreApplication.translate("group_dialogs", "名称"),
               QCoreApplication.translate("group_dialogs", "状态"), QCoreApplication.translate("group_dialogs", "投诉"),
               QCoreApplication.translate("group_dialogs", "嫌疑人/单位"),
               QCoreApplication.translate("group_dialogs", "涉案金额（元）"))
    return RowTableModel([
        Column(headers[0], lambda g: g.reference),
        Column(headers[1], lambda g: g.title, tooltip=lambda g: g.title),
        Column(headers[2], lambda g: label_of(GroupStatus, g.status)),
        Column(headers[3], lambda g: str(g.members), align=ALIGN_RIGHT),
        Column(headers[4], lambda g: str(g.suspects), align=ALIGN_RIGHT),
        Column(headers[5], lambda g: money(g.amount_involved_cents) if g.amount_involved_cents else "",
               align=ALIGN_RIGHT),
    ], parent)


def fit_group_list(view: QTableView, hidden: Sequence[int] = ()) -> None:
    """The title takes the room left by the short columns."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for col in range(view.model().columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if col == 1 else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(col, mode)
        view.setColumnHidden(col, col in hidden)


def configure_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)


# ---------------------------------------------------------------------- new group


class GroupDialog(QDialog):
    """Build a new group from the selected complaints."""

    def __init__(self, ctx: ServiceContext, complaint_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_ids = list(dict.fromkeys(complaint_ids))
        self.created_group_id: int | None = None
        self.created_reference: str | None = None
        self.setWindowTitle(self.tr("建立团伙/案件"))
        self.setMinimumSize(560, 460)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例如：深圳某咨询公司代理投诉团伙"))
        self.title_edit.setMaxLength(300)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("为何认为这些投诉属于同一团伙：共用电话、地址、模板文本等"))
        self.summary_edit.setMinimumHeight(90)
        self.members = QListWidget()
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.members.setMinimumHeight(160)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("名称（必填）："), self.title_edit)
        form.addRow(self.tr("概要："), self.summary_edit)
        self.members_label = QLabel(self.tr("包含投诉（%1 笔）：").replace("%1", str(len(self.complaint_ids))))
        form.addRow(self.members_label, self.members)

        self.buttons = ok_cancel_buttons(self, self.tr("建立"), self.tr("取消"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.title_edit.textChanged.connect(self._update_ok)
        self._load_members()
        self._update_ok()

    def _load_members(self) -> None:
        shown = self.complaint_ids[:SHOWN_REFERENCES]
        if shown:
            rows = list_complaints(self.ctx.store, ComplaintFilter(ids=tuple(shown)), limit=len(shown))
            by_id = {r.id: r for r in rows}
            for cid in shown:
                r = by_id.get(cid)
                if r is None:
                    continue
                parts = [r.reference, r.external_id, r.customer_name, r.received_at.isoformat()]
                self.members.addItem("    ".join(p for p in parts if p))
        rest = len(self.complaint_ids) - len(shown)
        if rest > 0:
            self.members.addItem(self.tr("……另有 %1 笔").replace("%1", str(rest)))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title_edit.text().strip()))

    def accept(self) -> None:
        if not self.title_edit.text().strip():
            return
        result = guarded(self, group_service.create_group, self.ctx, self.title_edit.text(), self.complaint_ids,
                         self.summary_edit.toPlainText())
        if result is None:
            return
        self.created_group_id, self.created_reference = result
        super().accept()


# ---------------------------------------------------------------------- add to an existing group


class AddToGroupDialog(QDialog):
    """Choose an existing group and add the selected complaints to it."""

    def __init__(self, ctx: ServiceContext, complaint_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.complaint_ids = list(dict.fromkeys(complaint_ids))
        self.group_id: int | None = None
        self.group_reference: str | None = None
        self.added: int | None = None
        self.setWindowTitle(self.tr("加入已有团伙/案件"))
        self.setMinimumSize(640, 420)

        intro = QLabel(self.tr("选择要加入的团伙/案件（%1 笔投诉）。已在其中的投诉不会重复加入。").replace(
            "%1", str(len(self.complaint_ids))))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索名称、概要或编号"))
        self.search.setClearButtonEnabled(True)
        self.model = group_list_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_group_list(self.table)
        self.empty = QLabel(self.tr("还没有团伙/案件。请改用“新建团伙/案件…”。"))
        self.empty.setVisible(False)

        self.buttons = ok_cancel_buttons(self, self.tr("加入"), self.tr("取消"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.table.selectionModel().selectionChanged.connect(self._update_ok)
        self.reload()

    def reload(self) -> None:
        rows = list_groups(self.ctx.store, self.search.text().strip())
        self.model.set_rows(rows)
        self.empty.setVisible(not rows and not self.search.text().strip())
        if len(rows) == 1:
            self.table.selectRow(0)
        self._update_ok()

    def selected_group(self) -> GroupRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_group(self, group_id: int) -> bool:
        for r, g in enumerate(self.model.rows):
            if g.id == group_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_ok(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.selected_group() is not None)

    def accept(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        added = guarded(self, group_service.add_complaints, self.ctx, group.id, self.complaint_ids)
        if added is None:
            return
        self.group_id, self.group_reference, self.added = group.id, group.reference, added
        super().accept()


# ---------------------------------------------------------------------- suspect


class SuspectDialog(QDialog):
    """Add a suspected person or company to a group, with identifiers checked while typing."""

    def __init__(self, ctx: ServiceContext, group_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_id = group_id
        self.party_id: int | None = None
        self.setWindowTitle(self.tr("添加嫌疑人/单位"))
        self.setMinimumWidth(560)
        self._problems: list[str] = []

        self.person = QRadioButton(self.tr("自然人"))
        self.company = QRadioButton(self.tr("单位"))
        self.person.setChecked(True)
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.person)
        self._kind_group.addButton(self.company)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.person)
        kind_row.addWidget(self.company)
        kind_row.addStretch(1)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(40)
        self.id_status = QLabel()
        self.id_status.setWordWrap(True)
        self.role_combo = QComboBox()
        # Suspects first; a customer who colluded with the agent can still be recorded.
        for role in sorted(PartyRole, key=lambda r: r == PartyRole.CUSTOMER):
            self.role_combo.addItem(role.label, role.value)
        self.phones_edit = QPlainTextEdit()
        self.phones_edit.setPlaceholderText(self.tr("每行一个号码"))
        self.phones_edit.setFixedHeight(64)
        self.phones_status = QLabel()
        self.phones_status.setWordWrap(True)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("如：广东省深圳市福田区华强北路1号某大厦1201"))
        self.address_status = QLabel()
        self.address_status.setWordWrap(True)
        self.wechat_edit = QLineEdit()
        self.wechat_status = QLabel()
        self.wechat_status.setWordWrap(True)
        self.banks_edit = QPlainTextEdit()
        self.banks_edit.setPlaceholderText(self.tr("每行一个账号"))
        self.banks_edit.setFixedHeight(52)
        self.banks_status = QLabel()
        self.banks_status.setWordWrap(True)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(64)

        self.name_label = QLabel()
        self.id_label = QLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("类型："), kind_row)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.id_label, self.id_edit)
        form.addRow("", self.id_status)
        form.addRow(self.tr("角色："), self.role_combo)
        form.addRow(self.tr("电话："), self.phones_edit)
        form.addRow("", self.phones_status)
        form.addRow(self.tr("地址："), self.address_edit)
        form.addRow("", self.address_status)
        form.addRow(self.tr("微信："), self.wechat_edit)
        form.addRow("", self.wechat_status)
        form.addRow(self.tr("银行账户："), self.banks_edit)
        form.addRow("", self.banks_status)
        form.addRow(self.tr("备注："), self.notes_edit)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        privacy = QLabel(self.tr("证件号、电话、账号加密保存，列表中只显示遮蔽后的号码。"))
        privacy.setWordWrap(True)
        privacy.setStyleSheet(HINT_STYLE)

        self.buttons = ok_cancel_buttons(self, self.tr("添加"), self.tr("取消"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

        self.person.toggled.connect(self._kind_changed)
        for edit in (self.name_edit, self.id_edit, self.address_edit, self.wechat_edit):
            edit.textChanged.connect(self.validate)
        for text_edit in (self.phones_edit, self.banks_edit):
            text_edit.textChanged.connect(self.validate)
        self._kind_changed()

    # ------------------------------------------------------------------ state
    def kind(self) -> PartyKind:
        return PartyKind.PERSON if self.person.isChecked() else PartyKind.ORGANISATION

    def _kind_changed(self, *_args: object) -> None:
        person = self.kind() == PartyKind.PERSON
        self.name_label.setText(self.tr("姓名（必填）：") if person else self.tr("单位名称（必填）："))
        self.id_label.setText(self.tr("身份证号：") if person else self.tr("统一社会信用代码："))
        self.id_edit.setPlaceholderText(self.tr("18 位，可不填") if person else self.tr("18 位，见营业执照，可不填"))
        role = PartyRole.SUSPECTED_AGENT if person else PartyRole.AGENT_COMPANY
        current = self.role_combo.currentData()
        if current in (None, PartyRole.SUSPECTED_AGENT.value, PartyRole.AGENT_COMPANY.value):
            self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))
        self.validate()

    @staticmethod
    def _lines(edit: QPlainTextEdit) -> list[str]:
        return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

    def _show(self, label: QLabel, ok: str | None, problem: str | None) -> None:
        if problem:
            label.setText(problem)
            label.setStyleSheet(ERROR_STYLE)
            self._problems.append(problem)
        else:
            label.setText(ok or "")
            label.setStyleSheet(OK_STYLE)
        label.setVisible(bool(problem or ok))

    def _check_lines(self, label: QLabel, lines: list[str], fn: Callable[[str], object], what: str) -> None:
        bad = []
        for n, line in enumerate(lines, start=1):
            try:
                fn(line)
            except ValidationError as exc:
                bad.append(self.tr("第 %1 行（%2）：%3").replace("%1", str(n)).replace("%2", line)
                           .replace("%3", exc.reason))
        if bad:
            self._show(label, None, "；".join(bad))
        elif lines:
            self._show(label, self.tr("✓ %1 个%2格式正确").replace("%1", str(len(lines))).replace("%2", what), None)
        else:
            self._show(label, None, None)

    def _check_one(self, label: QLabel, value: str, typ: IdentifierType) -> None:
        """An optional single value: its problem in red, nothing when it is fine or empty."""
        problem = None
        if value:
            try:
                normalise(typ, value)
            except ValidationError as exc:
                problem = exc.reason
        self._show(label, None, problem)

    def validate(self, *_args: object) -> bool:
        """Check every field; show each problem in plain words and enable OK only when all are fine."""
        self._problems = []
        person = self.kind() == PartyKind.PERSON
        raw_id = self.id_edit.text().strip()
        if not raw_id:
            self._show(self.id_status, None, None)
        else:
            try:
                if person:
                    ident = check_resident_id(raw_id)
                    ok = self.tr("✓ 身份证号有效（%1，%2 出生）").replace("%1", ident.attributes["sex"]).replace(
                        "%2", ident.attributes["birth_date"])
                else:
                    ident = check_credit_code(raw_id)
                    kind = ident.attributes.get("org_type_name") or ident.attributes.get("registration_authority_name")
                    ok = self.tr("✓ 统一社会信用代码有效") + (f"（{kind}）" if kind else "")
                self._show(self.id_status, ok, None)
            except ValidationError as exc:
                self._show(self.id_status, None, exc.reason)
        self._check_lines(self.phones_status, self._lines(self.phones_edit),
                          lambda r: normalise(IdentifierType.MOBILE, r), self.tr("电话号码"))
        self._check_one(self.address_status, self.address_edit.text().strip(), IdentifierType.ADDRESS)
        self._check_one(self.wechat_status, self.wechat_edit.text().strip(), IdentifierType.WECHAT)
        self._check_lines(self.banks_status, self._lines(self.banks_edit),
                          lambda r: normalise(IdentifierType.BANK_ACCOUNT, r), self.tr("账号"))

        missing_name = not self.name_edit.text().strip()
        if self._problems:
            self.problems_label.setText(self.tr("请先修正上面标红的 %1 处问题。").replace("%1", str(len(self._problems))))
            self.problems_label.setStyleSheet(ERROR_STYLE)
        elif missing_name:
            self.problems_label.setText(self.tr("请填写%1。").replace(
                "%1", self.tr("姓名") if person else self.tr("单位名称")))
            self.problems_label.setStyleSheet(HINT_STYLE)
        else:
            self.problems_label.setText("")
        self.problems_label.setVisible(bool(self.problems_label.text()))
        ok = not self._problems and not missing_name
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def draft(self) -> group_service.SuspectDraft:
        return group_service.SuspectDraft(
            kind=self.kind(), name=self.name_edit.text().strip(), role=PartyRole(self.role_combo.currentData()),
            id_number=self.id_edit.text().strip(), phones=tuple(self._lines(self.phones_edit)),
            address=self.address_edit.text().strip(), wechat=self.wechat_edit.text().strip(),
            bank_accounts=tuple(self._lines(self.banks_edit)), notes=self.notes_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        if not self.validate():
            return
        party_id = guarded(self, group_service.add_suspect, self.ctx, self.group_id, self.draft())
        if party_id is None:
            return
        self.party_id = party_id
        super().accept()
