"""Settings: institution profile, deadline rule per channel, users and roles (administrators), language;
link detection (thresholds and risk rules) and the common identifiers that must not link complaints."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import IdentifierType, Role
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import check_credit_code
from greyline.domain.permissions import Permission, can
from greyline.queries.identifiers import SharedIdentifierRow, shared_identifiers
from greyline.queries.users import list_users
from greyline.services import settings as settings_service
from greyline.services.context import ServiceContext
from greyline.services.users import add_user
from greyline.ui import prompts
from greyline.ui.detection_settings import DetectionSettingsWidget
from greyline.ui.errors import guarded
from greyline.ui.identifier_actions import mark_do_not_correlate
from greyline.ui.navigation import Navigator
from greyline.ui.channel_alias_settings import ChannelAliasSettings
from greyline.ui.row_table_model import ALIGN_RIGHT, Column, RowTableModel, read_only_table, with_text_tooltips

LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


def _type_label(code: str) -> str:
    return IdentifierType(code).label if code in IdentifierType._value2member_map_ else code


class SharedIdentifierModel(RowTableModel):
    """Identifiers shared by several complaints (masked), and those marked "do not correlate"."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__((), parent)
        self.set_columns(with_text_tooltips([
            Column(self.tr("类型"), lambda r: _type_label(r.type)),
            Column(self.tr("号码/标识（已脱敏）"), lambda r: r.masked),
            Column(self.tr("投诉数"), lambda r: r.complaints, ALIGN_RIGHT),
            Column(self.tr("客户数"), lambda r: r.customers, ALIGN_RIGHT),
            Column(self.tr("不参与关联"), lambda r: self.tr("是（不产生关联提示）") if r.do_not_correlate else "",
                   background=lambda r: QColor("#fef7e0") if r.do_not_correlate else None),
        ]))


