"""A series of selection interviews placed at the free times of the hiring manager and the room."""

from datetime import time

import pytest
from django.utils import timezone

from interviews.availability.models import WorkingHours
from interviews.planning.configuration import InterviewLocation
from interviews.planning.models import Interview
from tests.interviews.availability.calendars import at, busy_in_calendar
from tests.parsed_html import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return InterviewLocation.objects.create(name="Boardroom")


def plan_series(client, vacancy, room, count=4, **data):
    return client.post(f"/vacancies/{vacancy.pk}/interviews/series/", {
        "start": "02-03-2037 09:00", "duration": "60", "count": str(count), "gap": "0",
        "kind": "both", "contact_person": vacancy.hiring_manager_id, "location": room.pk,
        "free_time": "on", **data})


def planned() -> list[str]:
    return [timezone.localtime(interview.start).strftime("%a %H:%M")
            for interview in Interview.objects.order_by("start")]


def test_the_series_goes_around_the_managers_and_the_rooms_busy_times(
        recruiter_client, vacancy, manager_contact, room):
    busy_in_calendar(manager_contact, at("2037-03-02", "10:00"), at("2037-03-02", "12:00"))
    busy_in_calendar(room, at("2037-03-02", "13:00"), at("2037-03-02", "16:00"),
                     tentative=True)
    response = plan_series(recruiter_client, vacancy, room)
    assert response.status_code == 302
    assert planned() == ["Mon 09:00", "Mon 12:00", "Mon 16:00", "Tue 09:00"]


def test_without_the_option_the_series_is_back_to_back_as_before(
        recruiter_client, vacancy, manager_contact, room):
    busy_in_calendar(manager_contact, at("2037-03-02", "10:00"), at("2037-03-02", "12:00"))
    plan_series(recruiter_client, vacancy, room, free_time="")
    assert planned() == ["Mon 09:00", "Mon 10:00", "Mon 11:00", "Mon 12:00"]


def test_a_series_that_does_not_fit_in_a_fortnight_is_refused_with_what_fits(
        recruiter_client, vacancy, manager_contact, room):
    WorkingHours.objects.create(contact_person=manager_contact, weekdays=[0],
                                start=time(9), end=time(11))
    response = plan_series(recruiter_client, vacancy, room, count=5)
    assert response.status_code == 200
    assert ("Only 4 of the 5 interviews fit at free times in the 14 days from 02-03-2037"
            in text(response.content.decode()))
    assert not Interview.objects.exists()
