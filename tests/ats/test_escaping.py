"""Text typed by anyone (recruiters, admins, candidates, hiring managers) is shown as text on
every page that shows it: hostile markup in every such field never becomes an element."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from candidates.models import Candidate, Registration
from interviews.planning.configuration import InterviewGuideline, InterviewLocation, InterviewReason
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link, scheduling_link
from interviews.portal.models import InterviewFeedback, SchedulingInvitation
from tests.parsed_html import elements, read
from vacancies.models import ContactPerson, Vacancy

pytestmark = pytest.mark.django_db


def hostile(label: str) -> str:
    return f'<script>alert("{label}")</script><img src=x onerror=alert("{label}")>'


def shown(label: str) -> str:
    """What a reader sees of hostile(label) when it is escaped: the markup, as text."""
    return f'<script>alert("{label}")'


@pytest.fixture
def office(recruiter, stages, django_user_model):
    manager = ContactPerson.objects.create(name=hostile("manager"), email="m@example.com")
    manager.user = django_user_model.objects.create_user("bob", "bob@example.com", "bob-pw")
    manager.save()
    vacancy = Vacancy.objects.create(title=hostile("vacancy"), reference="IT-9",
                                     status=Vacancy.Status.PUBLISHED, hiring_manager=manager,
                                     recruiter=recruiter)
    candidate = Candidate.objects.create(first_name=hostile("first"), last_name=hostile("last"),
                                         email="c@example.org")
    registration = Registration(candidate=candidate, vacancy=vacancy,
                                stage=stages["Plan interview"])
    registration.register(by=recruiter)
    guideline = InterviewGuideline.objects.create(title=hostile("guideline"),
                                                  text=hostile("guideline text"))
    fields = {
        "owner": recruiter, "candidate": candidate, "registration": registration,
        "vacancy": vacancy, "kind": "both", "contact_person": manager,
        "location": InterviewLocation.objects.create(name=hostile("place")),
        "location_text": hostile("location"), "interviewer": hostile("interviewer"),
        "reason": InterviewReason.objects.create(name=hostile("reason")),
        "memo": hostile("memo"),
    }
    upcoming = Interview.objects.create(start=timezone.now() + timedelta(days=2), **fields)
    held = Interview.objects.create(start=timezone.now() - timedelta(hours=3), **fields)
    for interview in (upcoming, held):
        interview.guidelines.add(guideline)
    InterviewFeedback.objects.create(interview=held, contact_person=manager,
                                     text=hostile("feedback"))
    Interview.objects.create(owner=recruiter, vacancy=vacancy, kind="both",
                             contact_person=manager, location_text=hostile("slot"),
                             start=timezone.now() + timedelta(days=3))
    invitation = SchedulingInvitation.objects.create(
        registration=registration, created_by=recruiter,
        expires_at=timezone.now() + timedelta(days=7))
    return {"upcoming": upcoming, "held": held, "registration": registration,
            "candidate": candidate, "vacancy": vacancy, "manager": manager,
            "choose": scheduling_link(invitation)}


def local(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def report_url(office) -> str:
    today = timezone.localdate()
    start, end = today - timedelta(days=20), today + timedelta(days=20)
    return f"/reports/interviews/?start={start:%d-%m-%Y}&end={end:%d-%m-%Y}"


NAME = ["first", "last"]
FACTS = [*NAME, "vacancy", "location", "interviewer"]
# page: (who opens it, its URL, the hostile fields it shows)
PAGES = {
    "dashboard": ("recruiter", lambda o: "/", [*NAME, "reason", "place", "manager"]),
    "workflow": ("recruiter", lambda o: "/workflow/", [*NAME, "vacancy"]),
    "candidate dossier and its Steps": (
        "recruiter", lambda o: f"/candidates/{o['candidate'].pk}/",
        [*NAME, "vacancy", "reason", "location", "interviewer"]),
    "registration dossier and its Steps": (
        "recruiter", lambda o: f"/registrations/{o['registration'].pk}/",
        [*NAME, "vacancy", "reason", "location", "interviewer"]),
    "vacancy dossier": ("recruiter", lambda o: f"/vacancies/{o['vacancy'].pk}/",
                        [*NAME, "vacancy", "manager", "slot"]),
    "contact dossier": ("recruiter", lambda o: f"/contacts/{o['manager'].pk}/",
                        ["manager", "vacancy"]),
    "candidate list": ("recruiter", lambda o: "/candidates/", NAME),
    "vacancy list": ("recruiter", lambda o: "/vacancies/", ["vacancy", "manager"]),
    "contact list": ("recruiter", lambda o: "/contacts/", ["manager"]),
    "interview form": (
        "recruiter", lambda o: f"/interviews/{o['held'].pk}/",
        [*FACTS, "manager", "reason", "place", "guideline", "feedback", "memo"]),
    "communication screen": (
        "recruiter", lambda o: f"/interviews/{o['upcoming'].pk}/communicate/manager/",
        [*NAME, "vacancy", "location", "manager"]),
    "preview": (
        "recruiter", lambda o: f"/interviews/{o['upcoming'].pk}/communicate/manager/preview/",
        [*NAME, "vacancy", "location", "interviewer", "manager", "guideline"]),
    "link to a selection interview": (
        "recruiter", lambda o: f"/registrations/{o['registration'].pk}/link/",
        [*NAME, "slot"]),
    "report": ("recruiter", report_url, ["reason"]),
    "manager portal (link)": (
        "anonymous", lambda o: local(portal_link(o["held"], o["manager"].pk)),
        [*FACTS, "guideline", "feedback"]),
    "manager portal (logged in)": (
        "manager", lambda o: f"/portal/interviews/{o['held'].pk}/",
        [*FACTS, "guideline", "feedback"]),
    "manager portal home": ("manager", lambda o: "/portal/", [*NAME, "vacancy"]),
    "candidate's answer": (
        "anonymous", lambda o: local(reply_link(o["upcoming"], "decline")), FACTS),
    "choose a time": ("anonymous", lambda o: local(o["choose"]), ["vacancy", "slot"]),
}


def injected(html: str) -> list:
    """Elements or attributes that only hostile text can have put there."""
    return [element for element in elements(html)
            if (element.tag == "script" and "src" not in element.attrs
                and element.attrs.get("type") != "application/json")
            or element.tag == "img" and element.attrs.get("src") == "x"
            or any(name.startswith("on") for name in element.attrs)]


def what_a_reader_sees(html: str) -> str:
    page = read(html)
    values = [value for element in page.elements for value in element.attrs.values()]
    return "\n".join(page.texts + values)


@pytest.mark.parametrize("screen", PAGES)
def test_hostile_text_is_shown_as_text(screen, office, client, recruiter):
    who, url, labels = PAGES[screen]
    if who == "recruiter":
        client.force_login(recruiter)
    elif who == "manager":
        client = Client()
        client.force_login(office["manager"].user)
    response = client.get(url(office))
    assert response.status_code == 200
    html = response.content.decode()
    assert injected(html) == []
    seen = what_a_reader_sees(html)
    assert [label for label in labels if shown(label) not in seen] == []
    if who != "recruiter" or screen == "preview":
        assert shown("memo") not in seen
