"""Showing errors: domain errors in plain words where the action started, anything else logged and
shown with the log path."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QWidget

from greyline.domain.errors import DomainError
from greyline.storage.location import data_dir
from greyline.ui import prompts

log = logging.getLogger("greyline.ui")


def log_path() -> str:
    return str(data_dir() / "logs" / "greyline.log")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, DomainError):
        prompts.current().warn(parent, exc.message)
        return
    log.error("unexpected error\n%s", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    prompts.current().error(parent, QWidget.tr("程序出现意外错误，已记录到日志：\n%1\n\n%2").replace(
        "%1", log_path()).replace("%2", f"{type(exc).__name__}: {exc}"))


def guarded(parent: QWidget | None, fn, *args, **kwargs):  # noqa: ANN001, ANN201
    """Run ``fn``; show any error where the action started. Returns the result, or None on error."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - every error is shown: domain ones plainly, others logged
        show_error(parent, exc)
        return None
