"""The Workflow tab: registrations by stage, filtered and sorted by their next interview.

It lives with planning rather than in candidates because its filters and its "next interview"
column are about interviews: the candidates app knows nothing of them.
"""

from datetime import timedelta

from django import forms
from django.db.models import F, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ats.dates import local_midnight
from ats.forms import EuropeanDateField, QuickSelect
from ats.navigation import back_param
from ats.pagination import paginate
from candidates.models import Registration, WorkflowStage
from interviews.planning.configuration import InterviewReason
from interviews.planning.models import Interview
from vacancies.forms import RecruiterChoiceField, recruiter_users
from vacancies.models import Vacancy


def with_next_interview(registrations, *, reason: bool = False):
    """Annotate the start (and, to filter on it, the reason) of each registration's next
    planned interview. For showing the reason of a page of rows, see attach_next_interviews()."""
    upcoming = Interview.objects.upcoming().filter(registration=OuterRef("pk"))
    if "next_interview_start" not in registrations.query.annotations:
        registrations = registrations.annotate(
            next_interview_start=Subquery(upcoming.values("start")[:1]))
    if reason and "next_interview_reason_id" not in registrations.query.annotations:
        registrations = registrations.annotate(
            next_interview_reason_id=Subquery(upcoming.values("reason_id")[:1]))
    return registrations


def attach_next_interviews(registrations) -> None:
    """Give each registration of a page its next interview (`next_interview`), in one query."""
    rows = list(registrations)
    if not rows:
        return
    upcoming = (Interview.objects.upcoming().filter(registration__in=rows)
                .select_related("reason").order_by("-start", "-pk"))
    first = {interview.registration_id: interview for interview in upcoming}
    for registration in rows:
        registration.next_interview = first.get(registration.pk)


class WorkflowFilterForm(forms.Form):
    vacancy = forms.TypedChoiceField(
        label=_("Vacancy"), coerce=int, empty_value=None, required=False, widget=QuickSelect,
    )
    recruiter = RecruiterChoiceField(
        label=_("Recruiter"), queryset=recruiter_users(), required=False,
        empty_label=_("All recruiters"),
    )
    stage = forms.ModelChoiceField(
        label=_("Stage"), queryset=WorkflowStage.objects.all(), required=False,
        empty_label=_("All stages"),
    )
    reason = forms.ModelChoiceField(
        label=_("Next interview's reason"), queryset=None, required=False,
        empty_label=_("Any reason"),
    )
    until = EuropeanDateField(label=_("Next interview until"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort within a stage"), required=False,
        choices=[("", _("Newest registration first")), ("next", _("Next interview first"))],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].queryset = InterviewReason.objects.all()
        self.fields["vacancy"].choices = [("", _("All vacancies")),
                                          *Vacancy.objects.open().labelled()]

    def filter(self, registrations, *, by_stage: bool = True):
        """The registrations these filters let through (in any stage, for the stage counts,
        with by_stage=False)."""
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["reason"] or data["until"] or data["sort"]:
            registrations = with_next_interview(registrations, reason=bool(data["reason"]))
        if data["reason"]:
            registrations = registrations.filter(next_interview_reason_id=data["reason"].pk)
        if data["until"]:
            end = local_midnight(data["until"] + timedelta(days=1))
            registrations = registrations.filter(next_interview_start__lt=end)
        if data["sort"] == "next":
            registrations = registrations.order_by(
                "stage__position", "stage_id", F("next_interview_start").asc(nulls_last=True), "pk"
            )
        if data["vacancy"]:
            registrations = registrations.filter(vacancy_id=data["vacancy"])
        if data["recruiter"]:
            registrations = registrations.filter(vacancy__recruiter=data["recruiter"])
        if by_stage and data["stage"]:
            registrations = registrations.filter(stage=data["stage"])
        return registrations


def workflow(request: HttpRequest) -> HttpResponse:
    """The Workflow tab: registrations grouped by stage, with filters and a move-on action."""
    filters = WorkflowFilterForm(request.GET or None)
    registrations = filters.filter(Registration.objects.for_workflow())
    stages = filters.filter(Registration.objects.all(), by_stage=False).per_stage()
    next_stage = {stage.pk: after for stage, after in zip(stages, stages[1:], strict=False)}
    total = sum(stage.count for stage in stages)
    chosen = filters.cleaned_data["stage"] if filters.is_valid() else None
    # Sort and count only the ids, then load the page's 25 rows with their relations: the
    # database never carries the joined columns of all registrations through the sort.
    page = paginate(request, registrations.values_list("pk", flat=True),
                    count=next(s.count for s in stages if s == chosen) if chosen else total)
    loaded = Registration.objects.for_workflow().in_bulk(page.object_list)
    page.object_list = [loaded[pk] for pk in page.object_list]
    attach_next_interviews(page)
    for registration in page:
        registration.next_stage = next_stage.get(registration.stage_id)
    return render(request, "interviews/workflow.html", {
        "filters": filters,
        "stages": stages,
        "page": page,
        "total": total,
        "back": back_param("workflow", query=request.GET.urlencode()),
    })

