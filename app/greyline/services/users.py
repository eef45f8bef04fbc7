"""User administration: add users and change roles (administrators only)."""

from __future__ import annotations

import re

from argon2 import PasswordHasher

from greyline.domain.enums import Role
from greyline.domain.errors import Duplicate, ValidationError
from greyline.domain.permissions import Permission
from greyline.services.context import ServiceContext

_NAME = re.compile(r"^[\w.\-@]{1,64}$")


def add_user(ctx: ServiceContext, username: str, role: str, display_name: str = "", password: str | None = None) -> int:
    ctx.require(Permission.MANAGE_USERS)
    username = username.strip()
    if not _NAME.match(username):
        raise ValidationError("用户名只能含字母、数字、下划线、点、横线或@，最长 64 个字符", field="username")
    try:
        role_value = Role(role).value
    except ValueError:
        raise ValidationError(f"未知角色“{role}”", field="role") from None
    if password is not None and len(password) < 8:
        raise ValidationError("密码至少 8 个字符", field="password")
    hashed = PasswordHasher().hash(password) if password else None
    with ctx.uow() as uow:
        if uow.repo.user_by_name(username) is not None:
            raise Duplicate(f"用户“{username}”已存在")
        uid = uow.repo.add_user(username, display_name.strip() or username, role_value, hashed)
        uow.record("user_created", "user", uid, {"username": username, "role": role_value})
        uow.commit()
    return uid
