"""Reading an iCalendar feed: what counts as busy, and when, in the owner's own time."""

import pytest

from interviews.availability.models import CalendarConnection
from interviews.planning.configuration import InterviewLocation
from tests.interviews.availability.conftest import busy

pytestmark = pytest.mark.usefixtures("migrated_db")  # the worker runs in this process


@pytest.fixture
def feed_of(feed_server):
    def connect(owner, name: str) -> CalendarConnection:
        field = {"ContactPerson": "contact_person", "InterviewLocation": "location"}.get(
            type(owner).__name__, "user")
        return CalendarConnection.objects.create(**{field: owner},
                                                 url=feed_server.url(f"/feeds/{name}"))
    return connect


def test_a_weekly_meeting_is_busy_each_week_except_the_exception_and_where_it_moved(
        clock, feed_of, manager_contact, read_now):
    clock("2037-03-01 08:00+00:00")
    connection = read_now(feed_of(manager_contact, "week.ics"))
    assert connection.last_error == ""
    meetings = [when for when in busy(connection) if when.endswith(("10:00–11:00", "14:00–15:00"))]
    assert meetings == ["Mon 02-03 10:00–11:00",  # not on the 9th (EXDATE)
                        "Tue 17-03 14:00–15:00",  # moved from Monday the 16th
                        "Mon 23-03 10:00–11:00"]


def test_all_day_events_take_the_whole_days_and_free_or_cancelled_ones_take_no_time(
        clock, feed_of, manager_contact, read_now):
    clock("2037-03-01 08:00+00:00")
    connection = read_now(feed_of(manager_contact, "week.ics"))
    assert busy(connection) == [
        "Mon 02-03 10:00–11:00",
        "Tue 03-03 15:00–16:00 (tentative)",  # not the transparent 09:00, nor the cancelled 13:00
        "Wed 04-03 00:00–00:00",  # a day off: the whole day
        "Thu 05-03 00:00–00:00",  # a two-day conference, until the Saturday
        "Tue 17-03 14:00–15:00",
        "Mon 23-03 10:00–11:00",
    ]
    days = [(block.end - block.start).days for block in connection.busy_blocks.all()]
    assert days == [0, 0, 1, 2, 0, 0]


def test_titles_and_descriptions_are_not_kept(clock, feed_of, manager_contact, read_now):
    clock("2037-03-01 08:00+00:00")
    connection = read_now(feed_of(manager_contact, "week.ics"))
    stored = str(list(connection.busy_blocks.values()))
    assert connection.busy_blocks.exists()
    assert "meeting" not in stored and "Salaries" not in stored and "dentist" not in stored


def test_a_daily_meeting_stays_at_nine_when_the_clocks_go_forward(
        clock, feed_of, manager_contact, read_now):
    clock("2037-03-20 08:00+00:00")
    connection = read_now(feed_of(manager_contact, "clocks.ics"))
    assert busy(connection) == [
        "Fri 27-03 09:00–09:15", "Sat 28-03 09:00–09:15",
        "Sun 29-03 01:30–04:30",  # 02:00 does not exist that night: two hours of real time
        "Sun 29-03 09:00–09:15", "Mon 30-03 09:00–09:15", "Tue 31-03 09:00–09:15"]
    night = connection.busy_blocks.order_by("start")[2]
    assert (night.end - night.start).total_seconds() == 2 * 3600
    assert busy(connection, "UTC")[::5] == ["Fri 27-03 08:00–08:15", "Tue 31-03 07:00–07:15"]


def test_a_daily_meeting_stays_at_nine_when_the_clocks_go_back(
        clock, feed_of, manager_contact, read_now):
    clock("2037-10-20 08:00+00:00")
    connection = read_now(feed_of(manager_contact, "clocks.ics"))
    assert busy(connection) == [
        "Fri 23-10 09:00–09:15", "Sat 24-10 09:00–09:15", "Sun 25-10 09:00–09:15",
        "Mon 26-10 09:00–09:15", "Tue 27-10 09:00–09:15"]
    assert busy(connection, "UTC")[::4] == ["Fri 23-10 07:00–07:15", "Tue 27-10 08:00–08:15"]


def test_floating_times_are_read_in_the_time_zone_of_a_contact_person(
        clock, feed_of, manager_contact, read_now):
    clock("2037-03-01 08:00+00:00")
    manager_contact.time_zone = "America/New_York"
    manager_contact.save()
    connection = read_now(feed_of(manager_contact, "floating.ics"))
    assert busy(connection, "America/New_York") == ["Tue 03-03 10:00–11:30"]


def test_floating_times_are_read_in_the_time_zone_of_a_room(clock, feed_of, read_now):
    clock("2037-03-01 08:00+00:00")
    room = InterviewLocation.objects.create(name="Lisbon office", time_zone="Europe/Lisbon")
    connection = read_now(feed_of(room, "floating.ics"))
    assert busy(connection, "Europe/Lisbon") == ["Tue 03-03 10:00–11:30"]


def test_floating_times_are_read_in_the_office_time_zone_for_a_recruiter(
        clock, feed_of, recruiter, read_now):
    clock("2037-03-01 08:00+00:00")
    connection = read_now(feed_of(recruiter, "floating.ics"))
    assert busy(connection) == ["Tue 03-03 10:00–11:30"]


def test_a_google_feed_in_utc_keeps_its_weekly_meeting_at_ten_in_amsterdam(
        clock, feed_of, manager_contact, read_now):
    clock("2037-03-20 08:00+00:00")
    connection = read_now(feed_of(manager_contact, "google.ics"))
    assert busy(connection) == ["Mon 23-03 10:00–11:00", "Mon 30-03 10:00–11:00"]


def test_an_interview_planned_here_that_comes_back_through_the_feed_is_not_counted_twice(
        clock, feed_of, manager_contact, make_interview, read_now):
    clock("2037-03-01 08:00+00:00")
    make_interview(calendar_uid="interview-in-this-app@ats-interviews")
    connection = read_now(feed_of(manager_contact, "interview.ics"))
    assert busy(connection) == ["Tue 03-03 13:00–14:00"]  # the other meeting only


def test_only_the_coming_weeks_are_kept(clock, feed_of, manager_contact, read_now, settings):
    clock("2037-03-10 08:00+00:00")
    settings.CALENDAR_SYNC_DAYS = 10
    connection = read_now(feed_of(manager_contact, "week.ics"))
    assert busy(connection) == ["Tue 17-03 14:00–15:00"]


def test_a_feed_that_moved_is_followed(clock, feed_server, manager_contact, read_now):
    clock("2037-03-01 08:00+00:00")
    connection = read_now(CalendarConnection.objects.create(
        contact_person=manager_contact, url=feed_server.url("/moved/floating.ics")))
    assert busy(connection) == ["Tue 03-03 10:00–11:30"]
    assert connection.last_read_at is not None
