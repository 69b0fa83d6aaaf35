"""Fetching a calendar from someone else's server, guarded.

A calendar address is typed in by a user, and the worker fetches it from inside our network:
without a guard, it would read our own admin ports and cloud metadata for them. So only http(s)
is fetched, every address the host name resolves to must be public (unless
CALENDAR_ALLOW_PRIVATE_ADDRESSES), the connection goes to the address that was checked (a second
lookup could answer differently), each redirect is checked the same way, and a read stops at
CALENDAR_FETCH_TIMEOUT seconds and CALENDAR_MAX_BYTES.

A feed's address is its own password: errors and logs name only the host, never the path.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from base64 import b64encode
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


class CalendarUnavailable(Exception):
    """A calendar could not be read; `reason` is short, translated, and safe to show and log
    (it names no address)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Target:
    """Where a request goes: the address as written, and the checked IP address to connect to."""

    scheme: str
    host: str
    port: int
    path: str
    address: str


def normalise(url: str) -> str:
    """webcal:// is how calendar apps write an https:// feed."""
    scheme, _, rest = url.strip().partition("://")
    return f"https://{rest}" if scheme.lower() in ("webcal", "webcals") else url.strip()


def fetch(url: str, *, username: str = "", password: str = "") -> bytes:
    """The body of the calendar at `url`, following a few redirects."""
    deadline = time.monotonic() + settings.CALENDAR_FETCH_TIMEOUT
    url = normalise(url)
    for _redirect in range(MAX_REDIRECTS + 1):
        target = check(url)
        status, location, body = _get(target, deadline, _authorization(username, password))
        if status not in REDIRECTS:
            return body
        if not location:
            raise CalendarUnavailable(_("The server answered with an error (%(status)s).")
                                      % {"status": status})
        url = urljoin(url, location)
    raise CalendarUnavailable(_("The address redirects too often."))


def check(url: str) -> Target:
    """The checked target of `url`: http(s) only, on a host whose every address is allowed."""
    parts = urlsplit(normalise(url))
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise CalendarUnavailable(_("Only http:// and https:// addresses can be read."))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise CalendarUnavailable(_("This address is not valid.")) from None
    addresses = resolve(parts.hostname, port)
    path = parts.path or "/"
    return Target(scheme, parts.hostname, port,
                  f"{path}?{parts.query}" if parts.query else path, addresses[0])


def resolve(host: str, port: int) -> list[str]:
    """Every address of `host`, each allowed; refused when any one is not."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise CalendarUnavailable(_("The server's name could not be found.")) from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    if not settings.CALENDAR_ALLOW_PRIVATE_ADDRESSES and not all(map(is_public, addresses)):
        raise CalendarUnavailable(_("Addresses on a private network are not allowed."))
    return addresses


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 scope (fe80::1%eth0)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip.is_global and not (ip.is_loopback or ip.is_private or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _authorization(username: str, password: str) -> dict[str, str]:
    if not username:
        return {}
    token = b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _get(target: Target, deadline: float, headers: dict[str, str]) -> tuple[int, str, bytes]:
    """(status, Location, body) of one GET to the checked address."""
    connection = _connection(target, _seconds_left(deadline))
    try:
        connection.request("GET", target.path, headers={
            "Accept": "text/calendar, */*;q=0.1", "User-Agent": "ATS calendar reader",
            **headers})
        response = connection.getresponse()
        if response.status in REDIRECTS:
            return response.status, response.getheader("Location", ""), b""
        _refuse_errors(response)
        return response.status, "", _read(response, deadline)
    except TimeoutError:
        raise timed_out() from None
    except ssl.SSLError:
        raise CalendarUnavailable(_("The server's certificate could not be verified.")) from None
    except (OSError, http.client.HTTPException):
        raise CalendarUnavailable(_("The server could not be reached.")) from None
    finally:
        connection.close()


def _refuse_errors(response: http.client.HTTPResponse) -> None:
    status = response.status
    if status in (401, 403):
        raise CalendarUnavailable(
            _("The server refused the address or the password (%(status)s).")
            % {"status": status})
    if status in (404, 410):
        raise CalendarUnavailable(_("The server does not know this address (%(status)s).")
                                  % {"status": status})
    if status >= 400:
        raise CalendarUnavailable(_("The server answered with an error (%(status)s).")
                                  % {"status": status})
    if "html" in (response.getheader("Content-Type") or "").lower():
        raise not_a_calendar(web_page=True)


def _read(response: http.client.HTTPResponse, deadline: float) -> bytes:
    """The body in chunks, up to CALENDAR_MAX_BYTES and the deadline."""
    limit = settings.CALENDAR_MAX_BYTES
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise too_large()
    chunks, size = [], 0
    while chunk := response.read1(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise too_large()
        chunks.append(chunk)
        _seconds_left(deadline)  # a server dripping a byte at a time meets the deadline too
    return b"".join(chunks)


def too_large() -> CalendarUnavailable:
    megabytes = f"{settings.CALENDAR_MAX_BYTES / 1_000_000:g}"
    return CalendarUnavailable(_("The calendar is larger than %(size)s MB.")
                               % {"size": megabytes})


def not_a_calendar(*, web_page: bool = False) -> CalendarUnavailable:
    if web_page:
        return CalendarUnavailable(_("This address gives a web page, not a calendar."))
    return CalendarUnavailable(_("This address does not give a calendar."))


def timed_out() -> CalendarUnavailable:
    seconds = settings.CALENDAR_FETCH_TIMEOUT
    return CalendarUnavailable(ngettext("The server did not answer within %(seconds)d second.",
                                        "The server did not answer within %(seconds)d seconds.",
                                        seconds) % {"seconds": seconds})


def _seconds_left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise timed_out()
    return left


def _connection(target: Target, timeout: float) -> http.client.HTTPConnection:
    if target.scheme == "https":
        return _PinnedHTTPSConnection(target, timeout)
    return _PinnedHTTPConnection(target, timeout)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address; the Host header still names the host."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked address; TLS checks the certificate against the host name."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout,
                         context=ssl.create_default_context())
        self.address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
