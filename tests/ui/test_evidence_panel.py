"""The evidence panel of a complaint: attach through the file dialog and by drag and drop (in a worker, with
progress), cancel a large file (nothing stored), view, edit, verify (ok, then altered), roles, model checks."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QPushButton

from greyline.domain.enums import EvidenceKind, LegalKind
from greyline.domain.records import ComplaintDraft
from greyline.queries.evidence import evidence_detail, evidence_for
from greyline.services.complaints import create_complaint
from greyline.services.evidence import attach_bytes
from greyline.ui import evidence_panel, prompts
from greyline.ui.evidence_dialog import EvidenceDialog
from greyline.ui.evidence_panel import EvidencePanel, EvidenceTableModel, guess_kind
from greyline.ui.navigation import RecordingNavigator
from greyline.ui.viewers import EvidenceViewerDialog, ImageViewer


@pytest.fixture
def install():  # noqa: ANN201
    """Install a ScriptedPrompter built from the given answers; the previous one comes back afterwards."""
    previous = prompts.current()

    def _install(**answers) -> prompts.ScriptedPrompter:  # noqa: ANN003
        p = prompts.ScriptedPrompter(**answers)
        prompts.install(p)
        return p

    yield _install
    prompts.install(previous)


@pytest.fixture
def progress_seen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Records every progress signal of the jobs the panel starts (connected before the job runs)."""
    seen: list[tuple[int, int]] = []
    real_start = evidence_panel.start

    def start(job):  # noqa: ANN001, ANN202
        job.signals.progress.connect(lambda d, t: seen.append((d, t)))
        return real_start(job)

    monkeypatch.setattr(evidence_panel, "start", start)
    return seen


def _complaint(ctx, ext: str = "E-1") -> int:  # noqa: ANN001
    return create_complaint(ctx, ComplaintDraft(channel="12378", external_id=ext, received_at=dt.date(2026, 5, 1),
                                                customer_name="李四", text="要求减免罚息")).id


def _panel(qtbot, ctx, cid: int, nav: RecordingNavigator | None = None) -> EvidencePanel:  # noqa: ANN001
    panel = EvidencePanel(ctx, nav or RecordingNavigator(), complaint_id=cid)
    qtbot.addWidget(panel)
    return panel


def _wait_idle(qtbot, panel: EvidencePanel) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: panel.job is None, timeout=15000)


def png_bytes(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#fdf6e3"))
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(buf.data())


def _vault_objects(ctx) -> list[str]:  # noqa: ANN001
    return list(ctx.store.vault.iter_hashes())


def test_attach_through_the_file_dialog_stores_in_the_vault_and_shows_the_rows(
        qtbot, ctx, tmp_path: Path, install, progress_seen) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    wav = tmp_path / "通话录音.wav"
    wav.write_bytes(b"RIFF" + bytes(3 * 1024 * 1024))
    png = tmp_path / "证明.png"
    png.write_bytes(b"\x89PNG fake picture")
    install(files=[[wav, png]])
    nav = RecordingNavigator()
    panel = _panel(qtbot, ctx, cid, nav)
    assert panel.model.rowCount() == 0
    assert "还没有证据" in panel.hint.text()

    with qtbot.waitSignal(panel.changed, timeout=15000):
        panel.add_button.click()
        assert panel.job is not None and not panel.add_button.isEnabled()
    _wait_idle(qtbot, panel)

    assert panel.model.rowCount() == 2
    rows = evidence_for(ctx.store, complaint_id=cid)
    assert [(r.original_name, r.kind, r.legal_kind) for r in rows] == [
        ("通话录音.wav", "recording", "audiovisual"), ("证明.png", "screenshot", "audiovisual")]
    assert sorted(_vault_objects(ctx)) == sorted(r.sha256 for r in rows)
    assert panel.model.data(panel.model.index(0, 0)) == "录音"
    assert panel.model.data(panel.model.index(0, 2)) == rows[0].sha256[:12]
    assert panel.model.data(panel.model.index(0, 3)) == "3.0 MB"
    # Progress is in KiB and reaches the total over both files.
    total_kib = (wav.stat().st_size + png.stat().st_size) // 1024
    assert progress_seen and progress_seen[-1][1] == total_kib
    assert progress_seen[-1][0] == total_kib
    assert [d for d, _ in progress_seen] == sorted(d for d, _ in progress_seen)
    assert ("status", "已添加 2 件证据。") in nav.calls and ("data_changed", None) in nav.calls
    assert panel.progress_dialog is None
    assert panel.add_button.isEnabled()


def test_the_chosen_kind_is_used(qtbot, ctx, tmp_path: Path, install) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    f = tmp_path / "聊天.png"
    f.write_bytes(b"chat export")
    install(files=[[f]])
    panel = _panel(qtbot, ctx, cid)
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(EvidenceKind.CHAT.value))
    panel.add_files()
    _wait_idle(qtbot, panel)
    assert [r.kind for r in evidence_for(ctx.store, complaint_id=cid)] == ["chat"]


