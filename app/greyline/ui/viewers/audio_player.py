"""Audio player for call recordings: play/pause, seek, position and duration, volume.

Playback uses Qt Multimedia (FFmpeg backend), which reads WAV, FLAC, M4A/AAC, MP3 and more where the
platform build allows. A machine without a sound device can still load a recording and show its length;
the player says so instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget


def format_ms(ms: int) -> str:
    """mm:ss, or h:mm:ss from one hour on."""
    seconds = max(0, int(ms)) // 1000
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class AudioPlayer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio_output = QAudioOutput(self)
        self.player.setAudioOutput(self.audio_output)
        self._seeking = False

        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.play_button = QPushButton(self.tr("播放"))
        self.play_button.setMinimumWidth(80)
        self.play_button.setEnabled(False)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.setToolTip(self.tr("拖动以跳到录音的任意位置"))
        self.position_label = QLabel(format_ms(0))
        self.duration_label = QLabel(format_ms(0))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(120)
        self.volume.setToolTip(self.tr("音量"))
        self.audio_output.setVolume(0.8)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.play_button.clicked.connect(self.toggle)
        self.slider.sliderPressed.connect(self._seek_started)
        self.slider.sliderReleased.connect(self._seek_finished)
        self.slider.sliderMoved.connect(lambda v: self.position_label.setText(format_ms(v)))
        self.volume.valueChanged.connect(lambda v: self.audio_output.setVolume(v / 100))
        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self.player.errorOccurred.connect(self._error)

        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.position_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.duration_label)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("音量")))
        row.addWidget(self.volume)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setMinimumWidth(520)

    # ------------------------------------------------------------------ public
    def load(self, path: str | Path, title: str = "") -> None:
        self.player.stop()
        self.message.hide()
        self.title.setText(title or Path(path).name)
        self.slider.setRange(0, 0)
        self.duration_label.setText(format_ms(0))
        self.position_label.setText(format_ms(0))
        if not QMediaDevices.audioOutputs():
            self._say(self.tr("本机未检测到音频输出设备：可以查看时长和拖动进度，但听不到声音。"), error=False)
        self.player.setSource(QUrl.fromLocalFile(str(path)))

    def unload(self) -> None:
        """Stop and release the file, so it can be deleted (Windows keeps open files locked)."""
        self.player.stop()
        self.player.setSource(QUrl())

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    @property
    def duration_ms(self) -> int:
        return self.player.duration()

    @property
    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    # ------------------------------------------------------------------ player signals
    def _duration_changed(self, ms: int) -> None:
        self.slider.setRange(0, max(0, ms))
        self.slider.setEnabled(ms > 0)
        self.duration_label.setText(format_ms(ms))

    def _position_changed(self, ms: int) -> None:
        if not self._seeking:
            self.slider.setValue(ms)
            self.position_label.setText(format_ms(ms))

    def _seek_started(self) -> None:
        self._seeking = True

    def _seek_finished(self) -> None:
        self._seeking = False
        self.player.setPosition(self.slider.value())

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("暂停") if playing else self.tr("播放"))

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            self.play_button.setEnabled(True)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.play_button.setEnabled(False)
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.player.setPosition(0)

    def _error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        self.play_button.setEnabled(False)
        self._say(self.tr("无法播放此录音（格式不受支持或文件已损坏）。%1").replace("%1", text), error=True)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #5f6368;")
        self.message.setText(text)
        self.message.show()
