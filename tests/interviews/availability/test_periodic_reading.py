"""Calendars are read again every CALENDAR_SYNC_MINUTES by the worker, in one chain per
calendar however often "Refresh now" is pressed or the worker restarts."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from interviews.availability.models import CalendarConnection
from interviews.availability.sync import read_calendar, read_soon

pytestmark = [pytest.mark.usefixtures("migrated_db"), pytest.mark.tasks_backend]


@pytest.fixture
def connection(feed_server, manager_contact) -> CalendarConnection:
    return CalendarConnection.objects.create(contact_person=manager_contact,
                                             url=feed_server.url("/feeds/floating.ics"))


def refresh_now(connection: CalendarConnection) -> None:
    with transaction.atomic():  # as a view does: queued once the change is saved
        read_soon(connection)


def next_reads(task_queue) -> list[timedelta]:
    """How long until each waiting read, in whole minutes."""
    now = timezone.now()
    return [timedelta(minutes=round((when - now).total_seconds() / 60))
            for when in task_queue.scheduled(read_calendar)]


def test_refresh_now_reads_the_calendar_and_queues_one_next_read(
        connection, run_worker, task_queue):
    refresh_now(connection)
    refresh_now(connection)
    run_worker()
    connection.refresh_from_db()
    assert connection.last_read_at is not None and connection.last_error == ""
    assert next_reads(task_queue) == [timedelta(minutes=15)]


def test_the_chain_keeps_going_and_stays_single(connection, run_worker, task_queue):
    refresh_now(connection)
    run_worker()
    for _ in range(2):
        connection.refresh_from_db()
        read_at = connection.last_read_at
        task_queue.make_due(read_calendar)
        run_worker()
        connection.refresh_from_db()
        assert connection.last_read_at > read_at
        assert next_reads(task_queue) == [timedelta(minutes=15)]


def test_refresh_now_while_the_next_read_waits_does_not_start_a_second_chain(
        connection, run_worker, task_queue):
    refresh_now(connection)
    run_worker()
    refresh_now(connection)
    refresh_now(connection)
    run_worker()
    task_queue.make_due(read_calendar)  # the read that was waiting, and the new chain's next
    run_worker()
    assert next_reads(task_queue) == [timedelta(minutes=15)]


def test_a_failing_calendar_keeps_its_chain(connection, feed_server, run_worker, task_queue):
    connection.url = feed_server.url("/unauthorized")
    connection.save()
    refresh_now(connection)
    run_worker()
    task_queue.make_due(read_calendar)
    run_worker()
    connection.refresh_from_db()
    assert connection.last_error == "The server refused the address or the password (401)."
    assert next_reads(task_queue) == [timedelta(minutes=15)]


def test_read_calendars_takes_up_a_broken_chain_and_running_it_again_adds_none(
        connection, run_worker, task_queue):
    refresh_now(connection)
    run_worker()
    # Its next read is lost (a flushed Redis, a worker killed at the wrong moment).
    CalendarConnection.objects.filter(pk=connection.pk).update(
        next_read_at=timezone.now() - timedelta(hours=1))
    call_command("read_calendars", verbosity=0)
    call_command("read_calendars", verbosity=0)  # `make run` again
    run_worker()
    task_queue.make_due(read_calendar)
    run_worker()
    connection.refresh_from_db()
    assert timezone.now() - connection.last_read_at < timedelta(minutes=1)
    assert next_reads(task_queue) == [timedelta(minutes=15)]


def test_any_read_takes_up_the_calendars_left_behind(
        connection, feed_server, recruiter, run_worker, task_queue):
    forgotten = CalendarConnection.objects.create(
        user=recruiter, url=feed_server.url("/feeds/floating.ics"),
        next_read_at=timezone.now() - timedelta(hours=2))
    refresh_now(connection)
    run_worker()
    forgotten.refresh_from_db()
    assert forgotten.last_read_at is not None
    assert next_reads(task_queue) == [timedelta(minutes=15)] * 2


def test_a_worker_killed_in_the_middle_of_a_read_leaves_the_next_read_queued(
        connection, feed_server, worker_database, start_worker, kill_worker, run_worker,
        task_queue):
    connection.url = feed_server.url("/hang")
    connection.save()
    refresh_now(connection)
    feed_server.hanging.clear()
    with worker_database() as url:
        worker = start_worker(url)
        assert feed_server.hanging.wait(timeout=60), "the worker never started reading"
        kill_worker(worker)
    assert next_reads(task_queue) == [timedelta(minutes=15)]
    connection.url = feed_server.url("/feeds/floating.ics")
    connection.save()
    task_queue.make_due(read_calendar)
    run_worker()
    connection.refresh_from_db()
    assert connection.last_read_at is not None and connection.last_error == ""
    assert next_reads(task_queue) == [timedelta(minutes=15)]