def test_cancel_during_a_large_file_leaves_nothing_stored(
        qtbot, ctx, tmp_path: Path, install, progress_seen) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    big = tmp_path / "长录音.wav"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    install()
    nav = RecordingNavigator()
    panel = _panel(qtbot, ctx, cid, nav)
    first_chunk = threading.Event()
    go_on = threading.Event()

    def hold_after_first_chunk(_done: int, _total: int) -> None:
        # Runs in the worker: hold it after the first MiB until the user has pressed Cancel.
        if not first_chunk.is_set():
            first_chunk.set()
            go_on.wait(10)

    real_start = evidence_panel.start

    def start(job):  # noqa: ANN001, ANN202
        job.signals.progress.connect(hold_after_first_chunk, Qt.ConnectionType.DirectConnection)
        return real_start(job)

    evidence_panel.start = start
    try:
        job = panel.attach_paths([big])
    finally:
        evidence_panel.start = real_start
    assert job is not None
    qtbot.waitUntil(first_chunk.is_set, timeout=5000)
    cancel = next(b for b in panel.progress_dialog.findChildren(QPushButton) if b.text() == "取消")
    cancel.click()
    go_on.set()
    _wait_idle(qtbot, panel)

    assert evidence_for(ctx.store, complaint_id=cid) == []
    assert _vault_objects(ctx) == []
    assert list((ctx.store.vault.root / "tmp").iterdir()) == []
    assert panel.model.rowCount() == 0
    assert ("status", "已取消，没有保存任何文件。") in nav.calls
    assert progress_seen and progress_seen[-1][0] < progress_seen[-1][1] == 50 * 1024


def test_dropping_files_on_the_panel_attaches_them(qtbot, ctx, tmp_path: Path, install) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    f = tmp_path / "催收短信截图.png"
    f.write_bytes(b"\x89PNG screenshot")
    folder = tmp_path / "一个文件夹"
    folder.mkdir()
    p = install()
    panel = _panel(qtbot, ctx, cid)
    assert panel.acceptDrops()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)), QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.changed, timeout=15000):
        QApplication.sendEvent(panel, drop)
    _wait_idle(qtbot, panel)
    assert drop.isAccepted()
    assert [r.original_name for r in evidence_for(ctx.store, complaint_id=cid)] == ["催收短信截图.png"]
    assert panel.model.rowCount() == 1
    assert p.messages and p.messages[0][0] == "warn" and "一个文件夹" in p.messages[0][1]

    text_only = QMimeData()
    text_only.setText("just text")
    enter = QDragEnterEvent(QPointF(10, 10), Qt.DropAction.CopyAction, text_only, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def test_verify_says_ok_and_then_altered_after_the_vault_file_is_changed(qtbot, ctx, install) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    ref = attach_bytes(ctx, b"original recording bytes", "录音.wav", EvidenceKind.RECORDING, complaint_id=cid)
    p = install()
    panel = _panel(qtbot, ctx, cid)
    panel.table.selectRow(0)
    assert panel.verify_button.isEnabled()

    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.verifier.job is None and bool(p.messages), timeout=10000)
    kind, text = p.messages[-1]
    assert kind == "info" and text.startswith("校验通过")
    assert ref.sha256 in text and ref.sm3 in text and "一致" in text

    path = ctx.store.vault.path_for(ref.sha256)
    path.chmod(0o644)
    path.write_bytes(b"original recording byteZ")  # same size, one byte changed
    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.verifier.job is None and len(p.messages) == 2, timeout=10000)
    kind, text = p.messages[-1]
    assert kind == "warn" and "已被改动" in text
    assert panel.verifier.last_status == "altered"
    assert [c.action for c in evidence_detail(ctx.store, ref.id).custody] == ["added", "verified", "verified"]

    path.unlink()
    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.verifier.job is None and len(p.messages) == 3, timeout=10000)
    assert "找不到" in p.messages[-1][1]


