"""Encryption and keyed hashing of personal identifiers.

The master key lives in a key file outside the database (beside a SQLite store, or in the user data
directory for a server store). Two sub-keys are derived with HKDF: one for AES-GCM encryption of the
full value, one for the HMAC-SHA256 used to match equal values without decrypting them. The store
keeps a fingerprint of the key so a wrong key file is refused instead of silently producing garbage.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from greyline.domain.errors import StoreKeyError

KEY_HEADER = "greyline-key-v1:"


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


class StoreCipher:
    """Encrypts, decrypts and hashes identifier values with one store's key."""

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != 32:
            raise StoreKeyError("密钥长度不对（应为 32 字节）")
        self._aead = AESGCM(_derive(master_key, b"greyline identifier encryption"))
        self._mac_key = _derive(master_key, b"greyline identifier matching")
        self.fingerprint = hashlib.sha256(_derive(master_key, b"greyline key fingerprint")).hexdigest()[:32]

    def hash_value(self, id_type: str, value: str) -> str:
        """Keyed hash of a normalised value; equal values of one type give equal hashes."""
        msg = id_type.encode() + b"\x00" + value.encode("utf-8")
        return hmac.digest(self._mac_key, msg, "sha256").hex()

    def encrypt(self, id_type: str, value: str) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, value.encode("utf-8"), id_type.encode())

    def decrypt(self, id_type: str, blob: bytes) -> str:
        try:
            return self._aead.decrypt(blob[:12], blob[12:], id_type.encode()).decode("utf-8")
        except InvalidTag as exc:
            raise StoreKeyError("无法解密：密钥与本库不符，或数据已被改动") from exc


def load_or_create_key(path: Path, *, create: bool) -> bytes:
    """Read the master key file; create it (mode 0600) when asked and absent."""
    if path.exists():
        text = path.read_text(encoding="ascii").strip()
        if not text.startswith(KEY_HEADER):
            raise StoreKeyError(f"{path}: 不是灰线密钥文件")
        try:
            key = base64.b64decode(text[len(KEY_HEADER):], validate=True)
        except ValueError as exc:
            raise StoreKeyError(f"{path}: 密钥文件已损坏") from exc
        if len(key) != 32:
            raise StoreKeyError(f"{path}: 密钥文件已损坏")
        return key
    if not create:
        raise StoreKeyError(
            f"找不到密钥文件 {path}。没有它无法读取已加密的身份信息；请从备份恢复密钥文件，"
            "或用 GREYLINE_KEY_FILE 指明其位置。"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(KEY_HEADER + base64.b64encode(key).decode("ascii") + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return key
