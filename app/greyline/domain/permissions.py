"""Which role may do what. One table, checked by every service before it writes or reveals data."""

from __future__ import annotations

from enum import StrEnum

from greyline.domain.enums import Role
from greyline.domain.errors import PermissionDenied


class Permission(StrEnum):
    EDIT_COMPLAINT = "edit_complaint"
    IMPORT = "import"
    ATTACH_EVIDENCE = "attach_evidence"
    EDIT_GROUP = "edit_group"
    RECORD_REFERRAL = "record_referral"
    DECIDE_LINK = "decide_link"
    UNMASK = "unmask"
    EXPORT = "export"
    MANAGE_USERS = "manage_users"
    EDIT_SETTINGS = "edit_settings"
    BACKUP = "backup"


_ALL = frozenset(Permission)
_HANDLER = frozenset({Permission.EDIT_COMPLAINT, Permission.IMPORT, Permission.ATTACH_EVIDENCE,
                      Permission.DECIDE_LINK})
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.HANDLER: _HANDLER,
    Role.LEGAL: _HANDLER | {Permission.EDIT_GROUP, Permission.RECORD_REFERRAL, Permission.UNMASK,
                            Permission.EXPORT},
    Role.SUPERVISOR: frozenset({Permission.EXPORT, Permission.DECIDE_LINK}),
    Role.ADMIN: _ALL,
}

LABELS: dict[Permission, str] = {
    Permission.EDIT_COMPLAINT: "编辑投诉",
    Permission.IMPORT: "导入工单",
    Permission.ATTACH_EVIDENCE: "添加证据",
    Permission.EDIT_GROUP: "编辑团伙/案件",
    Permission.RECORD_REFERRAL: "登记移送",
    Permission.DECIDE_LINK: "确认或排除关联",
    Permission.UNMASK: "查看完整身份信息",
    Permission.EXPORT: "导出",
    Permission.MANAGE_USERS: "管理用户",
    Permission.EDIT_SETTINGS: "修改设置",
    Permission.BACKUP: "备份与恢复",
}


def can(role: Role | str, permission: Permission) -> bool:
    return permission in GRANTS.get(Role(role), frozenset())


def require(role: Role | str, permission: Permission, username: str = "") -> None:
    if not can(role, permission):
        who = f"用户 {username}（{Role(role).label}）" if username else Role(role).label
        raise PermissionDenied(f"{who}无权{LABELS[permission]}")
