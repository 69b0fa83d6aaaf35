"""Self-scheduling offers only times when the manager and the committee are still free in their
calendars, and checks again at the moment of the pick."""

from datetime import timedelta

import pytest

from interviews.outbox.models import Message
from interviews.planning.models import Interview
from tests.interviews.availability.calendars import busy_in_calendar
from tests.interviews.portal.test_self_schedule import invited, link_in  # noqa: F401
from vacancies.models import ContactPerson

pytestmark = pytest.mark.django_db


def offered(html: str, slots) -> list[bool]:
    return [f'value="{slot.pk}"' in html for slot in slots]


def test_a_time_when_the_manager_is_busy_is_not_offered(client, invited, manager_contact):
    message, slots = invited
    busy_in_calendar(manager_contact, slots[0].start + timedelta(minutes=30),
                     slots[0].end + timedelta(hours=1))
    html = client.get(link_in(message)).content.decode()
    assert offered(html, slots) == [False, True]


def test_a_tentatively_busy_committee_member_hides_the_time_too(client, invited):
    message, slots = invited
    member = ContactPerson.objects.create(name="Sanne Bakker", email="sanne@example.com")
    slots[1].committee_members.add(member)
    busy_in_calendar(member, slots[1].start - timedelta(hours=1),
                     slots[1].start + timedelta(minutes=15), tentative=True)
    html = client.get(link_in(message)).content.decode()
    assert offered(html, slots) == [True, False]


def test_busy_time_just_before_a_slot_and_the_slots_themselves_hide_nothing(
        client, invited, manager_contact):
    message, slots = invited
    busy_in_calendar(manager_contact, slots[0].start - timedelta(hours=2), slots[0].start)
    html = client.get(link_in(message)).content.decode()
    assert offered(html, slots) == [True, True]


def test_a_time_that_became_busy_is_refused_at_the_pick_with_the_remaining_times(
        client, invited, manager_contact):
    message, slots = invited
    url = link_in(message)
    assert offered(client.get(url).content.decode(), slots) == [True, True]
    busy_in_calendar(manager_contact, slots[0].start, slots[0].end)  # read by the worker since
    response = client.post(url, {"interview": slots[0].pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "niet meer mogelijk" in html  # kindly, in the candidate's language
    assert offered(html, slots) == [False, True]
    assert not Interview.objects.filter(pk=slots[0].pk, candidate__isnull=False).exists()
    assert not Message.objects.filter(purpose="invitation").exists()
    booked = client.post(url, {"interview": slots[1].pk}).content.decode()
    assert "Je gesprek staat gepland" in booked
