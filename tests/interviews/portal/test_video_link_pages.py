"""The link to join an online interview on the pages outside the recruiter's screens: the
manager portal, the candidate's answer page and the self-scheduling confirmation."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from interviews.outbox.models import Message
from interviews.planning.configuration import InterviewLocation
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link, scheduling_link
from interviews.portal.models import SchedulingInvitation
from tests.parsed_html import elements, text

pytestmark = pytest.mark.django_db


def path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def links(response) -> list[str]:
    return [element.attrs.get("href") for element in elements(response.content.decode(), "a")]


@pytest.fixture
def jitsi():
    return InterviewLocation.objects.create(name="Online (Jitsi Meet)", video_provider="jitsi")


@pytest.fixture
def online(registration, make_interview, manager_contact, jitsi):
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          location=jitsi, location_text=jitsi.location_text,
                          when=timezone.now() + timedelta(days=3))


def test_the_manager_portal_shows_the_link_to_join(client, online, manager_contact):
    response = client.get(path(portal_link(online, manager_contact.pk)))
    assert online.video_link.startswith(settings.JITSI_SERVER_URL)
    assert online.video_link in links(response)
    assert f"Online deelnemen {online.video_link}" in text(response.content.decode())  # Dutch


def test_the_logged_in_portal_shows_it_on_the_interview_and_its_list(
    client, online, hiring_manager
):
    client.force_login(hiring_manager)
    page = client.get(reverse("portal_interview_logged_in", args=[online.pk]))
    assert online.video_link in links(page)
    home = client.get(reverse("portal_home"))
    assert online.video_link in links(home)  # the Join button, hidden until its time


def test_the_candidates_answer_page_shows_the_link_to_join(client, online):
    response = client.get(path(reply_link(online, "accept")))
    assert online.video_link in links(response)


def test_a_self_scheduled_online_interview_shows_its_link_at_once(
    client, plan_interview, recruiter, jitsi
):
    slot = Interview.objects.create(
        vacancy=plan_interview.vacancy, owner=recruiter, location=jitsi,
        location_text=jitsi.location_text, start=timezone.now() + timedelta(days=4))
    invitation = SchedulingInvitation.objects.create(
        registration=plan_interview, created_by=recruiter,
        expires_at=timezone.now() + timedelta(days=7))
    response = client.post(path(scheduling_link(invitation)), {"interview": slot.pk})
    slot.refresh_from_db()
    assert slot.candidate_id == plan_interview.candidate_id
    assert slot.video_link in links(response)
    confirmation = Message.objects.get(interview=slot, audience="candidate")
    assert slot.video_link in confirmation.text


def test_an_interview_in_person_shows_no_join_line(client, registration, make_interview):
    office = InterviewLocation.objects.create(name="Head office")
    interview = make_interview(registration=registration, location=office,
                               location_text=office.location_text)
    html = client.get(path(reply_link(interview, "accept"))).content.decode()
    assert "Join online" not in text(html) and "Online deelnemen" not in text(html)


def test_a_hostile_place_is_escaped_on_the_candidates_page(client, registration,
                                                           make_interview):
    hostile = InterviewLocation.objects.create(
        name='<img src=x onerror="alert(1)">', video_provider="fixed",
        meeting_url='https://zoom.us/j/1?pwd="><script>alert(2)</script>')
    interview = make_interview(registration=registration, location=hostile,
                               location_text=hostile.location_text)
    response = client.get(path(reply_link(interview, "accept")))
    html = response.content.decode()
    assert not [e for e in elements(html) if e.tag == "img" or (
        e.tag == "script" and not e.attrs.get("src"))]
    assert hostile.meeting_url in links(response)


def test_the_portal_list_refuses_a_user_who_is_no_manager(outsider_client):
    assert outsider_client.get(reverse("portal_home")).status_code == 403
