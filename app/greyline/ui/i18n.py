"""Languages: Simplified Chinese is the source language of every string; English ships as a translation.

The ``.ts`` sources live in ``resources/translations``; ``.qm`` files are compiled from them with
``pyside6-lrelease`` when the application starts and a ``.qm`` is missing or older than its ``.ts``
(so a fresh checkout needs no separate build step). ``python -m greyline.ui.i18n update`` refreshes
the ``.ts`` files from the code with ``pyside6-lupdate``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from greyline.domain.enums import set_label_translator
from greyline.storage.location import data_dir
from greyline.ui.resources import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("zh_CN", "en")
UI_SOURCES = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    """A PySide6 tool next to the interpreter (venv bin/Scripts), else on PATH."""
    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / f"pyside6-{name}", exe_dir / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"greyline_{lang}.ts"


def compiled_qm(lang: str) -> Path | None:
    """The .qm for ``lang``, compiled now if missing or stale; None if there is no .ts."""
    ts = ts_path(lang)
    if not ts.exists():
        return None
    qm = ts.with_suffix(".qm")
    if not os.access(TRANSLATIONS, os.W_OK):
        qm = data_dir() / "translations" / qm.name
        qm.parent.mkdir(parents=True, exist_ok=True)
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                       capture_output=True)
    return qm


def chosen_language() -> str:
    lang = os.environ.get("GREYLINE_LANG") or str(QSettings("Greyline", "Greyline").value("ui/language", "zh_CN"))
    return lang if lang in LANGUAGES else "zh_CN"


def install_translators(app: QApplication, lang: str | None = None) -> list[QTranslator]:
    """Install Qt's own and Greyline's translators for ``lang``; returns them (keep references)."""
    lang = lang or chosen_language()
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(lang), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if lang != "zh_CN":
        qm = compiled_qm(lang)
        own = QTranslator(app)
        if qm is not None and own.load(str(qm)):
            app.installTranslator(own)
            installed.append(own)
    QLocale.setDefault(QLocale(lang))
    # Enum labels (statuses, channels, roles...) are Chinese in the domain; show them translated.
    set_label_translator(lambda text: QCoreApplication.translate("enums", text))
    return installed


def update_ts() -> None:
    """Extract every tr() string of the UI into the .ts files (keeps existing translations)."""
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        subprocess.run([_tool("lupdate"), "-no-obsolete", "-source-language", "zh_CN", "-target-language",
                        lang, *sources, "-ts", str(ts_path(lang))], check=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update_ts()
    else:
        print("usage: python -m greyline.ui.i18n update")
