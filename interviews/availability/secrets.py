"""Calendar secrets at rest: feed addresses and app passwords, encrypted with Fernet.

The keys come from the environment (CALENDAR_KEYS: one or more Fernet keys, the first encrypts,
all decrypt, so a key can be rotated); without it, one key is derived from SECRET_KEY.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet() -> MultiFernet:
    keys = list(settings.CALENDAR_KEYS) or [
        base64.urlsafe_b64encode(hashlib.sha256(
            b"ats-calendar-secrets:" + settings.SECRET_KEY.encode()).digest()).decode()]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    """The secret, or "" when no key of this installation can read it (a lost key: the owner
    connects the calendar again)."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


class EncryptedTextField(models.TextField):
    """Text stored encrypted; Python sees the plain text. Not searchable, by design."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
