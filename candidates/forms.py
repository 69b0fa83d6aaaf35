from datetime import timedelta

from crispy_forms.layout import Column, Row
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ats.dates import local_midnight
from ats.forms import CrispyMixin, EuropeanDateField, QuickSelect
from ats.versioning import VersionedModelForm
from vacancies.forms import RecruiterChoiceField, recruiter_users
from vacancies.models import Vacancy

from .models import Candidate, Registration, WorkflowStage


class CandidateForm(CrispyMixin, VersionedModelForm):
    layout = (
        Row(Column("first_name"), Column("last_name")),
        Row(Column("email"), Column("phone")),
        Row(Column("city"), Column("language"), Column("time_zone")),
        "wants_vcalendar",
        "version",
    )

    class Meta:
        model = Candidate
        fields = ["first_name", "last_name", "email", "phone", "city", "language", "time_zone",
                  "wants_vcalendar"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class RegistrationForm(CrispyMixin, forms.ModelForm):
    """Register a (fixed) candidate on a vacancy, in a stage."""

    class Meta:
        model = Registration
        fields = ["candidate", "vacancy", "stage"]
        widgets = {"candidate": forms.HiddenInput, "vacancy": QuickSelect}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = Vacancy.objects.choices()
        self.fields["stage"].initial = WorkflowStage.objects.order_by("position", "pk").first()

    def clean(self) -> dict:
        cleaned = super().clean()
        candidate, vacancy = cleaned.get("candidate"), cleaned.get("vacancy")
        if candidate and vacancy and candidate.registrations.filter(vacancy=vacancy).exists():
            self.add_error(
                "vacancy", _("%(candidate)s is already registered on this vacancy.")
                % {"candidate": candidate},
            )
        return cleaned


class MoveForm(forms.Form):
    stage = forms.ModelChoiceField(
        label=_("Move to stage"), queryset=WorkflowStage.objects.all(), empty_label=None
    )


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
        interview_model = Registration._meta.get_field("interviews").related_model
        reason_model = interview_model._meta.get_field("reason").related_model
        self.fields["reason"].queryset = reason_model.objects.all()
        self.fields["vacancy"].choices = [("", _("All vacancies")),
                                          *Vacancy.objects.open().labelled()]

    def filter(self, registrations, *, by_stage: bool = True):
        """The registrations these filters let through (in any stage, for the stage counts,
        with by_stage=False)."""
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["reason"] or data["until"] or data["sort"]:
            registrations = registrations.with_next_interview(reason=bool(data["reason"]))
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
