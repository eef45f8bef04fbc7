"""The evidence dialog: filled in and saved stores every field; cancel changes nothing; a conflicting save is
refused in plain words; the file facts and custody trail are shown read-only."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from greyline.domain.enums import EvidenceKind, LegalKind
from greyline.domain.records import ComplaintDraft
from greyline.queries.evidence import evidence_detail
from greyline.services.complaints import create_complaint
from greyline.services.evidence import EvidenceChanges, attach_bytes, update_evidence
from greyline.ui import prompts
from greyline.ui.evidence_dialog import EvidenceDialog, local_time


@pytest.fixture
def install():  # noqa: ANN201
    previous = prompts.current()

    def _install(**answers) -> prompts.ScriptedPrompter:  # noqa: ANN003
        p = prompts.ScriptedPrompter(**answers)
        prompts.install(p)
        return p

    yield _install
    prompts.install(previous)


@pytest.fixture
def recording(ctx) -> int:  # noqa: ANN001
    cid = create_complaint(ctx, ComplaintDraft(channel="12378", external_id="D-1", received_at=dt.date(2026, 5, 1),
                                               customer_name="王五", text="投诉暴力催收")).id
    return attach_bytes(ctx, b"RIFF recording", "通话录音_20260501.wav", EvidenceKind.RECORDING, complaint_id=cid,
                        note="客户来电录音", source="客服录音系统").id


def _dialog(qtbot, ctx, evidence_id: int) -> EvidenceDialog:  # noqa: ANN001
    dialog = EvidenceDialog(ctx, evidence_id)
    qtbot.addWidget(dialog)
    return dialog


def _stored(ctx, evidence_id: int):  # noqa: ANN001, ANN202
    d = evidence_detail(ctx.store, evidence_id)
    return (d.legal_kind, d.source, d.is_original, d.purpose, d.description, d.transcript, d.verification_notes,
            d.version)


def test_fill_in_and_save_stores_every_field(qtbot, ctx, recording, install) -> None:  # noqa: ANN001
    p = install()
    dialog = _dialog(qtbot, ctx, recording)
    assert dialog.legal_kind.currentData() == LegalKind.AUDIOVISUAL.value
    assert dialog.source.text() == "客服录音系统"
    assert dialog.legal_kind.count() == 1 + 8

    dialog.legal_kind.setCurrentIndex(dialog.legal_kind.findData(LegalKind.VICTIM.value))
    dialog.source.setText("  客户本人提交  ")
    dialog.original.setCurrentIndex(1)
    dialog.purpose.setPlainText("证明代理人冒充客户接听催收电话")
    dialog.description.setPlainText("2026年5月1日 10:02 呼出录音")
    dialog.tabs.setCurrentIndex(1)
    dialog.transcript.setPlainText("客服：您好，请问是王先生吗？\n对方：我是他代理人，有事跟我说。")
    dialog.verification_notes.setPlainText("已核对通话记录，号码一致")
    dialog.buttons.accepted.emit()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_version == 2
    assert _stored(ctx, recording) == (
        "victim", "客户本人提交", False, "证明代理人冒充客户接听催收电话", "2026年5月1日 10:02 呼出录音",
        "客服：您好，请问是王先生吗？\n对方：我是他代理人，有事跟我说。", "已核对通话记录，号码一致", 2)
    assert p.messages == []


def test_legal_kind_can_be_cleared(qtbot, ctx, recording, install) -> None:  # noqa: ANN001
    install()
    dialog = _dialog(qtbot, ctx, recording)
    dialog.legal_kind.setCurrentIndex(0)
    dialog.save()
    assert evidence_detail(ctx.store, recording).legal_kind is None


def test_cancel_without_changes_closes_and_stores_nothing(qtbot, ctx, recording, install) -> None:  # noqa: ANN001
    p = install()
    before = _stored(ctx, recording)
    dialog = _dialog(qtbot, ctx, recording)
    dialog.buttons.rejected.emit()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert p.messages == []
    assert _stored(ctx, recording) == before


def test_cancel_after_edits_asks_and_stores_nothing(qtbot, ctx, recording, install) -> None:  # noqa: ANN001
    p = install(confirm=[False, True])
    before = _stored(ctx, recording)
    dialog = _dialog(qtbot, ctx, recording)
    dialog.show()
    dialog.purpose.setPlainText("改了但不保存")
    dialog.reject()
    assert dialog.isVisible()  # "no": keep editing
    dialog.reject()
    assert not dialog.isVisible()
    assert [k for k, _ in p.messages] == ["confirm", "confirm"]
    assert _stored(ctx, recording) == before


def test_conflicting_save_is_refused_in_plain_words(qtbot, ctx, recording, user_factory, install) -> None:  # noqa: ANN001
    p = install()
    dialog = _dialog(qtbot, ctx, recording)
    dialog.show()
    colleague = user_factory("colleague", "legal")
    update_evidence(colleague, recording, 1, dataclasses.replace(
        EvidenceChanges(LegalKind.AUDIOVISUAL, "同事填写", True, "", "", "", ""), purpose="同事的证明目的"))

    dialog.purpose.setPlainText("我的证明目的")
    dialog.save()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert len(p.messages) == 1
    kind, text = p.messages[0]
    assert kind == "warn" and "其他人已经修改并保存" in text and "重新打开" in text
    assert evidence_detail(ctx.store, recording).purpose == "同事的证明目的"


def test_file_facts_and_custody_are_shown_read_only(qtbot, ctx, recording, install) -> None:  # noqa: ANN001
    install()
    detail = evidence_detail(ctx.store, recording)
    dialog = _dialog(qtbot, ctx, recording)
    labels = " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
    for value in (detail.sha256, detail.sm3, "通话录音_20260501.wav", "录音（audio/wav）", detail.collected_by):
        assert value in labels
    assert "此录音尚无文字抄清" in labels
    assert dialog.custody.rowCount() == 1
    assert dialog.custody.item(0, 1).text() == "入库"
    assert dialog.custody.item(0, 0).text() == local_time(detail.custody[0].at)
    assert dialog.custody.item(0, 2).text() == "tester"
    assert dialog.tabs.tabText(2) == "保管记录（1）"
