"""Dates that make sense: a start in the past is confirmed first, an impossible date is named,
and the placeholder speaks the recruiter's language (issue 11, part 6). The weekend hint is
the page's script: see tests/browser/test_sensible_dates.py."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.planning.models import Interview
from tests.parsed_html import elements, form_values, text

pytestmark = pytest.mark.django_db


def typed(days_from_now: int) -> str:
    """A start as a recruiter types it, some days from today at 10:00."""
    return (timezone.localdate() + timedelta(days=days_from_now)).strftime("%d-%m-%Y 10:00")


def plan(client, registration, start: str, language: str = "en", **fields):
    return client.post(f"/registrations/{registration.pk}/interviews/new/",
                       {"start": start, "kind": "recruiter", "interviewer": "Pat", **fields},
                       HTTP_ACCEPT_LANGUAGE=language)


def save_anyway(client, response, language: str = "en"):
    """Press "Save anyway" on the page the form came back with, as a browser submits it."""
    data = form_values(response.content.decode(), "interview-form")
    return client.post(response.request["PATH_INFO"], data, HTTP_ACCEPT_LANGUAGE=language)


def error_under_the_date(html: str) -> str:
    match = re.search(r'id="error_1_id_start"[^>]*>(?:<small>)?(?:<strong>)?(.*?)<', html)
    assert match, "no message next to the date"
    return match.group(1).strip()


@pytest.mark.parametrize(("language", "said"), [
    ("en", "{date} is in the past. Check the date, or save anyway"),
    ("nl", "{date} ligt in het verleden. Controleer de datum, of sla toch op"),
])
def test_a_start_in_the_past_is_saved_only_after_the_recruiter_confirms_it(
    recruiter_client, registration, language, said
):
    yesterday = typed(-1)
    response = plan(recruiter_client, registration, yesterday, language)
    assert response.status_code == 200
    assert said.format(date=yesterday) in text(response.content.decode())
    assert not Interview.objects.exists()

    saved = save_anyway(recruiter_client, response, language)
    assert saved.status_code == 302
    interview = Interview.objects.get()
    assert timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M") == yesterday
    assert interview.interviewer == "Pat"  # what was typed before the question is kept


def test_a_start_in_the_future_is_saved_without_a_question(recruiter_client, registration):
    assert plan(recruiter_client, registration, typed(1)).status_code == 302
    assert Interview.objects.count() == 1


def test_editing_a_past_interview_without_moving_it_asks_nothing(
    recruiter_client, registration, make_interview
):
    held = make_interview(registration=registration, when=timezone.now() - timedelta(days=3))
    page = recruiter_client.get(held.get_absolute_url())
    data = form_values(page.content.decode(), "interview-form")
    data["report"] = ["Strong on Java, weaker on SQL."]
    assert recruiter_client.post(held.get_absolute_url(), data).status_code == 302
    held.refresh_from_db()
    assert held.report == "Strong on Java, weaker on SQL."


def test_moving_an_interview_into_the_past_asks_first(
    recruiter_client, registration, make_interview
):
    interview = make_interview(registration=registration)
    data = form_values(recruiter_client.get(interview.get_absolute_url()).content.decode(),
                       "interview-form")
    data["start"] = [typed(-2)]
    response = recruiter_client.post(interview.get_absolute_url(), data)
    assert "is in the past" in text(response.content.decode())
    before = interview.start
    interview.refresh_from_db()
    assert interview.start == before


def test_a_start_in_the_past_that_also_overlaps_asks_both_then_saves(
    recruiter_client, registration, make_interview
):
    yesterday = typed(-1)
    start = timezone.make_aware(timezone.datetime.strptime(yesterday, "%d-%m-%Y %H:%M"))
    make_interview(registration=registration, when=start + timedelta(minutes=30))
    past = plan(recruiter_client, registration, yesterday)
    assert "is in the past" in text(past.content.decode())
    both = save_anyway(recruiter_client, past)
    assert "This interview overlaps with" in text(both.content.decode())
    data = form_values(both.content.decode(), "interview-form")
    data["confirm_overlap"] = ["1"]  # the "Save anyway" button
    response = recruiter_client.post(both.request["PATH_INFO"], data)
    assert response.status_code == 302
    assert Interview.objects.count() == 2


@pytest.mark.parametrize(("language", "said"), [
    ("en", "31-02-2027 does not exist."), ("nl", "31-02-2027 bestaat niet.")])
def test_an_impossible_date_says_it_does_not_exist(recruiter_client, registration, language,
                                                    said):
    response = plan(recruiter_client, registration, "31-02-2027 10:00", language)
    html = response.content.decode()
    assert error_under_the_date(html) == said
    assert 'value="31-02-2027 10:00"' in html
    assert not Interview.objects.exists()


def test_a_wrong_notation_still_explains_the_notation(recruiter_client, registration):
    html = plan(recruiter_client, registration, "2027-02-28 10:00").content.decode()
    assert error_under_the_date(html).startswith("Write the date as dd-mm-yyyy HH:MM")


@pytest.mark.parametrize(("language", "said"), [
    ("en", "30-02-2027 does not exist."), ("nl", "30-02-2027 bestaat niet.")])
def test_an_impossible_date_in_a_date_only_field_says_it_does_not_exist(
    recruiter_client, language, said
):
    html = recruiter_client.get("/reports/interviews/", {"start": "01-01-2027", "end": "30-2-2027"},
                                HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert said in text(html)


@pytest.mark.parametrize(("language", "date_time", "date"), [
    ("en", "dd-mm-yyyy HH:MM", "dd-mm-yyyy"), ("nl", "dd-mm-jjjj uu:mm", "dd-mm-jjjj")])
def test_the_placeholders_are_in_the_recruiters_language(recruiter_client, registration,
                                                          language, date_time, date):
    form = recruiter_client.get(f"/registrations/{registration.pk}/interviews/new/",
                                HTTP_ACCEPT_LANGUAGE=language).content.decode()
    start = next(e for e in elements(form, "input") if e.attrs.get("name") == "start")
    assert start.attrs["placeholder"] == date_time
    workflow = recruiter_client.get("/workflow/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    until = next(e for e in elements(workflow, "input") if e.attrs.get("name") == "until")
    assert until.attrs["placeholder"] == date
