"""Explicit return targets ("back") for forms reached from several places.

A door passes `?back=<url name>[:<pk>][?<query>]`; only the URL names listed here are accepted,
so a crafted link can never send the user to another site. The Referer header is never used.
Every `?back=` of the product is written by with_back (templates: the `ats` library's url_back).
"""

from urllib.parse import quote, urlsplit

from django.http import QueryDict
from django.urls import NoReverseMatch, reverse

from ats.params import whole_number

RETURN_TARGETS = {
    "dashboard",
    "workflow",
    "candidate_list",
    "candidate_detail",
    "registration_detail",
    "vacancy_detail",
    "contact_detail",
}


def back_url(value: str | None, default: str) -> str:
    """The URL for a `back` value, or `default` when it is missing or not one we know."""
    if not value:
        return default
    parts = urlsplit(value)
    name, _, pk = parts.path.partition(":")
    number = whole_number(pk)
    if name not in RETURN_TARGETS or (pk and number is None) or parts.scheme or parts.netloc:
        return default
    try:
        url = reverse(name, args=[number] if pk else [])
    except NoReverseMatch:
        return default
    query = QueryDict(parts.query).urlencode()
    return f"{url}?{query}" if query else url


def back_param(name: str, pk: int | None = None, query: str = "") -> str:
    """The `back` value for a door: the inverse of back_url."""
    value = f"{name}:{pk}" if pk is not None else name
    return f"{value}?{query}" if query else value


def with_back(url: str, back: str | None) -> str:
    """`url` carrying the return target `back` (a back_param value); `url` alone without one."""
    if not back:
        return url
    return f"{url}{'&' if '?' in url else '?'}back={quote(back)}"
