from crispy_forms.layout import Column, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from ats.forms import CrispyMixin
from vacancies.forms import RecruiterChoiceField, recruiter_users
from vacancies.models import Vacancy

from .models import Candidate, Registration, WorkflowStage


class CandidateForm(CrispyMixin, forms.ModelForm):
    layout = (
        Row(Column("first_name"), Column("last_name")),
        Row(Column("email"), Column("phone")),
        Row(Column("city"), Column("language")),
        "wants_vcalendar",
    )

    class Meta:
        model = Candidate
        fields = ["first_name", "last_name", "email", "phone", "city", "language",
                  "wants_vcalendar"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class RegistrationForm(CrispyMixin, forms.ModelForm):
    """Register a (fixed) candidate on a vacancy, in a stage."""

    class Meta:
        model = Registration
        fields = ["candidate", "vacancy", "stage"]
        widgets = {"candidate": forms.HiddenInput}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = Vacancy.objects.open()
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
    vacancy = forms.ModelChoiceField(
        label=_("Vacancy"), queryset=Vacancy.objects.open(), required=False,
        empty_label=_("All vacancies"),
    )
    recruiter = RecruiterChoiceField(
        label=_("Recruiter"), queryset=recruiter_users(), required=False,
        empty_label=_("All recruiters"),
    )
    stage = forms.ModelChoiceField(
        label=_("Stage"), queryset=WorkflowStage.objects.all(), required=False,
        empty_label=_("All stages"),
    )

    def filter(self, registrations):
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["vacancy"]:
            registrations = registrations.filter(vacancy=data["vacancy"])
        if data["recruiter"]:
            registrations = registrations.filter(vacancy__recruiter=data["recruiter"])
        if data["stage"]:
            registrations = registrations.filter(stage=data["stage"])
        return registrations
