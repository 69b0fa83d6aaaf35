"""Two people edit the same record: the later save of a stale form is refused, nothing is lost."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from ats.access import RECRUITERS_GROUP
from candidates.models import Candidate
from vacancies.models import ContactPerson, Vacancy

pytestmark = pytest.mark.django_db


def recruiter_named(django_user_model, name: str) -> Client:
    user = django_user_model.objects.create_user(name.lower(), f"{name.lower()}@example.com",
                                                 "pw", first_name=name)
    user.groups.add(Group.objects.get(name=RECRUITERS_GROUP))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def sanne(django_user_model) -> Client:
    return recruiter_named(django_user_model, "Sanne")


@pytest.fixture
def tom(django_user_model) -> Client:
    return recruiter_named(django_user_model, "Tom")


def opened(client: Client, url: str) -> dict:
    """The edit form as the browser got it: every field with the value it showed."""
    form = client.get(url).context["form"]
    values = {name: form[name].value() for name in form.fields}
    return {name: value for name, value in values.items()
            if value is not None and value is not False}


# (the record, the field Sanne changes, her value, the field Tom changes, his value)
CASES = {
    "candidate": (lambda: Candidate.objects.create(first_name="Jeroen", last_name="van Dijk",
                                                   email="jeroen@example.org",
                                                   phone="06-11111111"),
                  "phone", "06-22222222", "city", "Zeist"),
    "contact person": (lambda: ContactPerson.objects.create(name="Pieter Smit",
                                                            email="pieter@example.com",
                                                            phone="030-1111111"),
                       "phone", "030-2222222", "job_title", "Teamleider"),
    "vacancy": (lambda: Vacancy.objects.create(title="Data Analyst", reference="DA-1"),
                "reference", "DA-2", "city", "Utrecht"),
}


@pytest.mark.parametrize("kind", CASES)
def test_a_save_over_someone_elses_change_is_refused_and_keeps_both(kind, sanne, tom):
    make, her_field, her_value, his_field, his_value = CASES[kind]
    record = make()
    url = record.get_absolute_url() + "edit/"
    hers, his = opened(sanne, url), opened(tom, url)

    assert sanne.post(url, {**hers, her_field: her_value}).status_code == 302
    response = tom.post(url, {**his, his_field: his_value})

    html = response.content.decode()
    record.refresh_from_db()
    assert response.status_code == 200
    assert f"Someone else saved “{record}” while you were editing it" in html
    assert f"{record._meta.get_field(her_field).verbose_name.capitalize()}: {her_value}" in html
    assert f'value="{his_value}"' in html  # what Tom typed is still in the form
    assert getattr(record, her_field) == her_value
    assert getattr(record, his_field) == ""


def test_after_the_refusal_a_second_save_replaces_their_version(sanne, tom):
    candidate = Candidate.objects.create(first_name="Jeroen", last_name="van Dijk",
                                         email="jeroen@example.org", phone="06-11111111")
    url = f"/candidates/{candidate.pk}/edit/"
    hers, his = opened(sanne, url), opened(tom, url)
    sanne.post(url, {**hers, "phone": "06-22222222"})
    refused = tom.post(url, {**his, "city": "Zeist"})
    again = {name: refused.context["form"][name].value() for name in ("version",)}

    assert tom.post(url, {**his, "city": "Zeist", "phone": "06-22222222", **again}).status_code \
        == 302
    candidate.refresh_from_db()
    assert (candidate.phone, candidate.city) == ("06-22222222", "Zeist")


def test_a_save_in_the_admin_makes_an_open_form_stale(sanne, admin_client):
    contact = ContactPerson.objects.create(name="Pieter Smit", email="pieter@example.com")
    url = f"/contacts/{contact.pk}/edit/"
    hers = opened(sanne, url)
    admin_client.post(f"/admin/vacancies/contactperson/{contact.pk}/change/", {
        "name": "Pieter Smit", "email": "pieter@example.com", "phone": "030-3333333",
        "language": "nl", "time_zone": "Europe/Amsterdam", "version": contact.version})

    response = sanne.post(url, {**hers, "department": "ICT"})

    assert "Someone else saved “Pieter Smit”" in response.content.decode()
    contact.refresh_from_db()
    assert (contact.phone, contact.department) == ("030-3333333", "")


def test_a_stale_admin_form_is_refused_too(sanne, admin_client):
    contact = ContactPerson.objects.create(name="Pieter Smit", email="pieter@example.com")
    admin_url = f"/admin/vacancies/contactperson/{contact.pk}/change/"
    stale_version = contact.version
    sanne.post(f"/contacts/{contact.pk}/edit/", {
        **opened(sanne, f"/contacts/{contact.pk}/edit/"), "phone": "030-2222222"})

    response = admin_client.post(admin_url, {
        "name": "Pieter Smit", "email": "pieter@example.com", "department": "ICT",
        "language": "nl", "time_zone": "Europe/Amsterdam", "version": stale_version})

    assert "Someone else saved “Pieter Smit”" in response.content.decode()
    contact.refresh_from_db()
    assert (contact.phone, contact.department) == ("030-2222222", "")