def test_view_opens_the_viewer_and_edit_opens_the_dialog(qtbot, ctx, install) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    ref = attach_bytes(ctx, png_bytes(200, 100), "证明.png", EvidenceKind.DOCUMENT, complaint_id=cid)
    install()
    panel = _panel(qtbot, ctx, cid)
    assert not panel.view_button.isEnabled()
    panel.table.selectRow(0)
    dialog = panel.view_selected()
    assert isinstance(dialog, EvidenceViewerDialog) and isinstance(dialog.viewer, ImageViewer)
    assert dialog.parent() is panel
    dialog.close()

    editor = panel.edit_selected()
    assert isinstance(editor, EvidenceDialog)
    editor.legal_kind.setCurrentIndex(editor.legal_kind.findData(LegalKind.DOCUMENTARY.value))
    editor.purpose.setPlainText("证明困难证明系伪造")
    with qtbot.waitSignal(panel.changed, timeout=3000):
        editor.save()
    assert evidence_detail(ctx.store, ref.id).purpose == "证明困难证明系伪造"
    assert panel.model.row_at(0).version == 2
    assert panel.selected_row() is not None and panel.selected_row().id == ref.id


def test_roles_without_attach_permission_see_but_cannot_add(qtbot, ctx, user_factory, install) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    attach_bytes(ctx, b"x", "a.txt", EvidenceKind.OTHER, complaint_id=cid)
    supervisor = user_factory("boss", "supervisor")
    install()
    panel = _panel(qtbot, supervisor, cid)
    panel.table.selectRow(0)
    assert not panel.add_button.isEnabled() and not panel.edit_button.isEnabled()
    assert panel.view_button.isEnabled() and panel.verify_button.isEnabled()
    assert not panel.acceptDrops()
    assert "只能查看" in panel.hint.text()


def test_a_new_complaint_has_no_target_until_saved(qtbot, ctx, install) -> None:  # noqa: ANN001
    p = install()
    panel = EvidencePanel(ctx, RecordingNavigator())
    qtbot.addWidget(panel)
    assert not panel.add_button.isEnabled()
    assert panel.attach_paths([Path(__file__)]) is None
    assert p.messages == [("warn", "请先保存，再添加证据。")]
    cid = _complaint(ctx)
    attach_bytes(ctx, b"y", "b.txt", EvidenceKind.OTHER, complaint_id=cid)
    panel.set_target(complaint_id=cid)
    assert panel.model.rowCount() == 1 and panel.add_button.isEnabled()


def test_group_panel_lists_group_evidence(qtbot, ctx, install) -> None:  # noqa: ANN001
    from greyline.services.groups import create_group

    cid = _complaint(ctx)
    gid, _ = create_group(ctx, "某代理团伙", [cid])
    attach_bytes(ctx, b"group file", "团伙材料.txt", EvidenceKind.OTHER, group_id=gid)
    attach_bytes(ctx, b"complaint file", "投诉材料.txt", EvidenceKind.OTHER, complaint_id=cid)
    install()
    panel = EvidencePanel(ctx, RecordingNavigator(), group_id=gid)
    qtbot.addWidget(panel)
    assert [panel.model.row_at(r).original_name for r in range(panel.model.rowCount())] == ["团伙材料.txt"]


def test_guess_kind() -> None:
    assert guess_kind(Path("a.WAV")) is EvidenceKind.RECORDING
    assert guess_kind(Path("a.amr")) is EvidenceKind.RECORDING
    assert guess_kind(Path("a.jpg")) is EvidenceKind.SCREENSHOT
    assert guess_kind(Path("a.pdf")) is EvidenceKind.OTHER


def test_panel_model_passes_modeltester(qtbot, qtmodeltester, ctx) -> None:  # noqa: ANN001
    cid = _complaint(ctx)
    for i in range(3):
        attach_bytes(ctx, f"file {i}".encode(), f"f{i}.wav", EvidenceKind.RECORDING, complaint_id=cid)
    model = EvidenceTableModel(lambda limit, after: [] if after else evidence_for(ctx.store, complaint_id=cid))
    model.reload()
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.row_at(0).id
    qtmodeltester.check(model)
