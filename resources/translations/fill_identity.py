"""Fill greyline_zh_CN.ts: Chinese is the source language, so each translation is its source text.

Run after ``python -m greyline.ui.i18n update``: ``python resources/translations/fill_identity.py``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("greyline_zh_CN.ts")


def main() -> None:
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = source.text
        else:
            translation.text = source.text
        translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main()
