"""Evidence viewers: image zoom/fit, audio loading and play/pause, PDF pages, and open_viewer choosing by type,
recording the viewing and leaving no temporary copy behind."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QLabel

from greyline.domain.enums import EvidenceKind
from greyline.domain.records import ComplaintDraft
from greyline.queries.evidence import evidence_detail
from greyline.services.complaints import create_complaint
from greyline.services.evidence import attach_bytes
from greyline.ui import prompts
from greyline.ui.viewers import EvidenceViewerDialog, ImageViewer, open_viewer
from greyline.ui.viewers.audio_player import AudioPlayer, format_ms
from greyline.ui.viewers.pdf_viewer import PdfViewer


@pytest.fixture
def prompter():  # noqa: ANN201
    p = prompts.ScriptedPrompter()
    previous = prompts.install(p)
    yield p
    prompts.install(previous)


def png_bytes(width: int = 1600, height: int = 1200) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#fdf6e3"))
    for x in range(0, width, 100):
        for y in range(height):
            image.setPixelColor(x, y, QColor("#b3261e"))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(buf.data())


def samples(seconds: float, rate: int = 8000) -> list[int]:
    return [int(6000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(int(seconds * rate))]


def write_wav(path: Path, seconds: float, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", s) for s in samples(seconds, rate)))
    return path


# ---- a minimal FLAC writer (verbatim subframes): no encoder tool is needed to test FLAC playback
class _Bits:
    def __init__(self) -> None:
        self.value = 0
        self.n = 0

    def put(self, value: int, bits: int) -> None:
        self.value = (self.value << bits) | (value & ((1 << bits) - 1))
        self.n += bits

    def bytes(self) -> bytes:
        pad = (-self.n) % 8
        return ((self.value << pad)).to_bytes((self.n + pad) // 8, "big")


def _crc8(data: bytes) -> int:
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _crc16(data: bytes) -> int:
    crc = 0
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def write_flac(path: Path, seconds: float, rate: int = 8000) -> Path:
    pcm = samples(seconds, rate)
    block = 4096
    info = _Bits()
    info.put(block, 16)
    info.put(block, 16)
    info.put(0, 24)
    info.put(0, 24)
    info.put(rate, 20)
    info.put(0, 3)      # mono
    info.put(15, 5)     # 16 bits per sample
    info.put(len(pcm), 36)
    out = bytearray(b"fLaC" + bytes([0x80, 0, 0, 34]) + info.bytes() + bytes(16))
    for n, start in enumerate(range(0, len(pcm), block)):
        chunk = pcm[start:start + block]
        assert n < 128  # one-byte frame number
        head = _Bits()
        head.put(0b11111111111110, 14)
        head.put(0, 2)
        head.put(0b0111, 4)  # block size: 16 bits at the end of the header
        head.put(0b0100, 4)  # 8 kHz
        head.put(0, 4)       # mono
        head.put(0b100, 3)   # 16 bits
        head.put(0, 1)
        head.put(n, 8)
        head.put(len(chunk) - 1, 16)
        header = head.bytes()
        body = _Bits()
        body.put(0, 1)
        body.put(0b000001, 6)  # VERBATIM
        body.put(0, 1)
        for s in chunk:
            body.put(s, 16)
        frame = header + bytes([_crc8(header)]) + body.bytes()
        out += frame + _crc16(frame).to_bytes(2, "big")
    path.write_bytes(bytes(out))
    return path


def make_pdf(path: Path, pages: int = 3) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for i in range(pages):
        c.setFont("Helvetica", 24)
        c.drawString(72, 720, f"Page {i + 1}")
        c.showPage()
    c.save()
    return path


def _complaint(ctx) -> int:  # noqa: ANN001
    return create_complaint(ctx, ComplaintDraft(channel="12378", external_id="V-1", received_at=dt.date(2026, 5, 1),
                                                customer_name="张三", text="投诉")).id


def _temp_copies() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("greyline-view-*")}


# ============================================================================ image
def test_image_viewer_zooms_fits_and_shows_100_percent(qtbot) -> None:  # noqa: ANN001
    viewer = ImageViewer()
    qtbot.addWidget(viewer)
    viewer.resize(800, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.load(png_bytes())
    viewer.fit()
    fitted = viewer.scale_factor
    assert 0.2 < fitted < 1.0  # a 1600x1200 picture fits a 800x600 window by shrinking
    assert viewer.zoom_label.text() == f"{fitted * 100:.0f}%"

    viewer.zoom_in_button.click()
    assert viewer.scale_factor == pytest.approx(fitted * 1.25)
    viewer.zoom_out_button.click()
    assert viewer.scale_factor == pytest.approx(fitted)

    # Ctrl + wheel and the + / - keys zoom too.
    wheel = QWheelEvent(QPointF(100, 100), QPointF(100, 100), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    viewer.view.wheelEvent(wheel)
    assert viewer.scale_factor == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus)
    assert viewer.scale_factor == pytest.approx(fitted / 1.25)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Plus)
    assert viewer.scale_factor == pytest.approx(fitted)

    viewer.actual_button.click()
    assert viewer.scale_factor == pytest.approx(1.0)
    assert viewer.zoom_label.text() == "100%"
    assert viewer.view.horizontalScrollBar().maximum() > 0  # at 100 % the picture is larger than the window: pan
    viewer.fit_button.click()
    assert viewer.scale_factor == pytest.approx(fitted)
    assert viewer.size_label.text() == "1600 × 1200 像素"


def test_image_viewer_says_when_a_file_is_not_a_picture(qtbot) -> None:  # noqa: ANN001
    viewer = ImageViewer()
    qtbot.addWidget(viewer)
    assert not viewer.load(b"not an image at all")
    assert not viewer.has_image
    assert "无法显示此图片" in viewer.message.text()
    assert not viewer.zoom_in_button.isEnabled()


# ============================================================================ audio
def _loaded(qtbot, player: AudioPlayer, path: Path) -> None:  # noqa: ANN001
    with qtbot.waitSignal(player.player.durationChanged, timeout=5000,
                          check_params_cb=lambda ms: ms > 0):
        player.load(path)


def test_format_ms() -> None:
    assert format_ms(0) == "00:00"
    assert format_ms(61_999) == "01:01"
    assert format_ms(3_723_000) == "1:02:03"


def test_audio_player_loads_wav_reports_duration_and_toggles(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    player = AudioPlayer()
    qtbot.addWidget(player)
    _loaded(qtbot, player, write_wav(tmp_path / "call.wav", 3.0))
    assert abs(player.duration_ms - 3000) <= 50
    assert player.duration_label.text() == "00:03"
    assert player.slider.maximum() == player.duration_ms
    qtbot.waitUntil(player.play_button.isEnabled, timeout=3000)

    player.play_button.click()
    try:
        qtbot.waitUntil(lambda: player.is_playing, timeout=3000)
    except AssertionError:
        pytest.skip("the multimedia backend of this machine does not start playback")
    assert player.play_button.text() == "暂停"
    player.play_button.click()
    qtbot.waitUntil(lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PausedState, timeout=3000)
    assert player.play_button.text() == "播放"
    player.unload()


def test_audio_player_loads_flac(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    player = AudioPlayer()
    qtbot.addWidget(player)
    _loaded(qtbot, player, write_flac(tmp_path / "call.flac", 2.0))
    assert abs(player.duration_ms - 2000) <= 50
    player.unload()


def test_audio_player_loads_m4a(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("no AAC encoder on this machine (ffmpeg not installed) to make an M4A test file")
    wav = write_wav(tmp_path / "call.wav", 2.0)
    m4a = tmp_path / "call.m4a"
    subprocess.run([ffmpeg, "-loglevel", "error", "-i", str(wav), "-c:a", "aac", str(m4a)], check=True)
    player = AudioPlayer()
    qtbot.addWidget(player)
    _loaded(qtbot, player, m4a)
    assert abs(player.duration_ms - 2000) <= 100
    player.unload()


def test_audio_player_says_when_it_cannot_play(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunkjunkjunk" * 4)
    player = AudioPlayer()
    qtbot.addWidget(player)
    with qtbot.waitSignal(player.player.errorOccurred, timeout=5000):
        player.load(bad)
    assert "无法播放此录音" in player.message.text()
    assert not player.play_button.isEnabled()


# ============================================================================ PDF
def test_pdf_viewer_reports_pages_navigates_and_zooms(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(800, 600)
    viewer.show()
    assert viewer.load(make_pdf(tmp_path / "letter.pdf", 3))
    assert viewer.page_count == 3
    assert "共 3 页" in viewer.page_total.text()
    assert viewer.current_page == 0
    assert not viewer.prev_button.isEnabled()
    viewer.next_button.click()
    assert viewer.current_page == 1 and viewer.page_box.value() == 2
    viewer.page_box.setValue(3)
    assert viewer.current_page == 2
    assert not viewer.next_button.isEnabled()

    viewer.fit_page_button.click()
    viewer.zoom_in_button.click()
    first = viewer.zoom_factor
    viewer.zoom_in_button.click()
    assert viewer.zoom_factor == pytest.approx(first * 1.25)
    assert viewer.zoom_label.text().endswith("%")
    viewer.unload()


def test_pdf_viewer_says_when_a_file_is_not_a_pdf(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "fake.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    assert not viewer.load(bad)
    assert viewer.message.isVisibleTo(viewer)
    assert viewer.page_count == 0


# ============================================================================ open_viewer
@pytest.mark.parametrize("name, maker, viewer_type", [
    ("证明.png", lambda d: png_bytes(400, 300), ImageViewer),
    ("通话录音.wav", lambda d: write_wav(d / "x.wav", 1.0).read_bytes(), AudioPlayer),
    ("报案材料.pdf", lambda d: make_pdf(d / "x.pdf", 2).read_bytes(), PdfViewer),
])
def test_open_viewer_picks_the_viewer_records_the_viewing_and_cleans_up(
        qtbot, ctx, tmp_path: Path, prompter, name, maker, viewer_type) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    ref = attach_bytes(ctx, maker(tmp_path), name, EvidenceKind.OTHER, complaint_id=cid)
    before = _temp_copies()
    dialog = open_viewer(None, ctx, ref.id)
    assert isinstance(dialog, EvidenceViewerDialog)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.viewer, viewer_type)
    assert dialog.isVisible()
    if viewer_type is AudioPlayer:
        qtbot.waitUntil(lambda: dialog.viewer.duration_ms > 0, timeout=5000)
    if viewer_type is PdfViewer:
        assert dialog.viewer.page_count == 2
    actions = [c.action for c in evidence_detail(ctx.store, ref.id).custody]
    assert actions == ["added", "viewed"]
    temp = dialog.temp_dir
    if viewer_type is ImageViewer:
        assert temp is None  # pictures are shown from memory
    else:
        assert temp is not None and temp.exists()
    dialog.close()
    assert dialog.temp_dir is None
    if temp is not None:
        assert not temp.exists()
    assert _temp_copies() <= before
    assert prompter.messages == []


def test_open_viewer_for_other_files_shows_facts_and_folder_hint(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    ref = attach_bytes(ctx, b"\x00\x01binary", "导出数据.bin", EvidenceKind.OTHER, complaint_id=cid)
    dialog = open_viewer(None, ctx, ref.id)
    qtbot.addWidget(dialog)
    assert dialog.viewer is None
    assert dialog.open_folder_button.isVisibleTo(dialog)
    texts = " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
    assert "无法在程序内预览" in texts and ref.sha256 in texts
    dialog.close()


def test_open_viewer_when_the_vault_file_is_missing(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    ref = attach_bytes(ctx, png_bytes(50, 50), "截图.png", EvidenceKind.SCREENSHOT, complaint_id=cid)
    path = ctx.store.vault.path_for(ref.sha256)
    path.chmod(0o644)
    path.unlink()
    dialog = open_viewer(None, ctx, ref.id)
    qtbot.addWidget(dialog)
    assert dialog.problem
    actions = [c.action for c in evidence_detail(ctx.store, ref.id).custody]
    assert actions == ["added"]  # nothing was shown, so nothing was viewed
    dialog.close()


def test_open_viewer_for_an_unknown_id_says_so(qtbot, ctx, prompter) -> None:  # noqa: ANN001
    assert open_viewer(None, ctx, 999) is None
    assert prompter.messages and prompter.messages[0][0] == "warn" and "999" in prompter.messages[0][1]
