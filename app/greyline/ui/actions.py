"""Every command of the window declared once (text, shortcut, icon); menus and toolbar reuse them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: str | QKeySequence.StandardKey | None
    icon: str  # freedesktop theme name; a missing icon just shows the text
    menu: str
    toolbar: bool = False


def _t(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def specs() -> list[ActionSpec]:
    return [
        ActionSpec("new_complaint", _t("新建投诉"), QKeySequence.StandardKey.New, "document-new", "file", True),
        ActionSpec("import", _t("导入工单…"), "Ctrl+I", "document-import", "file", True),
        ActionSpec("import_template", _t("保存导入模板…"), None, "document-save-as", "file"),
        ActionSpec("save", _t("保存"), QKeySequence.StandardKey.Save, "document-save", "file"),
        ActionSpec("quit", _t("退出"), QKeySequence.StandardKey.Quit, "application-exit", "file"),
        ActionSpec("search", _t("搜索投诉"), QKeySequence.StandardKey.Find, "edit-find", "edit", True),
        ActionSpec("refresh", _t("刷新"), QKeySequence.StandardKey.Refresh, "view-refresh", "view", True),
        ActionSpec("new_group", _t("由选中投诉建立团伙/案件…"), "Ctrl+G", "folder-new", "edit", True),
        ActionSpec("verify", _t("校验数据与证据完整性"), None, "security-high", "tools"),
        ActionSpec("backup", _t("备份…"), None, "document-save-as", "tools"),
        ActionSpec("about", _t("关于灰线"), None, "help-about", "help"),
    ]


MENUS = (("file", "文件"), ("edit", "编辑"), ("view", "视图"), ("tools", "工具"), ("help", "帮助"))


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in specs():
        action = QAction(QIcon.fromTheme(spec.icon), spec.text, parent)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        actions[spec.key] = action
    return actions
