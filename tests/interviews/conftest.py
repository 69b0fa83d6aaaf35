"""A real SMTP server (aiosmtpd) and the task worker, for the tests that deliver email."""

import asyncio
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


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
