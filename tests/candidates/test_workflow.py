import pytest

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
    recruiter_client, registration, stages, recruiter, django_assert_max_num_queries
):
    for i in range(20):
        candidate = Candidate.objects.create(first_name=f"C{i}", last_name="X", email=f"{i}@x.org")
        Registration.objects.create(candidate=candidate, vacancy=registration.vacancy,
                                    stage=stages["Offer"])
    with django_assert_max_num_queries(12):
        recruiter_client.get("/workflow/")
