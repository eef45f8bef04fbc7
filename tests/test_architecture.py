"""The layering of app/greyline, checked by reading every module's imports with ``ast``.

ui -> services/queries/reports/domain; services -> domain (+ storage through the unit of work); nothing
below ui imports PySide6; nothing outside storage/ and queries/ imports SQLAlchemy or Alembic; domain/ is
stdlib (+ phonenumbers) only; demo/ has no Qt and no SQLAlchemy.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import greyline

PACKAGE_ROOT = Path(greyline.__file__).resolve().parent


@dataclass(frozen=True)
class Module:
    name: str            # dotted, e.g. greyline.services.complaints
    path: Path
    tree: ast.Module

    @property
    def layer(self) -> str:
        """First package below greyline ('services', 'ui', ...) or the module itself ('cli')."""
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE_ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _all_modules() -> list[Module]:
    out = []
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        out.append(Module(_module_name(path), path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return out


MODULES = _all_modules()


def imports_of(module: Module) -> set[str]:
    """Every module name imported anywhere in the file (including inside functions), made absolute."""
    found: set[str] = set()
    is_package = module.path.name == "__init__.py"
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.name.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            # "from greyline.services import complaints" imports a module, not just a name.
            found.update(f"{prefix}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def top(name: str) -> str:
    return name.split(".")[0]


def offending(modules: list[Module], forbidden: callable) -> dict[str, list[str]]:  # type: ignore[valid-type]
    bad: dict[str, list[str]] = {}
    for m in modules:
        hits = sorted(i for i in imports_of(m) if forbidden(i))
        if hits:
            bad[m.name] = hits
    return bad


def in_layer(*layers: str) -> list[Module]:
    return [m for m in MODULES if m.layer in layers]


def not_in_layer(*layers: str) -> list[Module]:
    return [m for m in MODULES if m.layer not in layers]


def test_the_walk_sees_the_whole_package() -> None:
    names = {m.name for m in MODULES}
    assert {"greyline", "greyline.cli", "greyline.domain.identifiers", "greyline.services.complaints",
            "greyline.storage.db", "greyline.queries.complaints", "greyline.demo.generator"} <= names
    generator = next(m for m in MODULES if m.name == "greyline.demo.generator")
    assert "greyline.demo.media" in imports_of(generator)  # relative imports are resolved


def test_nothing_outside_ui_imports_qt() -> None:
    assert offending(not_in_layer("ui"), lambda i: top(i) in ("PySide6", "shiboken6", "PyQt5", "PyQt6")) == {}


def test_only_storage_and_queries_import_sqlalchemy_or_alembic() -> None:
    assert offending(not_in_layer("storage", "queries"), lambda i: top(i) in ("sqlalchemy", "alembic")) == {}


def test_domain_imports_only_stdlib_phonenumbers_and_itself() -> None:
    def forbidden(name: str) -> bool:
        if name == "greyline.domain" or name.startswith("greyline.domain."):
            return False
        return top(name) not in sys.stdlib_module_names and top(name) not in ("phonenumbers", "__future__")

    assert offending(in_layer("domain"), forbidden) == {}


def test_services_import_neither_ui_nor_queries() -> None:
    def forbidden(name: str) -> bool:
        return any(name == p or name.startswith(p + ".") for p in ("greyline.ui", "greyline.queries"))

    assert offending(in_layer("services"), forbidden) == {}


def test_demo_imports_no_qt_and_no_sqlalchemy() -> None:
    def forbidden(name: str) -> bool:
        return top(name) in ("PySide6", "shiboken6", "sqlalchemy", "alembic")

    assert offending(in_layer("demo"), forbidden) == {}


def test_lower_layers_never_import_ui() -> None:
    def forbidden(name: str) -> bool:
        return name == "greyline.ui" or name.startswith("greyline.ui.")

    # cli.py starts the window lazily for the 'gui' command; bootstrap may wire it.
    assert offending(not_in_layer("ui", "cli", "bootstrap"), forbidden) == {}


def test_storage_and_queries_do_not_import_services() -> None:
    def forbidden(name: str) -> bool:
        return name == "greyline.services" or name.startswith("greyline.services.")

    assert offending(in_layer("storage", "queries", "domain"), forbidden) == {}


@pytest.mark.parametrize("module", MODULES, ids=[m.name for m in MODULES])
def test_every_module_has_a_docstring(module: Module) -> None:
    doc = ast.get_docstring(module.tree)
    assert doc and doc.strip(), f"{module.path} has no module docstring"
