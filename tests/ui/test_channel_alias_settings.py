"""Settings, channel aliases: add and remove an alias; built-in ones stay; a handler may not edit."""

from __future__ import annotations

from greyline.services.settings import channel_aliases
from greyline.ui.channel_alias_settings import ChannelAliasSettings
from greyline.ui.navigation import RecordingNavigator
from integration.helpers import count, db_file


def _own(ctx) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(a.alias, a.code) for a in channel_aliases(ctx) if not a.builtin}


def test_an_alias_is_added_and_removed(qtbot, ctx) -> None:  # noqa: ANN001
    widget = ChannelAliasSettings(ctx, RecordingNavigator())
    qtbot.addWidget(widget)
    builtin = widget.model.rowCount()
    assert builtin > 50 and not widget.add_button.isEnabled()
    widget.alias.setText("网络投诉平台")
    widget.channel.setCurrentIndex(widget.channel.findData("12315"))
    widget.add_button.click()
    assert _own(ctx) == {("网络投诉平台", "12315")}
    assert widget.model.rowCount() == builtin + 1 and widget.alias.text() == ""
    # Built-in spellings cannot be removed; the user's own can.
    last = widget.model.rowCount() - 1
    widget.table.selectRow(last)
    assert widget.selected().builtin and not widget.remove_button.isEnabled()
    widget.table.selectRow(0)
    assert widget.selected().alias == "网络投诉平台" and widget.remove_button.isEnabled()
    widget.remove_button.click()
    assert _own(ctx) == set() and count(db_file(ctx), "channel_aliases") == 0


def test_an_alias_with_no_text_changes_nothing(qtbot, ctx) -> None:  # noqa: ANN001
    widget = ChannelAliasSettings(ctx, RecordingNavigator())
    qtbot.addWidget(widget)
    widget.alias.setText("   ")
    assert not widget.add_button.isEnabled()
    widget.add()
    assert count(db_file(ctx), "channel_aliases") == 0


def test_a_handler_sees_the_aliases_but_may_not_edit(qtbot, ctx, user_factory) -> None:  # noqa: ANN001
    handler = user_factory("li", "handler")
    widget = ChannelAliasSettings(handler, RecordingNavigator())
    qtbot.addWidget(widget)
    assert widget.model.rowCount() > 50
    assert not widget.alias.isEnabled() and not widget.add_button.isEnabled()
