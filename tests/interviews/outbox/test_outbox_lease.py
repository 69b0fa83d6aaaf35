"""A worker that dies mid-delivery loses nothing: its claim is a lease another worker takes over."""

import asyncio
import threading
import time
from collections import defaultdict
from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.outbox.delivery import drain_outbox
from interviews.outbox.models import Message
from tests.interviews.outbox.test_delivery import plan, queue_copies, send

pytestmark = [pytest.mark.usefixtures("migrated_db"), pytest.mark.tasks_backend]

LEASE_SECONDS = 2


@pytest.fixture
def slow_server(smtp_server):
    """An SMTP server that takes its time over each message, and holds on to the fourth: it
    has the message, but has not said so yet when the worker sending it is killed."""
    receive = smtp_server.handle_DATA
    smtp_server.holding, smtp_server.release = threading.Event(), threading.Event()
    count = 0

    async def receive_slowly(server, session, envelope) -> str:
        nonlocal count
        await asyncio.sleep(0.05)
        count += 1
        answer = await receive(server, session, envelope)
        if count == 4:
            smtp_server.holding.set()
            await asyncio.to_thread(smtp_server.release.wait, 60)
        return answer

    smtp_server.handle_DATA = receive_slowly
    return smtp_server


def test_a_worker_killed_mid_batch_leaves_no_message_behind(
    recruiter_client, registration, slow_server, worker_database, start_worker, kill_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    queue_copies(Message.objects.get(), [f"candidate{n}@example.org" for n in range(9)])
    with worker_database() as url:
        first = start_worker(url, OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS))
        assert slow_server.holding.wait(timeout=60), "the worker never reached the 4th message"
        kill_worker(first)  # with every process it started, as when its machine stops
        killed_at = time.monotonic()
        slow_server.release.set()
        # Nobody presses Retry: the next worker takes the message over once the lease is out.
        time.sleep(max(0.0, killed_at + LEASE_SECONDS + 0.5 - time.monotonic()))
        second = start_worker(url, OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS))
        assert second.wait(timeout=120) == 0
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    copies = defaultdict(set)
    for received in slow_server.messages:
        copies[received["To"].addresses[0].addr_spec].add(received["Message-ID"])
    stored = dict(Message.objects.values_list("recipient_email", "message_id"))
    assert {address: {message_id} for address, message_id in stored.items()} == copies
    assert len(slow_server.messages) == 11  # the held one arrived twice, as one message


def test_a_worker_on_a_slow_server_keeps_its_batch_past_the_lease_and_none_is_sent_twice(
    recruiter_client, registration, smtp_server, worker_database, start_worker
):
    receive, fifth = smtp_server.handle_DATA, threading.Event()

    async def receive_slowly(server, session, envelope) -> str:
        await asyncio.sleep(0.5)  # the batch of twenty takes five times the lease
        answer = await receive(server, session, envelope)
        if len(smtp_server.messages) == 5:
            fifth.set()
        return answer

    smtp_server.handle_DATA = receive_slowly
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    queue_copies(Message.objects.get(), [f"candidate{n}@example.org" for n in range(19)])
    with worker_database() as url:
        first = start_worker(url, OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS))
        assert fifth.wait(timeout=60), "the first worker never got to the fifth message"
        # The lease it took with the batch is over by now: a second worker finds it renewed.
        second = start_worker(url, OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS))
        assert [first.wait(timeout=120), second.wait(timeout=120)] == [0, 0]
    received = [m["Message-ID"] for m in smtp_server.messages]
    assert sorted(received) == sorted(Message.objects.values_list("message_id", flat=True))
    assert set(Message.objects.values_list("status", "attempts")) == {(Message.Status.SENT, 1)}


def test_a_message_queued_twice_is_delivered_once_by_one_worker(
    recruiter_client, registration, smtp_server, run_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    message = Message.objects.get()
    drain_outbox.enqueue([message.pk])  # as after a double click on Retry
    run_worker()
    assert len(smtp_server.messages) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.SENT, 1)


def test_a_message_whose_workers_keep_dying_fails_after_the_last_attempt_with_a_retry(
    recruiter_client, registration, smtp_server, run_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    message = Message.objects.get()
    # Four workers took it, and each died: the last lease is over.
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENDING, attempts=Message.max_attempts(),
        lease_expires_at=timezone.now() - timedelta(seconds=1))
    run_worker()
    assert smtp_server.messages == []
    page = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert "Not sent: the delivery was interrupted (the worker stopped)." in page
    assert f'action="/messages/{message.pk}/retry/"' in page
