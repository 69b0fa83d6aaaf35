"""Delivery of stored Messages by the task worker (`manage.py db_worker`), never in a request."""

import logging
from contextlib import suppress
from datetime import timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .emails import build_email
from .models import AlreadySent, Interview, Message, Purpose

logger = logging.getLogger(__name__)

# Seconds to wait before each further attempt; after the last one the message is "failed".
BACKOFF = [30, 120, 600]


@task()
def deliver_message(message_id: int) -> str:
    message = Message.objects.filter(pk=message_id).first()
    if message is None or not message.claim():
        return "skipped"  # sent already, or another worker has it: never send twice
    email = build_email(message)
    try:
        mailers.default.send_messages([email])
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
