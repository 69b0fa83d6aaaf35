import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates.models import Candidate, Registration
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(registration, stages, recruiter, django_user_model):
    other = django_user_model.objects.create_user("bob", first_name="Bob", last_name="Other")
    other_vacancy = Vacancy.objects.create(title="Data Analyst", recruiter=other,
                                           status=Vacancy.Status.PUBLISHED)
    fatima = Candidate.objects.create(first_name="Fatima", last_name="Bouzid", email="f@x.org")
    Registration(candidate=fatima, vacancy=other_vacancy,
                 stage=stages["Plan interview"]).register(by=recruiter)
    return other, other_vacancy


def test_it_groups_registrations_by_stage(recruiter_client, office):
    html = recruiter_client.get("/workflow/").content.decode()
    assert html.index('id="stage-') < html.index("Jeroen van Dijk")
    assert html.index("Jeroen van Dijk") < html.index("Fatima Bouzid")  # New before Plan interview


def test_it_filters_by_vacancy_recruiter_and_stage(recruiter_client, office, stages, recruiter):
    other, other_vacancy = office
    assert "Jeroen" not in recruiter_client.get(
        "/workflow/", {"vacancy": other_vacancy.pk}).content.decode()
    by_recruiter = recruiter_client.get("/workflow/", {"recruiter": recruiter.pk}).content.decode()
    assert "Jeroen" in by_recruiter and "Fatima" not in by_recruiter
    by_stage = recruiter_client.get("/workflow/", {"stage": stages["Plan interview"].pk})
    assert "Fatima" in by_stage.content.decode() and "Jeroen" not in by_stage.content.decode()


def test_moving_on_from_the_workflow_returns_to_the_same_filter(
    recruiter_client, registration, stages, recruiter
):
    response = recruiter_client.post(f"/registrations/{registration.pk}/move/", {
        "stage": stages["Screening"].pk, "back": f"workflow?recruiter={recruiter.pk}",
    })
    assert response.url == f"/workflow/?recruiter={recruiter.pk}"
    registration.refresh_from_db()
    assert registration.stage == stages["Screening"]


def test_the_workflow_offers_the_next_stage(recruiter_client, registration):
    assert "Move to “Screening”" in recruiter_client.get("/workflow/").content.decode()


def test_the_workflow_runs_the_same_queries_for_few_and_many_rows(
    recruiter_client, registration, stages, make_interview
):
    def count(total: int) -> int:
        while Registration.objects.count() < total:
            n = Registration.objects.count()
            candidate = Candidate.objects.create(first_name=f"C{n}", last_name="X",
                                                 email=f"{n}@x.org")
            row = Registration.objects.create(candidate=candidate, vacancy=registration.vacancy,
                                              stage=list(stages.values())[n % 7])
            make_interview(registration=row)
        with CaptureQueriesContext(connection) as queries:
            recruiter_client.get("/workflow/", {"sort": "next"})
        return len(queries)

    assert count(3) == count(30)


@pytest.fixture
def next_interviews(office, registration, make_interview):
    """Jeroen's next interview is an assessment in 5 days; Fatima's a first interview in 2."""
    from datetime import timedelta

    from django.utils import timezone

    from interviews.planning.configuration import InterviewReason

    assessment = InterviewReason.objects.create(name="Assessment")
    first = InterviewReason.objects.create(name="First interview")
    fatima = Registration.objects.get(candidate__first_name="Fatima")
    now = timezone.now()
    make_interview(registration=registration, reason=assessment, when=now + timedelta(days=5))
    make_interview(registration=registration, reason=first, when=now - timedelta(days=5))
    make_interview(registration=fatima, reason=first, when=now + timedelta(days=2))
    return assessment, first


def test_the_workflow_shows_each_registrations_next_interview(recruiter_client, next_interviews):
    html = recruiter_client.get("/workflow/").content.decode()
    jeroen_row = html[html.index("Jeroen van Dijk"):]
    assert "Assessment" in jeroen_row[:1500]


def test_the_workflow_filters_on_the_next_interviews_reason(recruiter_client, next_interviews):
    assessment, first = next_interviews
    html = recruiter_client.get("/workflow/", {"reason": first.pk}).content.decode()
    assert "Fatima Bouzid" in html and "Jeroen van Dijk" not in html  # his next is an assessment


def registration_time():
    return Registration.objects.get(candidate__first_name="Jeroen").applied_at


def test_the_workflow_sorts_on_the_next_interview_within_a_stage(
    recruiter_client, next_interviews, stages, recruiter
):
    from datetime import timedelta

    Registration.objects.update(stage=stages["Interview planned"])
    Registration.objects.filter(candidate__first_name="Fatima").update(
        applied_at=registration_time() - timedelta(days=30))
    html = recruiter_client.get("/workflow/", {"sort": "next"}).content.decode()
    assert html.index("Fatima Bouzid") < html.index("Jeroen van Dijk")
    html = recruiter_client.get("/workflow/").content.decode()
    assert html.index("Jeroen van Dijk") < html.index("Fatima Bouzid")  # newest first


def test_plan_interview_is_offered_in_the_plan_interview_stage_only(
    recruiter_client, office, registration
):
    html = recruiter_client.get("/workflow/").content.decode()
    fatima = Registration.objects.get(candidate__first_name="Fatima")
    assert f"/registrations/{fatima.pk}/interviews/new/" in html
    assert f"/registrations/{registration.pk}/interviews/new/" not in html


@pytest.mark.parametrize("typed", ["31-12-9999", "9999-12-31", "01-01-0001"])
def test_an_until_date_outside_the_years_1900_to_2200_is_refused_next_to_the_field(
    recruiter_client, next_interviews, typed
):
    html = recruiter_client.get("/workflow/", {"until": typed, "sort": "next"}).content.decode()
    assert 'id="error_1_id_until"' in html
    assert "Choose a date between 01-01-1900 and 31-12-2200." in html
    assert f'value="{typed}"' in html
    assert "Fatima Bouzid" in html and "Jeroen van Dijk" in html  # no filter applied
