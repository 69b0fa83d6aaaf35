"""The client's address as the login limits see it, also behind reverse proxies."""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost one saw.

    Every proxy appends the address it was called from to X-Forwarded-For, so only the last
    TRUSTED_PROXY_COUNT entries were written by our own proxies; whatever stands left of them
    came from the client and may be forged.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count < 1:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(forwarded) < count:
        return remote  # the request did not come through all our proxies
    return forwarded[-count] if _is_address(forwarded[-count]) else remote


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True
