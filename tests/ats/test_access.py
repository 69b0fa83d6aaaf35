"""Every page but login needs a logged-in recruiter; walks the whole URL conf."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Pages anyone may open. A new public URL must be added here on purpose.
PUBLIC = {"login", "set_language",
          # signed links from emails: they check their own signature and expiry
          "portal_interview", "interview_reply", "self_schedule"}
# Email providers' webhooks (django-anymail): no login, they check ANYMAIL_WEBHOOK_SECRET.
PUBLIC_PREFIXES = ("anymail/",)
# Pages any logged-in user may open (their own account).
ANY_USER = {"logout", "password_change", "password_change_done"}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern.name, prefix + str(pattern.pattern)


def _url(route: str) -> str:
    route = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: "x" if m[1] in {"str", "slug"} else "1", route)
    return "/" + route.lstrip("^").rstrip("$").replace("\\", "")


APP_URLS = sorted(
    {(name, _url(route)) for namespace, name, route in _walk(get_resolver().url_patterns)
     if namespace != "admin" and name not in PUBLIC and not route.startswith(PUBLIC_PREFIXES)}
)


def test_the_walk_finds_the_recruiter_pages():
    names = {name for name, _ in APP_URLS}
    assert {"dashboard", "workflow", "candidate_detail", "vacancy_detail"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url"), APP_URLS)
def test_it_sends_anonymous_users_to_the_login_page(client, name, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url"), [(n, u) for n, u in APP_URLS if n not in ANY_USER])
def test_it_refuses_logged_in_users_who_are_not_recruiters(outsider_client, name, url):
    assert outsider_client.get(url).status_code == 403
    assert outsider_client.post(url).status_code == 403


@pytest.mark.django_db
def test_it_shows_a_friendly_page_when_refusing(outsider_client):
    response = outsider_client.get("/workflow/")
    assert b"You have no access to this page" in response.content


@pytest.mark.django_db
def test_a_recruiter_gets_in(recruiter_client):
    assert recruiter_client.get("/workflow/").status_code == 200


@pytest.mark.django_db
def test_staff_count_as_recruiters(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/candidates/").status_code == 200


@pytest.mark.django_db
def test_the_login_page_is_open_and_logs_a_recruiter_in(client, recruiter):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "alice-password"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_a_message_and_keeps_the_username(client, recruiter):
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert b'value="alice"' in response.content
