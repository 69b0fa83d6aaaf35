"""Write-back: interviews planned in the app appear in the CalDAV calendars of the people who
attend them (a real Radicale server), follow every change and leave on cancellation."""

import datetime as dt
import socket
import threading
import uuid
from datetime import UTC, timedelta

import caldav
import pytest
from django.utils import timezone
from icalendar import Calendar

from interviews.availability.models import CalendarConnection, CalendarEvent
from interviews.availability.writeback import write_back_all, write_back_interview
from interviews.planning.configuration import InterviewSettings
from interviews.planning.models import Interview
from tests.interviews.readable import LONG_MEMO
from vacancies.models import ContactPerson

pytestmark = pytest.mark.usefixtures("migrated_db")


@pytest.fixture
def calendars(radicale) -> dict[str, str]:
    """A fresh calendar for the recruiter (alice) and the hiring manager (marieke)."""
    name = f"work-{uuid.uuid4().hex[:8]}"
    return {user: radicale.make_calendar(user, name) for user in ("alice", "marieke")}


@pytest.fixture
def recruiter_writes_back(radicale, calendars, recruiter) -> CalendarConnection:
    return connect(radicale, "alice", calendars["alice"], user=recruiter)


@pytest.fixture
def manager_writes_back(radicale, calendars, manager_contact) -> CalendarConnection:
    return connect(radicale, "marieke", calendars["marieke"], contact_person=manager_contact)


@pytest.fixture
def committee_on():
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})


def connect(radicale, login: str, url: str, *, password: str | None = None, write_back=True,
            **owner) -> CalendarConnection:
    """`login`'s CalDAV account, as the calendar of `owner` (user= or contact_person=)."""
    return CalendarConnection.objects.create(
        kind=CalendarConnection.Kind.CALDAV, url=url, username=login,
        password=password or radicale.password(login), write_back=write_back, **owner)


def events_in(radicale, user: str, url: str) -> list:
    """The VEVENTs the calendar holds, as its owner's calendar app reads them."""
    with caldav.DAVClient(url=radicale.url, username=user,
                          password=radicale.password(user)) as client:
        return [event.icalendar_component for event in client.calendar(url=url).events()]


def raw_events_in(radicale, user: str, url: str) -> list[str]:
    with caldav.DAVClient(url=radicale.url, username=user,
                          password=radicale.password(user)) as client:
        return [event.data for event in client.calendar(url=url).events()]


FORM = {"start": "30-11-2037 10:00", "duration": "45", "kind": "both",
        "location_text": "Catharijnesingel 42, Utrecht", "interviewer": "Pat Jansen",
        "memo": LONG_MEMO}


