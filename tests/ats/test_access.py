"""The access matrix: every URL × every persona, and every signed link × every link state.

A URL that is not in the matrix fails `test_every_url_is_in_the_matrix`: decide who may open it.
"""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from ats.signing import make_token
from interviews.availability.models import CalendarConnection
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link, scheduling_link
from interviews.portal.models import SchedulingInvitation

PERSONAS = ["anonymous", "outsider", "manager", "recruiter", "admin"]

# What a GET answers, per persona: a status code, or "login" (redirect to the login page).
RECRUITER = {"anonymous": "login", "outsider": 403, "manager": 403, "recruiter": 200, "admin": 200}
RECRUITER_POST = {**RECRUITER, "recruiter": 405, "admin": 405}  # POST-only actions
MANAGERS = {"anonymous": "login", "outsider": 403, "manager": 200, "recruiter": 403,
            "admin": 403}  # the portal of contact persons who log in
ANY_USER = {"anonymous": "login", "outsider": 200, "manager": 200, "recruiter": 200,
            "admin": 200}
OPEN = dict.fromkeys(PERSONAS, 200)

MATRIX = {
    "login": {**dict.fromkeys(PERSONAS, 302), "anonymous": 200},  # logged in: onwards
    "logout": {**ANY_USER, "outsider": 405, "manager": 405, "recruiter": 405, "admin": 405},
    "password_change": ANY_USER,
    "password_change_done": ANY_USER,
    "set_language": dict.fromkeys(PERSONAS, 302),
    "health": OPEN,
    "dashboard": {**RECRUITER, "manager": 200},
    "portal_home": MANAGERS,
    "portal_interview_logged_in": MANAGERS,
    "interview_new_for_candidate": RECRUITER,
    "interview_new_for_registration": RECRUITER,
    "interview_new_for_vacancy": RECRUITER,
    "interview_series": RECRUITER,
    "interview_edit": RECRUITER,
    "interview_communicate": RECRUITER,
    "interview_communicate_preview": RECRUITER,
    "interview_set_status": RECRUITER_POST,
    "interview_cancel": RECRUITER,
    "interview_reissue_links": RECRUITER_POST,
    "interview_reoffer": RECRUITER_POST,
    "message_retry": RECRUITER_POST,
    "message_status": RECRUITER,
    "registration_link": RECRUITER,
    "registration_choose_time": RECRUITER,
    "report_interviews": RECRUITER,
    "workflow": RECRUITER,
    "candidate_list": RECRUITER,
    "candidate_create": RECRUITER,
    "candidate_detail": RECRUITER,
    "candidate_edit": RECRUITER,
    "registration_create": RECRUITER,
    "registration_detail": RECRUITER,
    "registration_move": RECRUITER_POST,
    "vacancy_list": RECRUITER,
    "vacancy_create": RECRUITER,
    "vacancy_detail": RECRUITER,
    "vacancy_edit": RECRUITER,
    "contact_list": RECRUITER,
    "contact_create": RECRUITER,
    "contact_detail": RECRUITER,
    "contact_edit": RECRUITER,
    "availability_find": RECRUITER,
    "contact_calendars": RECRUITER,
    "my_calendars": RECRUITER,
    "portal_calendars": MANAGERS,
    # The world's calendar is the hiring manager's own: they manage it too.
    "calendar_edit": {**RECRUITER, "manager": 200},
    "calendar_remove": {**RECRUITER, "manager": 200},
    "calendar_refresh": {**RECRUITER_POST, "manager": 405},
    "availability_busy": {**RECRUITER, "recruiter": 400, "admin": 400},  # asked without a day
}
# Signed links answer the same to everyone, logged in or not; what counts is the link.
SIGNED = {
    "portal_interview": {"valid": 200, "expired": 410, "tampered": 404, "other_interview": 404},
    "interview_reply": {"valid": 200, "expired": 410, "tampered": 404, "other_interview": 410},
    "self_schedule": {"valid": 200, "expired": 410, "tampered": 404, "other_interview": 404},
}
# Email providers' webhooks (django-anymail) check ANYMAIL_WEBHOOK_SECRET themselves.
WEBHOOK_PREFIX = "anymail/"


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern),
                             pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern.name, prefix + str(pattern.pattern)


ROUTES = [(name, route) for namespace, name, route in _walk(get_resolver().url_patterns)
          if namespace != "admin"]


def test_every_url_is_in_the_matrix():
    names = {name for name, route in ROUTES if not route.startswith(WEBHOOK_PREFIX)}
    assert names == set(MATRIX) | set(SIGNED)


@pytest.fixture
def world(registration, make_interview, manager_contact, hiring_manager, recruiter):
    interview = make_interview(registration=registration, kind="both",
                               contact_person=manager_contact)
    other = make_interview(registration=registration, kind="both",
                           contact_person=manager_contact, when=interview.start + timedelta(1))
    message = Message.objects.create(
        interview=interview, audience="candidate", purpose="invitation", recipient_name="J",
        recipient_email="j@example.org", document_name="D", subject="S", text="T", html="H",
        send_token="t")
    invitation = SchedulingInvitation.objects.create(
        registration=registration, expires_at=timezone.now() + timedelta(days=3))
    calendar = CalendarConnection.objects.create(contact_person=manager_contact,
                                                 url="https://calendar.example.org/s3cr3t.ics")
    return {"interview": interview, "other": other, "message": message,
            "invitation": invitation, "registration": registration, "calendar": calendar}


