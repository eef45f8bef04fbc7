"""Image viewer for evidence pictures (certificates, seals, screenshots): zoom, fit, 100 %, pan by dragging."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QPainter, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MIN_SCALE = 0.02
MAX_SCALE = 32.0
STEP = 1.25


class _ImageView(QGraphicsView):
    """The picture itself; Ctrl+wheel and +/- zoom, dragging pans."""

    zoom_requested = Signal(float)  # factor relative to the current scale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(STEP if delta > 0 else 1 / STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_requested.emit(STEP)
            return
        if event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_requested.emit(1 / STEP)
            return
        super().keyPressEvent(event)


class ImageViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._item: QGraphicsPixmapItem | None = None
        self._fit_mode = True
        self.view = _ImageView(self)
        self.view.setScene(self._scene)
        self.view.zoom_requested.connect(self.zoom_by)

        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.fit_button = QPushButton(self.tr("适应窗口"))
        self.actual_button = QPushButton(self.tr("原始大小 100%"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(60)
        self.size_label = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit)
        self.actual_button.clicked.connect(self.actual_size)
        self.zoom_in_button.setToolTip(self.tr("放大（Ctrl+滚轮 或 + 键）"))
        self.zoom_out_button.setToolTip(self.tr("缩小（Ctrl+滚轮 或 - 键）"))
        self.view.setToolTip(self.tr("按住鼠标拖动可移动图片"))
        for seq, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        bar = QHBoxLayout()
        for w in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.actual_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        bar.addWidget(self.size_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.setMinimumSize(480, 360)
        self._set_enabled(False)

    # ------------------------------------------------------------------ loading
    def load(self, source: str | Path | bytes) -> bool:
        """Show an image from a file path or from its bytes; returns False (and says so) if it cannot be read."""
        image = QImage()
        if isinstance(source, (bytes, bytearray, memoryview)):
            image.loadFromData(bytes(source))
        else:
            image.load(str(source))
        self._scene.clear()
        self._item = None
        if image.isNull():
            self.message.setText(self.tr("无法显示此图片：文件已损坏或格式不受支持。"))
            self.message.show()
            self.size_label.clear()
            self._set_enabled(False)
            return False
        self.message.hide()
        self._item = self._scene.addPixmap(QPixmap.fromImage(image))
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.setSceneRect(QRectF(image.rect()))
        self.size_label.setText(self.tr("%1 × %2 像素").replace("%1", str(image.width())).replace("%2", str(image.height())))
        self._set_enabled(True)
        self.fit()
        return True

    @property
    def has_image(self) -> bool:
        return self._item is not None

    @property
    def scale_factor(self) -> float:
        return self.view.transform().m11()

    # ------------------------------------------------------------------ zooming
    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def zoom_by(self, factor: float) -> None:
        if self._item is None:
            return
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor * factor))
        self._fit_mode = False
        self._set_scale(target)

    def actual_size(self) -> None:
        if self._item is None:
            return
        self._fit_mode = False
        self._set_scale(1.0)

    def fit(self) -> None:
        if self._item is None:
            return
        self._fit_mode = True
        self.view.resetTransform()
        self.view.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        self._update_label()

    def _set_scale(self, scale: float) -> None:
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self._update_label()

    def _update_label(self) -> None:
        self.zoom_label.setText(f"{self.scale_factor * 100:.0f}%")

    def _set_enabled(self, on: bool) -> None:
        for w in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.actual_button):
            w.setEnabled(on)
        if not on:
            self.zoom_label.clear()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        if self._fit_mode and self._item is not None:
            self.fit()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        if self._fit_mode and self._item is not None:
            self.fit()
