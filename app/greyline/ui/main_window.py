"""The main window: navigation on the left, one page at a time, menus and toolbar from the declared
actions, and a status bar naming the store and the signed-in user.

Pages are created when first shown and reloaded when shown after something was saved.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from greyline import __version__
from greyline.services.context import ServiceContext
from greyline.ui import prompts
from greyline.ui.actions import MENUS, create_actions, specs
from greyline.ui.errors import show_error
from greyline.ui.workers import Job, start

# (name, label, icon theme name, "module:Class")
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "工作台"), "go-home", "greyline.ui.pages.dashboard_page:DashboardPage"),
    ("complaints", QT_TRANSLATE_NOOP("MainWindow", "投诉"), "mail-message-new", "greyline.ui.pages.complaints_page:ComplaintsPage"),
    ("groups", QT_TRANSLATE_NOOP("MainWindow", "团伙/案件"), "system-users", "greyline.ui.pages.groups_page:GroupsPage"),
    ("evidence", QT_TRANSLATE_NOOP("MainWindow", "证据"), "folder-documents", "greyline.ui.pages.evidence_page:EvidencePage"),
    ("graph", QT_TRANSLATE_NOOP("MainWindow", "关联图"), "network-workgroup", "greyline.ui.pages.links_page:LinksPage"),
    ("referrals", QT_TRANSLATE_NOOP("MainWindow", "移送"), "mail-send", "greyline.ui.pages.referrals_page:ReferralsPage"),
    ("statistics", QT_TRANSLATE_NOOP("MainWindow", "统计"), "x-office-spreadsheet", "greyline.ui.pages.statistics_page:StatisticsPage"),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "设置"), "preferences-system", "greyline.ui.pages.settings_page:SettingsPage"),
)


def settings() -> QSettings:
    return QSettings("Greyline", "Greyline")


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("灰线 Greyline — 异常维权投诉证据与移送"))
        self._pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._editors: list[QWidget] = []
        self._jobs: list[Job] = []

        self.nav_list = QListWidget()
        self.nav_list.setObjectName("navigation")
        self.nav_list.setIconSize(QSize(20, 20))
        self.nav_list.setMinimumWidth(130)
        self.nav_list.setMaximumWidth(220)
        labels = {name: self.tr(label) for name, label, _, _ in PAGES}
        for name, _, icon, _ in PAGES:
            item = QListWidgetItem(QIcon.fromTheme(icon), labels[name])
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setSizeHint(QSize(120, 36))
            self.nav_list.addItem(item)
        self.stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav_list)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.nav_list.currentRowChanged.connect(lambda row: self.show_page(PAGES[row][0]))

        self.actions = create_actions(self)
        self._build_menus()
        self._connect_actions()

        store = ctx.store
        self.store_label = QLabel(self.tr("库：%1").replace("%1", store.location.display))
        self.user_label = QLabel(self.tr("用户：%1（%2）").replace("%1", ctx.actor.username)
                                 .replace("%2", ctx.actor.role.label))
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        # Link detection after an import runs in the background; its progress stays in view here.
        self.detection_label = QLabel()
        self.detection_label.setObjectName("detection_label")
        self.detection_bar = QProgressBar()
        self.detection_bar.setObjectName("detection_progress")
        self.detection_bar.setMaximumWidth(180)
        self.detection_stop = QPushButton(self.tr("停止检测"))
        self.detection_stop.setObjectName("detection_stop")
        self.detection_stop.clicked.connect(lambda: self.detection_job and self.detection_job.cancel())
        for widget in (self.detection_label, self.detection_bar, self.detection_stop):
            widget.setVisible(False)
            self.statusBar().addPermanentWidget(widget)
        self.detection_job: Job | None = None
        self.import_wizard = None

        s = settings()
        geometry = s.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 820)
        splitter_state = s.value("main/splitter")
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        else:
            self.splitter.setSizes([150, 1200])
        self.show_page(str(s.value("main/page", "dashboard")))

    # ------------------------------------------------------------------ navigation
    def page(self, name: str) -> QWidget:
        """The page registered under ``name``, created on first use."""
        if name not in self._pages:
            spec = next(p for p in PAGES if p[0] == name)
            module, cls = spec[3].split(":")
            page = getattr(importlib.import_module(module), cls)(self.ctx, self)
            page.setObjectName(f"page_{name}")
            self._pages[name] = page
            self.stack.addWidget(page)
        return self._pages[name]

    def current_page_name(self) -> str:
        return PAGES[self.nav_list.currentRow()][0] if self.nav_list.currentRow() >= 0 else ""

    def show_page(self, name: str) -> None:
        if name not in {p[0] for p in PAGES}:
            name = "dashboard"
        row = [p[0] for p in PAGES].index(name)
        if self.nav_list.currentRow() != row:
            self.nav_list.blockSignals(True)
            self.nav_list.setCurrentRow(row)
            self.nav_list.blockSignals(False)
        fresh = name not in self._pages
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        if fresh or name in self._stale:
            self._stale.discard(name)
            if hasattr(page, "refresh"):
                page.refresh()

    def open_complaint(self, complaint_id: int | None) -> None:
        from greyline.ui.complaint_editor import ComplaintEditor

        for editor in self._editors:
            if complaint_id is not None and getattr(editor, "complaint_id", None) == complaint_id:
                editor.raise_()
                editor.activateWindow()
                return
        try:
            editor = ComplaintEditor(self.ctx, complaint_id, self, self)
        except Exception as exc:  # noqa: BLE001 - e.g. the complaint was deleted meanwhile: say so
            show_error(self, exc)
            return
        if complaint_id is not None:
            self._attach_evidence_panel(editor, complaint_id)
        else:
            # A new complaint gets its evidence panel once it has been saved and has an id.
            editor.saved.connect(lambda cid, e=editor: self._attach_evidence_panel(e, cid))
        editor.finished.connect(lambda *_, e=editor: self._forget_editor(e))
        self._editors.append(editor)
        editor.show()

    def _forget_editor(self, editor: QWidget) -> None:
        if editor in self._editors:
            self._editors.remove(editor)
            editor.deleteLater()

    def _attach_evidence_panel(self, editor: QWidget, complaint_id: int) -> None:
        if getattr(editor, "_evidence_panel", None) is not None:
            return
        from greyline.ui.evidence_panel import EvidencePanel

        panel = EvidencePanel(self.ctx, self, complaint_id=complaint_id)
        editor._evidence_panel = panel
        editor.set_evidence_widget(panel)

    def open_group(self, group_id: int) -> None:
        self.show_page("groups")
        page = self.page("groups")
        if hasattr(page, "select_group"):
            page.select_group(group_id)

    def data_changed(self) -> None:
        current = self.current_page_name()
        self._stale = {name for name in self._pages if name != current}
        page = self._pages.get(current)
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ actions
    def _build_menus(self) -> None:
        menus = {key: self.menuBar().addMenu(self.tr(label)) for key, label in MENUS}
        toolbar = self.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for spec in specs():
            action = self.actions[spec.key]
            menus[spec.menu].addAction(action)
            if spec.toolbar:
                toolbar.addAction(action)
            self.addAction(action)

    def _connect_actions(self) -> None:
        a = self.actions
        a["new_complaint"].triggered.connect(lambda: self.open_complaint(None))
        a["import"].triggered.connect(lambda: self.import_files(None))
        a["import_template"].triggered.connect(self.save_import_template)
        a["save"].triggered.connect(self.save_active_editor)
        a["quit"].triggered.connect(self.close)
        a["search"].triggered.connect(self.focus_search)
        a["refresh"].triggered.connect(self.refresh_current)
        a["new_group"].triggered.connect(self.group_from_selection)
        a["verify"].triggered.connect(self.verify_store)
        a["backup"].triggered.connect(self.backup_store)
        a["about"].triggered.connect(self.about)

    def focus_search(self) -> None:
        self.show_page("complaints")
        page = self.page("complaints")
        if hasattr(page, "focus_search"):
            page.focus_search()

    def refresh_current(self) -> None:
        page = self._pages.get(self.current_page_name())
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    def save_active_editor(self) -> None:
        active = QApplication.activeWindow()
        if active in self._editors and hasattr(active, "save"):
            active.save()

    def group_from_selection(self) -> None:
        page = self.page("complaints")
        ids = page.selected_ids() if hasattr(page, "selected_ids") else []
        if not ids:
            self.show_page("complaints")
            prompts.current().info(self, self.tr("请先在投诉列表中选中要归入团伙/案件的投诉。"))
            return
        from greyline.ui.group_dialogs import GroupDialog

        dialog = GroupDialog(self.ctx, ids, self)
        if dialog.exec() and getattr(dialog, "created_group_id", None):
            self.data_changed()
            self.open_group(dialog.created_group_id)

    def _run(self, job: Job, label: str, on_done) -> None:  # noqa: ANN001
        """Run a job with a progress dialog whose Cancel button works."""
        dialog = QProgressDialog(label, self.tr("取消"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(lambda d, t: (dialog.setMaximum(max(t, 0)), dialog.setValue(min(d, t) if t else 0)))

        def finish(result: object) -> None:
            dialog.reset()
            self._jobs.remove(job)
            on_done(result)

        def fail(exc: object) -> None:
            dialog.reset()
            self._jobs.remove(job)
            from greyline.domain.errors import Cancelled

            if isinstance(exc, Cancelled):
                self.status(self.tr("已取消，未做任何改动。"))
            else:
                show_error(self, exc)  # type: ignore[arg-type]

        job.signals.finished.connect(finish)
        job.signals.failed.connect(fail)
        self._jobs.append(job)
        start(job)

    def import_file(self, path: Path | None = None) -> None:
        """Open the import window (with ``path`` already chosen when a file was dropped)."""
        self.import_files(path)

    def import_files(self, path: Path | None = None) -> None:
        from greyline.ui.import_wizard import ImportWizard

        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            if path is not None and self.import_wizard.job is None:
                self.import_wizard.load(path)
            return
        wizard = ImportWizard(self.ctx, self, path)
        wizard.imported.connect(self._imported)
        wizard.show_imported.connect(self.show_imported)
        # Kept until the next import (not deleted on close): a worker still finishing after the
        # window was closed reports to a live object.
        self.import_wizard = wizard
        wizard.open()

    def _imported(self, result: object) -> None:
        """An import committed: reload the pages, then detect links in the background."""
        self.data_changed()
        if getattr(result, "created", 0):
            self.detect_in_background(result)

    def detect_in_background(self, result: object) -> None:
        from greyline.services.importing import detect_imported

        self.detection_bar.setRange(0, 0)
        self.detection_bar.setVisible(True)
        self.detection_label.setText(self.tr("正在检测新导入投诉的关联…"))
        self.detection_label.setVisible(True)
        self.detection_stop.setVisible(True)
        job = Job(lambda progress, cancelled: detect_imported(
            self.ctx, result, progress=lambda d, t, _s="": progress(d, t), cancel=cancelled))  # type: ignore[arg-type]
        self.detection_job = job

        def progress(d: int, t: int) -> None:
            if t > 0:
                self.detection_bar.setRange(0, t)
                self.detection_bar.setValue(min(d, t))

        def finished(summary: object) -> None:
            self._detection_done()
            links = getattr(summary, "links_added", 0)
            self.status(self.tr("关联检测完成：新增 %1 条关联。").replace("%1", str(links)))
            self.data_changed()

        def failed(exc: object) -> None:
            self._detection_done()
            from greyline.domain.errors import Cancelled

            if isinstance(exc, Cancelled):
                self.status(self.tr("关联检测已停止；未检测的投诉可在关联图页“重新检测全部”。"))
            else:
                show_error(self, exc)  # type: ignore[arg-type]

        job.signals.progress.connect(progress)
        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        start(job)

    def _detection_done(self) -> None:
        self.detection_job = None
        self.detection_bar.setVisible(False)
        self.detection_label.setVisible(False)
        self.detection_stop.setVisible(False)

    def show_imported(self, result: object) -> None:
        """The complaint list showing exactly the complaints one import created."""
        first, last = getattr(result, "first_id", None), getattr(result, "last_id", None)
        if first is None or last is None:
            return
        self.show_page("complaints")
        page = self.page("complaints")
        if hasattr(page, "show_id_range"):
            page.show_id_range(first, last)

    def save_import_template(self) -> None:
        path = prompts.current().save_file(self, self.tr("保存导入模板"), "灰线导入模板.xlsx", "Excel (*.xlsx)")
        if path is None:
            return
        from greyline.services.importing import write_template

        write_template(path)
        self.status(self.tr("模板已保存：%1").replace("%1", str(path)))

    def verify_store(self) -> None:
        from greyline.services.maintenance import verify

        def done(problems: object) -> None:
            if not problems:
                prompts.current().info(self, self.tr("校验通过：数据库、全部证据文件与审计链均完好。"))
                return
            lines = "\n".join(f"[{p.area}] {p.subject}: {p.detail}" for p in problems[:30])  # type: ignore[attr-defined]
            prompts.current().warn(self, self.tr("发现 %1 个问题：\n%2").replace("%1", str(len(problems)))  # type: ignore[arg-type]
                                   .replace("%2", lines))

        self._run(Job(lambda progress, cancelled: verify(self.ctx, progress=progress, cancel=cancelled)),
                  self.tr("正在校验数据与证据…"), done)

    def backup_store(self) -> None:
        path = prompts.current().save_file(self, self.tr("选择一个新的备份文件夹名称"), "灰线备份", "")
        if path is None:
            return
        from greyline.services.maintenance import backup

        def done(files: object) -> None:
            prompts.current().info(self, self.tr("备份完成：%1 个文件，位于 %2。备份含密钥文件，请妥善保管。")
                                   .replace("%1", str(files)).replace("%2", str(path)))

        self._run(Job(lambda progress, cancelled: backup(self.ctx, Path(path), progress=progress)),
                  self.tr("正在备份…"), done)

    def about(self) -> None:
        prompts.current().info(self, self.tr("灰线 Greyline %1\n异常维权投诉证据与移送工作台").replace("%1", __version__))

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for editor in list(self._editors):
            if not editor.close():
                event.ignore()
                return
        s = settings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/page", self.current_page_name())
        super().closeEvent(event)


__all__ = ["MainWindow", "PAGES", "QAction"]
