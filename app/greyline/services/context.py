"""Who is acting and how to open a unit of work: what every service receives.

Services take a ``ServiceContext`` and plain values, and return plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from greyline.domain.enums import Role
from greyline.domain.errors import PermissionDenied
from greyline.domain.permissions import Permission, require
from greyline.storage.db import Store
from greyline.storage.uow import UnitOfWork


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    role: Role


class ServiceContext:
    def __init__(self, store: Store, actor: Actor,
                 uow_factory: Callable[[Store, str], UnitOfWork] = UnitOfWork) -> None:
        self.store = store
        self.actor = actor
        self._uow_factory = uow_factory

    def uow(self) -> UnitOfWork:
        return self._uow_factory(self.store, self.actor.username)

    def reader(self) -> UnitOfWork:
        """A unit of work for reading only: no write lock, cannot commit."""
        return UnitOfWork(self.store, self.actor.username, readonly=True)

    def require(self, permission: Permission) -> None:
        require(self.actor.role, permission, self.actor.username)


def sign_in(store: Store, username: str, *, bootstrap_admin: bool = True) -> ServiceContext:
    """Resolve ``username`` to a registered, active user.

    On a store without any user, the first person to open it becomes its administrator; that is how
    a fresh embedded store becomes usable without a set-up wizard.
    """
    with UnitOfWork(store, username) as uow:
        user = uow.repo.user_by_name(username)
        if user is None:
            if not (bootstrap_admin and uow.repo.count_users() == 0):
                raise PermissionDenied(f"用户“{username}”未登记。请管理员先添加该用户。")
            uid = uow.repo.add_user(username, username, Role.ADMIN.value, None)
            uow.record("user_created", "user", uid, {"username": username, "role": Role.ADMIN.value,
                                                     "reason": "first user of the store"})
            uow.commit()
            return ServiceContext(store, Actor(uid, username, Role.ADMIN))
        if not user.active:
            raise PermissionDenied(f"用户“{username}”已停用。")
        return ServiceContext(store, Actor(user.id, user.username, Role(user.role)))
