"""No input gives a server error: every URL of the URL conf, with hostile values in each path
converter and in each query and form parameter its view reads.

A URL that is not in READS fails `test_every_url_declares_the_parameters_its_view_reads`:
list what the new view reads (its GET parameters and a valid POST), so the walk covers it.
"""

import re
from datetime import timedelta
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from interviews.availability.models import CalendarConnection
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link, scheduling_link
from interviews.portal.models import SchedulingInvitation

HOSTILE = [
    "²", "٣", "-1", "0", "99999999999999999999", "9999-12-31", "31-12-9999",
    "31-12-9999 23:30", "01-01-0001", "01-01-0001 00:00", "' OR 1=1", "<script>", "%00", "\x00",
    "x" * 1000, "",
]
# Django's own admin is walked with the values that have broken integer parsing.
ADMIN_HOSTILE = ["²", "99999999999999999999", "' OR 1=1"]

FUTURE = "01-12-2031 10:00"
INTERVIEW_POST = {"start": FUTURE, "duration": "60", "kind": "recruiter", "version": "{version}",
                  "back": "candidate_detail:{candidate}", "then": "", "registration": "",
                  "confirm_overlap": "1"}
# The doors to a new interview share the form of interview_edit (walked in full there).
NEW_INTERVIEW_POST = {"start": FUTURE, "duration": "60", "kind": "recruiter", "back": ""}
INTERVIEW_GET = {"back": None, "offer": None}
LIST_GET = {"q": None, "page": None}
# Plain model forms: their fields that are cleaned by code of ours, or are numbers.
CANDIDATE_POST = {"email": "a@example.org"}
VACANCY_POST = {"hours_per_week": "40"}
CONTACT_POST = {"email": "n@example.org"}
CALENDAR_POST = {"action": "connect", "calendar-kind": "caldav",
                 "calendar-url": "https://cloud.example.org/dav/", "calendar-username": "u",
                 "calendar-password": "p", "calendar-write_back": "on"}
HOURS_POST = {"action": "hours", "hours-weekdays": "0", "hours-start": "09:00",
              "hours-end": "17:00"}

# Per URL name: the query parameters the view reads (with a valid value, or None when left
# out), and a valid POST. One value at a time is replaced by a hostile one, the others keep
# their valid value, so that the view gets as far as it can with it.
READS: dict[str, tuple[dict[str, str | None], dict[str, str]]] = {
    "login": ({"next": None}, {"username": "alice", "password": "wrong"}),
    "logout": ({}, {"next": "/"}),
    "password_change": ({}, {"old_password": "x", "new_password1": "y", "new_password2": "y"}),
    "password_change_done": ({}, {}),
    "set_language": ({"next": None}, {"language": "nl", "next": "/"}),
    "health": ({}, {}),
    "dashboard": ({"week": None}, {}),
    "portal_home": ({}, {}),
    "portal_interview_logged_in": ({}, {"text": "fine"}),
    "portal_interview": ({}, {"text": "fine"}),
    "interview_reply": ({}, {}),
    "self_schedule": ({}, {"interview": "{slot}"}),
    "interview_new_for_candidate": (INTERVIEW_GET, NEW_INTERVIEW_POST),
    "interview_new_for_registration": (INTERVIEW_GET, NEW_INTERVIEW_POST),
    "interview_new_for_vacancy": (INTERVIEW_GET, NEW_INTERVIEW_POST),
    "interview_edit": ({**INTERVIEW_GET, "steps": None}, INTERVIEW_POST),
    "interview_series": ({}, {**NEW_INTERVIEW_POST, "count": "3", "gap": "15",
                              "version": "", "free_time": ""}),
    "interview_set_status": ({}, {"status": "cancelled", "reason": "Ill", "back": "dashboard"}),
    "interview_cancel": ({"back": None}, {}),
    "interview_reissue_links": ({}, {"back": "dashboard"}),
    "interview_reoffer": ({}, {}),
    "interview_communicate": ({"back": None, "purpose": None},
                              {"purpose": "invitation", "back": ""}),
    "interview_communicate_preview": ({"group": "0", "purpose": None},
                                      {"preview_group": "0", "purpose": "invitation"}),
    "message_retry": ({}, {"back": "dashboard"}),
    "message_status": ({"ids": "{message}", "interview": "{interview}"}, {}),
    "registration_link": ({"back": None}, {"interview": "{slot}", "back": "workflow"}),
    "registration_choose_time": ({}, {"document": "", "profile": ""}),
    "report_interviews": ({"start": "01-01-2026", "end": "31-12-2026", "format": None}, {}),
    "workflow": ({"vacancy": None, "recruiter": None, "stage": None, "reason": None,
                  "until": None, "sort": "next", "page": None}, {}),
    "candidate_list": (LIST_GET, {}),
    "candidate_create": ({}, CANDIDATE_POST),
    "candidate_detail": ({}, {}),
    "candidate_edit": ({}, CANDIDATE_POST),
    "registration_create": ({"candidate": "{candidate}", "vacancy": None, "back": None,
                             "q": None},
                            {"candidate": "{candidate}", "vacancy": "{vacancy}",
                             "stage": "{stage}", "back": "workflow"}),
    "registration_detail": ({}, {}),
    "registration_move": ({}, {"stage": "{stage}", "back": "workflow"}),
    "vacancy_list": ({**LIST_GET, "status": None}, {}),
    "vacancy_create": ({}, VACANCY_POST),
    "vacancy_detail": ({}, {}),
    "vacancy_edit": ({}, VACANCY_POST),
    "contact_list": (LIST_GET, {}),
    "contact_create": ({}, CONTACT_POST),
    "contact_detail": ({}, {}),
    "contact_edit": ({}, CONTACT_POST),
    "availability_find": ({"duration": "60", "user": None, "contact": "{contact}",
                           "location": None, "candidate": "{candidate}",
                           "interview": "{interview}"}, {}),
    "my_calendars": ({}, CALENDAR_POST),
    "contact_calendars": ({}, HOURS_POST),
    "portal_calendars": ({}, CALENDAR_POST),
    "calendar_edit": ({"back": None}, {**CALENDAR_POST, "back": "dashboard"}),
    "calendar_refresh": ({}, {"back": "dashboard"}),
    "calendar_remove": ({"back": None}, {"back": "dashboard"}),
    "availability_busy": ({"day": "2031-12-01", "user": "1", "contact": "{contact}",
                           "location": None, "candidate": "{candidate}",
                           "interview": "{interview}"}, {}),
}
# Signed links are opened by people without a login.
ANONYMOUS = {"portal_interview", "interview_reply", "self_schedule", "login", "set_language",
             "health"}
