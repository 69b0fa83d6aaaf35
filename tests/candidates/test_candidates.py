import pytest

from candidates.models import Candidate

pytestmark = pytest.mark.django_db


def test_it_lists_and_searches_candidates(recruiter_client, candidate):
    Candidate.objects.create(first_name="Fatima", last_name="Bouzid", email="f@example.org")
    html = recruiter_client.get("/candidates/", {"q": "van dijk"}).content.decode()
    assert "Jeroen van Dijk" in html
    assert "Fatima" not in html


def test_it_pages_long_lists(recruiter_client, settings):
    settings.PAGE_SIZE = 2
    Candidate.objects.bulk_create(
        Candidate(first_name=f"Person{i}", last_name="Test", email=f"p{i}@example.org")
        for i in range(5)
    )
    html = recruiter_client.get("/candidates/", {"page": 3}).content.decode()
    assert "Page 3 of 3" in html
    assert "Person4" in html and "Person0" not in html


def test_the_dossier_shows_details_and_registrations(recruiter_client, registration):
    html = recruiter_client.get(registration.candidate.get_absolute_url()).content.decode()
    assert "jeroen@example.org" in html
    assert "Senior Java Developer" in html
    assert "Register on a vacancy" in html


def test_it_creates_a_candidate(recruiter_client):
    response = recruiter_client.post("/candidates/new/", {
        "first_name": "Sophie", "last_name": "Mulder", "email": "Sophie@Example.org ",
        "language": "nl", "time_zone": "Europe/Amsterdam",
    })
    candidate = Candidate.objects.get(last_name="Mulder")
    assert response.url == candidate.get_absolute_url()
    assert candidate.email == "sophie@example.org"


def test_bad_input_gets_a_message_on_the_field_and_keeps_what_was_typed(recruiter_client):
    response = recruiter_client.post("/candidates/new/", {
        "first_name": "Sophie", "last_name": "", "email": "not-an-email", "phone": "06-123",
        "language": "nl", "time_zone": "Europe/Amsterdam",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error_1_id_email"' in html and "Enter a valid email address." in html
    assert 'id="error_1_id_last_name"' in html
    assert 'value="Sophie"' in html and 'value="not-an-email"' in html and 'value="06-123"' in html
    assert not Candidate.objects.exists()


def test_it_edits_a_candidate(recruiter_client, candidate):
    recruiter_client.post(f"/candidates/{candidate.pk}/edit/", {
        "first_name": "Jeroen", "last_name": "van Dijk", "email": "jeroen@example.org",
        "city": "Zeist", "language": "en", "time_zone": "Europe/Amsterdam",
        "version": candidate.version,
    })
    candidate.refresh_from_db()
    assert (candidate.city, candidate.language) == ("Zeist", "en")


def test_every_input_has_a_visible_label(recruiter_client):
    html = recruiter_client.get("/candidates/new/").content.decode()
    for field in ["first_name", "last_name", "email", "phone", "city", "language"]:
        assert f'for="id_{field}"' in html
