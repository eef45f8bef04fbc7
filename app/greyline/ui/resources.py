"""Locating the project's resources (fonts, icons, translations) and loading the CJK font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"


def load_cjk_font() -> str | None:
    """Register the bundled WenQuanYi Micro Hei so Chinese renders on machines without CJK fonts."""
    if not FONT_FILE.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def application_font(family: str | None, point_size: int = 10) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPointSize(point_size)
    return font
