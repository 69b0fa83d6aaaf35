"""The candidate's side of the loop: a time booked through a link (once), a slot taken, the
"choose a time" invitation, and answers with the owner's notice of each change."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from ats.signing import absolute_url
from candidates.models import Registration
from interviews.availability.finding import still_free
from interviews.availability.writeback import follow_interview
from interviews.communication.communicate import communicate_defaults
from interviews.communication.merge import merge_context, merge_values_for_registration
from interviews.communication.models import HtmlProfile, StandardDocument, default_profile
from interviews.communication.recipients import owner_recipient
from interviews.communication.reminders import schedule_reminders
from interviews.communication.render import render_email
from interviews.outbox.delivery import enqueue_delivery
from interviews.outbox.models import Audience, Message, Purpose
from interviews.planning.models import Interview, InterviewChange
from interviews.portal.links import scheduling_link
from interviews.portal.models import SchedulingInvitation
from vacancies.models import Vacancy


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
        follow_interview(interview)  # the manager's entry now names the candidate
        return interview


def bookable_slots(vacancy: Vacancy) -> list[Interview]:
    """The vacancy's open selection interviews that a candidate may pick: those whose manager,
    committee and room are still free in their calendars (four queries)."""
    return still_free(Interview.objects.open_slots().filter(vacancy=vacancy)
                      .select_related("location").prefetch_related("committee_members"))


class TimeNoLongerFree(Exception):
    """The interviewers of the picked time became busy in their calendars after the page with
    the times was shown."""


class LinkUsed(Exception):
    """The "choose a time" link has booked its one interview already (perhaps a moment ago,
    from another tab)."""


def book_by_link(*, invitation: SchedulingInvitation, slot_id: int) -> Interview | None:
    """Book the interview a candidate picked through their link, and send the confirmations:
    one link books one time. None when someone else took that time just before."""
    with transaction.atomic():
        # Tabs of one link wait here for each other; the first one to book uses the link up.
        locked = SchedulingInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.used_at:
            raise LinkUsed
        registration = invitation.registration
        if not _still_bookable(slot_id, registration.vacancy):
            raise TimeNoLongerFree
        by = invitation.created_by or registration.vacancy.recruiter
        taken = slot_take(slot_id=slot_id, registration=registration, by=by)
        if taken is None:
            return None
        locked.used_at, locked.interview = timezone.now(), taken
        locked.save(update_fields=["used_at", "interview"])
        for audience in taken.audiences:
            communicate_defaults(interview=taken, audience=audience, purpose=Purpose.INVITATION,
                                 by=by)
    return taken


def _still_bookable(slot_id: int, vacancy: Vacancy) -> bool:
    """Read again at the moment of the pick: the calendars may have changed since the page.
    A time that is no open slot any more is slot_take's to refuse (someone was faster)."""
    offered = Interview.objects.open_slots().filter(vacancy=vacancy).values_list("pk", flat=True)
    return slot_id not in offered or slot_id in {slot.pk for slot in bookable_slots(vacancy)}


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
    """Record the candidate's answer, the last one counting; the owner hears of a decline and
    of every change of mind. True when the answer changed."""
    with transaction.atomic():
        change = interview.set_reply(answer)
        if change and (change.old_value or answer == Interview.Reply.DECLINED):
            _notify_owner(interview, change)
    return change is not None


# A notice to the owner goes out even when an admin removed every HTML profile.
BARE_PROFILE = HtmlProfile(layout="<html><head></head><body>{{ content }}</body></html>")


# What the owner reads about an answer: merge-field texts, rendered by the one email builder.
OWNER_NOTICES = {
    Interview.Reply.DECLINED: (
        gettext_lazy("Decline notice"),
        gettext_lazy("{{ candidate_name }} cannot make the interview of {{ date }} "
                     "{{ start_time }}"),
        gettext_lazy("<p>{{ candidate_name }} answered “I can't make it” for the interview of "
                     "{{ weekday }} {{ date }} {{ start_time }} ({{ vacancy }}).</p>"
                     "<p>Plan a new time: <a href=\"{{ interview_url }}\">open the interview</a>"
                     "</p>")),
    Interview.Reply.ACCEPTED: (
        gettext_lazy("Acceptance notice"),
        gettext_lazy("{{ candidate_name }} will be there after all: the interview of "
                     "{{ date }} {{ start_time }}"),
        gettext_lazy("<p>{{ candidate_name }} changed their answer to “I'll be there” for the "
                     "interview of {{ weekday }} {{ date }} {{ start_time }} ({{ vacancy }}).</p>"
                     "<p><a href=\"{{ interview_url }}\">Open the interview</a></p>")),
}


def _notify_owner(interview: Interview, change: InterviewChange) -> None:
    recipient = owner_recipient(interview)
    values = {**merge_context(interview, recipient),
              "interview_url": absolute_url(interview.get_absolute_url())}
    with translation.override(recipient.language):
        name, subject, body = (str(text) for text in OWNER_NOTICES[change.new_value])
        mail = render_email(subject=subject, body=body, profile=default_profile() or BARE_PROFILE,
                            values=values)
    message = Message.objects.create(
        interview=interview, audience=Audience.RECRUITER, purpose=Purpose.REPLY,
        recipient_name=recipient.name, recipient_email=recipient.email, document_name=name,
        subject=mail.subject, text=mail.text, html=mail.html,
        send_token=f"reply-{change.pk}", sent_by=None)  # one notice per change of answer
    enqueue_delivery(message)
