"""Pages behind signed links (candidates, hiring managers) and the logged-in manager portal."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from ats.access import recruiter_not_required
from ats.params import whole_number
from ats.signing import BadLink
from interviews.availability.views import calendars_page
from interviews.planning.models import Interview
from interviews.portal.booking import (
    LinkUsed,
    TimeNoLongerFree,
    book_by_link,
    bookable_slots,
    record_reply,
)
from interviews.portal.links import read_portal_link, read_reply_link, read_scheduling_link
from interviews.portal.models import InterviewFeedback, SchedulingInvitation
from vacancies.models import ContactPerson

ANSWERS = {"accept": Interview.Reply.ACCEPTED, "decline": Interview.Reply.DECLINED}


def bad_link(request: HttpRequest, reason: str, *,
             interview: Interview | None = None) -> HttpResponse:
    """A kind page for a link that no longer works, never an error trace; for a used link,
    the interview it booked."""
    return render(request, "public/bad_link.html", {"reason": reason, "interview": interview},
                  status=410 if reason in {"expired", "used", "revoked", "changed"} else 404)


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = InterviewFeedback
        fields = ["text"]
        labels = {"text": gettext_lazy("Your feedback")}
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}


def _portal_language(request: HttpRequest, contact: ContactPerson) -> str:
    """The manager's own language, unless they chose another with the language switcher."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else contact.language


def _portal_page(request: HttpRequest, interview: Interview, contact: ContactPerson,
                 *, public: bool) -> HttpResponse:
    with (translation.override(_portal_language(request, contact)),
          timezone.override(contact.time_zone)):
        return _portal_content(request, interview, contact, public=public)


def _portal_content(request: HttpRequest, interview: Interview, contact: ContactPerson,
                    *, public: bool) -> HttpResponse:
    feedback = InterviewFeedback.objects.filter(interview=interview, contact_person=contact).first()
    form = FeedbackForm(request.POST or None, instance=feedback)
    may_give_feedback = interview.start <= timezone.now()
    if request.method == "POST" and may_give_feedback and form.is_valid():
        form.instance.interview, form.instance.contact_person = interview, contact
        form.save()
        messages.success(request, _("Thank you, your feedback has been saved."))
        return redirect(request.path)
    return render(request, "public/portal_interview.html", {
        "interview": interview, "contact": contact, "form": form, "public": public,
        "guidelines": interview.guidelines.all(), "may_give_feedback": may_give_feedback,
        "is_committee": interview.contact_person_id != contact.pk,
    })


@login_not_required
@never_cache
def portal_interview(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    try:
        interview, contact_id = read_portal_link(pk, token)
    except BadLink as error:
        return bad_link(request, error.reason)
    return _portal_page(request, interview, ContactPerson.objects.get(pk=contact_id), public=True)


def _my_contact(request: HttpRequest) -> ContactPerson:
    contact = ContactPerson.objects.filter(user=request.user).first()
    if contact is None:
        raise PermissionDenied  # only hiring managers and committee members have a portal
    return contact


@recruiter_not_required
def portal_home(request: HttpRequest) -> HttpResponse:
    """A hiring manager with a login sees all their interviews."""
    contact = _my_contact(request)
    interviews = (Interview.objects.filter(Q(contact_person=contact)
                                           | Q(committee_members=contact))
                  .exclude(status=Interview.Status.CANCELLED).distinct()
                  .select_related("candidate", "vacancy", "location").order_by("-start"))
    with (translation.override(_portal_language(request, contact)),
          timezone.override(contact.time_zone)):
        return render(request, "public/portal_home.html", {"contact": contact,
                                                           "interviews": interviews})


@recruiter_not_required
def portal_calendars(request: HttpRequest) -> HttpResponse:
    """A hiring manager who logs in connects their own calendars and sets their hours."""
    contact = _my_contact(request)
    with (translation.override(_portal_language(request, contact)),
          timezone.override(contact.time_zone)):
        return calendars_page(request, contact, title=_("My calendars"))


@recruiter_not_required
def portal_interview_logged_in(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _my_contact(request)
    interview = get_object_or_404(
        Interview.objects.with_dossier_relations().filter(
            Q(contact_person=contact) | Q(committee_members=contact)).distinct(), pk=pk)
    return _portal_page(request, interview, contact, public=False)


@login_not_required
@never_cache
def interview_reply(request: HttpRequest, token: str, answer: str) -> HttpResponse:
    """The candidate's "I'll be there" / "I can't make it": confirmed with a button, because
    mail scanners open every link in an email."""
    if answer not in ANSWERS:
        return bad_link(request, "invalid")
    try:
        interview = read_reply_link(token)
    except BadLink as error:
        return bad_link(request, error.reason)
    recorded = False
    if request.method == "POST":
        record_reply(interview, ANSWERS[answer])
        recorded = True
    candidate = interview.candidate
    with translation.override(candidate.language), timezone.override(candidate.time_zone):
        return render(request, "public/reply.html", {
            "interview": interview, "answer": answer, "recorded": recorded})


@login_not_required
@never_cache
def self_schedule(request: HttpRequest, token: str) -> HttpResponse:
    """The candidate picks one of the vacancy's open selection interviews."""
    try:
        invitation = read_scheduling_link(token)
    except BadLink as error:
        return bad_link(request, error.reason)
    candidate = invitation.registration.candidate
    with translation.override(candidate.language), timezone.override(candidate.time_zone):
        try:
            return _self_schedule_page(request, invitation)
        except LinkUsed:
            invitation.refresh_from_db()
            return bad_link(request, "used", interview=invitation.interview)


def _self_schedule_page(request: HttpRequest, invitation: SchedulingInvitation) -> HttpResponse:
    if invitation.used_at:
        raise LinkUsed
    registration = invitation.registration
    taken, no_longer_free = None, False
    slot = whole_number(request.POST.get("interview")) if request.method == "POST" else None
    if slot:
        try:
            taken = book_by_link(invitation=invitation, slot_id=slot)
        except TimeNoLongerFree:
            no_longer_free = True
    return render(request, "public/self_schedule.html", {
        "candidate": registration.candidate, "vacancy": registration.vacancy,
        "slots": [] if taken else bookable_slots(registration.vacancy), "taken": taken,
        "no_longer_free": no_longer_free,
        "missed": request.method == "POST" and not taken and not no_longer_free,
    })
