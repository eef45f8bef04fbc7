"""The PySide6 6.12 / Python 3.11 reference leak on None is real, and the reserve in greyline.ui covers it."""

from __future__ import annotations

import sys

import pytest

import greyline.ui  # noqa: F401 - applies the reserve


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_none_keeps_a_large_reserve_after_many_void_qt_calls(qapp) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20000):
        label.setText("x")
    after = sys.getrefcount(None)
    assert after > greyline.ui.NONE_RESERVE // 2
    # Documents the leak this guards against; if a PySide6 upgrade fixes it, the reserve can go.
    assert before - after in (0, 20000)
