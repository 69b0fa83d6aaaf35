"""A real SMTP server (aiosmtpd) and the task worker, for the tests that deliver email."""

import asyncio
import email
import email.policy
import os
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management import call_command
from django.db import connection


class Inbox:
    """What the SMTP server received, as parsed email messages."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(settings) -> int:
    """The port the mailer sends to (nothing listens there until smtp_server starts)."""
    port = free_port()
    settings.MAILERS = {"default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
    }}
    return port


@pytest.fixture
def smtp_server(smtp_port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    inbox.controller = controller
    yield inbox
    controller.stop()


@pytest.fixture
def run_worker():
    """Run `manage.py db_worker` until no task is due, as `make run` does in the background."""
    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    return run


@pytest.fixture
def smtp_connections(smtp_server) -> list:
    """The connections the SMTP server accepts from now on, one SMTP session each."""
    controller = smtp_server.controller
    accepted = []
    factory = controller.factory

    def accept():
        session = factory()
        accepted.append(session)
        return session

    controller.factory = accept
    return accepted


@pytest.fixture
def hang_up(smtp_server, smtp_connections):
    """Close the open connections from the server's side, as a server does when it times out an
    idle client or restarts."""
    def hang_up() -> None:
        async def close() -> None:
            for session in smtp_connections:
                if session.transport is not None:
                    session.transport.close()

        asyncio.run_coroutine_threadsafe(close(), smtp_server.controller.loop).result(timeout=5)
    return hang_up


@pytest.fixture
def refuse(smtp_server, monkeypatch):
    """Make the SMTP server refuse (550) the addresses given, for every connection from now on."""
    refused: set[str] = set()

    async def handle_RCPT(server, session, envelope, address, rcpt_options) -> str:
        if address in refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    monkeypatch.setattr(smtp_server, "handle_RCPT", handle_RCPT, raising=False)
    return refused.add


@pytest.fixture
def worker_database(tmp_path):
    """The database as `manage.py db_worker` processes see it, as a context manager giving its
    URL: the test database itself on PostgreSQL; on SQLite (in memory here) a file copy of it,
    copied back into the test database once the workers are done."""
    @contextmanager
    def shared():
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            yield (f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}"
                   f"/{db['NAME']}")
            return
        connection.ensure_connection()
        path = tmp_path / "workers.sqlite3"
        with closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        yield f"sqlite:///{path}"
        with closing(sqlite3.connect(path)) as copy:
            copy.backup(connection.connection)
    return shared


@pytest.fixture
def start_worker(smtp_port):
    """Start `manage.py db_worker` as its own process (the way production runs it), delivering
    to the test SMTP server; the processes still running at the end are killed."""
    started = []

    def start(database_url: str, *, batch: bool = True, **environment) -> subprocess.Popen:
        env = {**os.environ, "DEBUG": "1", "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
               "DATABASE_URL": database_url, **environment}
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
             *(["--batch"] if batch else [])],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
