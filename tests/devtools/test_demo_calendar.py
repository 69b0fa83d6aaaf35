"""The demo hiring manager's calendar feed that `make run` serves."""

from datetime import date, timedelta

import recurring_ical_events
from icalendar import Calendar

from devtools.demo_calendar import demo_feed
from devtools.views import demo_calendar

MONDAY = date(2037, 3, 2)


def _busy_days(feed: bytes, start: date, days: int) -> set[date]:
    events = recurring_ical_events.of(Calendar.from_ical(feed)).between(
        start, start + timedelta(days=days))
    return {event.start.date() for event in events}


def test_it_is_a_calendar_busy_on_every_working_day_of_the_next_three_weeks():
    busy = _busy_days(demo_feed("marieke", MONDAY), MONDAY, 19)
    working_days = {MONDAY + timedelta(days=n) for n in range(19)
                    if (MONDAY + timedelta(days=n)).weekday() < 5}
    assert working_days <= busy
    assert not any(day.weekday() >= 5 for day in busy)


def test_it_stays_the_same_all_day_and_differs_per_person():
    assert demo_feed("marieke", MONDAY) == demo_feed("marieke", MONDAY)
    assert demo_feed("marieke", MONDAY) != demo_feed("daan", MONDAY)


def test_the_weekly_team_meeting_recurs(rf):
    calendar = Calendar.from_ical(demo_calendar(rf.get("/"), "marieke").content)
    assert any("RRULE" in event for event in calendar.walk("VEVENT"))


def test_it_is_not_served_outside_development(client):
    assert client.get("/dev/calendars/marieke.ics").status_code in {302, 404}
