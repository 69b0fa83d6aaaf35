"""Signed, expiring links for people without a login (candidates, hiring managers)."""

import time
from datetime import datetime

from django.conf import settings
from django.core import signing


class BadLink(Exception):
    """A link that was tampered with, has expired, or was revoked."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "invalid", "expired", "revoked" or "used"


def make_token(kind: str, payload: dict, *, expires: datetime) -> str:
    return signing.dumps({**payload, "x": int(expires.timestamp())}, salt=f"ats.link.{kind}",
                         compress=True)


def read_token(kind: str, token: str) -> dict:
    try:
        data = signing.loads(token, salt=f"ats.link.{kind}")
    except signing.BadSignature:
        raise BadLink("invalid") from None
    if data.get("x", 0) < time.time():
        raise BadLink("expired")
    return data


def absolute_url(path: str) -> str:
    """Links in emails point at the public address of the site (SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + path
