"""End to end: plan → communicate → the worker → a real SMTP server → what arrived (R5, R7, R8)."""

import asyncio
import datetime as dt
import time
from datetime import UTC

import pytest
from django.utils import timezone
from icalendar import Calendar

from interviews.outbox.delivery import drain_outbox, enqueue_delivery
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from tests.interviews.readable import LONG_MEMO, readable

pytestmark = [pytest.mark.usefixtures("migrated_db"), pytest.mark.tasks_backend]


def plan(client, registration, **fields) -> Interview:
    data = {"start": "30-11-2037 10:00", "kind": "both", "duration": "45",
            "contact_person": registration.vacancy.hiring_manager_id,
            "location_text": "Catharijnesingel 42, Utrecht", "interviewer": "Pat Jansen",
            "memo": LONG_MEMO, "then": "candidate"}
    data.update(fields)
    response = client.post(f"/registrations/{registration.pk}/interviews/new/", data)
    interview = Interview.objects.latest("pk")
    assert response.url.startswith(f"/interviews/{interview.pk}/communicate/{data['then']}/")
    return interview


def send(client, interview, audience="candidate", **fields) -> None:
    page = client.get(f"/interviews/{interview.pk}/communicate/{audience}/")
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["profile"] = form["profile"].value()
    data.update(fields)
    response = client.post(f"/interviews/{interview.pk}/communicate/{audience}/", data)
    assert response.status_code == 302
    client.get(response.url)  # followed, as a browser does: it shows what Send said


def until_given_up(run_worker, task_queue) -> None:
    """Run the worker for every attempt a message gets, its retries falling due in between
    (without waiting for them here)."""
    for _ in range(Message.max_attempts()):
        run_worker()
        Message.objects.filter(status=Message.Status.RETRYING).update(
            next_attempt_at=timezone.now())
        task_queue.make_due(drain_outbox)


def calendar_of(message) -> Calendar:
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return part, Calendar.from_ical(part.get_content())


@pytest.fixture
def candidate_wants_invites(registration):
    registration.candidate.wants_vcalendar = True
    registration.candidate.language = "en"
    registration.candidate.save()
    return registration


