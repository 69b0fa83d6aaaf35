"""Saving an interview at a time when someone's or the room's calendar is busy warns first,
with the same "Save anyway" as an overlap with a planned interview."""

from zoneinfo import ZoneInfo

import pytest

from interviews.planning.configuration import InterviewLocation, InterviewSettings
from interviews.planning.models import Interview
from tests.interviews.availability.calendars import at, busy_in_calendar
from tests.parsed_html import text
from vacancies.models import ContactPerson

pytestmark = pytest.mark.django_db


def plan(client, registration, **data):
    url = f"/registrations/{registration.pk}/interviews/new/"
    payload = {"start": "30-11-2037 10:00", "duration": "60", "kind": "both",
               "contact_person": registration.vacancy.hiring_manager_id, **data}
    return client.post(url, payload)


def test_a_busy_manager_is_named_with_the_time_in_their_calendar(
        recruiter_client, registration, manager_contact):
    busy_in_calendar(manager_contact, at("2037-11-30", "09:30"), at("2037-11-30", "10:30"))
    response = plan(recruiter_client, registration)
    page = text(response.content.decode())
    assert "Marieke van der Linden is busy 09:30–10:30 in their calendar" in page
    assert "Save anyway" in page and not Interview.objects.exists()
    plan(recruiter_client, registration, confirm_overlap="1")
    assert Interview.objects.count() == 1


def test_a_tentative_block_is_possibly_busy_and_times_are_in_the_recruiters_zone(
        recruiter_client, registration, recruiter):
    london = at("2037-11-30", "07:45", ZoneInfo("Europe/London"))  # 08:45 in Amsterdam
    busy_in_calendar(recruiter, london, at("2037-11-30", "10:15"), tentative=True)
    page = text(plan(recruiter_client, registration).content.decode())
    assert "Alice Recruiter is possibly busy 08:45–10:15 in their calendar" in page


def test_a_booked_room_and_a_busy_committee_member_warn(recruiter_client, registration):
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    room = InterviewLocation.objects.create(name="Boardroom")
    member = ContactPerson.objects.create(name="Sanne <b>Bakker</b>",
                                                      email="sanne@example.com")
    busy_in_calendar(room, at("2037-11-30", "10:30"), at("2037-12-01", "00:00"))
    busy_in_calendar(member, at("2037-11-30", "10:45"), at("2037-11-30", "11:00"))
    html = plan(recruiter_client, registration, location=room.pk,
                committee_members=[member.pk]).content.decode()
    assert "Boardroom is booked 10:30–01-12-2037 00:00 in its calendar" in text(html)
    assert "Sanne &lt;b&gt;Bakker&lt;/b&gt; is busy 10:45–11:00" in html  # escaped


def test_a_block_just_before_or_after_does_not_warn(
        recruiter_client, registration, manager_contact):
    busy_in_calendar(manager_contact, at("2037-11-30", "09:00"), at("2037-11-30", "10:00"))
    busy_in_calendar(manager_contact, at("2037-11-30", "11:00"), at("2037-11-30", "12:00"))
    assert plan(recruiter_client, registration).status_code == 302


def test_someone_elses_busy_time_does_not_warn(recruiter_client, registration):
    other = ContactPerson.objects.create(name="Piet", email="piet@example.com")
    busy_in_calendar(other, at("2037-11-30", "09:00"), at("2037-11-30", "12:00"))
    assert plan(recruiter_client, registration).status_code == 302
