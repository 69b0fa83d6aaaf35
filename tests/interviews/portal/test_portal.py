"""The manager portal: one interview per signed link, guidelines, feedback, never the memo."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.planning.configuration import InterviewGuideline, InterviewSettings
from interviews.portal.links import portal_link
from interviews.portal.models import InterviewFeedback
from vacancies.models import ContactPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview(registration, make_interview, manager_contact):
    star = InterviewGuideline.objects.create(title="STAR method", text="Ask for results.")
    InterviewGuideline.objects.create(title="Not shared", text="Internal only.")
    interview = make_interview(registration=registration, kind="both",
                               contact_person=manager_contact, interviewer="Pat Jansen",
                               memo="Private: salary ceiling 5k",
                               when=timezone.now() - timedelta(hours=2))
    interview.guidelines.add(star)
    return interview


def path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_link_in_the_managers_email_opens_the_interview_and_guidelines(
    client, recruiter_client, interview
):
    page = recruiter_client.get(f"/interviews/{interview.pk}/communicate/manager/preview/")
    link = re.search(r'href="(http[^"]+/portal/[^"]+)"', page.content.decode()).group(1)
    html = client.get(path(link)).content.decode()
    assert "Jeroen van Dijk" in html and "Senior Java Developer" in html
    assert "Pat Jansen" in html and "STAR method" in html and "Ask for results." in html
    assert "Not shared" not in html
    assert "salary ceiling" not in html


def test_the_token_opens_only_its_own_interview(client, interview, make_interview,
                                                registration, manager_contact):
    other = make_interview(registration=registration, contact_person=manager_contact,
                           memo="another memo")
    token = path(portal_link(interview, manager_contact.pk)).split("/")[-2]
    response = client.get(f"/portal/{other.pk}/{token}/")
    assert response.status_code == 404
    assert "another memo" not in response.content.decode()
    assert "not complete or not valid" in response.content.decode()


def test_feedback_is_saved_and_shown_to_the_recruiter(client, recruiter_client, interview,
                                                      manager_contact):
    url = path(portal_link(interview, manager_contact.pk))
    response = client.post(url, {"text": "Strong on Java, weak on testing."})
    assert response.status_code == 302
    assert InterviewFeedback.objects.get().contact_person == manager_contact
    html = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert "Strong on Java, weak on testing." in html
    assert "Feedback from Marieke van der Linden" in html
    steps = recruiter_client.get(interview.candidate.get_absolute_url()).content.decode()
    assert "1 feedback" in steps
    interview.refresh_from_db()
    assert interview.report == ""  # kept apart from the recruiter's report


def test_feedback_waits_for_the_interview(client, interview, manager_contact):
    interview.start = timezone.now() + timedelta(days=1)
    interview.save()
    url = path(portal_link(interview, manager_contact.pk))
    assert "Na het gesprek kun je hier je feedback geven" in client.get(url).content.decode()
    client.post(url, {"text": "Too early"})
    assert not InterviewFeedback.objects.exists()


def test_a_committee_member_sees_only_the_interviews_they_are_invited_to(
    client, interview, make_interview, registration
):
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    member = ContactPerson.objects.create(name="Lotte de Graaf", email="lotte@example.com")
    not_invited = make_interview(registration=registration)
    assert client.get(path(portal_link(not_invited, member.pk))).status_code == 410
    interview.committee_members.add(member)
    invited = client.get(path(portal_link(interview, member.pk))).content.decode()
    assert interview.vacancy.title in invited and str(interview.candidate) in invited


def test_reissuing_revokes_the_old_links_and_links_expire_after_the_interview(
    client, recruiter_client, interview, manager_contact, settings
):
    old = path(portal_link(interview, manager_contact.pk))
    recruiter_client.post(f"/interviews/{interview.pk}/reissue-links/")
    interview.refresh_from_db()
    revoked = client.get(old)
    assert revoked.status_code == 410 and "newer email" in revoked.content.decode()
    assert client.get(path(portal_link(interview, manager_contact.pk))).status_code == 200
    settings.PORTAL_LINK_DAYS_AFTER = 0
    interview.start = timezone.now() - timedelta(days=1)
    interview.save()
    expired = client.get(path(portal_link(interview, manager_contact.pk)))
    assert expired.status_code == 410 and "expired" in expired.content.decode()


def test_a_manager_who_logs_in_sees_all_their_interviews(client, hiring_manager, interview,
                                                         make_interview, candidate):
    from candidates.models import Candidate
    eva = Candidate.objects.create(first_name="Eva", last_name="Peters", email="eva@x.org")
    not_theirs = make_interview(candidate=eva)
    client.force_login(hiring_manager)
    html = client.get("/portal/").content.decode()
    assert "Jeroen van Dijk" in html and "Eva Peters" not in html
    page = client.get(f"/portal/interviews/{interview.pk}/").content.decode()
    assert "STAR method" in page and "salary ceiling" not in page
    assert client.get(f"/portal/interviews/{not_theirs.pk}/").status_code == 404


def test_the_portal_speaks_the_managers_language_until_they_choose_another(
        client, interview, manager_contact):
    url = path(portal_link(interview, manager_contact.pk))
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Richtlijnen" in html and 'name="language"' in html  # Dutch, with a switcher
    client.post("/i18n/setlang/", {"language": "en", "next": url})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Guidelines" in html and "Richtlijnen" not in html


def test_a_manager_who_logs_in_gets_the_portal_in_their_language(client, hiring_manager,
                                                                interview):
    client.force_login(hiring_manager)
    assert "Mijn gesprekken" in client.get("/portal/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/portal/"})
    assert "My interviews" in client.get("/portal/").content.decode()


def test_the_interview_page_shows_every_feedback_with_the_same_queries(
    recruiter_client, interview, manager_contact
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_with(count: int) -> tuple[int, str]:
        for number in range(InterviewFeedback.objects.count(), count):
            person = ContactPerson.objects.create(name=f"Member {number}",
                                                  email=f"member{number}@example.com")
            InterviewFeedback.objects.create(interview=interview, contact_person=person,
                                             text=f"Notes {number}")
        with CaptureQueriesContext(connection) as queries:
            html = recruiter_client.get(interview.get_absolute_url()).content.decode()
        return len(queries), html

    recruiter_client.get(interview.get_absolute_url())  # creates the settings row
    few, _html = queries_with(1)
    many, html = queries_with(6)
    assert all(f"Feedback from Member {n}" in html for n in range(6))
    assert many == few
