"""Settings, channel aliases: every spelling of a channel the import recognises. Built-in spellings are
listed read-only; administrators add and remove their own (the import window adds them too when a
handler maps an unknown value)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.permissions import Permission, can
from greyline.services import settings as settings_service
from greyline.services.context import ServiceContext
from greyline.services.settings import ChannelAliasView
from greyline.ui.errors import guarded
from greyline.ui.navigation import Navigator
from greyline.ui.row_table_model import Column, RowTableModel, read_only_table, with_text_tooltips


class ChannelAliasSettings(QWidget):
    def __init__(self, ctx: ServiceContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.nav = nav
        self._labels: dict[str, str] = {}
        intro = QLabel(self.tr("导入工单时，“来源渠道”一列中的这些写法会被识别为对应的渠道（不区分大小写、全角半角、"
                               "空格和标点）。内置写法不能删除；导入时为无法识别的写法选择了渠道并勾选“记住”，也会加到这里。"))
        intro.setWordWrap(True)
        self.model = RowTableModel(with_text_tooltips([
            Column(self.tr("写法"), lambda a: a.alias),
            Column(self.tr("渠道"), lambda a: self._labels.get(a.code, a.code)),
            Column(self.tr("来源"), lambda a: self.tr("内置") if a.builtin else
                   self.tr("%1 添加").replace("%1", a.created_by)),
        ]), self)
        self.table = read_only_table(self.model)
        self.table.setObjectName("channel_aliases")
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 220)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.alias = QLineEdit()
        self.alias.setObjectName("alias_text")
        self.alias.setPlaceholderText(self.tr("文件中的写法，例如“网络投诉平台”"))
        self.channel = QComboBox()
        self.channel.setObjectName("alias_channel")
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setObjectName("alias_add")
        self.remove_button = QPushButton(self.tr("删除所选写法"))
        self.remove_button.setObjectName("alias_remove")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.alias.textChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        row.addWidget(self.alias, 1)
        row.addWidget(self.channel)
        row.addWidget(self.add_button)
        row.addStretch(0)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.may_edit = can(ctx.actor.role, Permission.EDIT_SETTINGS)
        if not self.may_edit:
            for w in (self.alias, self.channel, self.add_button, self.remove_button):
                w.setEnabled(False)
                w.setToolTip(self.tr("需要管理员权限"))
        self.refresh()

    def refresh(self) -> None:
        rules = guarded(self, settings_service.channel_rules, self.ctx) or []
        self._labels = {r.code: r.label for r in rules}
        chosen = self.channel.currentData()
        self.channel.clear()
        for r in rules:
            self.channel.addItem(r.label, r.code)
        if chosen:
            self.channel.setCurrentIndex(max(0, self.channel.findData(chosen)))
        aliases = guarded(self, settings_service.channel_aliases, self.ctx) or []
        # People's own spellings first: they are what an administrator looks after.
        self.model.set_rows(sorted(aliases, key=lambda a: (a.builtin, a.code, a.alias)))
        self._update_buttons()

    def selected(self) -> ChannelAliasView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        if not self.may_edit:
            return
        self.add_button.setEnabled(bool(self.alias.text().strip()))
        chosen = self.selected()
        self.remove_button.setEnabled(chosen is not None and not chosen.builtin)

    def add(self) -> None:
        alias, code = self.alias.text().strip(), self.channel.currentData()
        if not alias or not code:
            return
        if guarded(self, settings_service.set_channel_alias, self.ctx, alias, code) is None and self._has(alias, code):
            self.alias.clear()
            self.nav.status(self.tr("已添加渠道写法“%1”。").replace("%1", alias))
            self.refresh()

    def _has(self, alias: str, code: str) -> bool:
        return any(a.alias == alias and a.code == code and not a.builtin
                   for a in settings_service.channel_aliases(self.ctx))

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.builtin:
            return
        guarded(self, settings_service.remove_channel_alias, self.ctx, chosen.alias)
        self.refresh()
