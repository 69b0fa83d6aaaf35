"""TODO docstring."""

import logging
import socket
import ssl
import threading
import time
from contextlib import suppress
from datetime import datetime, timedelta
from smtplib import (
    SMTPAuthenticationError,
    SMTPDataError,
    SMTPNotSupportedError,
    SMTPRecipientsRefused,
    SMTPSenderRefused,
    SMTPServerDisconnected,
)

from anymail.exceptions import AnymailInvalidAddress, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.tasks import task
from django.utils import timezone

from interviews.outbox.email import build_email
from interviews.outbox.models import Message

logger = logging.getLogger(__name__)


# Seconds a worker keeps its mailer connection open without a delivery before closing it.
IDLE_SECONDS = 10


@task()
def deliver_message(message_id: int) -> str:
    message = Message(pk=message_id)  # claim() loads it, and only when it is due
    if not _claim(message):
        return "skipped"  # gone, not due, sent already, or another worker has it
    try:
        email = build_email(message)
        _kept.connection.send(email)
    except Exception as error:  # noqa: BLE001 — any failure of the mailer is a failed attempt
        logger.warning("Delivery of message %s failed: %s", message.pk, error)
        return _after_failure(message, error)
    status = getattr(email, "anymail_status", None)  # an ESP's own id for its tracking events
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent_at=timezone.now(), last_error="", error_reason="",
        lease_expires_at=None, provider_message_id=(status and status.message_id) or "",
    )
    return "sent"


def _claim(message: Message) -> bool:
    """Claim the message for one attempt, and have it taken up again should this worker die."""
    lease = timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    with transaction.atomic():
        if not message.claim(lease=lease):
            return False
        # Committed with the claim (a database task backend) or before it: a task that
        # takes the message over once the lease is over, unless it was recorded by then.
        deliver_message.using(run_after=message.lease_expires_at).enqueue(message.pk)
    return True


class _KeptConnection:
    """A worker thread's connection to the default mailer, kept open from task to task.

    Each task delivers one message, and opening a connection (connect, EHLO, STARTTLS, AUTH; an
    ESP's HTTPS session) costs more than sending one message over it. So the connection stays
    open until it has been idle for IDLE_SECONDS, a send fails, or MAILERS changes.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()  # the idle timer closes the connection from its own thread
        self.mailer: BaseEmailBackend | None = None
        self.mailers_version = -1
        self.last_used = 0.0
        self.idle_timer: threading.Timer | None = None

    def send(self, email: EmailMessage) -> None:
        with self.lock:
            try:
                reused = self._open()
                try:
                    self.mailer.send_messages([email])
                except Exception as error:
                    if not (reused and _dropped(error)):
                        raise
                    # The server hung up while we were idle (timeout, restart): once more, fresh.
                    self._close()
                    self._open()
                    self.mailer.send_messages([email])
            except BaseException:
                self._close()  # never reuse a connection in an unknown state
                raise
            self.last_used = time.monotonic()
            if self.idle_timer is None:
                self._close_when_idle(IDLE_SECONDS)

    def close(self) -> None:
        with self.lock:
            self._close()

    def _open(self) -> bool:
        """Open a connection unless one to the current MAILERS is open; True when reused."""
        if self.mailer is not None and self.mailers_version == _mailers_version:
            return True
        self._close()
        self.mailer, self.mailers_version = mailers.default, _mailers_version
        self.mailer.open()
        return False

    def _close(self) -> None:
        if self.idle_timer is not None:
            self.idle_timer.cancel()
            self.idle_timer = None
        mailer, self.mailer = self.mailer, None
        if mailer is not None:
            with suppress(Exception):  # given up either way; a dropped connection cannot QUIT
                mailer.close()

    def _close_when_idle(self, seconds: float) -> None:
        self.idle_timer = threading.Timer(seconds, self._close_if_idle)
        self.idle_timer.daemon = True  # a worker that exits does not wait for it
        self.idle_timer.start()

    def _close_if_idle(self) -> None:
        with self.lock:
            if self.idle_timer is not threading.current_thread():
                return  # closed (and perhaps opened again) meanwhile: a newer timer is on it
            idle = time.monotonic() - self.last_used
            if idle < IDLE_SECONDS:
                self._close_when_idle(IDLE_SECONDS - idle)  # used since: wait for the rest
            else:
                self._close()


def _dropped(error: Exception) -> bool:
    """The server closed the connection; a new one may well work (421: closing the channel)."""
    return (isinstance(error, SMTPServerDisconnected | ConnectionError)
            or getattr(error, "smtp_code", None) == 421)


class _PerThread(threading.local):
    """One kept connection per thread: a mailer's connection is not shared between threads."""

    def __init__(self) -> None:
        self.connection = _KeptConnection()


