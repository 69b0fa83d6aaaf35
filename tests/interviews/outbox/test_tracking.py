"""Delivery status from the provider's tracking webhook (django-anymail)."""

import base64
import hashlib
import hmac
import json

import pytest
from django.core.checks import run_checks

from interviews.outbox.models import DeliveryEvent, Message

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

MAILGUN_KEY = "mailgun-signing-key-for-tests"


@pytest.fixture
def no_webhook_secret(settings):
    settings.ANYMAIL = {key: value for key, value in settings.ANYMAIL.items()
                        if key != "WEBHOOK_SECRET"}


def brevo_bounce(client, **auth):
    event = {"event": "hard_bounce", "message-id": "pm-123", "email": "jeroen@example.org",
             "ts_epoch": 1795874400000, "reason": "550 mailbox unavailable"}
    return client.post("/anymail/brevo/tracking/", json.dumps(event),
                       content_type="application/json", **auth)


def mailgun_delivery(client, *, key: str):
    timestamp, token = "1795874400", "a" * 50
    signature = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    payload = {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {"event": "delivered", "timestamp": 1795874400.0, "id": "mg-event-1",
                       "recipient": "jeroen@example.org",
                       "message": {"headers": {"message-id": "pm-123"}}},
    }
    return client.post("/anymail/mailgun/tracking/", json.dumps(payload),
                       content_type="application/json", **AUTH)


def nothing_changed(message) -> bool:
    message.refresh_from_db()
    return message.status == Message.Status.SENT and not DeliveryEvent.objects.exists()


@pytest.mark.usefixtures("no_webhook_secret")
def test_without_a_secret_an_unauthenticated_bounce_is_refused_and_changes_nothing(
        client, message):
    assert brevo_bounce(client).status_code == 403
    assert postmark_delivery(client).status_code == 403
    assert nothing_changed(message)


@pytest.mark.usefixtures("no_webhook_secret")
def test_without_a_secret_even_the_old_credentials_are_refused(client, message):
    assert brevo_bounce(client, **AUTH).status_code == 403
    assert nothing_changed(message)


def test_a_provider_whose_webhook_is_not_configured_is_refused_without_a_server_error(
        client, message, settings):
    # Mailgun signs its webhooks; without MAILGUN_WEBHOOK_SIGNING_KEY anymail cannot check them.
    assert not any(key.startswith("MAILGUN") for key in settings.ANYMAIL)
    assert mailgun_delivery(client, key=MAILGUN_KEY).status_code == 403
    assert nothing_changed(message)


def test_with_the_secret_and_the_signing_key_a_signed_event_counts(
        client, message, settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "MAILGUN_WEBHOOK_SIGNING_KEY": MAILGUN_KEY}
    Message.objects.filter(pk=message.pk).update(provider_message_id="<pm-123>")  # Mailgun's
    assert mailgun_delivery(client, key=MAILGUN_KEY).status_code == 200
    message.refresh_from_db()
    assert message.status == Message.Status.DELIVERED
    assert mailgun_delivery(client, key="a-forged-key").status_code == 400


def deploy_warnings() -> set[str]:
    return {warning.id for warning in run_checks(include_deployment_checks=True)}


@pytest.fixture
def esp(settings):
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.postmark.EmailBackend"}}


@pytest.mark.usefixtures("esp", "no_webhook_secret")
def test_check_deploy_warns_about_an_esp_without_a_webhook_secret():
    assert "ats.W001" in deploy_warnings()


@pytest.mark.usefixtures("esp")
def test_check_deploy_is_content_with_an_esp_that_has_a_webhook_secret():
    assert "ats.W001" not in deploy_warnings()


@pytest.mark.usefixtures("no_webhook_secret")
def test_check_deploy_asks_no_secret_for_smtp(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend"}}
    assert "ats.W001" not in deploy_warnings()
