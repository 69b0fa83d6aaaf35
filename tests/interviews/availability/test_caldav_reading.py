"""Reading a CalDAV account (a real Radicale): its events count as a feed's do."""

import logging
import uuid

import caldav
import pytest

from interviews.availability.models import CalendarConnection
from tests.interviews.availability.conftest import busy

pytestmark = pytest.mark.usefixtures("migrated_db")  # the worker runs in this process

EVENTS = {
    "weekly": """BEGIN:VEVENT
UID:{uid}-weekly
DTSTAMP:20370101T000000Z
DTSTART;TZID=Europe/Amsterdam:20370302T100000
DTEND;TZID=Europe/Amsterdam:20370302T110000
RRULE:FREQ=WEEKLY;COUNT=3
EXDATE;TZID=Europe/Amsterdam:20370309T100000
SUMMARY:Weekly
END:VEVENT
BEGIN:VEVENT
UID:{uid}-weekly
DTSTAMP:20370101T000000Z
RECURRENCE-ID;TZID=Europe/Amsterdam:20370316T100000
DTSTART;TZID=Europe/Amsterdam:20370316T160000
DTEND;TZID=Europe/Amsterdam:20370316T170000
SUMMARY:Weekly (later that day)
END:VEVENT""",
    "free": """BEGIN:VEVENT
UID:{uid}-free
DTSTAMP:20370101T000000Z
DTSTART;TZID=Europe/Amsterdam:20370303T090000
DTEND;TZID=Europe/Amsterdam:20370303T100000
TRANSP:TRANSPARENT
SUMMARY:Free
END:VEVENT""",
    "lunch": """BEGIN:VEVENT
UID:{uid}-lunch
DTSTAMP:20370101T000000Z
DTSTART;TZID=Europe/Amsterdam:20370304T120000
DTEND;TZID=Europe/Amsterdam:20370304T130000
STATUS:TENTATIVE
SUMMARY:Lunch
END:VEVENT""",
}

TIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


def put(radicale, user: str, calendar_url: str, *names: str) -> None:
    """Store the named events in the calendar, as a calendar app would."""
    uid = uuid.uuid4().hex
    with caldav.DAVClient(url=radicale.url, username=user,
                          password=radicale.password(user)) as client:
        calendar = client.calendar(url=calendar_url)
        for name in names:
            calendar.add_event("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Tests//EN\n"
                               f"{TIMEZONE}\n{EVENTS[name].format(uid=uid)}\nEND:VCALENDAR\n")


@pytest.fixture
def marieke_calendar(radicale) -> str:
    url = radicale.make_calendar("marieke", f"work-{uuid.uuid4().hex[:8]}")
    put(radicale, "marieke", url, "weekly", "free", "lunch")
    return url


def test_a_caldav_calendar_is_read_with_its_recurring_events(
        clock, radicale, marieke_calendar, manager_contact, read_now):
    clock("2037-03-01 08:00+00:00")
    connection = read_now(CalendarConnection.objects.create(
        contact_person=manager_contact, kind=CalendarConnection.Kind.CALDAV,
        url=marieke_calendar, username="marieke", password=radicale.password("marieke")))
    assert connection.last_error == ""
    assert busy(connection) == ["Mon 02-03 10:00–11:00",  # not the 9th: an exception
                                "Wed 04-03 12:00–13:00 (tentative)",  # not the free hour
                                "Mon 16-03 16:00–17:00"]  # moved within the day


def test_every_calendar_of_the_account_is_read_when_the_address_is_the_server(
        clock, radicale, recruiter, read_now):
    clock("2037-03-01 08:00+00:00")
    put(radicale, "room", radicale.make_calendar("room", "bookings"), "lunch")
    put(radicale, "room", radicale.make_calendar("room", "maintenance"), "free", "weekly")
    connection = read_now(CalendarConnection.objects.create(
        user=recruiter, kind=CalendarConnection.Kind.CALDAV, url=radicale.url,
        username="room", password=radicale.password("room")))
    assert busy(connection) == ["Mon 02-03 10:00–11:00", "Wed 04-03 12:00–13:00 (tentative)",
                                "Mon 16-03 16:00–17:00"]


def test_a_wrong_app_password_is_recorded_without_showing_it(
        clock, radicale, marieke_calendar, manager_contact, read_now, caplog):
    clock("2037-03-01 08:00+00:00")
    wrong = "wrong-password-8c1d"
    with caplog.at_level(logging.DEBUG):
        connection = read_now(CalendarConnection.objects.create(
            contact_person=manager_contact, kind=CalendarConnection.Kind.CALDAV,
            url=marieke_calendar, username="marieke", password=wrong))
    assert connection.last_error == "The server refused the address or the password (401)."
    assert not connection.busy_blocks.exists()
    assert wrong not in caplog.text


def test_a_caldav_server_on_a_private_address_is_refused_when_the_setting_is_off(
        clock, radicale, marieke_calendar, manager_contact, read_now, settings):
    clock("2037-03-01 08:00+00:00")
    settings.CALENDAR_ALLOW_PRIVATE_ADDRESSES = False
    connection = read_now(CalendarConnection.objects.create(
        contact_person=manager_contact, kind=CalendarConnection.Kind.CALDAV,
        url=marieke_calendar, username="marieke", password=radicale.password("marieke")))
    assert connection.last_error == "Addresses on a private network are not allowed."
