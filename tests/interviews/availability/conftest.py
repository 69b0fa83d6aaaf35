"""Calendars to read in the availability tests: a real CalDAV server (Radicale), a local feed
server, the app's clock set to 2037, and the busy blocks as their owner sees them."""

import base64
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from interviews.availability.models import CalendarConnection
from interviews.availability.sync import read_soon
from tests.interviews.conftest import free_port


@dataclass(frozen=True)
class CalDAVServer:
    """A running Radicale: `url` is the server's root; each user has the password
    "<user>-app-password" and owns the calendars under `<url><user>/`."""

    url: str

    @staticmethod
    def password(user: str) -> str:
        return f"{user}-app-password"

    def calendar_url(self, user: str, calendar: str = "work") -> str:
        return f"{self.url}{user}/{calendar}/"

    def make_calendar(self, user: str, calendar: str = "work") -> str:
        """Create a calendar for `user` (MKCALENDAR); returns its address."""
        url = self.calendar_url(user, calendar)
        request = urllib.request.Request(url, method="MKCALENDAR")
        request.add_header("Authorization", _basic(user, self.password(user)))
        with urllib.request.urlopen(request, timeout=5):
            pass
        return url


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


USERS = ("marieke", "alice", "room", "mallory")


@pytest.fixture(scope="session")
def radicale(tmp_path_factory) -> CalDAVServer:
    """Radicale on a free port, with its own storage and a plain htpasswd file."""
    folder = tmp_path_factory.mktemp("radicale")
    users = folder / "users"
    users.write_text("".join(f"{user}:{CalDAVServer.password(user)}\n" for user in USERS))
    port = free_port()
    config = folder / "config"
    config.write_text(f"""
[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {users}
htpasswd_encryption = plain
[rights]
type = owner_only
[storage]
filesystem_folder = {folder / "collections"}
[logging]
level = warning
""")
    process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = CalDAVServer(url=f"http://127.0.0.1:{port}/")
    try:
        _wait_until_up(server.url, process)
        yield server
    finally:
        process.terminate()
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Radicale stopped: {process.stderr.read().decode()}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answers (401 or a redirect page): it is up
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("Radicale did not start within 20 seconds")


FEEDS = Path(__file__).parent / "feeds"


class FeedHandler(BaseHTTPRequestHandler):
    """Calendars as servers give them, and as they fail: /feeds/<file> serves a file of
    feeds/; /unauthorized answers 401, /hang waits longer than any test's time-out, /page is a
    sign-in web page, /large an endless calendar, /moved/<file> redirects to /feeds/<file>,
    /redirect-to/<url> to <url>."""

    hanging = threading.Event()  # set once a reader waits on /hang

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path.startswith("/feeds/") and (FEEDS / path.removeprefix("/feeds/")).is_file():
            self._answer(200, "text/calendar; charset=utf-8",
                         (FEEDS / path.removeprefix("/feeds/")).read_bytes())
        elif path.startswith(("/moved/", "/redirect-to/")):
            self.send_response(302)
            self.send_header("Location", "/feeds/" + path.removeprefix("/moved/")
                             if path.startswith("/moved/") else path.removeprefix("/redirect-to/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/unauthorized":
            self._answer(401, "text/plain", b"Unauthorized")
        elif path == "/hang":
            FeedHandler.hanging.set()
            time.sleep(5)
            self._answer(200, "text/calendar", b"")
        elif path == "/page":
            self._answer(200, "text/html; charset=utf-8", (FEEDS / "page.html").read_bytes())
        elif path == "/large":
            self._endless_calendar()
        else:
            self._answer(404, "text/plain", b"Not found")

    def _answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(OSError):  # the reader gave up
            self.wfile.write(body)

    def _endless_calendar(self) -> None:
        """No Content-Length: only counting what arrives can stop it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Connection", "close")
        self.end_headers()
        with suppress(OSError):
            self.wfile.write(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
            for _ in range(1000):
                self.wfile.write(b"X-PADDING:" + b"x" * 1000 + b"\r\n")

    def log_message(self, *args) -> None:
        pass  # the request line holds the feed's secret address: not even in test output


@dataclass(frozen=True)
class FeedServer:
    base: str
    hanging: threading.Event

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


@pytest.fixture(scope="session")
def feed_server() -> FeedServer:
    """A local HTTP server that serves calendars (and fails to) as feed servers do."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield FeedServer(f"http://127.0.0.1:{server.server_address[1]}", FeedHandler.hanging)
    server.shutdown()
    server.server_close()


@pytest.fixture
def clock(monkeypatch):
    """Set the clock of the app to a moment ("2037-03-01 08:00+00:00"): the feeds are of 2037."""
    def set_to(moment: str) -> None:
        fixed = datetime.fromisoformat(moment)
        monkeypatch.setattr(timezone, "now", lambda: fixed)
    return set_to


@pytest.fixture
def read_now(django_capture_on_commit_callbacks, run_worker):
    """"Refresh now" on a connection, then the worker runs what is due; the connection as
    stored afterwards."""
    def read(connection: CalendarConnection) -> CalendarConnection:
        with django_capture_on_commit_callbacks(execute=True):
            read_soon(connection)
        run_worker()
        connection.refresh_from_db()
        return connection
    return read


def busy(connection: CalendarConnection, zone: str = "Europe/Amsterdam") -> list[str]:
    """The stored busy blocks as their owner sees them: "Mon 02-03 10:00–11:00 (tentative)"."""
    local = ZoneInfo(zone)
    return [f"{block.start.astimezone(local):%a %d-%m %H:%M}–{block.end.astimezone(local):%H:%M}"
            + (" (tentative)" if block.tentative else "")
            for block in connection.busy_blocks.order_by("start")]
