"""What one vault account's entries in Redis are called and how they are sealed, all derived from its credentials.

Nothing in Redis is readable without the credentials: key names carry a keyed hash (never an
account name, a URL or a secret), and the one secret stored (VaultPAM's session token) is sealed
with AES-256-GCM. The keys come from the credentials through scrypt (a slow, memory-hard KDF: a
password that is human-chosen is not brute-forced cheaply from what Redis holds), salted with the
vault, its URL and the account, then HKDF-SHA256 splits the result into independent keys for
names, sealing and token fingerprints. scrypt runs once per process and account (~50 ms).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand

PREFIX = "polyvault"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}
_NONCE = 12


def _expand(master: bytes, purpose: bytes, size: int) -> bytes:
    return HKDFExpand(algorithm=hashes.SHA256(), length=size, info=b"polyvault fleet v1: " + purpose).derive(master)


class Keyring:
    """The names and keys of one vault account's fleet state."""

    def __init__(self, master: bytes) -> None:
        self.id = _expand(master, b"key names", 16).hex()
        self._aead = AESGCM(_expand(master, b"sealing", 32))
        self._mac = _expand(master, b"fingerprints", 32)

    def key(self, purpose: str) -> str:
        """The Redis key for `purpose` ("rate", "session", "login"); the hash tag keeps one account on one cluster slot."""
        return f"{PREFIX}:{{{self.id}}}:{purpose}"

    def seal(self, data: bytes, where: str) -> bytes:
        """`data` encrypted and authenticated (AES-256-GCM, a fresh nonce), bound to the key `where` it is stored at."""
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, data, where.encode())

    def open(self, blob: bytes, where: str) -> bytes | None:
        """What `seal` sealed, or None if `blob` was not sealed with these credentials for `where` (or was altered)."""
        if len(blob) <= _NONCE:
            return None
        try:
            return self._aead.decrypt(blob[:_NONCE], blob[_NONCE:], where.encode())
        except InvalidTag:
            return None

    def fingerprint(self, token: str) -> str:
        """A keyed hash of `token`: lets any process say "this one" about a token without it being stored in clear."""
        return hmac.new(self._mac, token.encode(), hashlib.sha256).hexdigest()[:32]


_CACHE: dict[bytes, Keyring] = {}
_LOCK = threading.Lock()


def keyring(vault: str, base_url: str, account: str, secrets: Sequence[str]) -> Keyring:
    """The keyring of one vault account (derived once per process; scrypt makes that ~50 ms)."""
    salt = "\0".join((PREFIX, "fleet v1", vault, base_url, account)).encode()
    material = "\0".join(secrets).encode()
    index = hashlib.sha256(len(salt).to_bytes(4, "big") + salt + material).digest()
    found = _CACHE.get(index)
    if found is None:
        with _LOCK:
            found = _CACHE.get(index)
            if found is None:
                found = _CACHE[index] = Keyring(hashlib.scrypt(material, salt=salt, **_SCRYPT))
    return found
