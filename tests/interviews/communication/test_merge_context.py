"""One MergeContext per recipient: the email and its calendar entry say the same, in the
recipient's language and time zone; its fields are the merge fields the admin and the screen
document."""

import datetime as dt
import re
from dataclasses import fields
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from interviews.communication.merge import MergeContext

pytestmark = pytest.mark.usefixtures("migrated_db")


@pytest.fixture
def new_yorker(registration):
    """A candidate abroad who reads English and adds interviews to their calendar."""
    candidate = registration.candidate
    candidate.language, candidate.time_zone, candidate.wants_vcalendar = (
        "en", "America/New_York", True)
    candidate.save()
    return registration


def send_typed(client, interview, body: str) -> None:
    url = f"/interviews/{interview.pk}/communicate/candidate/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["candidate-en-body"] = body
    assert client.post(url, data).status_code == 302


def test_the_email_and_its_calendar_entry_speak_for_the_recipient_alike(
    recruiter_client, new_yorker, make_interview, smtp_server, run_worker, recruiter
):
    start = dt.datetime(2037, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    recruiter.first_name = recruiter.last_name = ""  # a recruiter known by username only
    recruiter.save()
    interview = make_interview(registration=new_yorker, when=start, interviewer="Pat Jansen")
    send_typed(recruiter_client, interview,
               "<p>{{ weekday }} {{ date }} {{ start_time }}–{{ end_time }} with "
               "{{ recruiter_name }}</p>")
    run_worker()

    [received] = smtp_server.messages
    text = received.get_body(("plain",)).get_content()
    assert "Monday 30-11-2037 04:00–05:00 with alice" in text  # New York time, in English
    part = next(p for p in received.walk() if p.get_content_type() == "text/calendar")
    [event] = Calendar.from_ical(part.get_content()).walk("VEVENT")
    assert "Recruiter: alice alice@example.com" in str(event["DESCRIPTION"])
    assert "Interviewer: Pat Jansen" in str(event["DESCRIPTION"])


def documented(html: str) -> list[str]:
    return re.findall(r"<code>\{\{ (\w+) \}\}</code>", html)


def test_the_admin_documents_every_merge_field_once(admin_client):
    html = admin_client.get("/admin/interviews/standarddocument/add/").content.decode()
    assert documented(html) == [field.name for field in fields(MergeContext)]
    assert "the candidate&#x27;s link to choose a time" in html


def test_the_screen_lists_only_the_fields_its_audience_may_use(
    recruiter_client, registration, make_interview, manager_contact
):
    interview = make_interview(registration=registration, kind="both",
                               contact_person=manager_contact)
    candidate = documented(recruiter_client.get(
        f"/interviews/{interview.pk}/communicate/candidate/").content.decode())
    manager = documented(recruiter_client.get(
        f"/interviews/{interview.pk}/communicate/manager/").content.decode())
    assert "accept_link" in candidate and "portal_link" not in candidate
    assert "portal_link" in manager and "accept_link" not in manager
    assert "guidelines" in manager and "scheduling_link" not in manager
