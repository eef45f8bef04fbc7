"""PySide6 user interface.

Importing this package applies one work-around before any Qt call is made: PySide6 6.12.0 on Python
3.11 drops a reference to ``None`` on every Qt call that returns nothing (e.g. ``QLabel.setText``),
so a long session would end in "Fatal Python error: none_dealloc". From Python 3.12 ``None`` is
immortal and the bug is harmless. The PDF module ships only as 6.12, so pinning an older Qt is not an
option; instead ``None`` is given a reserve of 2**30 references, which no session will use up. The
check ``tests/ui/test_none_refcount.py`` keeps this honest.
"""

from __future__ import annotations

import ctypes
import sys

NONE_RESERVE = 1 << 30

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    _refcnt = ctypes.c_ssize_t.from_address(id(None))
    if _refcnt.value < NONE_RESERVE:
        _refcnt.value += NONE_RESERVE
