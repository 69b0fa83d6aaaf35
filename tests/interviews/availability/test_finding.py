"""Find a time: the next free times of everyone of an interview, within their working hours."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ats.dates import format_datetime
from interviews.availability.busy import Attendees
from interviews.availability.finding import proposals, series_starts
from interviews.availability.models import WorkingHours
from interviews.planning.configuration import InterviewLocation
from tests.interviews.availability.calendars import at, busy_in_calendar

pytestmark = pytest.mark.django_db
HOUR = timedelta(hours=1)
MONDAY_MORNING = at("2037-03-02", "08:10")


def shown(starts) -> list[str]:
    return [format_datetime(start) for start in starts]


@pytest.fixture
def room():
    return InterviewLocation.objects.create(name="Boardroom")


@pytest.fixture
def everyone(recruiter, manager_contact, room, candidate) -> Attendees:
    return Attendees(users=frozenset({recruiter.pk}), contacts=frozenset({manager_contact.pk}),
                     locations=frozenset({room.pk}), candidate=candidate.pk)


def test_it_proposes_a_morning_and_an_afternoon_a_day_within_office_hours(everyone):
    assert shown(proposals(everyone, HOUR, now=MONDAY_MORNING)) == [
        "02-03-2037 09:00", "02-03-2037 12:00", "03-03-2037 09:00", "03-03-2037 12:00",
        "04-03-2037 09:00"]


def test_it_starts_from_now_rounded_up_to_the_next_quarter_hour(everyone):
    assert shown(proposals(everyone, HOUR, now=at("2037-03-02", "10:01")))[:2] == [
        "02-03-2037 10:15", "02-03-2037 13:15"]


def test_the_weekend_is_skipped(everyone):
    found = proposals(everyone, HOUR, now=at("2037-03-06", "16:30"))  # a Friday afternoon
    assert shown(found)[0] == "09-03-2037 09:00"  # Monday


def test_a_contact_in_another_time_zone_is_invited_in_their_own_working_hours(
        everyone, manager_contact):
    manager_contact.time_zone = "Europe/London"  # 09:00 there is 10:00 in Amsterdam
    manager_contact.save()
    assert shown(proposals(everyone, HOUR, now=MONDAY_MORNING))[:2] == [
        "02-03-2037 10:00", "02-03-2037 13:00"]


def test_own_working_hours_replace_the_default(everyone, manager_contact):
    WorkingHours.objects.create(contact_person=manager_contact, weekdays=[2, 3],
                                start=time(13), end=time(15, 30))
    assert shown(proposals(everyone, HOUR, now=MONDAY_MORNING)) == [
        "04-03-2037 13:00", "05-03-2037 13:00", "11-03-2037 13:00", "12-03-2037 13:00"]


def test_fewer_than_five_when_the_fortnight_holds_no_more(everyone, recruiter):
    WorkingHours.objects.create(user=recruiter, weekdays=[0], start=time(9), end=time(10))
    assert shown(proposals(everyone, HOUR, now=MONDAY_MORNING)) == [
        "02-03-2037 09:00", "09-03-2037 09:00"]


def test_none_when_nobody_can(everyone, manager_contact):
    busy_in_calendar(manager_contact, MONDAY_MORNING, MONDAY_MORNING + timedelta(days=15))
    assert proposals(everyone, HOUR, now=MONDAY_MORNING) == []


def test_busy_and_tentative_blocks_and_a_busy_room_are_avoided(
        everyone, recruiter, manager_contact, room):
    busy_in_calendar(manager_contact, at("2037-03-02", "09:00"), at("2037-03-02", "10:00"))
    busy_in_calendar(recruiter, at("2037-03-02", "10:00"), at("2037-03-02", "10:30"),
                     tentative=True)
    busy_in_calendar(room, at("2037-03-02", "10:30"), at("2037-03-02", "11:15"))
    assert shown(proposals(everyone, HOUR, now=MONDAY_MORNING))[:2] == [
        "02-03-2037 11:15", "02-03-2037 14:15"]


def test_the_candidates_other_interview_is_avoided_but_not_the_one_being_moved(
        everyone, make_interview, candidate):
    other = make_interview(candidate=candidate, when=at("2037-03-02", "09:00"),
                           duration=2 * HOUR)
    assert shown(proposals(everyone, HOUR, now=MONDAY_MORNING))[0] == "02-03-2037 11:00"
    moving = Attendees(**{**everyone.__dict__, "interview": other.pk})
    assert shown(proposals(moving, HOUR, now=MONDAY_MORNING))[0] == "02-03-2037 09:00"


def test_working_hours_follow_each_persons_clock_across_the_clocks_changing(
        everyone, manager_contact):
    manager_contact.time_zone = "America/New_York"  # New York moves its clocks on 08-03-2037
    manager_contact.save()
    found = proposals(everyone, HOUR, now=at("2037-03-06", "08:00"))
    # 09:00 in New York: 15:00 in Amsterdam on Friday, 14:00 from Monday on.
    assert shown(found)[:2] == ["06-03-2037 15:00", "09-03-2037 14:00"]


def test_nine_stays_nine_when_amsterdams_clocks_go_forward(everyone):
    found = proposals(everyone, HOUR, now=at("2037-03-27", "16:30"))
    assert shown(found)[0] == "30-03-2037 09:00"
    assert found[0].astimezone(ZoneInfo("UTC")).hour == 7  # 08:00 UTC the week before


def test_it_reads_the_database_three_times_for_a_whole_fortnight(
        everyone, manager_contact, django_assert_num_queries):
    busy_in_calendar(manager_contact, at("2037-03-02", "09:00"), at("2037-03-02", "10:00"))
    with django_assert_num_queries(3):  # working hours, calendar blocks, planned interviews
        assert len(proposals(everyone, HOUR, now=MONDAY_MORNING)) == 5


def test_a_series_goes_back_to_back_and_around_busy_times(everyone, manager_contact):
    busy_in_calendar(manager_contact, at("2037-03-02", "11:15"), at("2037-03-02", "12:00"))
    starts = series_starts(everyone, HOUR, first=at("2037-03-02", "09:00"), count=5,
                           gap=timedelta(minutes=15))
    assert shown(starts) == ["02-03-2037 09:00", "02-03-2037 10:15", "02-03-2037 12:00",
                             "02-03-2037 13:15", "02-03-2037 14:30"]