WEBHOOK_PREFIX = "anymail/"
POST_ONLY = ("interview_set_status", "interview_reissue_links", "interview_reoffer",
             "message_retry",
             "registration_move", "calendar_refresh")
# The paths of the few routes written as regular expressions.
REGEX_EXAMPLES = {
    "anymail/^mailgun/inbound(_mime)?/$": "anymail/mailgun/inbound/",
    r"admin/^(?P<app_label>auth|django_tasks_database|axes|vacancies|candidates|interviews)/$":
        "admin/<app_label>/",
    "admin/(?P<url>.*)$": "admin/<path:url>",
}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern),
                             pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            yield namespace, pattern.name, REGEX_EXAMPLES.get(route, route)


ROUTES = list(_walk(get_resolver().url_patterns))
OURS = [(name, route) for namespace, name, route in ROUTES
        if namespace != "admin" and not route.startswith(WEBHOOK_PREFIX)]
ADMIN = [route for namespace, _name, route in ROUTES if namespace == "admin"]
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def test_every_url_declares_the_parameters_its_view_reads():
    assert {name for name, _route in OURS} == set(READS)


def test_no_route_is_left_unparsed():
    """Regular-expression routes get a hand-written example path above."""
    assert not [route for _ns, _name, route in ROUTES if "(?" in route or "^" in route]


@pytest.fixture
def world(registration, make_interview, manager_contact, hiring_manager, stages):
    interview = make_interview(registration=registration, kind="both",
                               contact_person=manager_contact)
    slot = make_interview(vacancy=registration.vacancy, kind="both",
                          contact_person=manager_contact, when=interview.start + timedelta(1))
    message = Message.objects.create(
        interview=interview, audience="candidate", purpose="invitation", recipient_name="J",
        recipient_email="j@example.org", document_name="D", subject="S", text="T", html="H",
        send_token="t", status=Message.Status.FAILED)
    invitation = SchedulingInvitation.objects.create(
        registration=registration, expires_at=timezone.now() + timedelta(days=3))
    ids = _Ids({"interview": interview.pk, "slot": slot.pk, "message": message.pk,
           "registration": registration.pk, "candidate": registration.candidate_id,
           "vacancy": registration.vacancy_id, "contact": manager_contact.pk,
           "version": interview.version, "stage": stages["Plan interview"].pk,
           "calendar": CalendarConnection.objects.create(
               contact_person=manager_contact, url="https://calendar.example.org/x.ics").pk})
    links = {"portal_interview": _path(portal_link(interview, manager_contact.pk)),
             "interview_reply": _path(reply_link(interview, "accept")),
             "self_schedule": _path(scheduling_link(invitation))}
    return {"ids": ids, "links": links}


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _valid_kwargs(name: str, route: str, world: dict) -> dict[str, str]:
    """The path converters filled with a real object (or the parts of a real signed link)."""
    if name in world["links"]:
        parts = world["links"][name].strip("/").split("/")[1:]
        return dict(zip([n for _c, n in CONVERTER.findall(route)], parts, strict=True))
    ids = world["ids"]
    kind = next((k for k in ("message", "registration", "candidate", "vacancy", "contact",
                             "calendar") if name.startswith(k)), "interview")
    kind = {"interview_new_for_candidate": "candidate", "interview_series": "vacancy",
            "interview_new_for_registration": "registration",
            "interview_new_for_vacancy": "vacancy"}.get(name, kind)
    values = {"pk": str(ids[kind]), "audience": "candidate"}
    return {n: values.get(n, "1") for _c, n in CONVERTER.findall(route)}


