"""What pages may ask of the window: open a complaint or a group, switch page, say something briefly.

Pages receive a ``Navigator`` instead of the main window, so they stay testable on their own (tests pass
a ``RecordingNavigator``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Navigator(Protocol):
    def open_complaint(self, complaint_id: int | None) -> None:
        """Open the editor for a complaint (None: a new complaint)."""

    def open_group(self, group_id: int) -> None:
        """Show the groups page with this group selected."""

    def show_page(self, name: str) -> None:
        """Switch to the page registered under ``name``."""

    def data_changed(self) -> None:
        """Something was saved: pages that show it should reload when next shown."""

    def status(self, text: str) -> None:
        """A short message in the status bar."""

    def import_files(self, path: Path | None) -> None:
        """Open the import window, with ``path`` already chosen (a file dropped on a page)."""


class RecordingNavigator:
    """For tests and for pages shown outside the main window."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def open_complaint(self, complaint_id: int | None) -> None:
        self.calls.append(("open_complaint", complaint_id))

    def open_group(self, group_id: int) -> None:
        self.calls.append(("open_group", group_id))

    def show_page(self, name: str) -> None:
        self.calls.append(("show_page", name))

    def data_changed(self) -> None:
        self.calls.append(("data_changed", None))

    def status(self, text: str) -> None:
        self.calls.append(("status", text))

    def import_files(self, path: Path | None) -> None:
        self.calls.append(("import_files", path))
