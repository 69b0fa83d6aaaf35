"""The purpose of a communication decides the proposed documents and the calendar part."""

import pytest
from icalendar import Calendar

from interviews.communication.models import StandardDocument
from interviews.outbox.models import Message
from interviews.planning.configuration import InterviewSettings
from vacancies.models import ContactPerson

pytestmark = pytest.mark.usefixtures("migrated_db")


@pytest.fixture
def interview(registration, make_interview, manager_contact):
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          location_text="Catharijnesingel 42, Utrecht")


def url(interview, audience="candidate", part=""):
    return f"/interviews/{interview.pk}/communicate/{audience}/{part}"


def screen_data(client, interview, audience="candidate", **params) -> dict:
    form = client.get(url(interview, audience), params).context["form"]
    return {name: form[name].value() for name in form.fields}


def calendar_of(received) -> Calendar:
    part = next(p for p in received.walk() if p.get_content_type() == "text/calendar")
    return Calendar.from_ical(part.get_content())


def test_a_cancellation_sent_with_the_invitation_document_cancels_the_calendar_entry(
    recruiter_client, interview, smtp_server, run_worker
):
    data = screen_data(recruiter_client, interview)  # proposes the invitation
    invitation = StandardDocument.objects.get(pk=data["candidate-nl-document"])
    assert invitation.purpose == "invitation"

    response = recruiter_client.post(url(interview), {**data, "purpose": "cancellation"},
                                     follow=True)
    run_worker()

    [received] = smtp_server.messages
    calendar = calendar_of(received)
    [event] = calendar.walk("VEVENT")
    assert (calendar["METHOD"], event["STATUS"]) == ("CANCEL", "CANCELLED")
    page = response.content.decode()
    assert (f"“{invitation.name}” is a document for “Invitation”, but it was sent for "
            "“Cancellation”") in page
    assert "The purpose decides the calendar part: cancellation (METHOD:CANCEL)." in page


def test_a_matching_document_sends_without_a_warning(recruiter_client, interview):
    data = screen_data(recruiter_client, interview, purpose="cancellation")
    response = recruiter_client.post(url(interview), data, follow=True)
    assert Message.objects.get().purpose == "cancellation"
    assert "is a document for" not in response.content.decode()


def test_the_purpose_in_the_address_proposes_its_document_for_each_recipient(
    recruiter_client, interview
):
    InterviewSettings.objects.update_or_create(pk=1, defaults={"selection_committee_enabled": True})
    interview.committee_members.add(ContactPerson.objects.create(
        name="Lotte de Graaf", email="lotte@example.com", language="en"))

    data = screen_data(recruiter_client, interview, "manager", purpose="cancellation")

    proposed = {key: StandardDocument.objects.get(pk=pk).name for key, pk in data.items()
                if key.endswith("-document")}
    assert proposed == {"manager-nl-document": "Gesprek met een kandidaat geannuleerd",
                        "committee-en-document": "Selection committee: interview cancelled"}
    assert data["purpose"] == "cancellation"


def test_the_preview_header_names_the_calendar_method_of_the_purpose(
    recruiter_client, interview
):
    def header(purpose: str) -> str:
        return recruiter_client.get(url(interview, part="preview/"),
                                    {"purpose": purpose}).content.decode()

    assert "Calendar:</b> invitation (METHOD:REQUEST)" in header("invitation")
    assert "Calendar:</b> cancellation (METHOD:CANCEL)" in header("cancellation")
    assert "METHOD:" not in header("choose_time")


def test_the_preview_of_typed_input_follows_the_chosen_purpose(recruiter_client, interview):
    data = screen_data(recruiter_client, interview)
    html = recruiter_client.post(url(interview, part="preview/"), {
        **data, "purpose": "cancellation", "preview_group": "0"}).content.decode()
    assert "Calendar:</b> cancellation (METHOD:CANCEL)" in html


def test_a_purpose_without_a_calendar_part_sends_no_invitation(recruiter_client, interview):
    data = screen_data(recruiter_client, interview, purpose="choose_time")
    recruiter_client.post(url(interview), data)
    assert Message.objects.get().ics == ""
