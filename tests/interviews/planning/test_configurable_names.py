"""Stages, reasons, locations and guidelines have a Dutch and an English name: each reader sees
the one in their language, recruiters on screen and candidates and managers in their email."""

import pytest

from candidates.models import WorkflowStage
from interviews.planning.configuration import InterviewGuideline, InterviewLocation, InterviewReason
from tests.interviews.outbox.test_delivery import calendar_of, plan, send
from tests.parsed_html import text

pytestmark = pytest.mark.usefixtures("migrated_db")


@pytest.fixture
def first_interview():
    return InterviewReason.objects.create(name="First interview", name_nl="Eerste gesprek")


@pytest.fixture
def head_office():
    return InterviewLocation.objects.create(
        name="Head office Utrecht", name_nl="Hoofdkantoor Utrecht",
        address="Catharijnesingel 42\n3511 GC Utrecht")


@pytest.fixture
def english_candidate(registration):
    registration.candidate.language = "en"
    registration.candidate.wants_vcalendar = True
    registration.candidate.save()
    return registration


def test_a_dutch_recruiter_sees_dutch_stage_and_reason_names(
        recruiter_client, registration, make_interview, first_interview):
    WorkflowStage.objects.create(name="Reference check", name_nl="Referenties nabellen",
                                 position=25)
    make_interview(registration=registration, reason=first_interview)
    dutch = text(recruiter_client.get("/workflow/", HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    assert "Referenties nabellen" in dutch and "Aanbod" in dutch and "Eerste gesprek" in dutch
    assert "Reference check" not in dutch and "First interview" not in dutch
    english = text(recruiter_client.get("/workflow/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "Reference check" in english and "Offer" in english and "First interview" in english


def test_a_stage_without_a_dutch_name_shows_its_english_one(recruiter_client, registration):
    WorkflowStage.objects.create(name="Bellen met referenties", position=25)
    html = recruiter_client.get("/workflow/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Bellen met referenties" in html


def test_the_location_a_dutch_recruiter_chose_reaches_an_english_candidate_in_english(
        recruiter_client, english_candidate, head_office, first_interview, smtp_server,
        run_worker):
    recruiter_client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    interview = plan(recruiter_client, english_candidate, location=head_office.pk,
                     location_text="", reason=first_interview.pk)
    assert interview.location_text.startswith("Hoofdkantoor Utrecht")  # as the recruiter saw it
    send(recruiter_client, interview)
    run_worker()
    [received] = smtp_server.messages
    body = received.get_body(("plain",)).get_content()
    assert "Head office Utrecht, Catharijnesingel 42, 3511 GC Utrecht" in body
    assert "Hoofdkantoor" not in body
    event = calendar_of(received)[1].walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Head office Utrecht, Catharijnesingel 42, 3511 GC Utrecht"
    assert "Reason: First interview" in str(event["DESCRIPTION"])


def test_a_location_the_recruiter_typed_is_sent_as_typed(
        recruiter_client, english_candidate, head_office, smtp_server, run_worker):
    interview = plan(recruiter_client, english_candidate, location=head_office.pk,
                     location_text="Hoofdkantoor, zaal 3 (bel bij de receptie)")
    send(recruiter_client, interview)
    run_worker()
    body = smtp_server.messages[0].get_body(("plain",)).get_content()
    assert "Hoofdkantoor, zaal 3 (bel bij de receptie)" in body


def test_the_manager_reads_the_guidelines_in_their_language(
        recruiter_client, registration, manager_contact, smtp_server, run_worker):
    manager_contact.language = "en"
    manager_contact.save()
    star = InterviewGuideline.objects.create(
        title="STAR method", text="Ask for results.", title_nl="STAR-methode",
        text_nl="Vraag door op resultaat.")
    recruiter_client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    interview = plan(recruiter_client, registration, guidelines=[star.pk], then="manager")
    send(recruiter_client, interview, audience="manager")
    run_worker()
    body = smtp_server.messages[0].get_body(("plain",)).get_content()
    assert "STAR method" in body and "Ask for results." in body
    assert "STAR-methode" not in body
