"""The CalDAV server the calendar tests talk to is a real one."""

import caldav
import pytest


def test_a_user_can_create_and_read_a_calendar_on_the_server(radicale):
    url = radicale.make_calendar("alice", "fixture-check")
    with caldav.DAVClient(url=radicale.url, username="alice",
                          password=radicale.password("alice")) as client:
        calendar = client.calendar(url=url)
        calendar.add_event("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                           "BEGIN:VEVENT\r\nUID:fixture@test\r\nDTSTAMP:20370101T000000Z\r\n"
                           "DTSTART:20370302T090000Z\r\nDTEND:20370302T100000Z\r\n"
                           "SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        assert [event.icalendar_component["UID"] for event in calendar.events()] == [
            "fixture@test"]


def test_another_user_cannot_read_it(radicale):
    url = radicale.make_calendar("alice", "private")
    with (caldav.DAVClient(url=radicale.url, username="mallory",
                           password=radicale.password("mallory")) as client,
          pytest.raises(caldav.lib.error.DAVError)):
        client.calendar(url=url).events()
