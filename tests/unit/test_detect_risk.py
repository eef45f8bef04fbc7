"""Tests of configurable risk scoring (greyline.detect.risk)."""

from __future__ import annotations

import json

import pytest

from greyline.detect.risk import DEFAULT_RULES, RiskAssessment, RiskRule, RiskRules, assess
from greyline.domain.enums import Indicator, RiskLevel

# --------------------------------------------------------------------------- defaults


@pytest.mark.parametrize("code", ["FALSE_EVIDENCE", "FALSE_POLICE_REPORT", "AGENT_HOLDS_DOCUMENTS",
                                  "SAME_VOICE", "REUSED_IMAGE"])
def test_fabrication_alone_is_level1(code: str) -> None:
    result = assess([code])
    assert result.level == "level1"
    assert result.risk_level is RiskLevel.LEVEL1
    assert len(result.reasons) == 1
    assert result.reasons[0].startswith("一级：")
    assert Indicator(code).label in result.reasons[0]


@pytest.mark.parametrize("code", ["SHARED_CONTACT", "TEMPLATE_TEXT", "AGENT_IN_NAME", "AGENT_ACCOMPANIES",
                                  "REFUSES_CONTACT", "CALL_FORWARDING", "THIRD_PARTY_ANSWERS",
                                  "PROVOKED_RECORDING", "FALSE_IDENTITY", "DEMANDS", "REPEATED",
                                  "TIME_BURST"])
def test_agent_signs_alone_are_level2(code: str) -> None:
    result = assess([code])
    assert result.level == "level2"
    assert result.reasons == (f"二级：存在代理介入或异常维权迹象（{Indicator(code).label}）",)


@pytest.mark.parametrize("code", ["VIRTUAL_NUMBER", "PHONE_CHANGED"])
def test_weak_signals_alone_give_no_risk(code: str) -> None:
    assert assess([code]) == RiskAssessment("none", ())


def test_no_indicators_and_unknown_codes_give_no_risk() -> None:
    assert assess([]) == RiskAssessment("none", ())
    assert assess(["NOT_A_CODE", "", "false_evidence"]).level == "none"


def test_two_weak_signals_reach_level2_by_count() -> None:
    result = assess(["VIRTUAL_NUMBER", "PHONE_CHANGED", "UNKNOWN"])
    assert result.level == "level2"
    assert result.reasons == (
        "二级：存在 2 项及以上异常指标（虚拟运营商号段、投诉前不久更换预留手机号）",
    )


def test_organised_batch_is_level1_and_reasons_come_gravest_first() -> None:
    result = assess(["TIME_BURST", "TEMPLATE_TEXT", "SHARED_CONTACT"])
    assert result.level == "level1"
    assert result.reasons[0] == (
        "一级：共用联系方式、模板文本且集中投诉，疑似有组织批量投诉"
        "（多名投诉人共用联系方式、投诉文本高度雷同、短时间内集中投诉）"
    )
    assert [r[:2] for r in result.reasons] == ["一级", "二级", "二级"]


def test_two_of_the_batch_signs_stay_level2() -> None:
    assert assess(["SHARED_CONTACT", "TEMPLATE_TEXT"]).level == "level2"


def test_four_indicators_are_level1() -> None:
    result = assess(["DEMANDS", "REPEATED", "REFUSES_CONTACT", "VIRTUAL_NUMBER"])
    assert result.level == "level1"
    assert any(r.startswith("一级：存在 4 项及以上异常指标") for r in result.reasons)


def test_duplicates_do_not_count_twice_and_enum_members_are_accepted() -> None:
    assert assess(["DEMANDS", "DEMANDS"]).reasons == assess([Indicator.DEMANDS]).reasons
    assert assess(["DEMANDS"] * 5).level == "level2"


def test_reason_names_only_the_indicators_that_fired_the_rule() -> None:
    result = assess(["SAME_VOICE", "REUSED_IMAGE", "DEMANDS"])
    first = result.reasons[0]
    assert first == ("一级：存在伪造材料、虚假报案、代持证件、同一声音或重复图片"
                     "（同一声音冒充多名客户、同一伪造图片重复出现）")


# --------------------------------------------------------------------------- custom rules


def test_custom_rules_replace_the_defaults() -> None:
    rules = RiskRules((
        RiskRule("level1", all_of=frozenset({"DEMANDS", "PROVOKED_RECORDING"}), label="激怒录音并索要减免"),
        RiskRule("level2", any_of=frozenset({"VIRTUAL_NUMBER"})),
    ))
    assert assess(["DEMANDS"], rules).level == "none"
    assert assess(["FALSE_EVIDENCE"], rules).level == "none"
    both = assess(["PROVOKED_RECORDING", "DEMANDS"], rules)
    assert both.level == "level1"
    assert both.reasons == ("一级：激怒录音并索要减免（故意激怒催收并录音、要求减免/停催/改征信并威胁曝光）",)
    virtual = assess(["VIRTUAL_NUMBER"], rules)
    assert virtual.level == "level2"
    # Without a label the reason describes the conditions.
    assert virtual.reasons == ("二级：存在任一：虚拟运营商号段（虚拟运营商号段）",)


