"""Delivery status from the provider's tracking webhook (django-anymail)."""

import base64
import json

import pytest

from interviews.models import DeliveryEvent, Message

pytestmark = pytest.mark.django_db

AUTH = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(
    b"tracker:webhook-secret-for-tests").decode()}


@pytest.fixture
def message(registration, make_interview):
    interview = make_interview(registration=registration)
    return Message.objects.create(
        interview=interview, audience="candidate", purpose="invitation",
        recipient_name="Jeroen van Dijk", recipient_email="jeroen@example.org",
        document_name="Uitnodiging gesprek", subject="S", text="T", html="<p>T</p>",
        send_token="t1", status=Message.Status.SENT, provider_message_id="pm-123")


def postmark_delivery(client, **auth):
    return client.post("/anymail/postmark/tracking/", json.dumps({
        "RecordType": "Delivery", "MessageID": "pm-123", "Recipient": "jeroen@example.org",
        "DeliveredAt": "2026-11-28T14:00:00Z", "Details": "250 OK", "ServerID": 1,
        "Metadata": {}, "Tag": ""}), content_type="application/json", **auth)


def test_the_webhook_marks_the_message_delivered_and_a_repeat_changes_nothing(client, message):
    assert postmark_delivery(client, **AUTH).status_code == 200
    message.refresh_from_db()
    assert message.status == Message.Status.DELIVERED
    assert postmark_delivery(client, **AUTH).status_code == 200
    assert DeliveryEvent.objects.filter(message=message).count() == 1


def test_a_bounce_is_recorded_once(client, message):
    event = {"event": "hard_bounce", "message-id": "pm-123", "email": "jeroen@example.org",
             "ts_epoch": 1795874400000, "reason": "550 mailbox unavailable"}
    for _ in range(2):
        response = client.post("/anymail/brevo/tracking/", json.dumps(event),
                               content_type="application/json", **AUTH)
        assert response.status_code == 200
    message.refresh_from_db()
    assert message.status == Message.Status.BOUNCED
    assert DeliveryEvent.objects.get(message=message).event_type == "bounced"


def test_the_webhook_refuses_callers_without_the_secret(client, message):
    assert postmark_delivery(client).status_code == 400
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
