"""The dashboard: the user's interviews as a week and as a list (R4 Kind)."""

import datetime as dt
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from interviews.planning.configuration import InterviewSettings
from interviews.planning.models import Interview

pytestmark = pytest.mark.django_db


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_the_week_view_marks_today_and_shows_my_interviews(
    recruiter_client, registration, make_interview
):
    today = timezone.localdate()
    make_interview(registration=registration, when=_at(today, 23), location_text="Utrecht")
    html = recruiter_client.get("/").content.decode()
    assert 'aria-current="date"' in html
    today_cell = html[html.index('aria-current="date"'):]
    assert "23:00–00:00" in today_cell[:2000] and "Jeroen van Dijk" in today_cell[:2000]


def test_previous_and_next_week(recruiter_client, registration, make_interview):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    next_monday = monday + timedelta(days=7)
    make_interview(registration=registration, when=_at(next_monday + timedelta(days=2), 10))
    html = recruiter_client.get("/").content.decode()
    assert f'href="?week={next_monday.isoformat()}"' in html
    assert f'href="?week={(monday - timedelta(days=7)).isoformat()}"' in html
    week = recruiter_client.get("/", {"week": next_monday.isoformat()}).content.decode()
    grid = week[week.index('class="week-grid"'):week.index('id="upcoming-title"')]
    assert "10:00–11:00" in grid
    assert next_monday.strftime("%d-%m-%Y") in week


@pytest.mark.parametrize("week", ["soon", "9999-12-31", "0001-01-01", "2026-02-30"])
def test_a_nonsense_week_shows_this_week(recruiter_client, week):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    html = recruiter_client.get("/", {"week": week}).content.decode()
    assert 'aria-current="date"' in html and monday.strftime("%d-%m-%Y") in html
    assert f'href="?week={(monday + timedelta(days=7)).isoformat()}"' in html


def test_the_list_shows_upcoming_interviews_with_date_and_time(
    recruiter_client, registration, make_interview
):
    when = timezone.now() + timedelta(days=20)
    make_interview(registration=registration, when=when)
    html = recruiter_client.get("/").content.decode()
    assert timezone.localtime(when).strftime("%d-%m-%Y %H:%M") in html


def test_a_hiring_manager_user_sees_only_their_interviews_and_never_the_memo(
    client, hiring_manager, registration, make_interview, manager_contact, candidate
):
    from candidates.models import Candidate

    mine = make_interview(registration=registration, contact_person=manager_contact,
                          kind="both", memo="Salary expectations too high")
    other = Candidate.objects.create(first_name="Eva", last_name="Peters", email="eva@x.org")
    make_interview(candidate=other, when=mine.start)
    client.force_login(hiring_manager)
    html = client.get("/").content.decode()
    assert "Jeroen van Dijk" in html
    assert "Eva Peters" not in html
    assert "Salary expectations" not in html
    assert f'href="/interviews/{mine.pk}/' not in html  # the recruiter form is not theirs
    assert f'href="/portal/interviews/{mine.pk}/"' in html
    assert "Workflow" not in html and "Candidates" not in html


def test_a_committee_member_user_sees_the_interview(
    client, hiring_manager, registration, make_interview, manager_contact
):
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    interview = make_interview(registration=registration, contact_person=None)
    interview.committee_members.add(manager_contact)
    client.force_login(hiring_manager)
    assert "Jeroen van Dijk" in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/workflow/", "/candidates/", "/vacancies/",
                                 "/reports/interviews/"])
def test_a_hiring_manager_user_is_refused_recruiter_pages(client, hiring_manager, url):
    client.force_login(hiring_manager)
    assert client.get(url).status_code == 403


def test_a_user_with_no_role_is_refused_the_dashboard(outsider_client):
    assert outsider_client.get("/").status_code == 403


def test_cancelled_interviews_leave_the_week(recruiter_client, registration, make_interview):
    make_interview(registration=registration, when=_at(timezone.localdate(), 23),
                   status=Interview.Status.CANCELLED)
    html = recruiter_client.get("/").content.decode()
    assert "23:00–00:00" not in html


def test_the_dashboard_runs_the_same_queries_for_few_and_many_interviews(
    recruiter_client, registration, make_interview
):
    def count(total: int) -> int:
        while Interview.objects.count() < total:
            n = Interview.objects.count()
            make_interview(registration=registration,
                           when=_at(timezone.localdate() + timedelta(days=n % 6), 8 + n % 12))
        with CaptureQueriesContext(connection) as queries:
            recruiter_client.get("/")
        return len(queries)

    assert count(2) == count(40)