def _fill(route: str, kwargs: dict[str, str]) -> str:
    return "/" + CONVERTER.sub(lambda m: quote(kwargs[m.group(2)], safe=""), route)


class _Ids(dict):
    """The ids the valid values name; the interview's version as it is now."""

    def __missing__(self, key: str) -> int:
        assert key == "version", key
        return Interview.objects.get(pk=self["interview"]).version


def _valid(values: dict[str, str | None], world: dict) -> dict[str, str]:
    return {key: value.format_map(world["ids"]) for key, value in values.items()
            if value is not None}


def _requests(name: str, route: str, world: dict, values: list[str]):
    """(method, path, query or form data) with one hostile value at a time."""
    kwargs = _valid_kwargs(name, route, world)
    query, form = READS[name]
    for value in values:
        for converter in kwargs:
            path = _fill(route, {**kwargs, converter: value})
            yield "get", path, _valid(query, world)
            if form or name.startswith(POST_ONLY):
                yield "post", path, _valid(form, world)
        path = _fill(route, kwargs)
        for param in query:
            yield "get", path, {**_valid(query, world), param: value}
        for field in form:
            yield "post", path, {**_valid(form, world), field: value}


def _server_errors(client, requests) -> list[tuple]:
    errors = []
    for method, path, data in requests:
        if method == "get":
            response = client.get(f"{path}?{urlencode(data)}" if data else path)
        else:
            response = client.post(path, data)
        if response.status_code >= 500:
            errors.append((method, path[:80], {k: v[:40] for k, v in data.items()},
                           response.status_code))
    return errors


@pytest.fixture
def hostile_client(client, recruiter):
    client.raise_request_exception = False  # a crash is a 500 here, as the user sees it
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(READS))
def test_no_hostile_value_gives_a_server_error(hostile_client, recruiter, world, name):
    route = next(route for n, route in OURS if n == name)
    if name not in ANONYMOUS:
        hostile_client.force_login(recruiter)
    assert _server_errors(hostile_client, _requests(name, route, world, HOSTILE)) == []


@pytest.mark.django_db
def test_no_hostile_value_breaks_an_admin_page(hostile_client, admin_user, world):
    hostile_client.force_login(admin_user)
    requests = []
    for route in ADMIN:
        names = [n for _c, n in CONVERTER.findall(route)]
        for value in ADMIN_HOSTILE:
            if names:
                requests.append(("get", _fill(route, dict.fromkeys(names, value)), {}))
            elif route.endswith("/"):  # a list: its search, page and order
                requests.append(("get", _fill(route, {}), {"q": value, "p": value, "o": value}))
    assert _server_errors(hostile_client, requests) == []


@pytest.mark.django_db
def test_a_user_name_longer_than_any_user_has_is_refused_on_the_field(client, recruiter):
    """django-axes records failed logins in a shorter column (a 500 on PostgreSQL)."""
    html = client.post("/accounts/login/", {"username": "a" * 300, "password": "x"}
                       ).content.decode()
    assert "Ensure this value has at most 150 characters (it has 300)." in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/candidates/", "/registrations/new/"])
def test_a_search_with_a_nul_character_finds_what_it_finds_without(recruiter_client, candidate,
                                                                   url):
    """PostgreSQL refuses NUL characters in a query."""
    assert "Jeroen van Dijk" in recruiter_client.get(url, {"q": "Jer\x00oen"}).content.decode()


WEBHOOKS = [route for _ns, _name, route in ROUTES if route.startswith(WEBHOOK_PREFIX)]


@pytest.mark.django_db
@pytest.mark.parametrize("secret", ["", "tracker:webhook-secret-for-tests"])
def test_no_hostile_call_breaks_an_email_provider_webhook(hostile_client, settings, secret):
    """Every provider's webhook, configured or not, with or without the basic-auth secret,
    answers a forged or garbled call without a server error."""
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": secret}
    auth = {"HTTP_AUTHORIZATION": "Basic dHJhY2tlcjp3ZWJob29rLXNlY3JldC1mb3ItdGVzdHM="}
    errors = []
    for route in WEBHOOKS:
        path = _fill(route, {})
        for body in ['{"event": "bounced", "MessageID": "x"}', "²", "[]", "<xml/>", ""]:
            response = hostile_client.post(path, body, content_type="application/json", **auth)
            if response.status_code >= 500:
                errors.append((path, body, response.status_code))
    assert WEBHOOKS and errors == []
