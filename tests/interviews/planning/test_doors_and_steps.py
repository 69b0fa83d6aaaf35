"""Four doors to one form (R2, R3) and the Steps lists of the dossiers (R7)."""

import datetime as dt
from datetime import UTC, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from candidates.models import Registration
from interviews.planning.configuration import InterviewReason
from interviews.planning.models import Interview
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def _actions_menu(html: str) -> str:
    start = html.index('aria-labelledby="candidate-actions"')
    return html[start:html.index("</ul>", start)]


def test_plan_interview_is_in_the_actions_menu_only_in_the_stage(
    recruiter_client, registration, stages, recruiter
):
    url = registration.candidate.get_absolute_url()
    assert "Plan interview" not in _actions_menu(recruiter_client.get(url).content.decode())
    registration.move_to(stages["Plan interview"], by=recruiter)
    menu = _actions_menu(recruiter_client.get(url).content.decode())
    assert f"/registrations/{registration.pk}/interviews/new/" in menu


def test_with_several_registrations_in_the_stage_the_user_picks_one(
    recruiter_client, plan_interview, stages, recruiter
):
    other = Vacancy.objects.create(title="Data Analyst", status="published")
    second = Registration(candidate=plan_interview.candidate, vacancy=other,
                          stage=stages["Plan interview"])
    second.register(by=recruiter)
    menu = _actions_menu(recruiter_client.get(
        plan_interview.candidate.get_absolute_url()).content.decode())
    assert "Plan interview: Senior Java Developer" in menu
    assert "Plan interview: Data Analyst" in menu


def test_the_candidate_door_can_tie_the_interview_to_a_registration(
    recruiter_client, plan_interview, stages
):
    candidate = plan_interview.candidate
    response = recruiter_client.post(f"/candidates/{candidate.pk}/interviews/new/", {
        "start": "30-11-2037 10:00", "kind": "both", "registration": plan_interview.pk,
        "back": f"candidate_detail:{candidate.pk}",
    })
    assert response.url == candidate.get_absolute_url()
    interview = Interview.objects.get()
    assert interview.registration == plan_interview
    assert interview.contact_person == plan_interview.vacancy.hiring_manager
    plan_interview.refresh_from_db()
    assert plan_interview.stage == stages["Interview planned"]


def test_the_candidate_door_plans_a_general_interview(recruiter_client, candidate):
    recruiter_client.post(f"/candidates/{candidate.pk}/interviews/new/", {
        "start": "30-11-2037 10:00", "kind": "recruiter"})
    interview = Interview.objects.get()
    assert (interview.candidate, interview.registration, interview.vacancy) == (
        candidate, None, None)


@pytest.mark.parametrize(("page", "back"), [
    ("workflow", "workflow"),
    ("vacancy", "vacancy_detail:{vacancy}"),
    ("registration", "registration_detail:{registration}"),
])
def test_every_door_links_to_the_form_with_its_return_target(
    recruiter_client, plan_interview, page, back
):
    url = {"workflow": "/workflow/", "vacancy": plan_interview.vacancy.get_absolute_url(),
           "registration": plan_interview.get_absolute_url()}[page]
    html = recruiter_client.get(url).content.decode()
    target = back.format(vacancy=plan_interview.vacancy.pk, registration=plan_interview.pk)
    assert f"/registrations/{plan_interview.pk}/interviews/new/?back={target}" in html.replace(
        "%3A", ":")


def test_the_steps_list_upcoming_first_then_past_with_the_date_as_a_link(
    recruiter_client, registration, make_interview
):
    first = InterviewReason.objects.create(name="First interview")
    now = timezone.now()
    past = make_interview(registration=registration, when=now - timedelta(days=10),
                          reason=first, status="held")
    later = make_interview(registration=registration, when=now + timedelta(days=9))
    soon = make_interview(registration=registration, when=now + timedelta(days=2),
                          location_text="Utrecht", interviewer="Pat Jansen", kind="both")
    for url in [registration.candidate.get_absolute_url(), registration.get_absolute_url()]:
        html = recruiter_client.get(url).content.decode()
        links = [html.index(f'href="/interviews/{i.pk}/?back=') for i in (soon, later, past)]
        assert links == sorted(links)
        local = timezone.localtime(soon.start).strftime("%d-%m-%Y %H:%M")
        assert f">{local}</a>" in html
        assert "Pat Jansen" in html and "With both" in html and "First interview" in html


def test_a_date_in_the_steps_opens_the_same_form_and_returns(
    recruiter_client, registration, make_interview
):
    interview = make_interview(registration=registration)
    back = f"candidate_detail:{registration.candidate.pk}"
    html = recruiter_client.get(f"/interviews/{interview.pk}/?back={back}").content.decode()
    assert 'id="interview-form"' in html
    response = recruiter_client.post(f"/interviews/{interview.pk}/", {
        "start": "02-12-2037 10:00", "kind": "recruiter", "version": interview.version,
        "report": "Good fit", "back": back})
    assert response.url == registration.candidate.get_absolute_url()
    interview.refresh_from_db()
    assert interview.report == "Good fit"


@pytest.mark.parametrize("url_name", ["candidate", "registration"])
def test_a_dossier_runs_the_same_queries_with_3_and_60_interviews(
    recruiter_client, registration, make_interview, url_name
):
    url = (registration.candidate.get_absolute_url() if url_name == "candidate"
           else registration.get_absolute_url())
    reason = InterviewReason.objects.create(name="First interview")

    def count(total: int) -> int:
        while Interview.objects.count() < total:
            make_interview(registration=registration, reason=reason,
                           when=dt.datetime(2026, 1, 1, tzinfo=UTC)
                           + timedelta(days=Interview.objects.count()))
        with CaptureQueriesContext(connection) as queries:
            assert recruiter_client.get(url).status_code == 200
        return len(queries)

    assert count(3) == count(60)


def test_a_long_history_shows_the_upcoming_and_the_latest_past_then_all_on_request(
    recruiter_client, registration, make_interview
):
    now = timezone.now()
    for days in [5, 1, 9, 12, 3, 7, 2, 11, 4, 8, 10, 6]:  # twelve past ones, in no order
        make_interview(registration=registration, when=now - timedelta(days=days))
    make_interview(registration=registration, when=now + timedelta(days=30))
    url = registration.candidate.get_absolute_url()

    def dates(html: str) -> list[str]:
        """The interview dates in the Steps list, in the order they are shown."""
        return sorted((d for d in newest_first if d in html), key=html.index)

    newest_first = [timezone.localtime(i.start).strftime("%d-%m-%Y %H:%M")
                    for i in Interview.objects.order_by("-start")]
    html = recruiter_client.get(url).content.decode()
    assert dates(html) == newest_first[:11]  # the upcoming one, then the ten latest past
    assert "Show all steps" in html
    html = recruiter_client.get(url, {"steps": "all"}).content.decode()
    assert dates(html) == newest_first
    assert "Show all steps" not in html