def test_the_candidate_gets_the_invitation_with_merge_fields_and_a_calendar_entry(
    recruiter_client, candidate_wants_invites, smtp_server, run_worker
):
    interview = plan(recruiter_client, candidate_wants_invites)
    send(recruiter_client, interview)
    run_worker()
    [received] = smtp_server.messages
    assert received["To"].addresses[0].addr_spec == "jeroen@example.org"
    assert received["Subject"] == (
        "Invitation: interview for Senior Java Developer on Monday 30-11-2037")
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    assert "Monday 30-11-2037, 10:00–10:45" in text
    assert "Dear Jeroen" in text and "Pat Jansen" in text
    assert "<style" not in html and 'style="' in html  # the profile's CSS is inlined
    part, calendar = calendar_of(received)
    assert part.get_param("method") == "REQUEST"
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert event["UID"] == interview.calendar_uid
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == dt.datetime(2037, 11, 30, 9, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == dt.datetime(2037, 11, 30, 9, 45, tzinfo=UTC)
    assert "Z" in event["DTSTART"].to_ical().decode()
    assert "recruitment@example.com" in str(event["ORGANIZER"])
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:jeroen@example.org"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION" and attendee.params["RSVP"] == "TRUE"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert "DTSTAMP" in event
    assert LONG_MEMO not in readable(received)
    message = Message.objects.get()
    assert message.status == Message.Status.SENT


def test_the_manager_is_written_in_their_language_with_guidelines(
    recruiter_client, registration, smtp_server, run_worker, manager_contact
):
    from interviews.planning.configuration import InterviewGuideline
    manager_contact.language = "nl"
    manager_contact.save()
    star = InterviewGuideline.objects.create(title="STAR-methode", text="Vraag door op resultaat.")
    interview = plan(recruiter_client, registration, guidelines=[star.pk], then="manager")
    send(recruiter_client, interview, audience="manager")
    run_worker()
    [received] = smtp_server.messages
    assert received["To"].addresses[0].addr_spec == manager_contact.email
    text = received.get_body(("plain",)).get_content()
    assert received["Subject"].startswith("Gesprek met Jeroen van Dijk")
    assert "maandag 30-11-2037" in text and "STAR-methode" in text
    part, calendar = calendar_of(received)  # the manager wants calendar invitations
    assert calendar.walk("VEVENT")[0]["SUMMARY"].startswith("Gesprek met Jeroen van Dijk")
    assert LONG_MEMO not in readable(received)


def test_a_reschedule_keeps_the_uid_and_raises_the_sequence_then_a_cancel_cancels(
    recruiter_client, candidate_wants_invites, smtp_server, run_worker
):
    interview = plan(recruiter_client, candidate_wants_invites)
    send(recruiter_client, interview)
    response = recruiter_client.post(interview.get_absolute_url(), {
        "start": "01-12-2037 14:00", "kind": "both", "duration": "45",
        "contact_person": interview.contact_person_id, "version": interview.version + 0,
        "location_text": interview.location_text})
    assert "offer=change" in response.url
    send(recruiter_client, interview, purpose="change")
    recruiter_client.post(f"/interviews/{interview.pk}/status/", {"status": "cancelled"})
    send(recruiter_client, interview, purpose="cancellation")
    run_worker()
    first, changed, cancelled = sorted(smtp_server.messages,
                                       key=lambda m: calendar_of(m)[1].walk("VEVENT")[0]
                                       ["SEQUENCE"])
    uids = {calendar_of(m)[1].walk("VEVENT")[0]["UID"] for m in smtp_server.messages}
    assert uids == {interview.calendar_uid}
    assert [calendar_of(m)[1].walk("VEVENT")[0]["SEQUENCE"] for m in (first, changed,
                                                                      cancelled)] == [0, 1, 2]
    assert changed["Subject"].startswith("Changed:")
    assert calendar_of(changed)[1].walk("VEVENT")[0].decoded("DTSTART") == dt.datetime(
        2037, 12, 1, 13, 0, tzinfo=UTC)
    part, calendar = calendar_of(cancelled)
    assert part.get_param("method") == "CANCEL" and calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert cancelled["Subject"].startswith("Cancelled:")


def test_with_the_smtp_server_down_the_message_fails_visibly_and_retry_delivers_once(
    recruiter_client, registration, smtp_port, run_worker, task_queue, request
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    until_given_up(run_worker, task_queue)
    message = Message.objects.get()
    assert message.status == Message.Status.FAILED and message.attempts == 4
    assert message.last_error
    page = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert "Failed" in page and "Retry" in page
    interview.refresh_from_db()
    assert interview.status == Interview.Status.PLANNED
    server = request.getfixturevalue("smtp_server")  # the server comes back
    recruiter_client.post(f"/messages/{message.pk}/retry/")
    recruiter_client.post(f"/messages/{message.pk}/retry/")  # a second click
    run_worker()
    assert len(server.messages) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


def test_two_sends_of_the_same_form_deliver_once(
    recruiter_client, registration, smtp_server, run_worker
):
    interview = plan(recruiter_client, registration)
    page = recruiter_client.get(f"/interviews/{interview.pk}/communicate/candidate/")
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    url = f"/interviews/{interview.pk}/communicate/candidate/"
    recruiter_client.post(url, data)
    second = recruiter_client.post(url, data, follow=True)
    assert "already sent" in second.content.decode()
    run_worker()
    assert len(smtp_server.messages) == 1
    assert Message.objects.count() == 1


def queue_copies(message: Message, addresses: list[str]) -> None:
    """The same invitation to more people, each posted on its own (as by several Sends)."""
    for number, address in enumerate(addresses):
        message.pk, message.recipient_email = None, address
        message.send_token = f"copy-{number}"
        message.message_id = f"<copy-{number}@ats.invalid>"
        message.save()
        enqueue_delivery(message)


def test_queued_messages_each_arrive_once_over_one_smtp_connection(
    recruiter_client, registration, smtp_server, smtp_connections, run_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    queue_copies(Message.objects.get(), [f"candidate{n}@example.org" for n in range(4)])
    run_worker()
    received = [m["Message-ID"] for m in smtp_server.messages]
    assert len(received) == 5
    assert sorted(received) == sorted(Message.objects.values_list("message_id", flat=True))
    assert set(Message.objects.values_list("status", "attempts")) == {(Message.Status.SENT, 1)}
    assert len(smtp_connections) == 1  # kept open from one task to the next


def test_after_the_server_hangs_up_mid_batch_the_worker_reconnects_and_every_message_arrives(
    recruiter_client, registration, smtp_server, smtp_connections, run_worker
):
    receive = smtp_server.handle_DATA
    received = 0

    async def receive_then_hang_up_after_the_second(server, session, envelope) -> str:
        nonlocal received
        received += 1
        if received == 2:  # an idle timeout, or a restart, on the server's side
            asyncio.get_running_loop().call_soon(server.transport.close)
        return await receive(server, session, envelope)

    smtp_server.handle_DATA = receive_then_hang_up_after_the_second
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    queue_copies(Message.objects.get(), [f"candidate{n}@example.org" for n in range(3)])
    run_worker()
    assert sorted(m["Message-ID"] for m in smtp_server.messages) == sorted(
        Message.objects.values_list("message_id", flat=True))
    assert set(Message.objects.values_list("status", "attempts", "last_error")) == {
        (Message.Status.SENT, 1, "")}
    assert len(smtp_connections) == 2


def test_a_refused_message_is_retried_then_fails_while_the_others_arrive(
    recruiter_client, registration, smtp_server, refuse, run_worker, task_queue
):
    refuse("jeroen@example.org")
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    send(recruiter_client, interview, audience="manager")
    until_given_up(run_worker, task_queue)
    refused = Message.objects.get(audience="candidate")
    assert refused.status == Message.Status.FAILED and refused.attempts == 4
    assert "No such user here" in refused.last_error
    [received] = smtp_server.messages
    assert received["To"].addresses[0].addr_spec == "marieke@example.com"
    assert Message.objects.get(audience="manager").status == Message.Status.SENT


def test_the_worker_closes_its_connection_once_the_outbox_is_drained(
    recruiter_client, registration, smtp_server, smtp_connections, run_worker
):
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    run_worker()
    [connection] = smtp_connections
    deadline = time.monotonic() + 5  # the server notices the QUIT in its own thread
    while connection.transport is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert connection.transport is None
    assert len(smtp_server.messages) == 1


def test_several_worker_processes_at_once_deliver_each_message_once(
    recruiter_client, registration, smtp_server, smtp_connections, worker_database, start_worker
):
    """Production runs the worker on several machines: each message still goes out once."""
    receive = smtp_server.handle_DATA

    async def receive_once_another_worker_delivers_too(server, session, envelope) -> str:
        # The first worker's batch waits for a second one (however slowly they start), so
        # that their turns overlap: the second claims what the first did not.
        deadline = asyncio.get_running_loop().time() + 60
        while len(smtp_connections) < 2 and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        return await receive(server, session, envelope)

    smtp_server.handle_DATA = receive_once_another_worker_delivers_too
    interview = plan(recruiter_client, registration)
    send(recruiter_client, interview)
    queue_copies(Message.objects.get(), [f"candidate{n}@example.org" for n in range(29)])
    for message in Message.objects.all():  # and every message queued twice, as after a retry
        drain_outbox.enqueue([message.pk])
    with worker_database() as url:
        workers = [start_worker(url) for _ in range(3)]
        assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    received = [m["Message-ID"] for m in smtp_server.messages]
    assert len(received) == len(set(received)) == 30
    assert set(received) == set(Message.objects.values_list("message_id", flat=True))
    assert set(Message.objects.values_list("status", "attempts")) == {(Message.Status.SENT, 1)}
    assert len(smtp_connections) >= 2  # more than one worker delivered (one connection each)
