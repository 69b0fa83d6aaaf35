"""The interview form and the doors that lead to it (SPEC R2–R4, R7)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ats.dates import format_datetime
from ats.navigation import back_param, back_url, with_back
from candidates.models import Candidate, Registration
from interviews.availability.overlap import busy_in_calendars
from interviews.availability.writeback import follow_interview
from interviews.communication.communicate import was_communicated
from interviews.communication.reminders import schedule_reminders
from interviews.planning.forms import CancellationForm, InterviewForm
from interviews.planning.models import Interview, StaleInterview
from vacancies.models import Vacancy


def interview_form(request: HttpRequest, interview: Interview, back: str) -> HttpResponse:
    """New and existing interviews, from every door; returns to the door after saving."""
    form = InterviewForm.for_settings()(request.POST or None, instance=interview)
    conflicts, busy, past = [], [], False
    if request.method == "POST" and form.is_valid():
        past = form.starts_in_the_past() and not request.POST.get("confirm_past")
        if not request.POST.get("confirm_overlap"):
            committee = form.cleaned_data.get("committee_members", ())
            conflicts = list(Interview.objects.conflicting_with(
                form.instance, committee).with_dossier_relations()[:5])
            busy = busy_in_calendars(form.instance, committee)
        if not conflicts and not busy and not past:
            try:
                moved = _save(request, form)
            except StaleInterview:
                form.add_error(None, _(
                    "Someone else changed this interview while you were editing it, so it was "
                    "not saved. Your input is still below: open the interview again in a new "
                    "tab to see their changes, then save yours there."))
            else:
                return redirect(_after_save(request, form.instance, back, moved=moved))
    return render(request, "interviews/interview_form.html", {
        "form": form,
        "interview": interview,
        "conflicts": conflicts,
        "busy": busy,
        "past": past,
        "back": back,
        "cancel_url": back_url(back, _default_back(interview)),
        "offer": request.GET.get("offer") if interview.pk else None,
        "log": interview.messages.select_related("document") if interview.pk else [],
        "changes": _changes(interview),
        "feedback": (interview.feedback.select_related("contact_person") if interview.pk
                     else []),
    })


def _changes(interview: Interview) -> list:
    if not interview.pk:
        return []
    changes = list(interview.changes.select_related("changed_by"))
    for change in changes:
        change.display_old = change.display(change.old_value)
        change.display_new = change.display(change.new_value)
    return changes


def _save(request: HttpRequest, form: InterviewForm) -> bool:
    """Save; True when the time or place of an existing interview changed."""
    interview = form.save(commit=False)
    is_new = interview.pk is None
    sequence = interview.sequence
    interview.save_edit(expected_version=form.cleaned_data.get("version"),
                        save_m2m=form.save_m2m, by=request.user)
    follow_interview(interview)
    if is_new and interview.registration:
        interview.registration.advance_after_planning(by=request.user)
    if is_new or interview.sequence > sequence:
        schedule_reminders(interview)
    messages.success(request, _("The interview of %(date)s has been saved.") % {
        "date": _local(interview)})
    return not is_new and interview.sequence > sequence


def _after_save(request: HttpRequest, interview: Interview, back: str, *, moved: bool) -> str:
    """Where "Save" leads: the communication screen, an offer to tell about a change, the door."""
    then = request.POST.get("then")
    if then in interview.audiences:
        return with_back(reverse("interview_communicate", args=[interview.pk, then]), back)
    if moved and was_communicated(interview):
        return with_back(f"{interview.get_absolute_url()}?offer=change", back)
    return back_url(back, _default_back(interview))


def _local(interview: Interview) -> str:
    return format_datetime(interview.start)


def _default_back(interview: Interview) -> str:
    if interview.is_open_slot:
        return Vacancy(pk=interview.vacancy_id).get_absolute_url()
    if interview.registration_id:
        return Registration(pk=interview.registration_id).get_absolute_url()
    if interview.candidate_id:
        return Candidate(pk=interview.candidate_id).get_absolute_url()
    return "/"


def _back(request: HttpRequest, name: str, pk: int) -> str:
    return request.POST.get("back") or request.GET.get("back") or back_param(name, pk)


# The doors: each builds or loads the interview and names where to return.

def interview_new_for_candidate(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    interview = Interview(candidate=candidate, owner=request.user)
    return interview_form(request, interview, _back(request, "candidate_detail", pk))


def interview_new_for_registration(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("vacancy"), pk=pk)
    interview = Interview(owner=request.user,
                          contact_person_id=registration.vacancy.hiring_manager_id)
    interview.attach(registration)
    return interview_form(request, interview, _back(request, "registration_detail", pk))


def interview_new_for_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    """A selection interview planned on the vacancy before anyone applied (R6)."""
    vacancy = get_object_or_404(Vacancy, pk=pk)
    interview = Interview(vacancy=vacancy, owner=request.user,
                          contact_person_id=vacancy.hiring_manager_id,
                          kind=Interview.Kind.BOTH if vacancy.hiring_manager_id else
                          Interview.Kind.RECRUITER)
    return interview_form(request, interview, _back(request, "vacancy_detail", pk))


def interview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_object_or_404(Interview.objects.with_dossier_relations(), pk=pk)
    return interview_form(request, interview,
                          _back(request, "candidate_detail", interview.candidate_id))


def interview_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask before cancelling, with room for a reason; the answer posts to the status."""
    interview = get_object_or_404(Interview.objects.with_dossier_relations(), pk=pk)
    return _cancel_page(request, interview, CancellationForm(), request.GET.get("back", ""))


def _cancel_page(request: HttpRequest, interview: Interview, form: CancellationForm,
                 back: str) -> HttpResponse:
    return render(request, "interviews/interview_cancel.html", {
        "interview": interview, "form": form, "back": back,
        "keep_url": with_back(interview.get_absolute_url(), back)})


@require_POST
def interview_set_status(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_object_or_404(Interview, pk=pk)
    status = request.POST.get("status")
    back = request.POST.get("back", "")
    form = CancellationForm(request.POST)
    cancel = status == Interview.Status.CANCELLED
    if cancel and not form.is_valid():
        return _cancel_page(request, interview, form, back)
    if status in Interview.Status.values:
        interview.set_status(status, by=request.user,
                             reason=form.cleaned_data["reason"] if cancel else "")
        follow_interview(interview)
        messages.success(request, _("The interview is now “%s”.") % interview.get_status_display())
        if status == Interview.Status.CANCELLED and was_communicated(interview):
            return redirect(with_back(f"{interview.get_absolute_url()}?offer=cancellation", back))
    return redirect(back_url(back, interview.get_absolute_url()))
