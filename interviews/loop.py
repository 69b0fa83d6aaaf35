"""The loop back from people: selection interviews taken, answers, reminders (issue 5)."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from candidates.models import Registration

from .communication import best_document, communicate, recipient_groups
from .emails import merge_values_for_registration, render_email
from .links import scheduling_link
from .models import (
    Audience,
    HtmlProfile,
    Interview,
    Message,
    Purpose,
    SchedulingInvitation,
    StandardDocument,
)
from .tasks import enqueue_delivery, schedule_reminders


def slot_take(*, slot_id: int, registration: Registration, by) -> Interview | None:
    """Give an open selection interview to a registration; None when someone was faster."""
    with transaction.atomic():
        # One conditional UPDATE: of two requests at the same moment exactly one matches.
        taken = Interview.objects.filter(
            pk=slot_id, vacancy_id=registration.vacancy_id, candidate__isnull=True,
            status=Interview.Status.PLANNED,
        ).update(candidate_id=registration.candidate_id, registration=registration,
                 version=F("version") + 1)
        if not taken:
            return None
        registration.advance_after_planning(by=by)
        interview = Interview.objects.get(pk=slot_id)
        schedule_reminders(interview)
        return interview


def communicate_defaults(*, interview: Interview, audience: str, purpose: str, by,
                         send_token: str | None = None) -> list[Message]:
    """Send the proposed documents in the default profile, as the screen would by default."""
    groups = recipient_groups(interview, audience)
    profile = HtmlProfile.objects.order_by("-is_default", "pk").first()
    choices = []
    for group in groups:
        document = best_document(group, purpose)
        if document:
            choices.append((group, document, document.subject, document.body))
    if not choices or profile is None:
        return []
    return communicate(interview=interview, purpose=purpose, profile=profile, choices=choices,
                       by=by, send_token=send_token or uuid.uuid4().hex)


def invite_to_choose(*, registration: Registration, document: StandardDocument,
                     profile: HtmlProfile, subject: str, body: str, by) -> Message:
    """Email the candidate a signed link to pick one of the vacancy's selection interviews."""
    candidate = registration.candidate
    with transaction.atomic():
        invitation = SchedulingInvitation.objects.create(
            registration=registration, created_by=by,
            expires_at=timezone.now() + timedelta(days=settings.SCHEDULING_LINK_DAYS))
        with translation.override(candidate.language):
            values = merge_values_for_registration(registration, by=by,
                                                   link=scheduling_link(invitation))
            mail = render_email(subject=subject, body=body, profile=profile, values=values)
        message = Message.objects.create(
            registration=registration, audience=Audience.CANDIDATE, purpose=Purpose.CHOOSE_TIME,
            recipient_name=candidate.full_name, recipient_email=candidate.email,
            document=document, document_name=document.name, subject=mail.subject,
            text=mail.text, html=mail.html, send_token=f"choose-{invitation.pk}", sent_by=by)
        enqueue_delivery(message)
    return message


def record_reply(interview: Interview, answer: str) -> bool:
    """Record the candidate's answer once; a decline tells the owner. True when it changed."""
    with transaction.atomic():
        changed = Interview.objects.filter(pk=interview.pk).exclude(
            candidate_reply=answer).update(candidate_reply=answer, replied_at=timezone.now())
        if changed and answer == Interview.Reply.DECLINED:
            _notify_owner_of_decline(interview)
    return bool(changed)


def _notify_owner_of_decline(interview: Interview) -> None:
    owner = interview.owner
    when = timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M")
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(candidate)s cannot make the interview of %(when)s") % {
            "candidate": interview.candidate.full_name, "when": when}
        text = _("%(candidate)s answered “I can't make it” for the interview of %(when)s "
                 "(%(vacancy)s). Plan a new time: %(url)s") % {
            "candidate": interview.candidate.full_name, "when": when,
            "vacancy": interview.vacancy.title if interview.vacancy else "-",
            "url": settings.SITE_URL.rstrip("/") + interview.get_absolute_url()}
    message = Message.objects.create(
        interview=interview, audience=Audience.RECRUITER, purpose=Purpose.REPLY,
        recipient_name=owner.get_full_name() or owner.get_username(),
        recipient_email=owner.email, document_name=_("Decline notice"), subject=subject,
        text=text + "\n", html=f"<p>{text}</p>", send_token=f"decline-{interview.pk}-"
        f"{interview.sequence}", sent_by=None)
    enqueue_delivery(message)
