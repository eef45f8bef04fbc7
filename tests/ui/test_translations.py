"""Translations: both .ts files are complete and up to date with the code, and English loads."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from greyline.ui import i18n


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_entry_is_translated(lang: str) -> None:
    ts = i18n.ts_path(lang)
    assert ts.exists(), f"{ts} missing: run python -m greyline.ui.i18n update"
    unfinished = []
    for context, source, message in _messages(ts):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not (
                translation.text or "").strip():
            unfinished.append(f"{context}: {source}")
    assert not unfinished, f"{len(unfinished)} unfinished in {ts.name}: {unfinished[:20]}"


def test_ts_files_contain_every_string_of_the_code(tmp_path: Path) -> None:
    """Run lupdate into a copy: nothing new may appear (a new tr() string needs its translation)."""
    copy = tmp_path / "greyline_en.ts"
    shutil.copy(i18n.ts_path("en"), copy)
    sources = sorted(str(p) for p in i18n.UI_SOURCES.rglob("*.py"))
    subprocess.run([i18n._tool("lupdate"), "-no-obsolete", "-source-language", "zh_CN", "-target-language", "en",
                    *sources, "-ts", str(copy)], check=True, capture_output=True)
    before = {(c, s) for c, s, _ in _messages(i18n.ts_path("en"))}
    after = {(c, s) for c, s, _ in _messages(copy)}
    assert after - before == set(), f"strings missing from greyline_en.ts: {sorted(after - before)[:20]}"


def test_english_translation_loads_and_translates(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    translators = i18n.install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("actions", "新建投诉") != "新建投诉"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_every_enum_label_is_marked_for_translation() -> None:
    from greyline.domain.enums import all_labelled_enums
    from greyline.ui import enum_labels

    text = Path(enum_labels.__file__).read_text(encoding="utf-8")
    missing = sorted({m.source_label for e in all_labelled_enums() for m in e
                      if f'QT_TRANSLATE_NOOP("enums", "{m.source_label}")' not in text})
    assert not missing, f"run python -m greyline.ui.enum_labels: {missing}"


def test_enum_labels_show_in_english(qapp) -> None:  # noqa: ANN001
    from greyline.domain.enums import ComplaintStatus, Role, set_label_translator

    translators = i18n.install_translators(qapp, "en")
    try:
        assert ComplaintStatus.NEW.label not in ("新建", "")
        assert Role.ADMIN.label.isascii()
        assert ComplaintStatus.NEW.source_label == "新建"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        set_label_translator(str)
