"""Risk scoring: the 一级/二级 (level 1 / level 2) abnormal rights-protection level of a complaint.

The industry guideline speaks of level-1 and level-2 abnormal rights-protection but its exact
definitions are not public, so the level is computed from configurable rules over the indicator
codes ticked on a complaint (``greyline.domain.enums.Indicator``). Level 1 is the graver one: clear
fabrication, extortion or an organised group, the cases worth a police report.

A ``RiskRule`` fires when ANY of its non-empty conditions holds:

- ``any_of``: the complaint has at least one of these indicators;
- ``all_of``: the complaint has every one of these indicators;
- ``min_count``: the complaint has at least this many (known, distinct) indicators.

``assess`` returns the gravest level among the rules that fired and one Chinese reason line per
fired rule (gravest first), naming the indicators that made it fire. Unknown codes are ignored, so a rule set keeps
working when an indicator is retired. Rules are stored as JSON (``RiskRules.to_json`` /
``RiskRules.from_json``); ``from_json`` refuses bad input with a ``ValueError`` whose message names the
rule (``rules[i]``) and the field.

No Qt, no SQLAlchemy: stdlib and the domain enums only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from greyline.domain.enums import Indicator, RiskLevel

__all__ = [
    "DEFAULT_RULES",
    "RULE_LEVELS",
    "RiskAssessment",
    "RiskRule",
    "RiskRules",
    "assess",
]

# Levels a rule may raise a complaint to ('none' is the absence of a fired rule, not a rule level).
RULE_LEVELS: tuple[str, ...] = (RiskLevel.LEVEL2.value, RiskLevel.LEVEL1.value)

# Gravity order used to pick the gravest fired rule.
_GRAVITY = {RiskLevel.NONE.value: 0, RiskLevel.LEVEL2.value: 1, RiskLevel.LEVEL1.value: 2}

# Indicator order for reasons and JSON: the enum's declaration order, so output is stable.
_ORDER = {ind.value: i for i, ind in enumerate(Indicator)}

_JSON_VERSION = 1
_RULE_FIELDS = ("level", "any_of", "all_of", "min_count", "label")


def _sorted_codes(codes: Iterable[str]) -> list[str]:
    return sorted(codes, key=lambda c: (_ORDER.get(c, len(_ORDER)), c))


def _check_codes(codes: Iterable[Any], field_name: str) -> frozenset[str]:
    """Normalise indicator codes (code in any case or the Chinese label); refuse unknown ones."""
    out: set[str] = set()
    for code in codes:
        if not isinstance(code, str):
            raise ValueError(f"{field_name}：指标代码必须是文本，收到 {code!r}")
        try:
            out.add(Indicator.parse(code).value)
        except ValueError:
            raise ValueError(f"{field_name}：未知的指标代码 {code!r}") from None
    return frozenset(out)


@dataclass(frozen=True)
class RiskRule:
    """One rule: which level a complaint reaches when any of the non-empty conditions holds.

    Construction validates the rule and normalises indicator codes; a bad rule raises ``ValueError``
    naming the field. A rule must have at least one condition.
    """

    level: str
    any_of: frozenset[str] = frozenset()
    all_of: frozenset[str] = frozenset()
    min_count: int = 0
    label: str = ""

    def __post_init__(self) -> None:
        level = self.level.value if isinstance(self.level, RiskLevel) else self.level
        if level not in RULE_LEVELS:
            raise ValueError(f"level：等级必须是 {' 或 '.join(RULE_LEVELS)}，收到 {self.level!r}")
        if isinstance(self.any_of, str) or isinstance(self.all_of, str):
            raise ValueError("any_of/all_of：必须是指标代码的集合，而不是单个文本")
        if isinstance(self.min_count, bool) or not isinstance(self.min_count, int):
            raise ValueError(f"min_count：必须是整数，收到 {self.min_count!r}")
        if self.min_count < 0:
            raise ValueError(f"min_count：不能为负数，收到 {self.min_count}")
        if not isinstance(self.label, str):
            raise ValueError(f"label：必须是文本，收到 {self.label!r}")
        any_of = _check_codes(self.any_of, "any_of")
        all_of = _check_codes(self.all_of, "all_of")
        if not any_of and not all_of and self.min_count == 0:
            raise ValueError("规则没有任何条件：any_of、all_of、min_count 至少填写一项")
        # Frozen dataclass: normalised values are written once, here.
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "any_of", any_of)
        object.__setattr__(self, "all_of", all_of)

    def matched(self, present: frozenset[str]) -> frozenset[str] | None:
        """The indicators that make this rule fire for ``present`` (known codes), or None if it does not."""
        hit: set[str] = set()
        fired = False
        if self.any_of and (found := self.any_of & present):
            fired = True
            hit |= found
        if self.all_of and self.all_of <= present:
            fired = True
            hit |= self.all_of
        if self.min_count and len(present) >= self.min_count:
            fired = True
            hit |= present
        return frozenset(hit) if fired else None

    def description(self) -> str:
        """The label, or a description built from the conditions when the label is empty."""
        if self.label:
            return self.label
        parts = []
        if self.any_of:
            parts.append("存在任一：" + "、".join(Indicator(c).label for c in _sorted_codes(self.any_of)))
        if self.all_of:
            parts.append("同时存在：" + "、".join(Indicator(c).label for c in _sorted_codes(self.all_of)))
        if self.min_count:
            parts.append(f"存在 {self.min_count} 项及以上指标")
        return "；或".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "any_of": _sorted_codes(self.any_of),
            "all_of": _sorted_codes(self.all_of),
            "min_count": self.min_count,
            "label": self.label,
        }


@dataclass(frozen=True)
class RiskRules:
    """An ordered set of rules; reasons are listed in this order."""

    rules: tuple[RiskRule, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", tuple(self.rules))

    def to_json(self) -> str:
        """Readable JSON (UTF-8 text, Chinese labels unescaped) that ``from_json`` reads back."""
        doc = {"version": _JSON_VERSION, "rules": [r.to_dict() for r in self.rules]}
        return json.dumps(doc, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> RiskRules:
        """Read rules written by ``to_json``; a bare list of rule objects is accepted too.

        Raises ``ValueError`` with a message naming ``rules[i].field`` for a bad rule.
        """
        try:
            doc = json.loads(text)
        except (json.JSONDecodeError, TypeError) as exc:
            raise ValueError(f"风险规则不是有效的 JSON：{exc}") from None
        if isinstance(doc, dict):
            version = doc.get("version", _JSON_VERSION)
            if version != _JSON_VERSION:
                raise ValueError(f"version：不支持的风险规则版本 {version!r}")
            unknown = set(doc) - {"version", "rules"}
            if unknown:
                raise ValueError(f"未知的字段：{', '.join(sorted(unknown))}")
            items = doc.get("rules")
        else:
            items = doc
        if not isinstance(items, list):
            raise ValueError("rules：必须是规则列表")
        return cls(tuple(_rule_from_dict(i, item) for i, item in enumerate(items)))


def _rule_from_dict(index: int, item: Any) -> RiskRule:
    where = f"rules[{index}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where}：每条规则必须是一个对象")
    unknown = set(item) - set(_RULE_FIELDS)
    if unknown:
        raise ValueError(f"{where}：未知的字段 {', '.join(sorted(unknown))}")
    if "level" not in item:
        raise ValueError(f"{where}.level：缺少等级")
    for name in ("any_of", "all_of"):
        if name in item and not isinstance(item[name], list):
            raise ValueError(f"{where}.{name}：必须是指标代码列表")
    try:
        return RiskRule(
            level=item["level"],
            any_of=frozenset(item.get("any_of", ())),
            all_of=frozenset(item.get("all_of", ())),
            min_count=item.get("min_count", 0),
            label=item.get("label", ""),
        )
    except TypeError:
        # Unhashable values inside a list (e.g. nested lists) end up here.
        raise ValueError(f"{where}：指标代码必须是文本") from None
    except ValueError as exc:
        message = str(exc)
        # Messages from RiskRule start with the field name; qualify it with the rule index.
        if message.split("：", 1)[0] in _RULE_FIELDS or message.startswith("any_of/all_of"):
            raise ValueError(f"{where}.{message}") from None
        raise ValueError(f"{where}：{message}") from None


@dataclass(frozen=True)
class RiskAssessment:
    """The level of one complaint ('none' | 'level2' | 'level1') and why, one Chinese line per fired rule."""

    level: str
    reasons: tuple[str, ...] = ()

    @property
    def risk_level(self) -> RiskLevel:
        return RiskLevel(self.level)


_I = Indicator

DEFAULT_RULES = RiskRules((
    RiskRule(
        level="level1",
        any_of=frozenset({_I.FALSE_EVIDENCE, _I.FALSE_POLICE_REPORT, _I.AGENT_HOLDS_DOCUMENTS,
                          _I.SAME_VOICE, _I.REUSED_IMAGE}),
        label="存在伪造材料、虚假报案、代持证件、同一声音或重复图片",
    ),
    RiskRule(
        level="level1",
        all_of=frozenset({_I.SHARED_CONTACT, _I.TEMPLATE_TEXT, _I.TIME_BURST}),
        label="共用联系方式、模板文本且集中投诉，疑似有组织批量投诉",
    ),
    RiskRule(level="level1", min_count=4, label="存在 4 项及以上异常指标"),
    RiskRule(
        level="level2",
        any_of=frozenset({_I.SHARED_CONTACT, _I.TEMPLATE_TEXT, _I.AGENT_IN_NAME, _I.AGENT_ACCOMPANIES,
                          _I.REFUSES_CONTACT, _I.CALL_FORWARDING, _I.THIRD_PARTY_ANSWERS,
                          _I.PROVOKED_RECORDING, _I.FALSE_IDENTITY, _I.DEMANDS, _I.REPEATED,
                          _I.TIME_BURST}),
        label="存在代理介入或异常维权迹象",
    ),
    RiskRule(level="level2", min_count=2, label="存在 2 项及以上异常指标"),
))

del _I


def assess(codes: Iterable[str], rules: RiskRules = DEFAULT_RULES) -> RiskAssessment:
    """The gravest level of any fired rule for the indicator ``codes``; unknown codes are ignored.

    Each fired rule gives one reason: ``"<level label>：<rule description>（<indicator labels>）"``.
    """
    present = frozenset(c for c in (str(x) for x in codes) if c in _ORDER)
    level = RiskLevel.NONE.value
    reasons: list[tuple[int, str]] = []
    for rule in rules.rules:
        hit = rule.matched(present)
        if hit is None:
            continue
        if _GRAVITY[rule.level] > _GRAVITY[level]:
            level = rule.level
        names = "、".join(Indicator(c).label for c in _sorted_codes(hit))
        text = f"{RiskLevel(rule.level).label}：{rule.description()}（{names}）"
        reasons.append((-_GRAVITY[rule.level], text))
    # Gravest first; rules of one level keep their configured order (the sort is stable).
    reasons.sort(key=lambda r: r[0])
    return RiskAssessment(level, tuple(text for _, text in reasons))
