"""PDF viewer for documents in evidence (certificates, contracts, letters): pages, zoom, fit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

STEP = 1.25
MIN_ZOOM = 0.1
MAX_ZOOM = 8.0


class PdfViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.prev_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setMinimumWidth(70)
        self.page_total = QLabel()
        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.fit_width_button = QPushButton(self.tr("适应宽度"))
        self.fit_page_button = QPushButton(self.tr("整页"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(60)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()

        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page + 1))
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / STEP))
        self.fit_width_button.clicked.connect(lambda: self._set_mode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(lambda: self._set_mode(QPdfView.ZoomMode.FitInView))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _z: self._update_zoom_label())
        self.view.zoomModeChanged.connect(lambda _m: self._update_zoom_label())

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("第")))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addSpacing(16)
        for w in (self.zoom_in_button, self.zoom_out_button, self.fit_width_button, self.fit_page_button):
            bar.addWidget(w)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.setMinimumSize(520, 400)
        self._update_controls()

    # ------------------------------------------------------------------ loading
    def load(self, path: str | Path) -> bool:
        """Open a PDF file; returns False (and says why in words) if it cannot be shown."""
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            reasons = {
                QPdfDocument.Error.IncorrectPassword: self.tr("此 PDF 受密码保护，无法在程序内查看。"),
                QPdfDocument.Error.UnsupportedSecurityScheme: self.tr("此 PDF 使用了不支持的加密方式。"),
                QPdfDocument.Error.FileNotFound: self.tr("找不到 PDF 文件。"),
            }
            self.message.setText(reasons.get(error, self.tr("无法打开此 PDF：文件已损坏或不是有效的 PDF。")))
            self.message.show()
            self._update_controls()
            return False
        self.message.hide()
        self._update_controls()
        self.go_to(0)
        return True

    def unload(self) -> None:
        self.document.close()
        self._update_controls()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    @property
    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    # ------------------------------------------------------------------ navigation and zoom
    def go_to(self, page: int) -> None:
        if self.page_count == 0:
            return
        page = max(0, min(self.page_count - 1, page))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor()
                                       if self.view.zoomMode() == QPdfView.ZoomMode.Custom else 0)
        self._page_changed(page)

    def zoom_by(self, factor: float) -> None:
        if self.page_count == 0:
            return
        current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * factor)))
        self._update_zoom_label()

    def _effective_zoom(self) -> float:
        """The zoom actually on screen, also in the fit modes (where zoomFactor() keeps the last custom value)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count == 0:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(max(0, self.current_page))
        if page.width() <= 0 or page.height() <= 0:
            return self.view.zoomFactor()
        # QPdfView renders 1 point as 1 / 72 inch at the screen's logical DPI.
        dpi = self.logicalDpiX() / 72.0
        viewport = self.view.viewport().size()
        by_width = (viewport.width() - 12) / (page.width() * dpi)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return max(MIN_ZOOM, by_width)
        return max(MIN_ZOOM, min(by_width, (viewport.height() - 12) / (page.height() * dpi)))

    def _set_mode(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._update_zoom_label()

    # ------------------------------------------------------------------ display
    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count - 1)

    def _update_controls(self) -> None:
        n = self.page_count
        self.page_box.setMaximum(max(1, n))
        self.page_total.setText(self.tr("页，共 %1 页").replace("%1", str(n)))
        for w in (self.page_box, self.zoom_in_button, self.zoom_out_button, self.fit_width_button,
                  self.fit_page_button):
            w.setEnabled(n > 0)
        self._page_changed(max(0, self.current_page) if n else 0)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        if self.page_count == 0:
            self.zoom_label.clear()
        elif self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{self.view.zoomFactor() * 100:.0f}%")
        else:
            self.zoom_label.setText(self.tr("自动"))