def _kwargs(name: str, world: dict) -> dict:
    interview, registration = world["interview"], world["registration"]
    pks = {
        "interview": interview.pk, "message": world["message"].pk,
        "registration": registration.pk, "candidate": registration.candidate_id,
        "vacancy": registration.vacancy_id, "contact": interview.contact_person_id,
        "calendar": world["calendar"].pk,
    }
    kind = next((k for k in ("message", "registration", "candidate", "vacancy", "contact",
                             "calendar")
                 if name.startswith(k)), "interview")
    if name in {"interview_new_for_candidate"}:
        kind = "candidate"
    if name in {"interview_new_for_registration"}:
        kind = "registration"
    if name in {"interview_new_for_vacancy", "interview_series"}:
        kind = "vacancy"
    pattern = next(route for n, route in ROUTES if n == name)
    kwargs = {"pk": pks[kind]} if "<int:pk>" in pattern else {}
    if "<str:audience>" in pattern:
        kwargs["audience"] = "manager"
    return kwargs


@pytest.fixture
def login_as(client, outsider, hiring_manager, recruiter, admin_user):
    people = {"outsider": outsider, "manager": hiring_manager, "recruiter": recruiter,
              "admin": admin_user}

    def login(persona: str):
        client.logout()
        if persona != "anonymous":
            client.force_login(people[persona])
        return client
    return login


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_persona_gets_the_expected_answer(login_as, world, name):
    url = reverse(name, kwargs=_kwargs(name, world))
    for persona, expected in MATRIX[name].items():
        response = login_as(persona).get(url)
        if expected == "login":
            assert response.status_code == 302, (persona, url)
            assert response.url.startswith("/accounts/login/?next="), (persona, url)
        else:
            assert response.status_code == expected, (persona, url, response.status_code)


def _signed_urls(name: str, world: dict) -> dict[str, str]:
    interview, other = world["interview"], world["other"]
    contact = interview.contact_person_id
    past = timezone.now() - timedelta(minutes=1)
    if name == "portal_interview":
        valid = portal_link(interview, contact).split("://", 1)[1].split("/", 1)[1]
        token = valid.rstrip("/").split("/")[-1]
        expired = make_token("portal", {"i": interview.pk, "c": contact, "v": 0}, expires=past)
        return {"valid": f"/{valid}", "expired": f"/portal/{interview.pk}/{expired}/",
                "tampered": f"/portal/{interview.pk}/{token[:-2]}xx/",
                "other_interview": f"/portal/{other.pk}/{token}/"}
    if name == "interview_reply":
        valid = "/" + reply_link(interview, "accept").split("://", 1)[1].split("/", 1)[1]
        token = valid.split("/")[2]
        expired = make_token("reply", {"i": interview.pk, "s": interview.sequence}, expires=past)
        Interview.objects.filter(pk=other.pk).update(status="cancelled")
        other.refresh_from_db()
        return {"valid": valid, "expired": f"/reply/{expired}/accept/",
                "tampered": f"/reply/{token[:-2]}xx/accept/",
                "other_interview": "/" + reply_link(other, "accept").split("://", 1)[1]
                .split("/", 1)[1]}
    invitation = world["invitation"]
    valid = "/" + scheduling_link(invitation).split("://", 1)[1].split("/", 1)[1]
    token = valid.split("/")[2]
    expired = make_token("schedule", {"s": invitation.pk}, expires=past)
    missing = make_token("schedule", {"s": invitation.pk + 99},
                         expires=timezone.now() + timedelta(days=1))
    return {"valid": valid, "expired": f"/choose/{expired}/",
            "tampered": f"/choose/{token[:-2]}xx/", "other_interview": f"/choose/{missing}/"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(SIGNED))
def test_each_signed_link_state_gets_the_expected_answer(login_as, world, name):
    urls = _signed_urls(name, world)
    assert set(urls) == set(SIGNED[name])
    for persona in ("anonymous", "recruiter"):
        client = login_as(persona)
        for state, expected in SIGNED[name].items():
            response = client.get(urls[state])
            assert response.status_code == expected, (persona, state, response.status_code)
            if expected != 200:
                assert b"This link no longer works" in response.content  # a kind page


@pytest.mark.django_db
def test_webhooks_do_not_ask_for_a_login(client):
    response = client.post("/anymail/postmark/tracking/", "{}", content_type="application/json")
    assert response.status_code == 400  # refused for the missing secret, not sent to a login


@pytest.mark.django_db
def test_a_refusal_is_a_friendly_page(login_as):
    response = login_as("outsider").get("/workflow/")
    assert b"You have no access to this page" in response.content


@pytest.mark.django_db
def test_the_login_page_logs_a_recruiter_in(client, recruiter):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "alice-password"}, follow=True)
    assert response.redirect_chain[-1][0] == "/"


@pytest.mark.django_db
def test_a_wrong_password_is_refused_with_a_message_and_keeps_the_username(client, recruiter):
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert b'value="alice"' in response.content


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_for_a_while(client, recruiter):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "alice",
                                                 "password": "alice-password"})
    assert response.status_code == 429
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session
