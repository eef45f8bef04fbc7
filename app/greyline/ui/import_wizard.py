"""The import window (工具 → 导入工单): file, column mapping, unknown channel values, check report, import.

Every step that reads the file runs in a worker with progress and a working cancel: the preview, the
check of every row (nothing stored), and the import itself (one transaction: cancelling stores
nothing). Link detection for the new complaints is not part of this window: the main window runs it
in the background once the import has committed (``imported`` carries the result).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from greyline.domain.errors import Cancelled
from greyline.services import importing
from greyline.services import settings as settings_service
from greyline.services.context import ServiceContext
from greyline.services.importing import CheckReport, FilePreview, ImportOptions, ImportResult
from greyline.ui import prompts
from greyline.ui.errors import guarded, show_error
from greyline.ui.import_channel_panel import ImportChannelPanel
from greyline.ui.import_mapping_panel import ImportMappingPanel
from greyline.ui.import_report_panel import ImportReportPanel
from greyline.ui.workers import Job, start

FILE, MAPPING, CHANNELS, REPORT, DONE = range(5)
FILE_FILTER = "*.csv *.xlsx *.xlsm *.txt *.tsv *.xls"


class ImportWizard(QDialog):
    imported = Signal(object)          # ImportResult, after the commit
    show_imported = Signal(object)     # ImportResult: the user wants to see the new complaints

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("导入工单"))
        self.setObjectName("import_wizard")
        self.path: Path | None = None
        self.preview: FilePreview | None = None
        self.report: CheckReport | None = None
        self.result: ImportResult | None = None
        self.job: Job | None = None
        self._channel_choice: dict[str, str] = {}
        rules = guarded(self, settings_service.channel_rules, ctx) or []

        # ---- step 0: the file
        file_page = QWidget()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择渠道导出的 CSV 或 Excel（.xlsx）文件，或把文件拖到投诉列表上"))
        choose = QPushButton(self.tr("选择文件…"))
        choose.setObjectName("import_choose_file")
        choose.clicked.connect(self.choose_file)
        template = QPushButton(self.tr("保存导入模板…"))
        template.setObjectName("import_save_template")
        template.clicked.connect(self.save_template)
        fl = QVBoxLayout(file_page)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        fl.addLayout(row)
        hint = QLabel(self.tr(
            "支持各渠道系统导出的 CSV（UTF-8、GBK、UTF-16，逗号、制表符或分号分隔）和 Excel 工作簿（.xlsx）。"
            "表头上方的标题行会自动跳过，列名和渠道写法按常见导出格式自动识别，下一步可以逐列修改。"
            "导入前会先检查每一行，检查通过前不会保存任何数据。"))
        hint.setWordWrap(True)
        fl.addWidget(hint)
        fl.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)
        fl.addStretch(1)

        self.mapping = ImportMappingPanel()
        self.channels = ImportChannelPanel(rules)
        self.report_panel = ImportReportPanel()
        self.report_panel.export_requested.connect(self.export_problems)
        self.report_panel.mode_changed.connect(self._update_buttons)
        self.mapping.changed.connect(self._update_buttons)
        self.channels.changed.connect(self._update_buttons)

        done_page = QWidget()
        self.done_label = QLabel()
        self.done_label.setObjectName("import_done")
        self.done_label.setWordWrap(True)
        self.show_button = QPushButton(self.tr("在投诉列表中查看新导入的投诉"))
        self.show_button.setObjectName("import_show_new")
        self.show_button.clicked.connect(self._show_new)
        dl = QVBoxLayout(done_page)
        dl.addWidget(self.done_label)
        dl.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        dl.addStretch(1)

        self.stack = QStackedWidget()
        for page in (file_page, self.mapping, self.channels, self.report_panel, done_page):
            self.stack.addWidget(page)

        # ---- foot: progress, messages, buttons
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setVisible(False)
        self.stop_button = QPushButton(self.tr("停止"))
        self.stop_button.setObjectName("import_stop")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop)
        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self.tr("上一步"))
        self.back_button.setObjectName("import_back")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setObjectName("import_next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton(self.tr("取消"))
        self.close_button.setObjectName("import_close")
        self.close_button.clicked.connect(self.reject)
        foot = QHBoxLayout()
        foot.addWidget(self.progress, 1)
        foot.addWidget(self.stop_button)
        foot.addStretch(0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(foot)
        layout.addLayout(buttons)
        self._fit_screen()
        self._go(FILE)
        if path is not None:
            self.load(Path(path))

    def _fit_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1100, 720
        if area is not None:
            width, height = min(width, int(area.width() * 0.92)), min(height, int(area.height() * 0.9))
        self.resize(width, height)
        self.setMinimumSize(min(640, width), min(420, height))

    # ------------------------------------------------------------------ steps
    def step(self) -> int:
        return self.stack.currentIndex()

    def _go(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step()
        busy = self.job is not None
        self.back_button.setVisible(step in (MAPPING, CHANNELS, REPORT))
        self.back_button.setEnabled(not busy)
        texts = {FILE: self.tr("下一步"), MAPPING: self.tr("检查全部行"), CHANNELS: self.tr("重新检查"),
                 REPORT: self.tr("导入"), DONE: self.tr("完成")}
        self.next_button.setText(texts[step])
        enabled = not busy
        if step == FILE:
            enabled = enabled and self.preview is not None
        elif step == MAPPING:
            enabled = enabled and not self.mapping.missing()
        elif step == CHANNELS:
            enabled = enabled and self.channels.complete()
        elif step == REPORT and self.report is not None:
            importable = self.report.new > 0 or self.report.already_present > 0
            enabled = enabled and importable and (not self.report.problem_rows or self.report_panel.rejects_wanted())
            if self.report.problem_rows and not self.report_panel.rejects_wanted():
                self.next_button.setText(self.tr("导入（请先改正错误行）"))
            elif self.report.problem_rows:
                self.next_button.setText(self.tr("导入 %1 行，错误行另存").replace("%1", f"{self.report.valid:,}"))
            else:
                self.next_button.setText(self.tr("导入 %1 行").replace("%1", f"{self.report.valid:,}"))
        self.next_button.setEnabled(enabled)
        self.close_button.setText(self.tr("关闭") if step == DONE else self.tr("取消"))
        self.show_button.setEnabled(bool(self.result and self.result.created))

    def back(self) -> None:
        step = self.step()
        if step == REPORT and self.report is not None and self.report.unknown_channels:
            self._go(CHANNELS)
        elif step in (REPORT, CHANNELS):
            self._go(MAPPING)
        elif step == MAPPING:
            self._go(FILE)

    def next(self) -> None:
        step = self.step()
        if step == FILE and self.preview is not None:
            self._go(MAPPING)
        elif step == MAPPING:
            self._channel_choice = {}
            self.check()
        elif step == CHANNELS:
            self._channel_choice = self.channels.channel_map()
            self.check()
        elif step == REPORT:
            self.start_import()
        elif step == DONE:
            self.accept()

    # ------------------------------------------------------------------ work
    def _run(self, work: Callable[[Callable[..., None], Callable[[], bool]], Any], label: str,
             done: Callable[[Any], None]) -> None:
        self.message.setText(label)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        job = Job(work)
        self.job = job

        def progress(d: int, t: int) -> None:
            if t > 0:
                self.progress.setRange(0, t)
                self.progress.setValue(min(d, t))

        def finished(result: object) -> None:
            if self.job is not job:
                return
            self._idle()
            done(result)

        def failed(exc: object) -> None:
            if self.job is not job:
                return
            self._idle()
            if isinstance(exc, Cancelled):
                self.message.setText(self.tr("已停止，没有保存任何数据。"))
            else:
                self.message.setText("")
                show_error(self, exc)  # type: ignore[arg-type]

        job.signals.progress.connect(progress)
        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        self._update_buttons()
        start(job)

    def _idle(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self._update_buttons()

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.message.setText(self.tr("正在停止…"))

    def choose_file(self) -> None:
        path = prompts.current().open_file(self, self.tr("选择要导入的工单文件"),
                                           self.tr("工单文件 (%1)").replace("%1", FILE_FILTER))
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        self.path = path
        self.preview = self.report = None
        self.file_edit.setText(str(path))

        def done(preview: object) -> None:
            assert isinstance(preview, FilePreview)
            self.preview = preview
            self.mapping.show_preview(preview)
            self.message.setText("")
            self._go(MAPPING)

        self._run(lambda _p, _c: importing.preview_file(self.ctx, path), self.tr("正在读取 %1 …").replace(
            "%1", path.name), done)

    def options(self, rejects: Path | None = None) -> ImportOptions:
        return ImportOptions(mapping=self.mapping.mapping(), channel_map=dict(self._channel_choice),
                             remember_channels=bool(self._channel_choice) and self.channels.remember.isChecked(),
                             remember_mapping=self.mapping.mapping_changed(), rejects=rejects, detect=False)

    def check(self) -> None:
        if self.path is None:
            return
        path, options = self.path, self.options()

        def done(report: object) -> None:
            assert isinstance(report, CheckReport)
            self.report = report
            self.message.setText("")
            if report.unknown_channels:
                self.channels.show_values(report.unknown_channels, self._channel_choice)
                self._go(CHANNELS)
                return
            self.report_panel.show_report(report)
            self._go(REPORT)

        self._run(lambda progress, cancelled: importing.check_file(
            self.ctx, path, options, progress=lambda d, t, _s="": progress(d, t), cancel=cancelled),
            self.tr("正在检查每一行（不会保存任何数据）…"), done)

    def start_import(self) -> None:
        if self.path is None or self.report is None:
            return
        rejects = None
        if self.report_panel.rejects_wanted():
            rejects = prompts.current().save_file(
                self, self.tr("错误行另存为"), str(self.path.with_name(f"{self.path.stem}_错误行{self.path.suffix}")),
                self.tr("CSV 或 Excel (*.csv *.xlsx)"))
            if rejects is None:
                return
        path, options = self.path, self.options(rejects)

        def done(result: object) -> None:
            assert isinstance(result, ImportResult)
            self.result = result
            lines = [self.tr("导入完成：新增 %1 笔，已在库中跳过 %2 笔。").replace("%1", f"{result.created:,}")
                     .replace("%2", f"{result.skipped_existing:,}")]
            if result.rejected:
                lines.append(self.tr("%1 行有问题未导入，已连同错误原因写入：%2").replace(
                    "%1", f"{result.rejected:,}").replace("%2", str(result.rejects_path)))
            if result.created:
                lines.append(self.tr("新投诉之间及与已有投诉的关联正在后台检测，可以继续工作。"))
            self.done_label.setText("\n".join(lines))
            self.message.setText("")
            self._go(DONE)
            self.imported.emit(result)

        self._run(lambda progress, cancelled: importing.import_file(
            self.ctx, path, options, progress=lambda d, t, _s="": progress(d, t), cancel=cancelled),
            self.tr("正在导入…（停止则不保存任何数据）"), done)

    def export_problems(self) -> None:
        if self.report is None:
            return
        dest = prompts.current().save_file(self, self.tr("导出问题清单"), "导入问题清单.csv", "CSV (*.csv)")
        if dest is None:
            return
        if guarded(self, importing.write_problem_report, self.report, dest) is None and dest.exists():
            self.message.setText(self.tr("问题清单已保存：%1").replace("%1", str(dest)))

    def save_template(self) -> None:
        dest = prompts.current().save_file(self, self.tr("保存导入模板"), "灰线导入模板.xlsx", "Excel (*.xlsx)")
        if dest is None:
            return
        if guarded(self, importing.write_template, dest) is None and dest.exists():
            self.message.setText(self.tr("模板已保存：%1").replace("%1", str(dest)))

    def _show_new(self) -> None:
        if self.result is not None and self.result.created:
            self.show_imported.emit(self.result)
            self.accept()

    def reject(self) -> None:
        # Closing while the import runs stops it; its transaction is rolled back.
        if self.job is not None:
            self.job.cancel()
        super().reject()
