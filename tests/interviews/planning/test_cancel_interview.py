"""Safe actions: "Cancel interview" asks first, takes an optional reason that the cancellation
emails carry, then offers to tell everyone; leaving the form is no longer also "Cancel"
(issue 11, part 7)."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from interviews.communication.models import StandardDocument
from interviews.planning.models import Interview
from tests.parsed_html import elements, form_values, text

pytestmark = pytest.mark.usefixtures("migrated_db")

REASON = "The hiring manager is ill; I will propose a new date this week."


@pytest.fixture
def interview(registration, make_interview, manager_contact) -> Interview:
    return make_interview(registration=registration, kind="both", contact_person=manager_contact)


def links(html: str) -> dict[str, str]:
    """The page's links: their text and where they lead."""
    return {text(inner): elements(f"<a {attributes}>", "a")[0].attrs.get("href", "")
            for attributes, inner in re.findall(r"<a\s([^>]*)>(.*?)</a>", html, re.S)}


def send(client, interview, audience="candidate", **params) -> None:
    """Send what the communication screen proposes, as a recruiter who just presses Send."""
    url = f"/interviews/{interview.pk}/communicate/{audience}/"
    data = form_values(client.get(url, params).content.decode(), "communicate-form")
    assert client.post(url, data).status_code == 302


def cancel(client, interview, reason: str = "", back: str = ""):
    """Press "Cancel interview", write the reason, confirm."""
    form = client.get(interview.get_absolute_url(), {"back": back}).content.decode()
    html = client.get(links(form)["Cancel interview"]).content.decode()
    data = {**form_values(html, "cancel-form"), "reason": [reason]}
    action = next(e.attrs["action"] for e in elements(html, "form")
                  if e.attrs.get("id") == "cancel-form")
    return client.post(action, data)


def test_cancel_interview_asks_first_on_a_page_of_its_own(recruiter_client, interview):
    form = recruiter_client.get(interview.get_absolute_url()).content.decode()
    page = recruiter_client.get(links(form)["Cancel interview"])
    html = text(page.content.decode())
    assert "Cancel this interview?" in html and "Jeroen van Dijk" in html
    assert "Reason (optional)" in html
    assert "Keep the interview" in html and "Cancel the interview" in html
    interview.refresh_from_db()
    assert interview.status == Interview.Status.PLANNED  # only asked, nothing changed


def test_keep_the_interview_returns_to_it_unchanged(recruiter_client, interview):
    page = recruiter_client.get(f"/interviews/{interview.pk}/cancel/",
                                {"back": "workflow"}).content.decode()
    assert links(page)["Keep the interview"] == f"{interview.get_absolute_url()}?back=workflow"


def test_a_cancellation_keeps_its_reason_and_shows_it(recruiter_client, interview):
    cancel(recruiter_client, interview, REASON)
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    page = text(recruiter_client.get(interview.get_absolute_url()).content.decode())
    assert f"Reason for cancelling: {REASON}" in page


def test_planning_again_forgets_the_reason(recruiter_client, interview):
    cancel(recruiter_client, interview, REASON)
    recruiter_client.post(f"/interviews/{interview.pk}/status/", {"status": "planned"})
    interview.refresh_from_db()
    assert interview.status == Interview.Status.PLANNED and interview.cancellation_reason == ""
    assert "Reason for cancelling" not in text(
        recruiter_client.get(interview.get_absolute_url()).content.decode())


def test_a_reason_longer_than_500_characters_is_refused_and_nothing_is_cancelled(
    recruiter_client, interview
):
    response = cancel(recruiter_client, interview, "x" * 501)
    assert response.status_code == 200
    assert "Ensure this value has at most 500 characters" in text(response.content.decode())
    interview.refresh_from_db()
    assert interview.status == Interview.Status.PLANNED


def test_after_cancelling_a_communicated_interview_it_offers_to_tell_everyone(
    recruiter_client, interview
):
    send(recruiter_client, interview)
    response = cancel(recruiter_client, interview, back="workflow")
    offer = recruiter_client.get(response.url).content.decode()
    assert "Let everyone know it is cancelled?" in text(offer)
    to = links(offer)
    assert to["Tell the candidate"] == (f"/interviews/{interview.pk}/communicate/candidate/"
                                        "?purpose=cancellation&back=workflow")
    assert to["Tell the hiring manager"] == (f"/interviews/{interview.pk}/communicate/manager/"
                                             "?purpose=cancellation&back=workflow")


def test_the_cancellation_email_carries_the_reason(
    recruiter_client, interview, smtp_server, run_worker
):
    send(recruiter_client, interview)
    offer = recruiter_client.get(cancel(recruiter_client, interview, REASON).url).content.decode()
    send(recruiter_client, interview, **_query(links(offer)["Tell the candidate"]))
    send(recruiter_client, interview, "manager", **_query(links(offer)["Tell the hiring manager"]))
    run_worker()
    cancelled = [m for m in smtp_server.messages if "eannuleerd" in str(m["Subject"])]
    assert len(cancelled) == 2  # the candidate and the hiring manager, both in Dutch
    for received in cancelled:
        assert REASON in received.get_body(("plain",)).get_content()
        assert REASON in text(received.get_body(("html",)).get_content())


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def test_every_installed_cancellation_document_has_a_place_for_the_reason():
    documents = StandardDocument.objects.filter(purpose="cancellation")
    assert documents.count() == 6
    assert all("<p>{{ cancellation_reason }}</p>" in d.body for d in documents)


def test_without_a_reason_the_cancellation_email_has_no_empty_paragraph(
    recruiter_client, interview, smtp_server, run_worker
):
    send(recruiter_client, interview)
    cancel(recruiter_client, interview)
    send(recruiter_client, interview, purpose="cancellation")
    run_worker()
    cancelled = next(m for m in smtp_server.messages if "eannuleerd" in str(m["Subject"]))
    body = cancelled.get_body(("plain",)).get_content()
    paragraphs = body.replace("\r\n", "\n").strip().split("\n\n")
    assert "niet doorgaan" in paragraphs[1] and paragraphs[2].startswith("Met vriendelijke")
    assert all(paragraph.strip() for paragraph in paragraphs)


@pytest.mark.parametrize(("language", "leave", "cancel"), [
    ("en", "Back without saving", "Cancel interview"),
    ("nl", "Terug zonder opslaan", "Gesprek annuleren")])
def test_leaving_the_form_is_no_longer_called_cancel(recruiter_client, interview, language,
                                                     leave, cancel):
    html = recruiter_client.get(interview.get_absolute_url(),
                                HTTP_ACCEPT_LANGUAGE=language).content.decode()
    texts = links(html)
    assert leave in texts and cancel in texts
    assert texts[leave] != texts[cancel]
    assert not {"Cancel", "Annuleren"} & set(texts)
