"""The busy times of a day for the interview form's strip (availability/busy/): stored blocks
and planned interviews of the attendees, placed in the recruiter's time zone, in two queries."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from interviews.availability.models import BusyBlock, CalendarConnection
from interviews.planning.configuration import InterviewLocation
from tests.parsed_html import elements

pytestmark = pytest.mark.django_db

DAY = "2037-03-02"  # a Monday; Amsterdam is at UTC+1 then
# Every request reads its session and its user before the view runs.
SESSION_AND_USER = 2


def utc(hour: int, minute: int = 0) -> datetime:
    return datetime(2037, 3, 2, hour, minute, tzinfo=UTC)


@pytest.fixture
def marieke_calendar(manager_contact):
    return CalendarConnection.objects.create(contact_person=manager_contact,
                                             url="https://calendar.example.org/s3cr3t.ics",
                                             last_read_at=timezone.now())


def busy(client, **query) -> list[dict]:
    response = client.get("/availability/busy/", {"day": DAY, **query})
    assert response.status_code == 200, response.content
    return response.json()["busy"]


def test_a_calendar_block_is_placed_in_the_recruiters_time_zone(
        recruiter_client, manager_contact, marieke_calendar):
    BusyBlock.objects.create(connection=marieke_calendar, start=utc(9), end=utc(10))
    assert busy(recruiter_client, contact=manager_contact.pk) == [{
        "who": f"contact:{manager_contact.pk}", "start": "10:00", "end": "11:00",
        "from_minute": 120, "until_minute": 180, "tentative": False, "stale": False,
        "interview": None}]


def test_a_block_reaching_beyond_the_day_says_when_it_starts(
        recruiter_client, manager_contact, marieke_calendar):
    BusyBlock.objects.create(connection=marieke_calendar, start=utc(0) - timedelta(hours=2),
                             end=utc(8))
    [block] = busy(recruiter_client, contact=manager_contact.pk)
    assert (block["start"], block["end"]) == ("01-03-2037 23:00", "09:00")
    assert block["from_minute"] < 0 and block["until_minute"] == 60


def test_tentative_and_stale_blocks_say_so(recruiter_client, manager_contact,
                                           marieke_calendar):
    CalendarConnection.objects.filter(pk=marieke_calendar.pk).update(
        last_read_at=timezone.now() - timedelta(days=2))
    BusyBlock.objects.create(connection=marieke_calendar, start=utc(13), end=utc(14),
                             tentative=True)
    [block] = busy(recruiter_client, contact=manager_contact.pk)
    assert (block["tentative"], block["stale"]) == (True, True)


def test_the_candidates_other_interviews_and_the_owners_show_but_not_the_interview_itself(
        recruiter_client, recruiter, candidate, make_interview):
    other = make_interview(candidate=candidate, when=utc(12))
    edited = make_interview(candidate=candidate, when=utc(14))
    rows = busy(recruiter_client, candidate=candidate.pk, user=recruiter.pk,
                interview=edited.pk)
    assert {(row["who"], row["start"], row["interview"]) for row in rows} == {
        (f"candidate:{candidate.pk}", "13:00", other.pk),
        (f"user:{recruiter.pk}", "13:00", other.pk)}


def test_a_rooms_and_the_committees_blocks_show(recruiter_client, manager_contact):
    room = InterviewLocation.objects.create(name="Room 1")
    connection = CalendarConnection.objects.create(location=room, url="https://r.example.org/")
    BusyBlock.objects.create(connection=connection, start=utc(7), end=utc(8))
    rows = busy(recruiter_client, location=room.pk, contact=[manager_contact.pk, 999])
    assert [(row["who"], row["start"]) for row in rows] == [(f"location:{room.pk}", "08:00")]


def test_nothing_outside_08_00_to_19_00_is_sent(recruiter_client, manager_contact,
                                                marieke_calendar):
    BusyBlock.objects.create(connection=marieke_calendar, start=utc(5), end=utc(6))
    BusyBlock.objects.create(connection=marieke_calendar, start=utc(18), end=utc(19))
    assert busy(recruiter_client, contact=manager_contact.pk) == []


def test_it_costs_two_queries_whoever_attends(recruiter_client, recruiter, candidate,
                                              manager_contact, marieke_calendar,
                                              make_interview, django_assert_max_num_queries):
    room = InterviewLocation.objects.create(name="Room 1")
    BusyBlock.objects.create(connection=marieke_calendar, start=utc(9), end=utc(10))
    make_interview(candidate=candidate, when=utc(12), contact_person=manager_contact,
                   location=room)
    with django_assert_max_num_queries(SESSION_AND_USER + 2):
        rows = busy(recruiter_client, user=recruiter.pk, contact=manager_contact.pk,
                    location=room.pk, candidate=candidate.pk)
    assert len(rows) == 5


def test_a_day_that_is_missing_or_no_date_is_refused(recruiter_client):
    assert recruiter_client.get("/availability/busy/").status_code == 400
    for day in ("31-02-2037", "2037-02-31", "0001-01-01"):
        assert recruiter_client.get("/availability/busy/", {"day": day}).status_code == 400


def test_only_recruiters_see_busy_times(outsider_client, client, hiring_manager,
                                        manager_contact):
    assert outsider_client.get("/availability/busy/", {"day": DAY}).status_code == 403
    client.force_login(hiring_manager)
    assert client.get("/availability/busy/", {"day": DAY,
                                              "contact": manager_contact.pk}).status_code == 403


def test_the_interview_form_carries_what_the_strip_needs(recruiter_client, recruiter,
                                                          registration):
    page = recruiter_client.get(f"/registrations/{registration.pk}/interviews/new/")
    [strip] = [e for e in elements(page.content.decode(), "section")
               if e.attrs.get("id") == "busy-strip"]
    assert strip.attrs["data-url"] == "/availability/busy/"
    assert strip.attrs["data-owner"] == str(recruiter.pk)
    assert strip.attrs["data-owner-name"] == "Alice Recruiter"
    assert strip.attrs["data-candidate"] == str(registration.candidate_id)
    assert strip.attrs["data-candidate-name"] == "Jeroen van Dijk: other interviews"
    assert "/static/js/busy-strip.js" in [e.attrs.get("src") for e in
                                          elements(page.content.decode(), "script")]
