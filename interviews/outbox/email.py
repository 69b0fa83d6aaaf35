"""A stored Message as the email that leaves: addresses built safely, text, HTML, and the
calendar part (an alternative over SMTP, an attachment through an ESP's API)."""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from interviews.outbox.models import Message


class InterviewEmail(EmailMultiAlternatives):
    """Adds the iTIP method to the text/calendar part's Content-Type (Outlook looks for it)."""

    calendar_method: str | None = None

    def message(self, **kwargs):
        message = super().message(**kwargs)
        if self.calendar_method:
            for part in message.walk():
                if part.get_content_type() == "text/calendar":
                    part.set_param("method", self.calendar_method)
        return message


def _invitation_as_attachment() -> bool:
    # Several ESPs refuse a text/calendar alternative part; with them the invitation travels
    # as an attachment, which Gmail, Outlook and Apple Mail also offer to add to the calendar.
    backend = settings.MAILERS["default"].get("BACKEND", "")
    return backend.startswith("anymail.")


def email_address(name: str, email: str) -> str:
    """A header address for any display name: quoted (or encoded) as a period, comma, colon,
    quote, @ or a non-ASCII letter requires; the one place that writes a name with an address."""
    return str(Address(display_name=name, addr_spec=email))


def sender_address() -> str:
    """DEFAULT_FROM_EMAIL as an operator may write it (`Werving B.V. <werving@example.com>`)."""
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return email_address(name, email)


def build_email(message: Message) -> EmailMultiAlternatives:
    """The email for one stored Message: text, HTML, and the invitation when it has one."""
    email = InterviewEmail(
        subject=message.subject,
        body=message.text,
        from_email=sender_address(),
        to=[email_address(message.recipient_name, message.recipient_email)],
        headers={"Message-ID": message.message_id},  # the same on every attempt
    )
    email.attach_alternative(message.html, "text/html")
    if message.ics:
        if _invitation_as_attachment():
            email.attach("invitation.ics", message.ics, "text/calendar")
        else:
            email.calendar_method = message.calendar_method
            email.attach_alternative(message.ics, "text/calendar")
    return email
