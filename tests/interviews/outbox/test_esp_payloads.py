"""The email builds for the django-anymail ESPs the README recommends (no network is used)."""

import pytest
from anymail.exceptions import AnymailUnsupportedFeature
from django.core.mail import EmailMultiAlternatives, mailers

from interviews.outbox.email import build_email
from interviews.outbox.models import Message

pytestmark = pytest.mark.django_db

RECOMMENDED = {
    "postmark": {"POSTMARK_SERVER_TOKEN": "test-token"},
    "mailgun": {"MAILGUN_API_KEY": "test-key", "MAILGUN_SENDER_DOMAIN": "mg.example.com"},
    "brevo": {"BREVO_API_KEY": "test-key"},
}
ICS = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"


def stored_message() -> Message:
    return Message(recipient_name="Jeroen van Dijk", recipient_email="jeroen@example.org",
                   subject="Uitnodiging", text="Beste Jeroen", html="<p>Beste Jeroen</p>",
                   ics=ICS, calendar_method="REQUEST", provider_message_id="<1@ats.invalid>")


@pytest.mark.parametrize("esp", RECOMMENDED)
def test_the_invitation_travels_as_an_attachment_the_esp_accepts(settings, esp):
    settings.MAILERS = {"default": {"BACKEND": f"anymail.backends.{esp}.EmailBackend"}}
    settings.ANYMAIL = RECOMMENDED[esp]
    email = build_email(stored_message())
    assert [m for _, m in email.alternatives] == ["text/html"]
    [attachment] = email.attachments
    assert attachment.filename == "invitation.ics" and attachment.mimetype == "text/calendar"
    backend = mailers.default
    payload = backend.build_message_payload(email, backend.send_defaults)
    assert payload.get_request_params(backend.api_url)


@pytest.mark.parametrize("esp", RECOMMENDED)
def test_these_esps_refuse_a_calendar_alternative_part(settings, esp):
    """Why the attachment: the SMTP way (an alternative part) is refused by their APIs."""
    settings.MAILERS = {"default": {"BACKEND": f"anymail.backends.{esp}.EmailBackend"}}
    settings.ANYMAIL = RECOMMENDED[esp]
    email = EmailMultiAlternatives("S", "T", to=["jeroen@example.org"])
    email.attach_alternative(ICS, "text/calendar")
    backend = mailers.default
    with pytest.raises(AnymailUnsupportedFeature):
        backend.build_message_payload(email, backend.send_defaults)


def test_over_smtp_the_invitation_is_an_alternative_with_its_method(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend"}}
    mime = build_email(stored_message()).message()
    part = next(p for p in mime.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    assert mime.get_content_type() == "multipart/alternative"
