"""The signed links in emails: manager portal, candidate replies, self-scheduling."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ats.signing import BadLink, absolute_url, make_token, read_token
from interviews.planning.models import Interview
from interviews.portal.models import SchedulingInvitation


def portal_link(interview: Interview, contact_id: int) -> str:
    """A hiring manager's or committee member's link to this one interview."""
    token = make_token("portal", {"i": interview.pk, "c": contact_id, "v": interview.link_version},
                       expires=interview.end + timedelta(days=settings.PORTAL_LINK_DAYS_AFTER))
    return absolute_url(reverse("portal_interview", args=[interview.pk, token]))


def read_portal_link(pk: int, token: str) -> tuple[Interview, int]:
    data = read_token("portal", token)
    if data.get("i") != pk:
        raise BadLink("invalid")  # a link is for one interview only
    interview = Interview.objects.with_dossier_relations().filter(pk=pk).first()
    if interview is None:
        raise BadLink("invalid")
    if data.get("v") != interview.link_version:
        raise BadLink("revoked")
    contact_id = data["c"]
    invited = interview.contact_person_id == contact_id or interview.committee_members.filter(
        pk=contact_id).exists()
    if not invited:
        raise BadLink("revoked")
    return interview, contact_id


def reply_link(interview: Interview, answer: str) -> str:
    token = make_token("reply", {"i": interview.pk, "s": interview.sequence},
                       expires=interview.end)
    return absolute_url(reverse("interview_reply", args=[token, answer]))


def read_reply_link(token: str) -> Interview:
    data = read_token("reply", token)
    interview = Interview.objects.select_related("candidate", "vacancy", "owner").filter(
        pk=data.get("i")).first()
    if interview is None or interview.candidate_id is None:
        raise BadLink("invalid")
    if data.get("s") != interview.sequence or interview.status != Interview.Status.PLANNED:
        raise BadLink("changed")
    return interview


def scheduling_link(invitation: SchedulingInvitation) -> str:
    token = make_token("schedule", {"s": invitation.pk}, expires=invitation.expires_at)
    return absolute_url(reverse("self_schedule", args=[token]))


def read_scheduling_link(token: str) -> SchedulingInvitation:
    """The invitation of a link that has not expired; used or not (the page says which time
    it booked)."""
    data = read_token("schedule", token)
    invitation = (SchedulingInvitation.objects
                  .select_related("registration__candidate", "registration__vacancy")
                  .filter(pk=data.get("s")).first())
    if invitation is None:
        raise BadLink("invalid")
    if invitation.expires_at <= timezone.now():
        raise BadLink("expired")  # the invitation may have been shortened since the email
    return invitation
