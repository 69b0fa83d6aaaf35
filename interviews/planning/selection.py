"""Selection interviews (R6): a series planned in the vacancy dossier, a planned interview
linked to an applicant, and a cancelled one's time freed again."""

from datetime import timedelta

from crispy_forms.bootstrap import AppendedText
from crispy_forms.layout import Column, Row
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from ats.dates import format_datetime
from ats.navigation import back_url, with_back
from ats.params import whole_number
from candidates.models import Registration
from interviews.planning.forms import InterviewForm, start_with_picker
from interviews.planning.models import Interview
from interviews.portal.booking import slot_take
from vacancies.models import Vacancy


class SeriesForm(InterviewForm):
    """Several selection interviews at once: same place and people, one after the other."""

    count = forms.IntegerField(label=gettext_lazy("Number of interviews"), min_value=1,
                               max_value=20, initial=5)
    gap = forms.IntegerField(label=gettext_lazy("Minutes between interviews"), min_value=0,
                             max_value=240, initial=15)
    layout = (
        Row(Column(start_with_picker(), css_class="col-md-7"),
            Column(AppendedText("duration", gettext_lazy("min")), css_class="col-md-5")),
        Row(Column("count"), Column("gap")),
        Row(Column("location", css_class="col-md-5"),
            Column("location_text", css_class="col-md-7")),
        Row(Column("reason"), Column("kind")),
        Row(Column("contact_person"), Column("interviewer")),
        "guidelines",
        "committee_members",
        "version",
    )

    class Meta(InterviewForm.Meta):
        fields = [f for f in InterviewForm.Meta.fields if f not in {"memo", "report"}]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].label = _("First interview starts")

    @transaction.atomic
    def save_series(self) -> list[Interview]:
        first = self.save(commit=False)
        step = first.duration + timedelta(minutes=self.cleaned_data["gap"])
        interviews = []
        for number in range(self.cleaned_data["count"]):
            interview = Interview(**{f.attname: getattr(first, f.attname)
                                     for f in Interview._meta.concrete_fields
                                     if f.name not in Interview.OWN_FIELDS})
            interview.start = first.start + number * step
            interview.save()
            interview.guidelines.set(self.cleaned_data["guidelines"])
            interview.committee_members.set(self.cleaned_data.get("committee_members", []))
            interviews.append(interview)
        return interviews


def interview_series(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = get_object_or_404(Vacancy, pk=pk)
    interview = Interview(vacancy=vacancy, owner=request.user,
                          contact_person_id=vacancy.hiring_manager_id,
                          kind=Interview.Kind.BOTH if vacancy.hiring_manager_id else
                          Interview.Kind.RECRUITER)
    form = SeriesForm.for_settings()(request.POST or None, instance=interview)
    if request.method == "POST" and form.is_valid():
        planned = form.save_series()
        messages.success(request, ngettext("%(count)d selection interview planned.",
                                           "%(count)d selection interviews planned.",
                                           len(planned)) % {"count": len(planned)})
        return redirect(vacancy)
    return render(request, "interviews/series.html", {
        "form": form, "title": _("Plan a series of selection interviews for %s") % vacancy.title,
        "cancel_url": vacancy.get_absolute_url(), "submit_label": _("Plan the series"),
    })


def registration_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a registration to one of its vacancy's open selection interviews (R6)."""
    registration = get_object_or_404(
        Registration.objects.select_related("candidate", "vacancy"), pk=pk)
    back = request.POST.get("back") or request.GET.get("back", "")
    if request.method == "POST":
        slot = whole_number(request.POST.get("interview"))
        interview = slot_take(slot_id=slot, registration=registration,
                              by=request.user) if slot else None
        if interview:
            messages.success(request, _("%(candidate)s now has the interview of %(date)s.") % {
                "candidate": registration.candidate, "date": interview})
            url = reverse("interview_communicate", args=[interview.pk, "candidate"])
            return redirect(with_back(url, back))
        messages.error(request, _("That interview was just taken. Choose another one."))
    return render(request, "interviews/link_interview.html", {
        "registration": registration,
        "slots": Interview.objects.open_slots().filter(vacancy=registration.vacancy)
        .select_related("location", "contact_person"),
        "back": back,
        "cancel_url": back_url(back, registration.get_absolute_url()),
    })


@require_POST
def interview_reoffer(request: HttpRequest, pk: int) -> HttpResponse:
    """Free the time of a cancelled selection interview, for another candidate (R6)."""
    interview = get_object_or_404(Interview.objects.select_related("vacancy"), pk=pk)
    if interview.reoffer():
        messages.success(request, _("The time of %(date)s is open again.") % {
            "date": format_datetime(interview.start)})
    else:
        messages.error(request, _("This time cannot be freed: it is not a cancelled selection "
                                  "interview to come, or it is open again already."))
    return redirect(interview.vacancy or interview)
