"""From the emails people receive: a candidate picks a time, a hiring manager gives feedback."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import portal_link
from interviews.portal.models import InterviewFeedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_candidate_chooses_a_time_from_the_link(logged_in, live_server, plan_interview,
                                                  recruiter, page, console_errors):
    vacancy = plan_interview.vacancy
    start = timezone.now().replace(microsecond=0) + timedelta(days=4)
    for hours in (0, 2):
        Interview.objects.create(vacancy=vacancy, owner=recruiter, kind="both",
                                 contact_person=vacancy.hiring_manager,
                                 start=start + timedelta(hours=hours), location_text="Utrecht")
    page.goto(f"{live_server.url}{plan_interview.get_absolute_url()}")
    page.get_by_role("link", name="Let the candidate choose a time").click()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("gets a link to choose a time")).to_be_visible()
    text = Message.objects.get(purpose="choose_time").text
    link = re.search(r"/choose/[^\s)]+/", text).group(0)
    page.context.clear_cookies()  # the candidate has no login
    page.goto(f"{live_server.url}{link}")
    expect(page.get_by_role("heading", name=re.compile("kies een tijd"))).to_be_visible()
    page.get_by_role("button", name="Deze tijd kiezen").first.click()
    expect(page.get_by_role("heading", name="Je gesprek staat gepland")).to_be_visible()
    assert Interview.objects.filter(candidate=plan_interview.candidate).count() == 1
    assert console_errors == []


def test_a_hiring_manager_gives_feedback_in_the_portal(live_server, page, registration,
                                                       recruiter, manager_contact):
    interview = Interview.objects.create(
        registration=registration, candidate=registration.candidate,
        vacancy=registration.vacancy, owner=recruiter, kind="both",
        contact_person=manager_contact, memo="salary ceiling",
        start=timezone.now() - timedelta(hours=3))
    link = re.sub(r"^https?://[^/]+", "", portal_link(interview, manager_contact.pk))
    page.goto(f"{live_server.url}{link}")
    expect(page.get_by_role("heading", name="Gesprek met Jeroen van Dijk")).to_be_visible()
    expect(page.get_by_text("salary ceiling")).to_have_count(0)
    page.get_by_label("Hoe ging het gesprek?").fill("Sterk op Java.")
    page.get_by_role("button", name="Feedback opslaan").click()
    expect(page.get_by_text("Bedankt, je feedback is opgeslagen.")).to_be_visible()
    assert InterviewFeedback.objects.get().text == "Sterk op Java."
