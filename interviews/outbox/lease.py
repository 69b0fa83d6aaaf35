"""Claiming due messages with a lease, as a mail queue does.

A worker claims a batch of due messages for OUTBOX_LEASE_SECONDS: it has them until then, and
renews the lease while it is still working through them. Should it stop meanwhile, the lease
runs out and another worker takes the messages over. Every function here runs inside the
caller's transaction.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone

from interviews.outbox.models import Message


def lease() -> timedelta:
    return timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


@dataclass
class Claim:
    """A batch of messages, each claimed for one attempt, that this worker has until `until`."""

    messages: list[Message]
    until: datetime

    def ends_soon(self) -> bool:
        """Less than half the lease is left: perhaps too little for one more attempt."""
        return timezone.now() >= self.until - lease() / 2

    def extend(self, messages: list[Message]) -> list[Message]:
        """Renew the lease of `messages`: those another worker took over are left out."""
        until = timezone.now() + lease()
        pks = [message.pk for message in messages]
        Message.objects.filter(pk__in=pks, status=Message.Status.SENDING,
                               lease_expires_at=self.until).update(lease_expires_at=until)
        ours = set(Message.objects.filter(pk__in=pks, lease_expires_at=until)
                   .values_list("pk", flat=True))
        self.until = until
        return [message for message in messages if message.pk in ours]


def claimable(now: datetime) -> QuerySet:
    """The messages a claim takes up: the due ones, and those to give up on."""
    return Message.objects.due(now) | Message.objects.abandoned_too_often(now)


def claim_batch(size: int) -> Claim | None:
    """Up to `size` due messages, oldest first; None when nothing is due. A message abandoned
    after its last attempt is given up on instead (reason: the delivery was interrupted)."""
    now = timezone.now()
    until = now + lease()
    candidates = claimable(now)
    # PostgreSQL skips the rows another worker is claiming at this moment instead of waiting
    # for them. SQLite has no row locks: there the conditions of the updates decide.
    rows = list(candidates.order_by("pk").select_for_update(skip_locked=True)
                .values_list("pk", "status", "attempts")[:size])
    if not rows:
        return None
    last = Message.max_attempts()
    given_up = [pk for pk, status, attempts in rows
                if status == Message.Status.SENDING and attempts >= last]
    if given_up:
        Message.objects.abandoned_too_often(now).filter(pk__in=given_up).update(
            status=Message.Status.FAILED, error_reason=Message.ErrorReason.INTERRUPTED,
            lease_expires_at=None, updated_at=now)
    pks = [pk for pk, _, _ in rows if pk not in given_up]
    Message.objects.due(now).filter(pk__in=pks).update(
        status=Message.Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=None,
        lease_expires_at=until, updated_at=now)
    return Claim(list(Message.objects.filter(pk__in=pks, status=Message.Status.SENDING,
                                             lease_expires_at=until).order_by("pk")), until)
