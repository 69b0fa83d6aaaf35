"""GET availability/find/: the interview form's "Find a time" asks for free times as JSON."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.planning.configuration import InterviewLocation
from tests.interviews.availability.calendars import busy_in_calendar

pytestmark = pytest.mark.django_db
URL = "/availability/find/"
PROPOSAL = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday) "
                      r"(\d\d-\d\d-\d{4} \d\d:\d\d)–\d\d:\d\d")


def test_an_outsider_is_refused(outsider_client):
    assert outsider_client.get(URL, {"duration": 60}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(URL).url.startswith("/accounts/login/")


def test_it_answers_five_working_day_times_as_the_date_field_takes_them(
        recruiter_client, recruiter, manager_contact):
    answer = recruiter_client.get(URL, {"duration": 45, "user": recruiter.pk,
                                        "contact": manager_contact.pk}).json()
    assert len(answer["proposals"]) == 5
    for proposal in answer["proposals"]:
        weekday, value = PROPOSAL.fullmatch(proposal["label"]).groups()
        assert value == proposal["value"]
        start = timezone.make_aware(timezone.datetime.strptime(value, "%d-%m-%Y %H:%M"))
        assert start > timezone.now() and start.strftime("%H:%M") >= "09:00"
        assert (start + timedelta(minutes=45)).strftime("%H:%M") <= "17:00"


def test_the_labels_are_in_the_recruiters_language(recruiter_client, recruiter):
    recruiter_client.cookies["django_language"] = "nl"
    label = recruiter_client.get(URL, {"user": recruiter.pk}).json()["proposals"][0]["label"]
    assert label.split()[0] in {"Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag"}


def test_a_room_busy_for_the_whole_fortnight_leaves_nothing(recruiter_client, recruiter):
    room = InterviewLocation.objects.create(name="Boardroom")
    now = timezone.now()
    busy_in_calendar(room, now - timedelta(days=1), now + timedelta(days=20))
    answer = recruiter_client.get(URL, {"user": recruiter.pk, "location": room.pk}).json()
    assert answer == {"proposals": []}


def test_nonsense_in_the_query_is_left_out(recruiter_client):
    answer = recruiter_client.get(URL, {"duration": "lots", "contact": ["x", "-1", "²"],
                                        "candidate": "' OR 1=1"})
    assert answer.status_code == 200 and len(answer.json()["proposals"]) == 5


def test_it_costs_a_handful_of_queries_however_many_people(
        recruiter_client, recruiter, manager_contact, candidate, django_assert_max_num_queries):
    room = InterviewLocation.objects.create(name="Boardroom")
    query = {"duration": 60, "user": recruiter.pk, "contact": [manager_contact.pk, 98, 99],
             "location": room.pk, "candidate": candidate.pk}
    recruiter_client.get(URL, query)
    # The session and the user, then working hours, calendar blocks and planned interviews.
    with django_assert_max_num_queries(5):
        assert recruiter_client.get(URL, query).status_code == 200
