"""Settings: institution profile, deadline rule per channel, users and roles (administrators), language."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
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
    QVBoxLayout,
    QWidget,
)

from greyline.domain.enums import Role
from greyline.domain.errors import ValidationError
from greyline.domain.identifiers import check_credit_code
from greyline.domain.permissions import Permission, can
from greyline.queries.users import list_users
from greyline.services import settings as settings_service
from greyline.services.context import ServiceContext
from greyline.services.users import add_user
from greyline.ui import prompts
from greyline.ui.errors import guarded
from greyline.ui.navigation import Navigator

LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


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
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def refresh(self) -> None:
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