_kept = _PerThread()


_mailers_version = 0  # raised whenever MAILERS changes: every kept connection is then stale


@receiver(setting_changed)
def _forget_connections(*, setting: str, **kwargs) -> None:
    """override_settings (tests) may point MAILERS at another server: connect anew."""
    global _mailers_version  # noqa: PLW0603 — one counter, read by every thread's connection
    if setting == "MAILERS":
        _mailers_version += 1
        _kept.connection.close()


def _after_failure(message: Message, error: Exception) -> str:
    failure = {"last_error": str(error), "error_reason": explain(error),
               "lease_expires_at": None}
    # Only while the claim is still this attempt's: a worker that outlived its lease has lost it.
    ours = Message.objects.filter(pk=message.pk, status=Message.Status.SENDING,
                                  attempts=message.attempts)
    delays = Message.RETRY_DELAYS
    if message.attempts <= len(delays):
        next_attempt_at = timezone.now() + timedelta(seconds=delays[message.attempts - 1])
        if ours.update(status=Message.Status.RETRYING, next_attempt_at=next_attempt_at,
                       **failure):
            enqueue_delivery(message, at=next_attempt_at)
        return "retrying"
    ours.update(status=Message.Status.FAILED, **failure)
    return "failed"


# The first kind that matches names the reason (Message.ErrorReason) a recruiter reads.
_REASONS = [
    (SMTPRecipientsRefused | AnymailRecipientsRefused, Message.ErrorReason.RECIPIENT),
    (SMTPSenderRefused, Message.ErrorReason.SENDER),
    (SMTPAuthenticationError, Message.ErrorReason.AUTHENTICATION),
    (SMTPDataError, Message.ErrorReason.REJECTED),
    (ssl.SSLError, Message.ErrorReason.TLS),
    (ConnectionRefusedError, Message.ErrorReason.REFUSED),
    (TimeoutError, Message.ErrorReason.TIMEOUT),
    (socket.gaierror, Message.ErrorReason.UNKNOWN_HOST),
    (SMTPServerDisconnected | ConnectionError, Message.ErrorReason.DISCONNECTED),
    (AnymailInvalidAddress, Message.ErrorReason.INVALID_ADDRESS),
]


def explain(error: Exception) -> str:
    """The reason for a failed attempt; empty when only the server's own words tell it."""
    if isinstance(error, SMTPNotSupportedError) and "STARTTLS" in str(error):
        return Message.ErrorReason.TLS
    if isinstance(error, ValueError) and str(error).startswith("Invalid address"):
        return Message.ErrorReason.INVALID_ADDRESS  # Django refuses it before connecting
    return next((reason for kinds, reason in _REASONS if isinstance(error, kinds)), "")


def enqueue_delivery(message: Message, *, at: datetime | None = None) -> None:
    """Queue the delivery once the transaction that stored the message has committed."""

    def enqueue() -> None:
        deliver_message.using(run_after=at).enqueue(message.pk)

    transaction.on_commit(enqueue)


def retry(message: Message) -> bool:
    """Queue a failed message again, from its first attempt."""
    with transaction.atomic():
        requeued = message.requeue()
        if requeued:
            enqueue_delivery(message)
    return requeued
