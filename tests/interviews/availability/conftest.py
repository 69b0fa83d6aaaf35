"""A real CalDAV server (Radicale) for the calendar tests: reading busy times and write-back."""

import base64
import subprocess
import sys
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass

import pytest

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
