"""Delivery of stored Messages by the task worker (`manage.py db_worker`), never in a request."""

import logging
import threading
import time
from contextlib import suppress
from datetime import timedelta
from smtplib import SMTPServerDisconnected

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.tasks import task
from django.utils import timezone

from .emails import build_email
from .models import AlreadySent, Interview, Message, Purpose

logger = logging.getLogger(__name__)

# Seconds to wait before each further attempt; after the last one the message is "failed".
BACKOFF = [30, 120, 600]
# Seconds a worker keeps its mailer connection open without a delivery before closing it.
IDLE_SECONDS = 10


@task()
def deliver_message(message_id: int) -> str:
    message = Message(pk=message_id)  # claim() loads it, and only when it is due
    if not message.claim():
        return "skipped"  # gone, sent already, or another worker has it: never send twice
    email = build_email(message)
    try:
        _kept.connection.send(email)
    except Exception as error:  # noqa: BLE001 — any failure of the mailer is a failed attempt
        logger.warning("Delivery of message %s failed: %s", message.pk, error)
        return _after_failure(message, error)
    status = getattr(email, "anymail_status", None)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent_at=timezone.now(), last_error="",
        provider_message_id=(status.message_id if status and status.message_id
                             else email.extra_headers["Message-ID"]),
    )
    return "sent"


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
    if message.attempts <= len(BACKOFF):
        Message.objects.filter(pk=message.pk).update(status=Message.Status.QUEUED,
                                                     last_error=str(error))
        enqueue_delivery(message, delay=BACKOFF[message.attempts - 1])
        return "retrying"
    Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED,
                                                 last_error=str(error))
    return "failed"


def enqueue_delivery(message: Message, *, delay: int = 0) -> None:
    """Queue the delivery once the transaction that stored the message has committed."""
    run_after = timezone.now() + timedelta(seconds=delay) if delay else None

    def enqueue() -> None:
        deliver_message.using(run_after=run_after).enqueue(message.pk)

    transaction.on_commit(enqueue)


@task()
def send_reminders(interview_id: int, sequence: int) -> str:
    """The reminder for one version of an interview; any change since then makes it void."""
    from .loop import communicate_defaults  # the loop module builds on this one

    interview = Interview.objects.filter(pk=interview_id).first()
    if (interview is None or interview.sequence != sequence or interview.candidate_id is None
            or interview.status != Interview.Status.PLANNED):
        return "skipped"
    audiences = ["candidate", "manager"] if interview.includes_manager else ["candidate"]
    for audience in audiences:
        with suppress(AlreadySent):  # this reminder went out already: once is enough
            communicate_defaults(interview=interview, audience=audience,
                                 purpose=Purpose.REMINDER, by=None,
                                 send_token=f"reminder-{interview.pk}-{sequence}-{audience}")
    return "sent"


def schedule_reminders(interview: Interview) -> None:
    """Queue the reminder for the interview as it is now (REMINDER_HOURS_BEFORE its start)."""
    run_after = interview.start - timedelta(hours=settings.REMINDER_HOURS_BEFORE)
    if interview.candidate_id is None or run_after <= timezone.now():
        return
    args = (interview.pk, interview.sequence)
    transaction.on_commit(lambda: send_reminders.using(run_after=run_after).enqueue(*args))
