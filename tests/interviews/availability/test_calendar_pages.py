"""The calendar pages: a recruiter's own, a contact person's (dossier and its page), the manager
portal's, and a room's in admin. Secrets never come back; every refusal is checked."""

from datetime import time, timedelta

import pytest
from django.db import connection as db
from django.utils import timezone

from interviews.availability.models import BusyBlock, CalendarConnection, WorkingHours
from interviews.planning.configuration import InterviewLocation
from tests.parsed_html import elements, text

pytestmark = pytest.mark.django_db

FEED = "https://calendar.google.com/calendar/ical/marieke%40example.com/private-s3cr3t/basic.ics"
CALDAV = {"calendar-kind": "caldav", "calendar-url": "https://cloud.example.org/remote.php/dav/",
          "calendar-username": "marieke", "calendar-password": "app-pa55word"}


@pytest.fixture
def read_soon(monkeypatch):
    """The connections the pages asked to have read at once."""
    asked = []
    monkeypatch.setattr("interviews.availability.views.read_soon", asked.append)
    return asked


@pytest.fixture
def my_feed(recruiter):
    return CalendarConnection.objects.create(user=recruiter, url=FEED)


@pytest.fixture
def manager_caldav(manager_contact):
    return CalendarConnection.objects.create(
        contact_person=manager_contact, kind="caldav", url=CALDAV["calendar-url"],
        username="marieke", password="stored-pa55word")


def connect(client, url: str, **fields):
    return client.post(url, {"action": "connect", "calendar-kind": "feed", **fields})


def test_my_calendars_shows_the_host_when_it_was_read_and_the_last_error_never_the_secret(
        recruiter_client, my_feed):
    read, tried = timezone.now() - timedelta(days=2), timezone.now() - timedelta(minutes=5)
    CalendarConnection.objects.filter(pk=my_feed.pk).update(
        last_read_at=read, last_attempt_at=tried, last_error="401 Unauthorized")
    page = recruiter_client.get("/calendars/").content.decode()
    shown = text(page)
    assert "calendar.google.com" in shown
    assert f"Last read {timezone.localtime(read):%d-%m-%Y %H:%M}" in shown
    assert "possibly out of date" in shown
    assert f"Tried {timezone.localtime(tried):%d-%m-%Y %H:%M}: 401 Unauthorized" in shown
    assert "private-s3cr3t" not in page


def test_the_user_menu_leads_a_recruiter_to_their_calendars(recruiter_client):
    page = recruiter_client.get("/").content.decode()
    assert {"href": "/calendars/", "class": "dropdown-item"} in [
        element.attrs for element in elements(page, "a")]


def test_connecting_a_feed_stores_it_encrypted_and_has_it_read_at_once(
        recruiter_client, recruiter, read_soon):
    response = connect(recruiter_client, "/calendars/", **{"calendar-url": FEED})
    assert response.status_code == 302
    connection = CalendarConnection.objects.get(user=recruiter)
    assert connection.url == FEED and read_soon == [connection]
    with db.cursor() as cursor:
        cursor.execute("SELECT url FROM interviews_calendarconnection")
        assert "s3cr3t" not in cursor.fetchone()[0]
    page = recruiter_client.get("/calendars/").content.decode()
    assert ("The calendar at calendar.google.com is connected: its busy times are read in a "
            "moment.") in text(page)
    assert "private-s3cr3t" not in page


def test_a_webcal_address_is_read_over_https(recruiter_client, recruiter, read_soon):
    connect(recruiter_client, "/calendars/",
            **{"calendar-url": "webcal://p52-caldav.icloud.com/published/2/abc"})
    assert CalendarConnection.objects.get().url == "https://p52-caldav.icloud.com/published/2/abc"


def test_an_address_that_is_no_web_address_is_refused_next_to_the_field_and_kept(
        recruiter_client, read_soon):
    page = connect(recruiter_client, "/calendars/",
                   **{"calendar-url": "ftp://files.example.org/cal.ics"}).content.decode()
    assert "Write an address that starts with https://, http:// or webcal://." in text(page)
    assert 'value="ftp://files.example.org/cal.ics"' in page
    assert not CalendarConnection.objects.exists() and read_soon == []


def test_a_caldav_account_needs_a_user_name_and_a_password(recruiter_client):
    page = connect(recruiter_client, "/calendars/", **{
        "calendar-kind": "caldav", "calendar-url": CALDAV["calendar-url"]}).content.decode()
    assert "A CalDAV account needs its user name." in text(page)
    assert "A CalDAV account needs its (app) password." in text(page)
    assert f'value="{CALDAV["calendar-url"]}"' in page
    assert not CalendarConnection.objects.exists()


