"""Reading people's calendars into busy blocks, by the worker (never in a request).

Each connection keeps its own chain of reads, every CALENDAR_SYNC_MINUTES, with no cron and no
timer in the worker, on either task backend (the database queue or RQ):

- `next_read_at` names the one queued read that counts. `read_calendar(pk, due_at)` first claims
  its turn: in one transaction it moves `next_read_at` a period ahead, only if it still equals
  `due_at`, and queues the next read for that moment. Only then does it read. A worker killed in
  the middle of a read loses nothing: the next read is queued already.
- Any other queued read (the periodic one after a "Refresh now", a second click, a read queued
  again by a safety net) finds `next_read_at` moved on and does nothing. So clicking many times,
  restarting the worker or running `read_calendars` again never makes two chains.
- `read_soon` ("Refresh now", a new or changed connection) makes the read due now, unless one is
  due and waiting already (a period at most: after that, it is taken for lost).
- A chain can still break: a task lost with Redis, a worker stopped between taking a task and
  claiming its turn, a process dying between a commit and its enqueue. Such a connection falls
  behind its `next_read_at`, so every read first queues the reads a whole period overdue, and
  `manage.py read_calendars` (run by `make run`, and at each deployment) queues every due one.

A read fetches outside any transaction, then replaces the blocks and records the outcome in one
transaction, unless another read was queued meanwhile (a "Refresh now" after the address was
changed): that one records instead. A failed read keeps the blocks there were (they show as
possibly stale after a day) and records the short reason in `last_error`; it never raises.
Logs name the host only: a feed's address is its password.
"""

import logging
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from interviews.availability.calendars import Interval, Window, busy_intervals, owner_zone, parse
from interviews.availability.dav import caldav_calendars
from interviews.availability.fetch import CalendarUnavailable, fetch
from interviews.availability.models import CalendarConnection
from interviews.availability.writeback import write_back_all

logger = logging.getLogger(__name__)


def period() -> timedelta:
    return timedelta(minutes=settings.CALENDAR_SYNC_MINUTES)


@task()
def read_calendar(connection_id: int, due_at: str) -> str:
    """Read one calendar, if this is still its turn (`due_at`, ISO 8601, is `next_read_at` as it
    was when this read was queued); returns what happened."""
    turn = _claim(connection_id, datetime.fromisoformat(due_at))
    if turn is None:
        return "superseded"
    queue_due(late=period())  # the chains that broke somewhere, taken up again
    connection = CalendarConnection.objects.get(pk=connection_id)
    with translation.override(settings.LANGUAGE_CODE):
        outcome = _read_and_record(connection, turn)
        if outcome != "superseded" and (connection.writes_back
                                        or connection.written_events.exists()):
            # Write-back's own retry: what could not be written (or removed) since the last
            # read is tried again, and what is right already is left alone.
            write_back_all(connection)
        return outcome


def read_soon(connection: CalendarConnection) -> None:
    """Queue a read of this calendar now: a new connection, or "Refresh now"."""
    transaction.on_commit(partial(_queue_unless_waiting, connection.pk))


def read_at(connection: CalendarConnection, when: datetime) -> None:
    """Make the next read of this calendar due at `when`, in place of any queued before (the
    demo's first read over HTTP, once the server that serves its feed is up)."""
    with transaction.atomic():
        CalendarConnection.objects.filter(pk=connection.pk).update(next_read_at=when)
        _queue(connection.pk, when)


def queue_due(*, late: timedelta = timedelta(0)) -> int:
    """Queue a read now of every connection due `late` ago or more, or never queued; returns
    how many were queued."""
    cutoff = timezone.now() - late
    due = CalendarConnection.objects.filter(Q(next_read_at__isnull=True)
                                            | Q(next_read_at__lte=cutoff))
    return sum(_queue_now(pk, was) for pk, was in due.values_list("pk", "next_read_at"))


def read(connection: CalendarConnection) -> list[Interval]:
    """The busy time in the connection's calendar now (CalendarUnavailable when unreadable)."""
    window = Window.around_now(owner_zone(connection))
    if connection.kind == CalendarConnection.Kind.CALDAV:
        calendars = caldav_calendars(connection, window)
    else:
        calendars = [parse(fetch(connection.url, username=connection.username,
                                 password=connection.password))]
    return busy_intervals(calendars, window)


def _claim(connection_id: int, due: datetime) -> datetime | None:
    """This read's turn: the moment of the next read, now queued; None when it is not its turn."""
    next_at = timezone.now() + period()
    with transaction.atomic():
        if not CalendarConnection.objects.filter(pk=connection_id, next_read_at=due).update(
                next_read_at=next_at):
            return None
        _queue(connection_id, next_at)
    return next_at


def _queue_now(connection_id: int, was: datetime | None) -> bool:
    """Make the read due now instead of `was`; False when another did so first."""
    now = timezone.now()
    with transaction.atomic():
        if not CalendarConnection.objects.filter(pk=connection_id, next_read_at=was).update(
                next_read_at=now):
            return False
        _queue(connection_id, now)
    return True


def _queue_unless_waiting(connection_id: int) -> None:
    now = timezone.now()
    waiting = Q(next_read_at__gt=now - period(), next_read_at__lte=now)
    with transaction.atomic():
        if CalendarConnection.objects.filter(pk=connection_id).exclude(waiting).update(
                next_read_at=now):
            _queue(connection_id, now)


def _queue(connection_id: int, when: datetime) -> None:
    # In the caller's transaction: on the database queue, the task is queued with the turn
    # it belongs to or not at all. On RQ a rolled-back turn leaves a task that finds it is not
    # its turn.
    later = when > timezone.now()
    read_calendar.using(run_after=when if later else None).enqueue(
        connection_id, when.isoformat())


def _read_and_record(connection: CalendarConnection, turn: datetime) -> str:
    attempt = timezone.now()
    try:
        intervals = read(connection)
    except CalendarUnavailable as failure:
        return _record(connection, turn, attempt, error=failure.reason)
    except Exception as problem:  # noqa: BLE001 — a failing calendar must not stop the worker
        # The exception's text may hold the address: only its type is logged.
        logger.error("Calendar connection %s on %s: unexpected %s", connection.pk,
                     connection.host, type(problem).__name__)
        return _record(connection, turn, attempt, error=_("The calendar could not be read."))
    return _record(connection, turn, attempt, intervals=intervals)


def _record(connection: CalendarConnection, turn: datetime, attempt: datetime, *,
            intervals: list[Interval] | None = None, error: str = "") -> str:
    """Store the outcome of a read, unless a newer read has been queued since it began."""
    outcome = {"last_attempt_at": attempt, "last_error": error[:300]}
    if not error:
        outcome["last_read_at"] = timezone.now()
    with transaction.atomic():
        ours = CalendarConnection.objects.filter(pk=connection.pk, next_read_at=turn)
        if not ours.update(**outcome):
            return "superseded"
        if not error:
            connection.replace_busy_blocks(intervals)
    if error:
        logger.warning("Calendar connection %s on %s could not be read: %s", connection.pk,
                       connection.host, error)
        return "failed"
    logger.info("Calendar connection %s on %s read: %s busy blocks", connection.pk,
                connection.host, len(intervals))
    return "read"
