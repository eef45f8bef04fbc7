"""Every command of the window declared once (text, shortcut, icon); menus and toolbar reuse them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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


def specs() -> list[ActionSpec]:
    return [
        ActionSpec("new_complaint", QCoreApplication.translate("actions", "新建投诉"), QKeySequence.StandardKey.New, "document-new", "file", True),
        ActionSpec("import", QCoreApplication.translate("actions", "导入工单…"), "Ctrl+I", "document-import", "file", True),
        ActionSpec("import_template", QCoreApplication.translate("actions", "保存导入模板…"), None, "document-save-as", "file"),
        ActionSpec("save", QCoreApplication.translate("actions", "保存"), QKeySequence.StandardKey.Save, "document-save", "file"),
        ActionSpec("quit", QCoreApplication.translate("actions", "退出"), QKeySequence.StandardKey.Quit, "application-exit", "file"),
        ActionSpec("search", QCoreApplication.translate("actions", "搜索投诉"), QKeySequence.StandardKey.Find, "edit-find", "edit", True),
        ActionSpec("refresh", QCoreApplication.translate("actions", "刷新"), QKeySequence.StandardKey.Refresh, "view-refresh", "view", True),
        ActionSpec("new_group", QCoreApplication.translate("actions", "由选中投诉建立团伙/案件…"), "Ctrl+G", "folder-new", "edit", True),
        ActionSpec("verify", QCoreApplication.translate("actions", "校验数据与证据完整性"), None, "security-high", "tools"),
        ActionSpec("backup", QCoreApplication.translate("actions", "备份…"), None, "document-save-as", "tools"),
        ActionSpec("about", QCoreApplication.translate("actions", "关于灰线"), None, "help-about", "help"),
    ]


MENUS = (("file", QT_TRANSLATE_NOOP("MainWindow", "文件")), ("edit", QT_TRANSLATE_NOOP("MainWindow", "编辑")),
         ("view", QT_TRANSLATE_NOOP("MainWindow", "视图")), ("tools", QT_TRANSLATE_NOOP("MainWindow", "工具")),
         ("help", QT_TRANSLATE_NOOP("MainWindow", "帮助")))


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in specs():
        action = QAction(QIcon.fromTheme(spec.icon), spec.text, parent)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        actions[spec.key] = action
    return actions
