"""Errors: domain errors in plain words; anything else logged to the data directory and shown with the path."""

from __future__ import annotations

import logging

import pytest

from greyline.domain.errors import ValidationError
from greyline.ui import prompts
from greyline.ui.app import _install_logging
from greyline.ui.errors import guarded, log_path


@pytest.fixture
def scripted():  # noqa: ANN201
    prompter = prompts.ScriptedPrompter()
    previous = prompts.install(prompter)
    yield prompter
    prompts.install(previous)


def test_domain_error_is_shown_plainly(scripted) -> None:  # noqa: ANN001
    def fail() -> None:
        raise ValidationError("身份证号校验位不正确", field="身份证号")

    assert guarded(None, fail) is None
    assert scripted.messages == [("warn", "身份证号: 身份证号校验位不正确")]


def test_unexpected_error_is_logged_and_shown_with_the_log_path(scripted) -> None:  # noqa: ANN001
    handler_path = _install_logging()
    try:
        def crash() -> None:
            raise ZeroDivisionError("boom")

        assert guarded(None, crash) is None
        kind, text = scripted.messages[-1]
        assert kind == "error" and log_path() in text and "ZeroDivisionError" in text
        for h in logging.getLogger().handlers:
            h.flush()
        assert "ZeroDivisionError: boom" in handler_path.read_text(encoding="utf-8")
    finally:
        for h in list(logging.getLogger().handlers):
            if getattr(h, "baseFilename", None) == str(handler_path):
                logging.getLogger().removeHandler(h)
                h.close()
