"""Delivery, as a mail queue does it: one task drains the due messages over one connection.

Posting a message (`enqueue_delivery`, in the caller's transaction) queues a drain once that
transaction commits, one for all the messages posted in it. A drain claims a batch of due
messages with a lease (lease.py), sends each over its one mailer connection, records each
result, and claims the next batch until nothing is due. A failed attempt makes only that
message wait for its next try (Message.RETRY_DELAYS). Whatever is left waiting (a retry, a
lease) gets a drain queued for the moment it falls due, so retries and take-overs happen
without anyone pressing anything, on any task backend; no worker keeps a timer of its own.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta

from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, connection, transaction
from django.tasks import task
from django.utils import timezone

from interviews.outbox.email import build_email
from interviews.outbox.lease import Claim, claim_batch, claimable
from interviews.outbox.models import Message
from interviews.outbox.reasons import dropped, explain

logger = logging.getLogger(__name__)

# Messages claimed at a time: enough to make the claim cheap beside the sending, few enough
# that several workers share a large send.
BATCH_SIZE = 20


@task()
def drain_outbox(messages: list[int], due_at: str | None = None) -> int:
    """Deliver every due message, unless none of `messages` (the ones this drain was queued
    for) is due any more: another drain has them. `due_at` (ISO 8601): the moment a drain was
    queued for, a retry's or the end of a lease. Returns how many were sent."""
    sent = 0
    if claimable(timezone.now()).filter(pk__in=messages).exists():
        with _commits_without_waiting_for_the_disk(), _Connection() as mailer:
            while claim := _claim():
                sent += _deliver_batch(claim, mailer)
    if due_at and timezone.now() < datetime.fromisoformat(due_at):
        # Its moment has not come yet (RQ's scheduler counts whole seconds, and clocks differ):
        # once more at that moment.
        _drain_at(datetime.fromisoformat(due_at), messages)
    return sent


@contextmanager
def _commits_without_waiting_for_the_disk() -> Iterator[None]:
    """PostgreSQL: this connection's commits return before the WAL reaches the disk.

    Recording each message as it goes out is what keeps a killed worker from sending it twice;
    waiting for the disk on each of those commits would take longer than sending. Other
    connections see every commit at once, as always, and a worker that dies loses none. Only
    should the database server itself crash, the last fraction of a second of records may be
    lost: those messages go out once more, with the same Message-ID.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with suppress(DatabaseError), connection.cursor() as cursor:  # a broken connection
            cursor.execute("RESET synchronous_commit")  # is closed anyway


def _claim() -> Claim | None:
    with transaction.atomic():
        claim = claim_batch(BATCH_SIZE)
        if claim and claim.messages:
            # Committed with the claim: should this worker stop, a drain takes the batch over.
            _drain_at(claim.until, [message.pk for message in claim.messages])
    return claim


def _deliver_batch(claim: Claim, mailer: "_Connection") -> int:
    sent, waiting = 0, list(claim.messages)
    while waiting:
        if claim.ends_soon():  # a slow server: keep the rest, unless another worker has them
            with transaction.atomic():
                waiting = claim.extend(waiting)
                _drain_at(claim.until, [message.pk for message in waiting])
            if not waiting:
                break
        sent += _deliver(waiting.pop(0), mailer)
    return sent


def _deliver(message: Message, mailer: "_Connection") -> bool:
    try:
        email = build_email(message)
        mailer.send(email)
    except Exception as error:  # noqa: BLE001 — any failure of the mailer is a failed attempt
        logger.warning("Delivery of message %s failed: %s", message.pk, error)
        _record_failure(message, error)
        return False
    status = getattr(email, "anymail_status", None)  # an ESP's own id for its tracking events
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent_at=timezone.now(), last_error="", error_reason="",
        lease_expires_at=None, provider_message_id=(status and status.message_id) or "",
        updated_at=timezone.now())
    return True


def _record_failure(message: Message, error: Exception) -> None:
    failure = {"last_error": str(error), "error_reason": explain(error),
               "lease_expires_at": None, "updated_at": timezone.now()}
    # Only while the claim is still this attempt's: a worker that outlived its lease has lost it.
    ours = Message.objects.filter(pk=message.pk, status=Message.Status.SENDING,
                                  attempts=message.attempts)
    delays = Message.RETRY_DELAYS
    if message.attempts > len(delays):
        ours.update(status=Message.Status.FAILED, **failure)
        return
    next_attempt_at = timezone.now() + timedelta(seconds=delays[message.attempts - 1])
    with transaction.atomic():
        if ours.update(status=Message.Status.RETRYING, next_attempt_at=next_attempt_at,
                       **failure):
            _drain_at(next_attempt_at, [message.pk])  # committed with this try's failure


class _Connection:
    """A drain's one connection to the default mailer, opened for the first message.

    Opening one (connect, EHLO, STARTTLS, AUTH; an ESP's HTTPS session) costs more than sending
    a message over it. A failed send closes it, for it may be in any state; the next message
    opens a new one. A server that hung up meanwhile is given one more try over a fresh one.
    """

    def __init__(self) -> None:
        self.mailer: BaseEmailBackend | None = None

    def __enter__(self) -> "_Connection":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def send(self, email: EmailMessage) -> None:
        reused = self.mailer is not None
        try:
            self._open().send_messages([email])
        except Exception as error:
            self.close()
            if not (reused and dropped(error)):
                raise
            try:
                self._open().send_messages([email])
            except Exception:
                self.close()
                raise

    def _open(self) -> BaseEmailBackend:
        if self.mailer is None:
            mailer = mailers.default
            mailer.open()
            self.mailer = mailer
        return self.mailer

    def close(self) -> None:
        mailer, self.mailer = self.mailer, None
        if mailer is not None:
            with suppress(Exception):  # given up either way; a dropped connection cannot QUIT
                mailer.close()


def _drain_at(when: datetime, messages: list[int]) -> None:
    drain_outbox.using(run_after=when).enqueue(messages, when.isoformat())


class _Posted(list):
    """The messages posted in one transaction: one drain for them all once it commits."""

    def __call__(self) -> None:
        drain_outbox.enqueue(list(self))


def enqueue_delivery(message: Message) -> None:
    """Post the stored message: a drain is queued once the caller's transaction commits."""
    posted = next((callback for _, callback, _ in connection.run_on_commit
                   if isinstance(callback, _Posted)), None)
    if posted is not None:
        posted.append(message.pk)
    else:  # outside a transaction, on_commit runs it at once
        transaction.on_commit(_Posted([message.pk]))


def retry(message: Message) -> bool:
    """Queue a failed message again, from its first attempt."""
    with transaction.atomic():
        requeued = message.requeue()
        if requeued:
            enqueue_delivery(message)
    return requeued
