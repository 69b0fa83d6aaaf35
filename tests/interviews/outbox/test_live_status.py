"""Live status after Send: Send returns to the door with each email's status, and the status
endpoint tells a page where its emails stand (issue 11, part 4). That the page updates in place
without a reload is tests/browser/test_live_status.py."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from interviews.outbox.models import Message
from interviews.planning.models import Interview
from tests.parsed_html import elements, form_values, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview(registration, make_interview, manager_contact) -> Interview:
    return make_interview(registration=registration, kind="both", contact_person=manager_contact)


def send(client, interview, audience="candidate", back=None):
    url = f"/interviews/{interview.pk}/communicate/{audience}/"
    page = client.get(url, {"back": back} if back else {})
    return client.post(url, form_values(page.content.decode(), "communicate-form"))


def message(interview, status, **fields) -> Message:
    return Message.objects.create(
        interview=interview, audience="candidate", purpose="invitation",
        recipient_name=fields.pop("recipient_name", "Jeroen van Dijk"),
        recipient_email=f"{status}@example.org", document_name="Uitnodiging gesprek",
        subject="S", text="T", html="H", send_token=status, status=status, **fields)


def statuses(client, **params) -> dict[str, str]:
    """What the endpoint says per message id: the text a recruiter reads there."""
    html = client.get("/messages/status/", params).content.decode()
    spans = re.findall(r'(<span class="message-status"[^>]*>)(.*?)</span>(?=</li>)', html, re.S)
    return {elements(opening)[0].attrs["data-message-status"]: text(inner)
            for opening, inner in spans}


@pytest.mark.parametrize(("door", "url"), [
    ("registration_detail:{registration}", "/registrations/{registration}/"),
    ("candidate_detail:{candidate}", "/candidates/{candidate}/"),
    ("dashboard", "/"),
    ("workflow", "/workflow/"),
])
def test_send_returns_to_the_door_the_recruiter_came_from_with_the_status(
    recruiter_client, interview, door, url
):
    ids = {"registration": interview.registration_id, "candidate": interview.candidate_id}
    response = send(recruiter_client, interview, back=door.format(**ids))
    assert response.url == url.format(**ids)
    landed = text(recruiter_client.get(response.url).content.decode())
    assert ("The email to Jeroen van Dijk is in the outbox. Jeroen van Dijk: Queued"
            in landed)


def test_send_without_a_door_returns_to_the_interview(recruiter_client, interview):
    response = send(recruiter_client, interview, "manager")
    assert response.url == interview.get_absolute_url()
    landed = text(recruiter_client.get(response.url).content.decode())
    assert ("The email to Marieke van der Linden is in the outbox. "
            "Marieke van der Linden: Queued") in landed


def test_the_status_page_says_where_each_email_stands(recruiter_client, interview):
    soon = timezone.localtime().replace(hour=14, minute=32) + timedelta(days=1)
    shown = [
        message(interview, "queued"),
        message(interview, "sending", attempts=1),
        message(interview, "retrying", attempts=1, next_attempt_at=soon,
                error_reason="refused"),
        message(interview, "sent"),
        message(interview, "delivered"),
        message(interview, "bounced"),
        message(interview, "failed", attempts=4, error_reason="recipient"),
    ]
    said = statuses(recruiter_client, ids=",".join(str(m.pk) for m in shown))
    assert list(said.values()) == [
        "Queued",
        "Sending",
        f"Retrying Attempt 2 of 4, next try at {soon:%d-%m-%Y} 14:32: the mail server "
        "refused the connection",
        "Sent",
        "Delivered",
        "Bounced",
        "Failed Not sent: the recipient's address was refused: check that the email address "
        "is right.",
    ]


def test_the_page_asks_again_only_for_emails_that_are_not_final(recruiter_client, interview):
    waiting = [message(interview, s) for s in ("queued", "sending", "retrying")]
    final = [message(interview, s) for s in ("sent", "delivered", "bounced", "failed")]
    html = recruiter_client.get(interview.get_absolute_url()).content.decode()
    shown = {e.attrs["data-message-status"]: "data-final" in e.attrs
             for e in elements(html, "span") if "data-message-status" in e.attrs}
    assert shown == {**{str(m.pk): False for m in waiting}, **{str(m.pk): True for m in final}}


def test_the_status_page_answers_for_the_emails_of_an_interview(
    recruiter_client, interview, make_interview, registration
):
    mine = [message(interview, "queued"), message(interview, "sent")]
    other = make_interview(registration=registration)
    message(other, "failed")
    said = statuses(recruiter_client, interview=interview.pk)
    assert set(said) == {str(m.pk) for m in mine}


def test_the_status_page_ignores_what_is_no_message_id(recruiter_client, interview):
    queued = message(interview, "queued")
    said = statuses(recruiter_client, ids=f"x,,-3,{queued.pk},99999999999999999999")
    assert said == {str(queued.pk): "Queued"}


def test_a_recipient_name_is_text_in_the_status(recruiter_client, interview):
    hostile = message(interview, "queued", recipient_name="<img src=x onerror=alert(1)>")
    html = recruiter_client.get("/messages/status/", {"ids": hostile.pk}).content.decode()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_outsiders_and_hiring_managers_get_no_status(client, outsider, hiring_manager,
                                                     interview):
    queued = message(interview, "queued")
    for person in (outsider, hiring_manager):
        client.force_login(person)
        assert client.get("/messages/status/", {"ids": queued.pk}).status_code == 403
