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

from ats.dates import format_date, format_datetime
from ats.navigation import back_url, with_back
from ats.params import whole_number
from candidates.models import Registration
from interviews.availability.busy import Attendees
from interviews.availability.finding import series_starts
from interviews.availability.writeback import follow_interview
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
    free_time = forms.BooleanField(
        label=gettext_lazy("Place the interviews at free times"), required=False,
        help_text=gettext_lazy(
            "From the first start on, each interview goes to the next time when the contact "
            "person, the committee, the room and you are free in your calendars, within working "
            "hours (up to 14 days ahead)."))
    layout = (
        Row(Column(start_with_picker(), css_class="col-md-7"),
            Column(AppendedText("duration", gettext_lazy("min")), css_class="col-md-5")),
        Row(Column("count"), Column("gap")),
        "free_time",
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

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("free_time") and not self.errors:
            cleaned["starts"] = self._free_starts(cleaned)
        return cleaned

    def _free_starts(self, cleaned: dict) -> list:
        """The series' starts at free times; refused when the 14 days do not hold them all."""
        committee = cleaned.get("committee_members", ())
        people = Interview(owner_id=self.instance.owner_id, location=cleaned.get("location"),
                           contact_person=cleaned.get("contact_person"))
        starts = series_starts(Attendees.of(people, committee), cleaned["duration"],
                               first=cleaned["start"], count=cleaned["count"],
                               gap=timedelta(minutes=cleaned["gap"]))
        if len(starts) < cleaned["count"]:
            self.add_error("free_time", _(
                "Only %(found)d of the %(count)d interviews fit at free times in the 14 days "
                "from %(date)s. Plan fewer, or choose another first start.") % {
                "found": len(starts), "count": cleaned["count"],
                "date": format_date(cleaned["start"])})
        return starts

    @transaction.atomic
    def save_series(self) -> list[Interview]:
        first = self.save(commit=False)
        step = first.duration + timedelta(minutes=self.cleaned_data["gap"])
        starts = self.cleaned_data.get("starts") or [
            first.start + number * step for number in range(self.cleaned_data["count"])]
        interviews = []
        for start in starts:
            interview = Interview(**{f.attname: getattr(first, f.attname)
                                     for f in Interview._meta.concrete_fields
                                     if f.name not in Interview.OWN_FIELDS})
            interview.start = start
            interview.save()
            interview.guidelines.set(self.cleaned_data["guidelines"])
            interview.committee_members.set(self.cleaned_data.get("committee_members", []))
            follow_interview(interview)
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
    if freed := interview.reoffer():
        follow_interview(freed)
        messages.success(request, _("The time of %(date)s is open again.") % {
            "date": format_datetime(interview.start)})
    else:
        messages.error(request, _("This time cannot be freed: it is not a cancelled selection "
                                  "interview to come, or it is open again already."))
    return redirect(interview.vacancy or interview)
