"""Small things recruiters notice: the time-zone choice and the demo logins (issue 11 part 9)."""

import pytest

from candidates.models import Candidate
from tests.parsed_html import elements, text

pytestmark = pytest.mark.django_db

USUAL = ["Europe/Amsterdam", "Europe/Brussels", "Europe/Luxembourg", "Europe/Berlin",
         "Europe/Paris", "Europe/London", "Europe/Dublin"]


def time_zone_options(html: str) -> list[str]:
    select = html[html.index('name="time_zone"'):]
    select = select[:select.index("</select>")]
    return [option.attrs["value"] for option in elements(select, "option")]


@pytest.mark.parametrize("url", ["/contacts/new/", "/candidates/new/"])
def test_the_usual_european_time_zones_come_first(recruiter_client, url):
    html = recruiter_client.get(url).content.decode()
    options = time_zone_options(html)
    assert options[:len(USUAL)] == USUAL
    assert {"Asia/Tokyo", "America/New_York"} <= set(options)
    assert len(options) == len(set(options))  # the usual ones are not listed twice
    assert "New York (America/New_York)" in text(html)  # typing "New" finds it
    assert [e.attrs["label"] for e in elements(html, "optgroup")] == [
        "Usual in Europe", "All time zones"]


def test_a_time_zone_from_the_long_list_is_saved(recruiter_client):
    recruiter_client.post("/candidates/new/", {
        "first_name": "Aiko", "last_name": "Tanaka", "email": "aiko@example.org",
        "language": "en", "time_zone": "Asia/Tokyo", "version": "0"})
    assert Candidate.objects.get().time_zone == "Asia/Tokyo"


@pytest.fixture
def demo_users(django_user_model):
    django_user_model.objects.create_user("recruiter", password="recruiter")
    django_user_model.objects.create_user("manager", password="manager")


def test_the_demo_logins_show_on_the_login_page_in_development(client, settings, demo_users):
    settings.DEBUG = True
    page = text(client.get("/accounts/login/").content.decode())
    assert "Recruiter: recruiter / recruiter" in page
    assert "Hiring manager: manager / manager" in page
    assert "admin / admin" not in page  # that demo user does not exist here


def test_no_demo_logins_in_production(client, settings, demo_users):
    settings.DEBUG = False
    assert "recruiter / recruiter" not in text(client.get("/accounts/login/").content.decode())


def test_no_demo_logins_without_the_demo_users(client, settings):
    settings.DEBUG = True
    assert "Demo logins" not in client.get("/accounts/login/").content.decode()