def test_a_feed_cannot_be_written_to(recruiter_client):
    page = connect(recruiter_client, "/calendars/",
                   **{"calendar-url": FEED, "calendar-write_back": "on"}).content.decode()
    assert "Only a CalDAV account can be written to: a feed is read-only." in text(page)
    assert not CalendarConnection.objects.exists()


def test_a_caldav_account_with_write_back_is_connected(recruiter_client, recruiter, read_soon):
    connect(recruiter_client, "/calendars/", **CALDAV, **{"calendar-write_back": "on"})
    connection = CalendarConnection.objects.get()
    assert (connection.kind, connection.username, connection.password, connection.write_back) == (
        "caldav", "marieke", "app-pa55word", True)


def test_editing_with_the_secrets_left_empty_keeps_the_stored_ones(
        recruiter_client, manager_caldav, read_soon):
    url = f"/calendars/{manager_caldav.pk}/"
    page = recruiter_client.get(url).content.decode()
    assert "stored-pa55word" not in page and "remote.php" not in page
    assert {"password"} <= {e.attrs.get("type") for e in elements(page, "input")}
    response = recruiter_client.post(url, {"calendar-kind": "caldav", "calendar-url": "",
                                           "calendar-username": "marieke2",
                                           "calendar-password": ""})
    assert response.status_code == 302
    manager_caldav.refresh_from_db()
    assert (manager_caldav.url, manager_caldav.username, manager_caldav.password) == (
        CALDAV["calendar-url"], "marieke2", "stored-pa55word")
    assert read_soon == [manager_caldav]


def test_refresh_now_has_the_calendar_read_and_says_so(recruiter_client, my_feed, read_soon):
    response = recruiter_client.post(f"/calendars/{my_feed.pk}/refresh/", follow=True)
    assert read_soon == [my_feed]
    assert response.redirect_chain[-1][0] == "/calendars/"
    assert ("The calendar at calendar.google.com is read again in a moment: refresh this page "
            "to see the result.") in text(response.content.decode())


def test_remove_asks_first_then_removes_the_calendar_and_its_busy_times(
        recruiter_client, my_feed):
    now = timezone.now()
    BusyBlock.objects.create(connection=my_feed, start=now, end=now + timedelta(hours=1))
    question = recruiter_client.get(f"/calendars/{my_feed.pk}/remove/").content.decode()
    assert "Remove this calendar?" in text(question)
    assert CalendarConnection.objects.exists()
    response = recruiter_client.post(f"/calendars/{my_feed.pk}/remove/", follow=True)
    assert not CalendarConnection.objects.exists() and not BusyBlock.objects.exists()
    assert "The calendar at calendar.google.com has been removed" in text(
        response.content.decode())


def test_a_recruiter_cannot_touch_another_recruiters_calendar(client, my_feed, admin_user,
                                                              django_user_model):
    other = django_user_model.objects.create_user("dave", "dave@example.com", "pw")
    other.groups.add(*my_feed.user.groups.all())
    client.force_login(other)
    assert client.post(f"/calendars/{my_feed.pk}/refresh/").status_code == 403
    assert client.post(f"/calendars/{my_feed.pk}/remove/").status_code == 403
    assert client.get(f"/calendars/{my_feed.pk}/").status_code == 403
    assert CalendarConnection.objects.exists()
    assert "calendar.google.com" not in client.get("/calendars/").content.decode()


def test_an_outsider_is_refused_everywhere(outsider_client, manager_contact, manager_caldav,
                                           read_soon):
    for url in ("/calendars/", f"/contacts/{manager_contact.pk}/calendars/",
                f"/calendars/{manager_caldav.pk}/", "/portal/calendars/"):
        assert outsider_client.get(url).status_code == 403, url
    for action in ("refresh", "remove"):
        url = f"/calendars/{manager_caldav.pk}/{action}/"
        assert outsider_client.post(url).status_code == 403, url
    assert connect(outsider_client, f"/contacts/{manager_contact.pk}/calendars/",
                   **{"calendar-url": FEED}).status_code == 403
    assert CalendarConnection.objects.count() == 1 and read_soon == []


def test_the_contact_dossier_shows_their_calendars_and_refresh_returns_there(
        recruiter_client, manager_contact, manager_caldav, read_soon):
    page = recruiter_client.get(f"/contacts/{manager_contact.pk}/").content.decode()
    shown = text(page)
    assert "cloud.example.org" in shown and "Not read yet" in shown
    assert "Working hours: Mon, Tue, Wed, Thu, Fri 09:00–17:00 (Europe/Amsterdam)" in shown
    assert "stored-pa55word" not in page and "remote.php" not in page
    response = recruiter_client.post(f"/calendars/{manager_caldav.pk}/refresh/",
                                     {"back": f"contact_detail:{manager_contact.pk}"})
    assert response.url == f"/contacts/{manager_contact.pk}/"


