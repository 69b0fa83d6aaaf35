"""Communicate an interview: who gets what (recipient groups and their proposed documents), the
draft of each email, and Send, which posts one Message per recipient to the outbox."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from interviews.communication.ics import build_calendar_entry, build_invitation
from interviews.communication.merge import MergeContext, merge_context
from interviews.communication.models import (
    HtmlProfile,
    StandardDocument,
    default_profile,
    pick_document,
)
from interviews.communication.recipients import Recipient, recipients_for
from interviews.communication.render import render_email
from interviews.outbox.delivery import enqueue_delivery
from interviews.outbox.models import AlreadySent, Audience, CalendarMethod, Message, Purpose
from interviews.planning.attendance import roles_of
from interviews.planning.models import Interview


@dataclass
class Group:
    """Recipients who get the same document: one audience, one language."""

    audience: str
    language: str
    recipients: list[Recipient]

    @property
    def key(self) -> str:
        return f"{self.audience}-{self.language}"

    @property
    def names(self) -> str:
        return ", ".join(recipient.name for recipient in self.recipients)


def recipient_groups(interview: Interview, audience: str) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    for recipient in recipients_for(interview, audience):
        key = (recipient.audience, recipient.language)
        groups.setdefault(key, Group(recipient.audience, recipient.language, []))
        groups[key].recipients.append(recipient)
    return list(groups.values())


def default_purpose(interview: Interview, audience: str) -> str:
    """Cancellation for a cancelled interview; a change once an earlier version was sent."""
    if interview.status == Interview.Status.CANCELLED:
        return Purpose.CANCELLATION
    last = (interview.messages.communicated().filter(audience__in=roles_of(audience))
            .order_by("-created_at").first())
    if last and last.sequence < interview.sequence:
        return Purpose.CHANGE
    return Purpose.INVITATION


def was_communicated(interview: Interview) -> bool:
    return interview.messages.communicated().exists()


# The calendar part each purpose carries; purposes not named here carry none.
CALENDAR_METHODS = {
    Purpose.INVITATION: CalendarMethod.REQUEST,
    Purpose.CHANGE: CalendarMethod.REQUEST,
    Purpose.REMINDER: CalendarMethod.REQUEST,
    Purpose.CANCELLATION: CalendarMethod.CANCEL,
}


def calendar_method(purpose: str) -> str | None:
    """The iTIP method of the invitation that an email of this purpose carries, or None."""
    return CALENDAR_METHODS.get(purpose)


@dataclass(frozen=True)
class Draft:
    """What one recipient gets: the rendered email and, when they want one and the purpose
    has one, the calendar part."""

    recipient: Recipient
    subject: str
    text: str
    html: str
    ics: str
    calendar_method: str | None = None  # the METHOD of `ics`


def draft(interview: Interview, recipient: Recipient, *, subject: str, body: str,
          profile: HtmlProfile, purpose: str) -> Draft:
    context = merge_context(interview, recipient)  # once: the email and the .ics read it
    rendered = render_email(subject=subject, body=body, profile=profile, values=context)
    method = calendar_method(purpose) if recipient.wants_vcalendar else None
    ics = build_invitation(interview, recipient, context, cancel=method == CalendarMethod.CANCEL,
                           summary=calendar_summary(context, recipient)) if method else ""
    return Draft(recipient, rendered.subject, rendered.text, rendered.html, ics, method)


def calendar_entry(interview: Interview, recipient: Recipient) -> str:
    """The interview as it stands in the recipient's own calendar (write-back): the event
    their invitation carries, from the same merge fields."""
    context = merge_context(interview, recipient)
    return build_calendar_entry(interview, recipient, context,
                                summary=calendar_summary(context, recipient))


def calendar_summary(values: MergeContext, recipient: Recipient) -> str:
    """The title of the calendar entry, in the recipient's language."""
    with translation.override(recipient.language):
        if recipient.audience == Audience.CANDIDATE:
            return _("Interview %(vacancy)s") % values if values["vacancy"] else _("Interview")
        if not values["candidate_name"]:  # an open selection interview, in the manager's time
            return _("Selection interview, no candidate yet (%(vacancy)s)") % values
        return _("Interview with %(candidate_name)s (%(vacancy)s)") % values


def communicate(*, interview: Interview, purpose: str, profile: HtmlProfile,
                choices: list[tuple[Group, StandardDocument, str, str]], by,
                send_token: str) -> list[Message]:
    """Store one Message per recipient and queue their delivery, all or nothing."""
    try:
        with transaction.atomic():
            if Message.objects.filter(send_token=send_token).exists():
                raise AlreadySent
            messages = []
            for group, document, subject, body in choices:
                for recipient in group.recipients:
                    with translation.override(recipient.language):
                        mail = draft(interview, recipient, subject=subject, body=body,
                                     profile=profile, purpose=purpose)
                    message = Message.objects.create(
                        interview=interview, audience=recipient.audience, purpose=purpose,
                        recipient_name=recipient.name, recipient_email=recipient.email,
                        document=document, document_name=document.name, subject=mail.subject,
                        text=mail.text, html=mail.html, ics=mail.ics,
                        calendar_method=mail.calendar_method or "",
                        sequence=interview.sequence, send_token=send_token, sent_by=by,
                    )
                    enqueue_delivery(message)
                    messages.append(message)
            return messages
    except IntegrityError:
        raise AlreadySent from None  # the same Send, at the same moment, in another request


def best_document(group: Group, purpose: str, documents=None) -> StandardDocument | None:
    """The document to propose to a group, among `documents` if they were loaded already."""
    if documents is None:
        return StandardDocument.objects.best_for(audience=group.audience, purpose=purpose,
                                                 language=group.language)
    return pick_document(documents, audience=group.audience, purpose=purpose,
                         language=group.language)


def communicate_defaults(*, interview: Interview, audience: str, purpose: str, by,
                         send_token: str | None = None) -> list[Message]:
    """Send the proposed documents in the default profile, as the screen would by default."""
    groups = recipient_groups(interview, audience)
    profile = default_profile()
    choices = []
    for group in groups:
        document = best_document(group, purpose)
        if document:
            choices.append((group, document, document.subject, document.body))
    if not choices or profile is None:
        return []
    return communicate(interview=interview, purpose=purpose, profile=profile, choices=choices,
                       by=by, send_token=send_token or uuid.uuid4().hex)
