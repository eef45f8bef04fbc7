"""Fixtures shared by the UI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from greyline.services.context import ServiceContext, sign_in
from greyline.services.demo import load_demo
from greyline.storage.db import open_store
from greyline.storage.location import resolve
from greyline.ui import prompts


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServiceContext, Path]]:
    """A demo store (120 complaints, no files) shared by one module's tests that only read it:
    (signed-in context, path of the SQLite file). A store per test would cost a few seconds each."""
    folder = tmp_path_factory.mktemp("ui-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GREYLINE_DATA_DIR", str(folder / "userdata"))
        path = folder / "greyline.sqlite"
        store = open_store(resolve(str(path)), create=True)
        ctx = sign_in(store, "tester")
        load_demo(ctx, 120, 7, with_files=False)
        yield ctx, path
        QThreadPool.globalInstance().waitForDone(5000)
        store.dispose()


@pytest.fixture
def prompter() -> Iterator[prompts.ScriptedPrompter]:
    """A scripted stand-in for every question and file dialog (no modal dialog can hang a test)."""
    scripted = prompts.ScriptedPrompter()
    previous = prompts.install(scripted)
    yield scripted
    prompts.install(previous)