def test_rule_fires_when_any_condition_holds() -> None:
    rule = RiskRule("level2", any_of=frozenset({"DEMANDS"}), all_of=frozenset({"REPEATED", "TIME_BURST"}),
                    min_count=3)
    rules = RiskRules((rule,))
    assert assess(["DEMANDS"], rules).level == "level2"
    assert assess(["REPEATED", "TIME_BURST"], rules).level == "level2"
    assert assess(["REPEATED", "VIRTUAL_NUMBER", "PHONE_CHANGED"], rules).level == "level2"
    assert assess(["REPEATED", "VIRTUAL_NUMBER"], rules).level == "none"


def test_empty_rule_set_gives_no_risk() -> None:
    assert assess(["FALSE_EVIDENCE"], RiskRules(())).level == "none"


def test_rule_normalises_codes_and_refuses_bad_values() -> None:
    rule = RiskRule("level1", any_of=frozenset({"false_evidence", "同一声音冒充多名客户"}))
    assert rule.any_of == frozenset({"FALSE_EVIDENCE", "SAME_VOICE"})
    assert RiskRule(RiskLevel.LEVEL2, min_count=2).level == "level2"
    with pytest.raises(ValueError, match="level"):
        RiskRule("none", min_count=2)
    with pytest.raises(ValueError, match="min_count"):
        RiskRule("level2", min_count=-1)
    with pytest.raises(ValueError, match="any_of"):
        RiskRule("level2", any_of=frozenset({"NOPE"}))
    with pytest.raises(ValueError, match="至少填写一项"):
        RiskRule("level2")


# --------------------------------------------------------------------------- JSON


def test_default_rules_round_trip_through_json() -> None:
    text = DEFAULT_RULES.to_json()
    assert "存在伪造材料" in text  # Chinese stays readable in the file
    assert RiskRules.from_json(text) == DEFAULT_RULES
    assert RiskRules.from_json(text).to_json() == text


def test_custom_rules_round_trip_and_bare_list_is_accepted() -> None:
    rules = RiskRules((RiskRule("level2", all_of=frozenset({"DEMANDS", "REPEATED"}), min_count=3, label="x"),))
    assert RiskRules.from_json(rules.to_json()) == rules
    bare = json.dumps([{"level": "level1", "any_of": ["SAME_VOICE"]}])
    assert RiskRules.from_json(bare) == RiskRules((RiskRule("level1", any_of=frozenset({"SAME_VOICE"})),))


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ([{"level": "level1", "any_of": ["SAME_VOICE"]}, {"level": "level2", "any_of": ["BOGUS"]}],
         r"rules\[1\]\.any_of：未知的指标代码 'BOGUS'"),
        ([{"level": "level1", "all_of": ["DEMANDS", "NOPE"]}], r"rules\[0\]\.all_of：未知的指标代码 'NOPE'"),
        ([{"level": "level3", "min_count": 2}], r"rules\[0\]\.level"),
        ([{"level": "none", "min_count": 2}], r"rules\[0\]\.level"),
        ([{"min_count": 2}], r"rules\[0\]\.level：缺少等级"),
        ([{"level": "level2", "min_count": 1}, {"level": "level2", "min_count": -2}],
         r"rules\[1\]\.min_count：不能为负数"),
        ([{"level": "level2", "min_count": 2.5}], r"rules\[0\]\.min_count：必须是整数"),
        ([{"level": "level2", "any_of": "DEMANDS"}], r"rules\[0\]\.any_of：必须是指标代码列表"),
        ([{"level": "level2", "any_of": [3]}], r"rules\[0\]\.any_of：指标代码必须是文本"),
        ([{"level": "level2", "min_count": 2, "colour": "red"}], r"rules\[0\]：未知的字段 colour"),
        ([{"level": "level2"}], r"rules\[0\]：规则没有任何条件"),
        (["level1"], r"rules\[0\]：每条规则必须是一个对象"),
    ],
)
def test_bad_rules_name_the_rule_and_the_field(rules: list, expected: str) -> None:
    with pytest.raises(ValueError, match=expected):
        RiskRules.from_json(json.dumps({"version": 1, "rules": rules}, ensure_ascii=False))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "不是有效的 JSON"),
        ('{"version": 2, "rules": []}', "version"),
        ('{"rules": {}}', "rules：必须是规则列表"),
        ('"level1"', "rules：必须是规则列表"),
    ],
)
def test_bad_documents_are_refused(text: str, expected: str) -> None:
    with pytest.raises(ValueError, match=expected):
        RiskRules.from_json(text)
