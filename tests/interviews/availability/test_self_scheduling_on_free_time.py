"""Self-scheduling offers only times when the manager and the committee are still free in their
calendars, and checks again at the moment of the pick."""

from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import scheduling_link
from interviews.portal.models import SchedulingInvitation
from tests.interviews.availability.calendars import busy_in_calendar
from tests.interviews.portal.test_replies_and_reminders import path
from tests.interviews.portal.test_self_schedule import slot
from vacancies.models import ContactPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(plan_interview, recruiter):
    """A candidate's "choose a time" link (its address), and the vacancy's two open times."""
    invitation = SchedulingInvitation.objects.create(
        registration=plan_interview, created_by=recruiter,
        expires_at=timezone.now() + timedelta(days=7))
    vacancy = plan_interview.vacancy
    return path(scheduling_link(invitation)), [slot(vacancy, recruiter, 3),
                                               slot(vacancy, recruiter, 4)]


def offered(html: str, slots) -> list[bool]:
    return [f'value="{slot.pk}"' in html for slot in slots]


def test_a_time_when_the_manager_is_busy_is_not_offered(client, invited, manager_contact):
    url, slots = invited
    busy_in_calendar(manager_contact, slots[0].start + timedelta(minutes=30),
                     slots[0].end + timedelta(hours=1))
    html = client.get(url).content.decode()
    assert offered(html, slots) == [False, True]


def test_a_tentatively_busy_committee_member_hides_the_time_too(client, invited):
    url, slots = invited
    member = ContactPerson.objects.create(name="Sanne Bakker", email="sanne@example.com")
    slots[1].committee_members.add(member)
    busy_in_calendar(member, slots[1].start - timedelta(hours=1),
                     slots[1].start + timedelta(minutes=15), tentative=True)
    html = client.get(url).content.decode()
    assert offered(html, slots) == [True, False]


def test_busy_time_just_before_a_slot_and_the_slots_themselves_hide_nothing(
        client, invited, manager_contact):
    url, slots = invited
    busy_in_calendar(manager_contact, slots[0].start - timedelta(hours=2), slots[0].start)
    html = client.get(url).content.decode()
    assert offered(html, slots) == [True, True]


def test_a_time_that_became_busy_is_refused_at_the_pick_with_the_remaining_times(
        client, invited, manager_contact):
    url, slots = invited
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


def test_the_recruiter_is_told_how_many_times_the_candidate_will_be_offered(
        recruiter_client, invited, plan_interview, manager_contact):
    _url, slots = invited
    page = f"/registrations/{plan_interview.pk}/choose-time/"
    assert "the 2 open selection interviews" in recruiter_client.get(page).content.decode()
    busy_in_calendar(manager_contact, slots[0].start, slots[0].end)
    assert "the 1 open selection interview " in recruiter_client.get(page).content.decode()
