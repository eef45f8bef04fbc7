"""The contact dialog: a call logged through the widgets is stored masked; cancel stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt

from greyline.domain.enums import ContactDirection, ContactKind
from greyline.domain.records import ComplaintDraft
from greyline.queries.complaint_detail import complaint_detail, contact_logs
from greyline.services.complaints import create_complaint
from greyline.ui.contact_dialog import ContactDialog


@pytest.fixture
def complaint_id(ctx) -> int:  # noqa: ANN001
    return create_complaint(ctx, ComplaintDraft(channel="12378", external_id="W-1",
                                                received_at=dt.date.today())).id


def test_contact_filled_in_and_accepted(qtbot, ctx, complaint_id, prompter) -> None:  # noqa: ANN001
    dialog = ContactDialog(ctx, complaint_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ContactKind.CALL.value))
    dialog.direction.setCurrentIndex(dialog.direction.findData(ContactDirection.INBOUND.value))
    when = QDateTime.currentDateTime().addSecs(-3600)
    dialog.occurred_at.setDateTime(when)
    qtbot.keyClicks(dialog.our_number, "95000-8")
    qtbot.keyClicks(dialog.their_number, "138 1234 5678")
    assert "中国移动" in dialog.their_hint.text()
    dialog.answered_by.lineEdit().insert("自称表哥")
    dialog.outcome.setPlainText("对方称客户已委托其全权处理")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == ContactDialog.DialogCode.Accepted and dialog.contact_id is not None
    rows = contact_logs(ctx.store, complaint_id)
    assert len(rows) == 1
    r = rows[0]
    assert (r.kind, r.direction, r.our_number, r.their_masked) == ("call", "inbound", "95000-8", "138****5678")
    assert r.answered_by == "自称表哥" and r.outcome == "对方称客户已委托其全权处理"
    assert r.occurred_at == when.toPython().replace(second=0, microsecond=0)
    assert r.created_by == "tester"
    roles = {(i.role, i.masked) for i in complaint_detail(ctx.store, complaint_id).identifiers}
    assert ("contact_phone", "138****5678") in roles
    assert prompter.messages == []


def test_invalid_number_or_future_time_blocks_saving(qtbot, ctx, complaint_id, prompter) -> None:  # noqa: ANN001
    dialog = ContactDialog(ctx, complaint_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.their_number, "1381234")
    assert dialog.their_hint.text() and not dialog.save_button.isEnabled()
    dialog.their_number.setText("17012345678")
    assert dialog.save_button.isEnabled() and "虚拟运营商" in dialog.their_hint.text()
    dialog.occurred_at.setDateTime(QDateTime.currentDateTime().addDays(1))
    assert not dialog.save_button.isEnabled() and "晚于现在" in dialog.time_hint.text()
    dialog.accept()
    assert contact_logs(ctx.store, complaint_id) == []


def test_cancel_stores_nothing(qtbot, ctx, complaint_id, prompter) -> None:  # noqa: ANN001
    dialog = ContactDialog(ctx, complaint_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.their_number, "13812345678")
    dialog.outcome.setPlainText("不保存")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ContactDialog.DialogCode.Rejected and dialog.contact_id is None
    assert contact_logs(ctx.store, complaint_id) == []
    assert complaint_detail(ctx.store, complaint_id).identifiers == ()


def test_refusal_by_role_is_shown(qtbot, ctx, complaint_id, user_factory, prompter) -> None:  # noqa: ANN001
    boss = user_factory("zhou", "supervisor")
    dialog = ContactDialog(boss, complaint_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and prompter.messages and "无权" in prompter.messages[0][1]
    assert contact_logs(ctx.store, complaint_id) == []