class CommonIdentifiersPanel(QWidget):
    """The list behind "常用号码（不参与关联）" with the buttons that set and clear the mark."""

    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.may_edit = can(ctx.actor.role, Permission.EDIT_SETTINGS)
        intro = QLabel(self.tr("本机构客服热线、12378 等常见号码会出现在大量投诉中，却不说明这些投诉有关联。"
                               "标记为“不参与关联”后，它们不再产生关联提示，使用它们的投诉会立即重新检测。"
                               "下表列出被多笔投诉共用的号码（最多 200 个，按投诉数排序）及已标记的号码。"))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找号码：输入后四位，或完整号码"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.search_button = QPushButton(self.tr("查找"))
        self.search_button.clicked.connect(self.refresh)
        self.model = SharedIdentifierModel(self)
        self.table = read_only_table(self.model)
        self.table.setMinimumHeight(300)
        for column, width in enumerate((110, 320, 90, 90)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.flag_button = QPushButton(self.tr("标记为不参与关联…"))
        self.unflag_button = QPushButton(self.tr("取消标记…"))
        self.flag_button.clicked.connect(lambda: self.set_flag(True))
        self.unflag_button.clicked.connect(lambda: self.set_flag(False))
        self.count_label = QLabel()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.flag_button)
        buttons.addWidget(self.unflag_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not self.may_edit:
            note = QLabel(self.tr("只有管理员可以标记或取消标记。"))
            note.setStyleSheet("color: #b06000;")
            layout.addWidget(note)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def refresh(self) -> None:
        selected = self.selected()
        rows = shared_identifiers(self.ctx.store, search=self.search.text())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 %1 个号码/标识").replace("%1", str(len(rows))))
        if selected is not None:
            for i, row in enumerate(rows):
                if row.identifier_id == selected.identifier_id:
                    self.table.selectRow(i)
                    break
        self._update_buttons()

    def selected(self) -> SharedIdentifierRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.flag_button.setEnabled(self.may_edit and row is not None and not row.do_not_correlate)
        self.unflag_button.setEnabled(self.may_edit and row is not None and row.do_not_correlate)

    def set_flag(self, flag: bool) -> None:
        row = self.selected()
        if row is None or row.do_not_correlate == flag:
            return
        label = f"{_type_label(row.type)} {row.masked}"
        if mark_do_not_correlate(self, self.ctx, row.identifier_id, flag, label=label):
            self.refresh()
            self.nav.status(self.tr("已标记 %1 为不参与关联").replace("%1", row.masked) if flag
                            else self.tr("已取消 %1 的不参与关联标记").replace("%1", row.masked))
            self.nav.data_changed()


class SettingsPage(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self._profile_version = 1
        self._rule_versions: dict[str, int] = {}
        may_edit = can(ctx.actor.role, Permission.EDIT_SETTINGS)

        # Institution profile (used by referral packages).
        self.name = QLineEdit()
        self.credit_code = QLineEdit()
        self.credit_code_hint = QLabel()
        self.address = QLineEdit()
        self.legal_rep = QLineEdit()
        self.contact_person = QLineEdit()
        self.contact_phone = QLineEdit()
        self.credit_code.textChanged.connect(self._check_code)
        profile_box = QGroupBox(self.tr("机构信息（用于报案书与移送材料）"))
        form = QFormLayout(profile_box)
        form.addRow(self.tr("机构名称"), self.name)
        form.addRow(self.tr("统一社会信用代码"), self.credit_code)
        form.addRow("", self.credit_code_hint)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("法定代表人"), self.legal_rep)
        form.addRow(self.tr("经办人"), self.contact_person)
        form.addRow(self.tr("联系电话"), self.contact_phone)
        self.save_profile_button = QPushButton(self.tr("保存机构信息"))
        self.save_profile_button.clicked.connect(self.save_profile)
        form.addRow("", self.save_profile_button)

        # Deadline rule per channel.
        rules_box = QGroupBox(self.tr("各渠道答复期限"))
        self.rules = QTableWidget(0, 3)
        self.rules.setHorizontalHeaderLabels([self.tr("渠道"), self.tr("期限（天）"), self.tr("按工作日计算")])
        self.rules.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rules.verticalHeader().setVisible(False)
        self.rules.setMinimumHeight(260)
        self.save_rules_button = QPushButton(self.tr("保存期限规则"))
        self.save_rules_button.clicked.connect(self.save_rules)
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(self.rules)
        rules_layout.addWidget(QLabel(self.tr("新规则适用于此后保存的投诉。法定节假日不计入自动计算，可在投诉中手动调整期限。")))
        rules_layout.addWidget(self.save_rules_button, 0, Qt.AlignmentFlag.AlignRight)

        # Users and roles (administrators only).
        users_box = QGroupBox(self.tr("用户与角色"))
        self.users = QTableWidget(0, 3)
        self.users.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("姓名"), self.tr("角色")])
        self.users.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.users.verticalHeader().setVisible(False)
        self.users.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.new_username = QLineEdit()
        self.new_username.setPlaceholderText(self.tr("登录名，如 zhang.san"))
        self.new_display = QLineEdit()
        self.new_display.setPlaceholderText(self.tr("姓名"))
        self.new_role = QComboBox()
        for role in Role:
            self.new_role.addItem(role.label, role.value)
        self.add_user_button = QPushButton(self.tr("添加用户"))
        self.add_user_button.clicked.connect(self.add_user)
        add_row = QHBoxLayout()
        for w in (self.new_username, self.new_display, self.new_role, self.add_user_button):
            add_row.addWidget(w)
        users_layout = QVBoxLayout(users_box)
        users_layout.addWidget(self.users)
        users_layout.addLayout(add_row)
        users_box.setVisible(can(ctx.actor.role, Permission.MANAGE_USERS))

        # Language.
        lang_box = QGroupBox(self.tr("界面语言"))
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        current = str(QSettings("Greyline", "Greyline").value("ui/language", "zh_CN"))
        self.language.setCurrentIndex(max(0, [c for c, _ in LANGUAGES].index(current) if current in dict(LANGUAGES) else 0))
        self.language.currentIndexChanged.connect(self.save_language)
        lang_layout = QHBoxLayout(lang_box)
        lang_layout.addWidget(self.language)
        lang_layout.addWidget(QLabel(self.tr("重新启动后生效。")))
        lang_layout.addStretch(1)

        for w in (self.name, self.credit_code, self.address, self.legal_rep, self.contact_person,
                  self.contact_phone, self.save_profile_button, self.rules, self.save_rules_button):
            w.setEnabled(may_edit)
        content = QWidget()
        column = QVBoxLayout(content)
        top = QHBoxLayout()
        top.addWidget(profile_box, 1)
        top.addWidget(rules_box, 1)
        column.addLayout(top)
        column.addWidget(users_box)
        column.addWidget(lang_box)
        column.addStretch(1)

        # Link detection and the common identifiers that must not link complaints.
        self.detection = DetectionSettingsWidget(ctx)
        self.detection.status_message.connect(nav.status)
        self.detection.data_changed.connect(nav.data_changed)
        self.common_identifiers = CommonIdentifiersPanel(ctx, nav)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._scrolled(content), self.tr("机构与用户"))
        self.detection_tab = self.tabs.addTab(self._scrolled(self.detection), self.tr("关联检测"))
        self.common_tab = self.tabs.addTab(self.common_identifiers, self.tr("常用号码（不参与关联）"))
        self.channel_aliases = ChannelAliasSettings(ctx, nav)
        self.aliases_tab = self.tabs.addTab(self.channel_aliases, self.tr("渠道别名"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

    @staticmethod
    def _scrolled(widget: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(widget)
        return scroll

    def refresh(self) -> None:
        self.channel_aliases.refresh()
        p = settings_service.institution(self.ctx)
        self._profile_version = p.version
        for field, value in ((self.name, p.name), (self.credit_code, p.credit_code), (self.address, p.address),
                             (self.legal_rep, p.legal_representative), (self.contact_person, p.contact_person),
                             (self.contact_phone, p.contact_phone)):
            field.setText(value)
        rules = settings_service.channel_rules(self.ctx)
        self._rule_versions = {r.code: r.version for r in rules}
        self.rules.setRowCount(len(rules))
        for i, r in enumerate(rules):
            item = QTableWidgetItem(r.label)
            item.setData(Qt.ItemDataRole.UserRole, r.code)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.rules.setItem(i, 0, item)
            days = QSpinBox()
            days.setRange(1, 365)
            days.setValue(r.deadline_days)
            self.rules.setCellWidget(i, 1, days)
            working = QCheckBox()
            working.setChecked(r.working_days)
            self.rules.setCellWidget(i, 2, working)
        if can(self.ctx.actor.role, Permission.MANAGE_USERS):
            users = list_users(self.ctx.store)
            self.users.setRowCount(len(users))
            for i, u in enumerate(users):
                for j, value in enumerate((u.username, u.display_name, Role(u.role).label)):
                    self.users.setItem(i, j, QTableWidgetItem(value))
        if not self.detection.is_modified():  # never throw away edits someone is making
            self.detection.load()
        self.common_identifiers.refresh()

    def _check_code(self, text: str) -> None:
        if not text.strip():
            self.credit_code_hint.setText("")
            return
        try:
            check_credit_code(text)
        except ValidationError as exc:
            self.credit_code_hint.setText(f"<span style='color:#b3261e'>{exc.reason}</span>")
        else:
            self.credit_code_hint.setText(f"<span style='color:#1e7d32'>{self.tr('校验通过')}</span>")

    def save_profile(self) -> None:
        draft = settings_service.InstitutionDraft(self.name.text(), self.credit_code.text(), self.address.text(),
                                                  self.legal_rep.text(), self.contact_person.text(),
                                                  self.contact_phone.text())
        version = guarded(self, settings_service.update_institution, self.ctx, draft, self._profile_version)
        if version is not None:
            self._profile_version = version
            self.nav.status(self.tr("机构信息已保存"))

    def save_rules(self) -> None:
        current = {r.code: r for r in settings_service.channel_rules(self.ctx)}
        changed = 0
        for i in range(self.rules.rowCount()):
            code = self.rules.item(i, 0).data(Qt.ItemDataRole.UserRole)
            days = self.rules.cellWidget(i, 1).value()
            working = self.rules.cellWidget(i, 2).isChecked()
            rule = current[code]
            if (days, working) != (rule.deadline_days, rule.working_days):
                if guarded(self, settings_service.set_channel_rule, self.ctx, code, days, working,
                           self._rule_versions[code]) is None:
                    return
                changed += 1
        self.refresh()
        self.nav.status(self.tr("已保存 %1 条期限规则").replace("%1", str(changed)))

    def add_user(self) -> None:
        uid = guarded(self, add_user, self.ctx, self.new_username.text(), self.new_role.currentData(),
                      self.new_display.text())
        if uid is not None:
            self.new_username.clear()
            self.new_display.clear()
            self.refresh()
            self.nav.status(self.tr("用户已添加"))

    def save_language(self) -> None:
        QSettings("Greyline", "Greyline").setValue("ui/language", self.language.currentData())
        prompts.current().info(self, self.tr("界面语言将在重新启动后切换。"))
