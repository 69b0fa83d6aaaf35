import pytest

from vacancies.models import ContactPerson, Vacancy

pytestmark = pytest.mark.django_db


def test_it_lists_vacancies_filtered_by_status(recruiter_client, vacancy):
    Vacancy.objects.create(title="DevOps Engineer", status=Vacancy.Status.DRAFT)
    html = recruiter_client.get("/vacancies/", {"status": "draft"}).content.decode()
    assert "DevOps Engineer" in html and "Senior Java Developer" not in html


def test_the_dossier_shows_details_manager_and_registrations(recruiter_client, registration):
    html = recruiter_client.get(registration.vacancy.get_absolute_url()).content.decode()
    assert "Marieke van der Linden" in html
    assert "Jeroen van Dijk" in html
    assert "Register a candidate" in html


def test_it_creates_a_vacancy(recruiter_client, manager_contact, recruiter):
    response = recruiter_client.post("/vacancies/new/", {
        "title": "Data Analyst", "status": "draft", "hiring_manager": manager_contact.pk,
        "recruiter": recruiter.pk,
    })
    vacancy = Vacancy.objects.get(title="Data Analyst")
    assert response.url == vacancy.get_absolute_url()
    assert vacancy.hiring_manager == manager_contact


def test_a_vacancy_without_title_is_refused_and_keeps_the_input(recruiter_client):
    response = recruiter_client.post("/vacancies/new/", {
        "title": "", "reference": "REF-9", "status": "draft", "hours_per_week": "many",
    })
    html = response.content.decode()
    assert 'id="error_1_id_title"' in html and 'id="error_1_id_hours_per_week"' in html
    assert 'value="REF-9"' in html and 'value="many"' in html


def test_it_creates_and_edits_a_contact_person(recruiter_client):
    recruiter_client.post("/contacts/new/", {
        "name": "Pieter Smit", "email": "pieter@example.com", "language": "nl",
        "time_zone": "Europe/Amsterdam", "wants_vcalendar": "on",
    })
    contact = ContactPerson.objects.get()
    assert contact.wants_vcalendar
    recruiter_client.post(f"/contacts/{contact.pk}/edit/", {
        "name": "Pieter Smit", "email": "pieter@example.com", "language": "en",
        "time_zone": "Europe/London", "version": contact.version,
    })
    contact.refresh_from_db()
    assert (contact.language, contact.wants_vcalendar) == ("en", False)
    html = recruiter_client.get(contact.get_absolute_url()).content.decode()
    assert "pieter@example.com" in html


def test_a_contact_person_with_a_bad_email_is_refused(recruiter_client):
    response = recruiter_client.post("/contacts/new/", {"name": "X", "email": "nope",
                                                        "language": "nl"})
    assert 'id="error_1_id_email"' in response.content.decode()
    assert not ContactPerson.objects.exists()
