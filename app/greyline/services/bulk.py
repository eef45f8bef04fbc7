"""Settings for bulk work (imports of hundreds of thousands of rows).

Python's cyclic garbage collector starts a pass every 700 new container objects and, every so often,
a full pass over every live object. A bulk import creates millions of short-lived tuples, dicts and
records and keeps a batch of them alive at a time, so the collector ran some 8,000 passes and took
about 8 s of a 57 s import of 100,000 rows while finding almost nothing to free (no cycles are
made). During bulk work passes start after 50,000 new objects instead of 700; restored after.
(``gc.freeze`` as well was tried; a full test run then crashed once in a garbage-collection pass on a
Qt worker thread, so it is not used until that is understood.)
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None

BULK_THRESHOLD = 50_000

# The program started with this first argument is an import's checking process
# (services.importing.serve_check_process; dispatched by cli.main, also in a frozen build).
CHECK_PROCESS_FLAG = "--import-check-process"


@contextlib.contextmanager
def relaxed_gc() -> Iterator[None]:
    """Fewer garbage-collector passes for the duration of one bulk operation (nests, thread-safe)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(_saved[0], BULK_THRESHOLD), _saved[1], _saved[2])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
