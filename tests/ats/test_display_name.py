"""A user is named by full name, else by username: in lists, choices, the menu and emails."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def nameless(recruiter, vacancy):
    """A recruiter who never filled in a name."""
    recruiter.first_name = recruiter.last_name = ""
    recruiter.save()
    return recruiter


def test_a_recruiter_without_a_name_is_known_by_username(recruiter_client, nameless, vacancy):
    listing = recruiter_client.get("/vacancies/").content.decode()
    assert "<td>alice</td>" in listing
    edit = recruiter_client.get(f"/vacancies/{vacancy.pk}/edit/").content.decode()
    assert f'<option value="{nameless.pk}" selected>alice</option>' in edit


def test_a_named_recruiter_is_known_by_full_name(recruiter_client, vacancy):
    listing = recruiter_client.get("/vacancies/").content.decode()
    assert "<td>Alice Recruiter</td>" in listing
    assert "Alice Recruiter" in recruiter_client.get("/").content.decode()  # the menu
