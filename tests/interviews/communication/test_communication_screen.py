"""The two communicate buttons and the communication screen (R5, R7)."""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from interviews.communication.models import StandardDocument
from interviews.outbox.models import Message
from interviews.planning.configuration import InterviewSettings
from interviews.planning.models import Interview
from tests.interviews.readable import LONG_MEMO, readable_message
from vacancies.models import ContactPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview(registration, make_interview, manager_contact):
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          location_text="<b>Room</b> <script>alert(1)</script>",
                          memo=LONG_MEMO, interviewer="Pat Jansen")


def screen(client, interview, audience="candidate", **params):
    return client.get(f"/interviews/{interview.pk}/communicate/{audience}/", params)


def form_data(response) -> dict:
    form = response.context["form"]
    return {name: form[name].value() for name in form.fields}


def test_the_manager_button_is_there_only_when_the_manager_attends(
    recruiter_client, registration, make_interview
):
    alone = make_interview(registration=registration, kind="recruiter")
    html = recruiter_client.get(alone.get_absolute_url()).content.decode()
    assert "Save and communicate to candidate" in html
    assert 'data-manager-button hidden' in html
    assert screen(recruiter_client, alone, "manager").status_code == 403
    alone.kind = "both"
    alone.save()
    html = recruiter_client.get(alone.get_absolute_url()).content.decode()
    assert "data-manager-button >" in html


def test_save_and_communicate_saves_first_then_opens_the_screen(recruiter_client, registration):
    url = f"/registrations/{registration.pk}/interviews/new/"
    invalid = recruiter_client.post(url, {"start": "11/30/2026", "kind": "recruiter",
                                          "then": "candidate"})
    assert invalid.status_code == 200 and not Interview.objects.exists()
    response = recruiter_client.post(url, {"start": "30-11-2037 10:00", "kind": "recruiter",
                                           "then": "candidate", "back": "workflow"})
    interview = Interview.objects.get()
    assert response.url == f"/interviews/{interview.pk}/communicate/candidate/?back=workflow"
    ignored = recruiter_client.post(interview.get_absolute_url(), {
        "start": "30-11-2037 10:00", "kind": "recruiter", "then": "manager",
        "version": interview.version})
    assert "communicate" not in ignored.url


def test_the_screen_shows_who_gets_what(recruiter_client, interview):
    html = screen(recruiter_client, interview).content.decode()
    assert "jeroen@example.org" in html and "Dutch" in html
    assert "Uitnodiging gesprek (Dutch)" in html  # the document in the candidate's language
    assert "salary ceiling" not in html
    assert "<script>alert(1)</script>" not in html
    manager = screen(recruiter_client, interview, "manager").content.decode()
    assert "marieke@example.com" in manager and "attached" in manager


def test_committee_members_are_addressed_only_with_the_module_on(recruiter_client, interview):
    member = ContactPerson.objects.create(name="Lotte de Graaf", email="lotte@example.com",
                                          language="en")
    interview.committee_members.add(member)
    before = screen(recruiter_client, interview, "manager").content.decode()
    assert "lotte@example.com" not in before
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    html = screen(recruiter_client, interview, "manager").content.decode()
    assert "lotte@example.com" in html
    assert "Selection committee invitation (English)" in html  # her own document and language


def test_the_preview_is_what_will_be_sent_in_a_locked_frame(recruiter_client, interview):
    response = recruiter_client.get(f"/interviews/{interview.pk}/communicate/candidate/preview/")
    html = response.content.decode()
    assert "Beste Jeroen" in html and "Senior Java Developer" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "salary ceiling" not in html
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    page = screen(recruiter_client, interview).content.decode()
    assert '<iframe name="preview"' in page and "sandbox" in page


def test_the_preview_follows_an_edited_body_and_sanitises_it(recruiter_client, interview):
    data = form_data(screen(recruiter_client, interview))
    data["candidate-nl-body"] = ('<p>Hoi {{ candidate_first_name }}</p>'
                                 '<script>steal()</script><p onmouseover="x()">Tot dan</p>')
    data["preview_group"] = "0"
    html = recruiter_client.post(f"/interviews/{interview.pk}/communicate/candidate/preview/",
                                 data).content.decode()
    assert "Hoi Jeroen" in html and "Tot dan" in html
    assert "steal()" not in html and "onmouseover" not in html


def test_an_unknown_merge_field_in_an_edited_body_is_refused_on_the_field(
    recruiter_client, interview
):
    data = form_data(screen(recruiter_client, interview))
    data["candidate-nl-body"] = "<p>{{ candidate_frist_name }}</p>"
    response = recruiter_client.post(f"/interviews/{interview.pk}/communicate/candidate/", data)
    html = response.content.decode()
    assert 'id="error_1_id_candidate-nl-body"' in html
    assert "Unknown merge field: {{ candidate_frist_name }}." in html
    assert "candidate_frist_name" in html  # what was typed stays
    assert not Message.objects.exists()


def test_a_document_for_another_audience_is_refused_on_the_field(recruiter_client, interview):
    """A tampered form cannot slip the manager's document (with its private details) to the
    candidate: the choice is checked against the documents the screen offered."""
    manager_document = StandardDocument.objects.filter(audience="manager").first()
    data = form_data(screen(recruiter_client, interview))
    data["candidate-nl-document"] = manager_document.pk
    response = recruiter_client.post(f"/interviews/{interview.pk}/communicate/candidate/", data)
    html = response.content.decode()
    assert 'id="error_1_id_candidate-nl-document"' in html
    assert "Select a valid choice." in html
    assert not Message.objects.exists()


def test_send_stores_the_messages_and_queues_delivery_after_commit(
    recruiter_client, interview, django_capture_on_commit_callbacks
):
    data = form_data(screen(recruiter_client, interview))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = recruiter_client.post(
            f"/interviews/{interview.pk}/communicate/candidate/", data)
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.status == Message.Status.QUEUED  # nothing is sent inside the request
    assert message.subject.startswith("Uitnodiging: sollicitatiegesprek voor Senior Java Developer")
    assert LONG_MEMO not in readable_message(message)
    assert len(callbacks) == 1
    assert DBTaskResult.objects.filter(
        task_path="interviews.outbox.delivery.drain_outbox").count() == 1


def test_the_log_shows_on_the_interview_and_in_the_steps(recruiter_client, interview):
    data = form_data(screen(recruiter_client, interview))
    recruiter_client.post(f"/interviews/{interview.pk}/communicate/candidate/", data)
    page = recruiter_client.get(interview.get_absolute_url()).content.decode()
    assert "Uitnodiging gesprek" in page and "Queued" in page
    steps = recruiter_client.get(interview.candidate.get_absolute_url()).content.decode()
    assert re.search(r"Jeroen van Dijk: (<span [^>]*>)+Queued</span>", steps)


def test_after_a_reschedule_the_change_document_is_proposed(recruiter_client, interview):
    data = form_data(screen(recruiter_client, interview))
    recruiter_client.post(f"/interviews/{interview.pk}/communicate/candidate/", data)
    response = recruiter_client.post(interview.get_absolute_url(), {
        "start": "03-12-2037 09:00", "kind": "both", "contact_person": interview.contact_person_id,
        "version": interview.version, "location_text": interview.location_text})
    assert response.url.startswith(f"{interview.get_absolute_url()}?offer=change")
    offer = recruiter_client.get(response.url).content.decode()
    assert "Let everyone know?" in offer
    html = screen(recruiter_client, interview).content.decode()
    assert "Gesprek gewijzigd (Dutch)" in html
