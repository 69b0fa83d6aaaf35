import pytest

from candidates.models import Registration

pytestmark = pytest.mark.django_db


def test_it_registers_a_candidate_from_the_dossier_and_returns_there(
    recruiter_client, candidate, vacancy, stages
):
    response = recruiter_client.post("/registrations/new/", {
        "candidate": candidate.pk, "vacancy": vacancy.pk, "stage": stages["New"].pk,
        "back": f"candidate_detail:{candidate.pk}",
    })
    assert response.url == candidate.get_absolute_url()
    registration = Registration.objects.get(candidate=candidate, vacancy=vacancy)
    assert registration.stage_changes.get().to_stage == stages["New"]


def test_the_vacancy_door_first_finds_the_candidate(recruiter_client, candidate, vacancy):
    html = recruiter_client.get("/registrations/new/", {
        "vacancy": vacancy.pk, "q": "Jeroen", "back": f"vacancy_detail:{vacancy.pk}",
    }).content.decode()
    assert "Jeroen van Dijk" in html
    assert f"candidate={candidate.pk}" in html
    form = recruiter_client.get("/registrations/new/", {
        "vacancy": vacancy.pk, "candidate": candidate.pk,
    }).content.decode()
    assert f'<option value="{vacancy.pk}" selected>' in form


def test_a_second_registration_on_the_same_vacancy_is_refused_on_the_field(
    recruiter_client, registration, stages
):
    response = recruiter_client.post("/registrations/new/", {
        "candidate": registration.candidate.pk, "vacancy": registration.vacancy.pk,
        "stage": stages["Screening"].pk,
    })
    html = response.content.decode()
    assert 'id="error_1_id_vacancy"' in html
    assert "already registered on this vacancy" in html
    assert Registration.objects.count() == 1


def test_an_unknown_return_target_falls_back_to_the_registration(
    recruiter_client, candidate, vacancy, stages
):
    response = recruiter_client.post("/registrations/new/", {
        "candidate": candidate.pk, "vacancy": vacancy.pk, "stage": stages["New"].pk,
        "back": "https://evil.example/",
    })
    assert response.url == Registration.objects.get().get_absolute_url()


def test_moving_a_registration_records_the_history(recruiter_client, registration, stages):
    response = recruiter_client.post(f"/registrations/{registration.pk}/move/", {
        "stage": stages["Plan interview"].pk,
    })
    assert response.url == registration.get_absolute_url()
    registration.refresh_from_db()
    assert registration.stage == stages["Plan interview"]
    html = recruiter_client.get(registration.get_absolute_url()).content.decode()
    assert "From “New” to “Plan interview”" in html
    assert "Alice Recruiter" in html


def test_moving_needs_a_post(recruiter_client, registration):
    assert recruiter_client.get(f"/registrations/{registration.pk}/move/").status_code == 405


@pytest.mark.parametrize("typed", ["²", "٣", "99999999999999999999", "-1"])
def test_a_candidate_that_is_no_number_shows_the_candidate_search(recruiter_client, typed):
    html = recruiter_client.get("/registrations/new/", {"candidate": typed}).content.decode()
    assert 'name="q"' in html and 'name="stage"' not in html
