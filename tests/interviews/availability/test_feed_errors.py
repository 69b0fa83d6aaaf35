"""A feed that cannot be read: the reason is recorded on the connection, the busy times read
before are kept, and the feed's secret address shows nowhere. Private addresses are refused."""

import logging
from datetime import datetime

import pytest

from interviews.availability import fetch
from interviews.availability.fetch import CalendarUnavailable, check
from interviews.availability.models import CalendarConnection
from tests.interviews.availability.conftest import busy

pytestmark = pytest.mark.usefixtures("migrated_db")  # the worker runs in this process

SECRET = "private-4f9a2c7e1b"


@pytest.fixture
def read_before(clock, feed_server, manager_contact, read_now):
    """A contact person's feed, read once at 08:00; the clock moves on to 08:30."""
    clock("2037-03-01 08:00+00:00")
    connection = read_now(CalendarConnection.objects.create(
        contact_person=manager_contact, url=feed_server.url(f"/feeds/floating.ics?{SECRET}")))
    assert busy(connection) == ["Tue 03-03 10:00–11:30"]
    clock("2037-03-01 08:30+00:00")
    return connection


@pytest.fixture
def fails_with(read_before, feed_server, read_now, caplog):
    def read_from(path: str) -> CalendarConnection:
        read_before.url = feed_server.url(f"{path}?token={SECRET}")
        read_before.save()
        with caplog.at_level(logging.DEBUG):
            return read_now(read_before)
    return read_from


def _kept_and_dated(connection: CalendarConnection) -> None:
    assert busy(connection) == ["Tue 03-03 10:00–11:30"]
    assert connection.last_read_at == datetime.fromisoformat("2037-03-01 08:00+00:00")
    assert connection.last_attempt_at == datetime.fromisoformat("2037-03-01 08:30+00:00")


def test_a_refused_password_is_recorded_and_the_busy_times_are_kept(fails_with):
    connection = fails_with("/unauthorized")
    assert connection.last_error == "The server refused the address or the password (401)."
    _kept_and_dated(connection)


def test_a_server_that_does_not_answer_in_time_is_recorded(fails_with, settings):
    settings.CALENDAR_FETCH_TIMEOUT = 1
    connection = fails_with("/hang")
    assert connection.last_error == "The server did not answer within 1 second."
    _kept_and_dated(connection)


def test_a_web_page_is_not_a_calendar(fails_with):
    connection = fails_with("/page")
    assert connection.last_error == "This address gives a web page, not a calendar."
    _kept_and_dated(connection)


def test_a_text_that_is_no_calendar_is_refused(fails_with):
    connection = fails_with("/feeds/page.html")  # HTML, though served as a calendar
    assert connection.last_error == "This address gives a web page, not a calendar."
    _kept_and_dated(connection)


def test_a_calendar_larger_than_the_limit_is_refused(fails_with, settings):
    settings.CALENDAR_MAX_BYTES = 100_000
    connection = fails_with("/large")
    assert connection.last_error == "The calendar is larger than 0.1 MB."
    _kept_and_dated(connection)


def test_a_missing_feed_is_recorded(fails_with):
    connection = fails_with("/feeds/gone.ics")
    assert connection.last_error == "The server does not know this address (404)."
    _kept_and_dated(connection)


def test_a_read_after_a_failure_clears_the_error(fails_with, feed_server, read_now):
    connection = fails_with("/unauthorized")
    connection.url = feed_server.url("/feeds/interview.ics")
    connection.save()
    connection = read_now(connection)
    assert connection.last_error == ""
    assert busy(connection) == ["Tue 03-03 10:00–11:00", "Tue 03-03 13:00–14:00"]


def test_the_secret_address_shows_neither_in_the_error_nor_in_the_logs(fails_with, caplog):
    for path in ("/unauthorized", "/page", "/feeds/gone.ics"):
        connection = fails_with(path)
        assert connection.last_error
        assert SECRET not in connection.last_error
    assert "127.0.0.1" in caplog.text  # the host is named: enough to find the problem
    assert SECRET not in caplog.text
    assert "token" not in caplog.text


def test_a_private_address_is_refused_when_the_setting_is_off(fails_with, settings):
    settings.CALENDAR_ALLOW_PRIVATE_ADDRESSES = False
    connection = fails_with("/feeds/floating.ics")
    assert connection.last_error == "Addresses on a private network are not allowed."
    _kept_and_dated(connection)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/calendar.ics", "https://10.1.2.3/calendar.ics",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/calendar.ics",
    "http://[::ffff:127.0.0.1]/calendar.ics", "http://0.0.0.0/calendar.ics",
    "http://192.168.1.10/calendar.ics", "http://[fe80::1]/calendar.ics",
    "http://224.0.0.1/calendar.ics", "http://localhost/calendar.ics",
    "webcal://127.0.0.1/calendar.ics",
])
def test_the_guard_refuses_addresses_on_our_own_network(url, settings):
    settings.CALENDAR_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(CalendarUnavailable) as refused:
        check(url)
    assert refused.value.reason == "Addresses on a private network are not allowed."


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/calendar.ics",
                                 "gopher://example.com/", "calendar.ics"])
def test_the_guard_reads_only_web_addresses(url):
    with pytest.raises(CalendarUnavailable) as refused:
        check(url)
    assert refused.value.reason == "Only http:// and https:// addresses can be read."


def test_a_redirect_to_a_private_address_is_refused(fails_with, settings, monkeypatch):
    # The feed server stands in for one on the internet; it redirects to the cloud's metadata.
    monkeypatch.setattr(fetch, "is_public", lambda address, public=fetch.is_public:
                        address == "127.0.0.1" or public(address))
    settings.CALENDAR_ALLOW_PRIVATE_ADDRESSES = False
    connection = fails_with("/moved/floating.ics")
    assert connection.last_error == ""
    connection = fails_with("/redirect-to/http://169.254.169.254/latest/meta-data/")
    assert connection.last_error == "Addresses on a private network are not allowed."


def test_a_rule_that_repeats_every_second_is_refused_instead_of_read_for_hours(fails_with):
    connection = fails_with("/feeds/every-second.ics")
    assert connection.last_error == (
        "The calendar has more than 10.000 events in the coming weeks: it cannot be read.")
    _kept_and_dated(connection)
