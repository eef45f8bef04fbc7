"""What autogenerate compares: the FTS5 index and its shadow tables are made by hand in migrations."""

from __future__ import annotations


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    return not (type_ == "table" and name is not None and name.startswith("complaint_fts"))
