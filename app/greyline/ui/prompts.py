"""The one place where the application asks the user something or tells them something in a dialog.

Services never prompt. Widgets call ``prompts.current()``; tests install a scripted ``Prompter`` with
``prompts.install(...)`` so no modal dialog can ever hang a test.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompter:
    """Real dialogs."""

    def info(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.information(parent, QWidget.tr("灰线 Greyline"), text)

    def warn(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, QWidget.tr("灰线 Greyline"), text)

    def error(self, parent: QWidget | None, text: str) -> None:
        QMessageBox.critical(parent, QWidget.tr("灰线 Greyline"), text)

    def confirm(self, parent: QWidget | None, text: str) -> bool:
        answer = QMessageBox.question(parent, QWidget.tr("灰线 Greyline"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "") -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return [Path(n) for n in names]

    def open_file(self, parent: QWidget | None, title: str, name_filter: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
        return Path(name) if name else None

    def save_file(self, parent: QWidget | None, title: str, suggested: str, name_filter: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return Path(name) if name else None


class ScriptedPrompter(Prompter):
    """For tests: answers from queues and records every message shown."""

    def __init__(self, *, confirm: list[bool] | None = None, files: list[list[Path]] | None = None,
                 save: list[Path | None] | None = None) -> None:
        self.messages: list[tuple[str, str]] = []
        self._confirm = list(confirm or [])
        self._files = list(files or [])
        self._save = list(save or [])

    def info(self, parent: QWidget | None, text: str) -> None:
        self.messages.append(("info", text))

    def warn(self, parent: QWidget | None, text: str) -> None:
        self.messages.append(("warn", text))

    def error(self, parent: QWidget | None, text: str) -> None:
        self.messages.append(("error", text))

    def confirm(self, parent: QWidget | None, text: str) -> bool:
        self.messages.append(("confirm", text))
        if not self._confirm:
            raise AssertionError(f"unexpected confirmation asked: {text}")
        return self._confirm.pop(0)

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "") -> list[Path]:
        return self._files.pop(0) if self._files else []

    def open_file(self, parent: QWidget | None, title: str, name_filter: str = "") -> Path | None:
        files = self.open_files(parent, title, name_filter)
        return files[0] if files else None

    def save_file(self, parent: QWidget | None, title: str, suggested: str, name_filter: str = "") -> Path | None:
        return self._save.pop(0) if self._save else None


_current: Prompter = Prompter()


def current() -> Prompter:
    return _current


def install(prompter: Prompter) -> Prompter:
    """Replace the prompter (tests); returns the previous one."""
    global _current
    previous, _current = _current, prompter
    return previous