def plan(client, registration, **fields) -> Interview:
    data = {**FORM, "contact_person": registration.vacancy.hiring_manager_id, **fields}
    response = client.post(f"/registrations/{registration.pk}/interviews/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Interview.objects.latest("pk")


def edit(client, interview: Interview, **fields) -> None:
    interview.refresh_from_db()
    data = {**FORM, "contact_person": interview.contact_person_id,
            "version": interview.version, **fields}
    response = client.post(interview.get_absolute_url(), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_planned_interview_appears_once_in_both_calendars_with_the_invitations_uid(
        recruiter_client, registration, recruiter_writes_back, manager_writes_back, calendars,
        radicale, run_worker):
    interview = plan(recruiter_client, registration)
    run_worker()
    titles = {"alice": "Interview with Jeroen van Dijk (Senior Java Developer)",
              "marieke": "Gesprek met Jeroen van Dijk (Senior Java Developer)"}  # she reads Dutch
    for user in ("alice", "marieke"):
        [event] = events_in(radicale, user, calendars[user])
        assert str(event["UID"]) == interview.calendar_uid
        assert event.decoded("DTSTART") == dt.datetime(2037, 11, 30, 9, 0, tzinfo=UTC)
        assert event.decoded("DTEND") == dt.datetime(2037, 11, 30, 9, 45, tzinfo=UTC)
        assert str(event["SUMMARY"]) == titles[user]
        assert str(event["LOCATION"]) == "Catharijnesingel 42, Utrecht"
    [manager_copy] = raw_events_in(radicale, "marieke", calendars["marieke"])
    assert "METHOD" not in Calendar.from_ical(manager_copy)  # a stored event, no iTIP message


def test_the_memo_never_reaches_a_calendar(
        recruiter_client, registration, recruiter_writes_back, manager_writes_back, calendars,
        radicale, run_worker):
    plan(recruiter_client, registration)
    run_worker()
    for user in ("alice", "marieke"):
        [event] = events_in(radicale, user, calendars[user])
        readable = " ".join(str(value) for value in event.values())
        assert "Pat Jansen" in str(event["DESCRIPTION"])  # the facts are there
        assert "salary" not in readable and "references" not in readable


def test_moving_it_twice_and_changing_the_place_keeps_one_event_with_the_new_time(
        recruiter_client, registration, manager_writes_back, calendars, radicale, run_worker):
    interview = plan(recruiter_client, registration)
    run_worker()
    [first] = events_in(radicale, "marieke", calendars["marieke"])
    edit(recruiter_client, interview, start="01-12-2037 14:00")
    edit(recruiter_client, interview, start="02-12-2037 15:30",
         location_text="Room 4.12, Stationsplein 1")
    run_worker()
    [event] = events_in(radicale, "marieke", calendars["marieke"])
    assert str(event["UID"]) == interview.calendar_uid
    assert event.decoded("DTSTART") == dt.datetime(2037, 12, 2, 14, 30, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Room 4.12, Stationsplein 1"
    assert event["SEQUENCE"] == 2 > first["SEQUENCE"] == 0  # as the invitations count
    assert CalendarEvent.objects.get().uid == interview.calendar_uid


def test_running_the_write_back_again_changes_nothing(
        recruiter_client, registration, manager_writes_back, calendars, radicale, run_worker):
    interview = plan(recruiter_client, registration)
    run_worker()
    written = CalendarEvent.objects.get()
    write_back_interview.call(interview.calendar_uid)
    write_back_all(manager_writes_back)
    again = CalendarEvent.objects.get()
    assert (again.etag, again.written_at) == (written.etag, written.written_at)
    assert len(events_in(radicale, "marieke", calendars["marieke"])) == 1


def test_a_cancelled_interview_leaves_the_calendars(
        recruiter_client, registration, recruiter_writes_back, manager_writes_back, calendars,
        radicale, run_worker):
    interview = plan(recruiter_client, registration)
    run_worker()
    recruiter_client.post(f"/interviews/{interview.pk}/status/",
                          {"status": "cancelled", "reason": "The manager is ill"})
    run_worker()
    assert events_in(radicale, "alice", calendars["alice"]) == []
    assert events_in(radicale, "marieke", calendars["marieke"]) == []
    assert not CalendarEvent.objects.exists()


def test_a_committee_member_taken_off_the_interview_no_longer_has_it(
        recruiter_client, registration, committee_on, radicale, run_worker):
    member = ContactPerson.objects.create(name="Ruud Member", email="ruud@example.com")
    url = radicale.make_calendar("marieke", f"committee-{uuid.uuid4().hex[:8]}")
    connect(radicale, "marieke", url, contact_person=member)
    interview = plan(recruiter_client, registration, committee_members=[member.pk])
    run_worker()
    [event] = events_in(radicale, "marieke", url)
    assert str(event["UID"]) == interview.calendar_uid
    assert str(event["ATTENDEE"]) == "mailto:ruud@example.com"
    edit(recruiter_client, interview, committee_members=[])
    run_worker()
    assert events_in(radicale, "marieke", url) == []


def test_a_hiring_manager_replaced_by_another_loses_the_interview(
        recruiter_client, registration, manager_writes_back, calendars, radicale, run_worker):
    interview = plan(recruiter_client, registration)
    run_worker()
    other = ContactPerson.objects.create(name="Other Manager", email="other@example.com")
    edit(recruiter_client, interview, contact_person=other.pk)
    run_worker()
    assert events_in(radicale, "marieke", calendars["marieke"]) == []


def test_a_calendar_with_write_back_off_gets_nothing(
        recruiter_client, registration, manager_contact, calendars, radicale, run_worker):
    connect(radicale, "marieke", calendars["marieke"], contact_person=manager_contact,
            write_back=False)
    plan(recruiter_client, registration)
    run_worker()
    assert events_in(radicale, "marieke", calendars["marieke"]) == []


def test_a_wrong_password_is_recorded_and_the_interview_saved_all_the_same(
        recruiter_client, registration, manager_contact, calendars, radicale, run_worker):
    connection = connect(radicale, "marieke", calendars["marieke"],
                         contact_person=manager_contact, password="wrong")
    interview = plan(recruiter_client, registration)
    run_worker()
    assert Interview.objects.filter(pk=interview.pk).exists()
    connection.refresh_from_db()
    assert "refused the user name or app password (401)" in connection.last_error
    assert "wrong" not in connection.last_error and "marieke/" not in connection.last_error
    # The owner puts the right password in; the next run of the calendar writes what is missing.
    connection.password = radicale.password("marieke")
    connection.save()
    write_back_all(connection)
    assert [str(e["UID"]) for e in events_in(radicale, "marieke", calendars["marieke"])] == [
        interview.calendar_uid]


@pytest.fixture
def silent_server():
    """An address that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/marieke/work/"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_calendar_that_does_not_answer_is_recorded_as_a_time_out(
        recruiter_client, registration, manager_contact, silent_server, radicale, run_worker,
        settings):
    settings.CALENDAR_FETCH_TIMEOUT = 1
    connection = connect(radicale, "marieke", silent_server, contact_person=manager_contact)
    plan(recruiter_client, registration)
    run_worker()
    connection.refresh_from_db()
    assert connection.last_error == (
        "Writing interviews: the calendar did not answer within 1 second.")


@pytest.mark.parametrize("place", [
    '<script>alert("x")</script>, Room 1; floor 2',
    "Catharijnesingel 42\nUtrecht; side door\nATTENDEE:mailto:mallory@example.com",
])
def test_hostile_text_in_the_location_arrives_intact(
        recruiter_client, registration, manager_writes_back, calendars, radicale, run_worker,
        place):
    plan(recruiter_client, registration, location_text=place)
    run_worker()
    [event] = events_in(radicale, "marieke", calendars["marieke"])
    assert str(event["LOCATION"]) == place
    assert str(event["ATTENDEE"]) == "mailto:marieke@example.com"  # nothing slipped in


def test_switching_write_back_on_later_writes_the_interviews_to_come(
        recruiter_client, registration, manager_contact, calendars, radicale, run_worker,
        make_interview):
    past = make_interview(registration=registration, contact_person=manager_contact,
                          kind="both", when=timezone.now() - timedelta(days=2))
    interview = plan(recruiter_client, registration)
    run_worker()
    connection = connect(radicale, "marieke", calendars["marieke"],
                         contact_person=manager_contact)
    write_back_all(connection)
    uids = [str(event["UID"]) for event in events_in(radicale, "marieke", calendars["marieke"])]
    assert uids == [interview.calendar_uid] and past.calendar_uid not in uids


def test_switching_it_off_takes_them_out_again(
        recruiter_client, registration, manager_writes_back, calendars, radicale, run_worker):
    plan(recruiter_client, registration)
    run_worker()
    manager_writes_back.write_back = False
    manager_writes_back.save()
    write_back_all(manager_writes_back)
    assert events_in(radicale, "marieke", calendars["marieke"]) == []


def test_an_open_selection_interview_holds_the_managers_time_until_a_candidate_takes_it(
        recruiter_client, registration, vacancy, manager_writes_back, calendars, radicale,
        run_worker, manager_contact):
    manager_contact.language = "en"
    manager_contact.save()
    data = {**FORM, "contact_person": vacancy.hiring_manager_id}
    assert recruiter_client.post(f"/vacancies/{vacancy.pk}/interviews/new/",
                                 data).status_code == 302
    slot = Interview.objects.latest("pk")
    run_worker()
    [event] = events_in(radicale, "marieke", calendars["marieke"])
    assert str(event["SUMMARY"]) == (
        "Selection interview, no candidate yet (Senior Java Developer)")
    recruiter_client.post(f"/registrations/{registration.pk}/link/", {"interview": slot.pk})
    run_worker()
    [event] = events_in(radicale, "marieke", calendars["marieke"])
    assert str(event["UID"]) == slot.calendar_uid
    assert str(event["SUMMARY"]) == "Interview with Jeroen van Dijk (Senior Java Developer)"


def test_an_invitation_accepted_into_the_same_calendar_is_updated_not_doubled(
        recruiter_client, registration, manager_writes_back, calendars, radicale, run_worker):
    interview = plan(recruiter_client, registration)
    # The manager's mail app stored the emailed invitation before the worker ran.
    with caldav.DAVClient(url=radicale.url, username="marieke",
                          password=radicale.password("marieke")) as client:
        calendar = client.calendar(url=calendars["marieke"])
        accepted = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//mail app//EN\r\n"
                    f"BEGIN:VEVENT\r\nUID:{interview.calendar_uid}\r\n"
                    "DTSTAMP:20370101T000000Z\r\nDTSTART:20371130T090000Z\r\n"
                    "DTEND:20371130T094500Z\r\nSUMMARY:accepted\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n")
        caldav.Event(client, url=calendar.url.join("accepted-by-mail-app.ics"), parent=calendar,
                     data=accepted).save()
    edit(recruiter_client, interview, start="01-12-2037 14:00")
    run_worker()
    [event] = events_in(radicale, "marieke", calendars["marieke"])
    assert event.decoded("DTSTART") == dt.datetime(2037, 12, 1, 13, 0, tzinfo=UTC)
    assert CalendarEvent.objects.get().href.endswith("/accepted-by-mail-app.ics")


def test_an_interview_deleted_in_the_admin_leaves_the_calendars(
        admin_client, recruiter_client, registration, manager_writes_back, calendars, radicale,
        run_worker):
    interview = plan(recruiter_client, registration)
    run_worker()
    admin_client.post(f"/admin/interviews/interview/{interview.pk}/delete/", {"post": "yes"})
    assert not Interview.objects.filter(pk=interview.pk).exists()
    run_worker()
    assert events_in(radicale, "marieke", calendars["marieke"]) == []


def test_the_periodic_read_writes_what_could_not_be_written_before(
        recruiter_client, registration, manager_contact, calendars, radicale, run_worker,
        read_now):
    connection = connect(radicale, "marieke", calendars["marieke"],
                         contact_person=manager_contact, password="wrong")
    interview = plan(recruiter_client, registration)
    run_worker()
    assert events_in(radicale, "marieke", calendars["marieke"]) == []
    connection.password = radicale.password("marieke")
    connection.save()
    # Nobody touches the interview again: the calendar's next read catches up on its own.
    connection = read_now(connection)
    assert connection.last_error == ""
    assert [str(e["UID"]) for e in events_in(radicale, "marieke", calendars["marieke"])] == [
        interview.calendar_uid]
