"""The calendar method is stored with each Message: a cancellation's email says CANCEL where
mail clients look for it, and the messages stored before keep theirs (migration 0012)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from icalendar import Calendar

from interviews.outbox.models import Message

pytestmark = pytest.mark.usefixtures("migrated_db")

BEFORE, AFTER = ("interviews", "0011_reply_changes"), ("interviews", "0012_message_calendar_method")


@pytest.fixture
def interview(registration, make_interview, manager_contact):
    registration.candidate.wants_vcalendar = True
    registration.candidate.save()
    return make_interview(registration=registration, kind="both", contact_person=manager_contact)


def send(client, interview, purpose: str) -> None:
    url = f"/interviews/{interview.pk}/communicate/candidate/"
    form = client.get(url, {"purpose": purpose}).context["form"]
    response = client.post(url, {name: form[name].value() for name in form.fields})
    assert response.status_code == 302


def calendar_part(received):
    return next(p for p in received.walk() if p.get_content_type() == "text/calendar")


def test_a_cancellation_tells_the_mail_client_it_cancels_in_its_content_type(
    recruiter_client, interview, smtp_server, run_worker
):
    send(recruiter_client, interview, "invitation")
    send(recruiter_client, interview, "cancellation")
    run_worker()
    parts = [calendar_part(received) for received in smtp_server.messages]
    said = sorted((str(Calendar.from_ical(part.get_content())["METHOD"]), part.get_param("method"))
                  for part in parts)
    assert said == [("CANCEL", "CANCEL"), ("REQUEST", "REQUEST")]


def test_an_email_without_a_calendar_part_has_no_method(recruiter_client, interview):
    interview.candidate.wants_vcalendar = False
    interview.candidate.save()
    send(recruiter_client, interview, "cancellation")
    message = Message.objects.get()
    assert (message.ics, message.calendar_method) == ("", "")


def migrate(target) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor


def test_messages_stored_before_get_the_method_of_their_invitation_once(
    registration, make_interview
):
    interview = make_interview(registration=registration)
    try:
        old = migrate(BEFORE).loader.project_state([BEFORE]).apps.get_model(
            "interviews", "Message")
        calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:{}\r\nLOCATION:{}\r\nEND:VCALENDAR\r\n"
        for name, ics in [("invited", calendar.format("REQUEST", "Room 1")),
                          ("cancelled", calendar.format("CANCEL", "Room 1")),
                          ("tricky", calendar.format("REQUEST", "METHOD:CANCEL")),
                          ("plain", "")]:
            old.objects.create(interview_id=interview.pk, audience="candidate",
                               purpose="invitation", recipient_name=name,
                               recipient_email=f"{name}@example.org", document_name="Invitation",
                               subject=name, text="", html="", ics=ics, send_token=name,
                               message_id=f"<{name}@ats.invalid>")
        migrate(AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    methods = dict(Message.objects.values_list("recipient_name", "calendar_method"))
    assert methods == {"invited": "REQUEST", "cancelled": "CANCEL", "tricky": "REQUEST",
                       "plain": ""}