def test_a_recruiter_connects_a_contact_persons_calendar(recruiter_client, manager_contact,
                                                         read_soon):
    url = f"/contacts/{manager_contact.pk}/calendars/"
    assert "Calendars of Marieke van der Linden" in text(recruiter_client.get(url).content.decode())
    connect(recruiter_client, url, **{"calendar-url": FEED})
    assert CalendarConnection.objects.get().contact_person == manager_contact


def test_a_hiring_manager_manages_their_own_calendars_in_the_portal(
        client, hiring_manager, manager_contact, manager_caldav, read_soon):
    client.force_login(hiring_manager)
    home = client.get("/portal/").content.decode()
    assert "/portal/calendars/" in [e.attrs.get("href") for e in elements(home, "a")]
    page = client.get("/portal/calendars/").content.decode()
    assert "cloud.example.org" in text(page)
    response = client.post(f"/calendars/{manager_caldav.pk}/refresh/")
    assert response.url == "/portal/calendars/" and read_soon == [manager_caldav]
    connect(client, "/portal/calendars/", **{"calendar-url": FEED})
    assert manager_contact.calendar_connections.count() == 2


def test_a_hiring_manager_cannot_touch_another_contacts_calendar(client, hiring_manager):
    from vacancies.models import ContactPerson

    other = ContactPerson.objects.create(name="Other", email="other@example.com")
    connection = CalendarConnection.objects.create(contact_person=other, url=FEED)
    client.force_login(hiring_manager)
    assert client.post(f"/calendars/{connection.pk}/remove/").status_code == 403
    assert client.get(f"/contacts/{other.pk}/calendars/").status_code == 403


def test_working_hours_default_to_monday_to_friday_nine_to_five_in_the_persons_time_zone(
        recruiter_client, manager_contact):
    manager_contact.time_zone = "Europe/London"
    manager_contact.save()
    page = recruiter_client.get(f"/contacts/{manager_contact.pk}/calendars/").content.decode()
    checked = {e.attrs["value"] for e in elements(page, "input")
               if e.attrs.get("name") == "hours-weekdays" and "checked" in e.attrs}
    assert checked == {"0", "1", "2", "3", "4"}
    assert 'value="09:00"' in page and 'value="17:00"' in page
    assert "Times in the time zone Europe/London." in text(page)


def test_working_hours_are_saved(recruiter_client, recruiter):
    response = recruiter_client.post("/calendars/", {
        "action": "hours", "hours-weekdays": ["0", "2"], "hours-start": "08:30",
        "hours-end": "16:00"}, follow=True)
    assert "The working hours have been saved." in text(response.content.decode())
    hours = WorkingHours.objects.get(user=recruiter)
    assert (hours.weekdays, hours.start, hours.end) == ([0, 2], time(8, 30), time(16))


def test_working_hours_that_end_before_they_start_are_refused_and_kept(recruiter_client):
    page = recruiter_client.post("/calendars/", {
        "action": "hours", "hours-weekdays": ["0"], "hours-start": "17:00",
        "hours-end": "9.00"}).content.decode()
    assert "Write the time as HH:MM, for example 17:00." in text(page)
    assert 'value="9.00"' in page
    page = recruiter_client.post("/calendars/", {
        "action": "hours", "hours-start": "17:00", "hours-end": "09:00"}).content.decode()
    assert "Choose at least one working day." in text(page)
    assert "The end of the working day comes after its start." in text(page)
    assert not WorkingHours.objects.exists()


def test_a_rooms_calendars_are_managed_in_admin_without_showing_secrets(client, admin_user):
    room = InterviewLocation.objects.create(name="Room 1")
    CalendarConnection.objects.create(location=room, kind="caldav", url=CALDAV["calendar-url"],
                                      username="room", password="room-secret")
    client.force_login(admin_user)
    url = f"/admin/interviews/interviewlocation/{room.pk}/change/"
    page = client.get(url).content.decode()
    assert "room-secret" not in page and "remote.php" not in page
    assert "cloud.example.org" in page
    assert {e.attrs.get("value", "") for e in elements(page, "input")  # its own and "add one"
            if e.attrs.get("name", "").endswith("-password")} == {""}


def test_error_reports_leave_the_address_and_password_out(recruiter_client, read_soon):
    response = connect(recruiter_client, "/calendars/", **CALDAV)
    assert set(response.wsgi_request.sensitive_post_parameters) == {
        "calendar-url", "calendar-password"}
