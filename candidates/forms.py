
from crispy_forms.layout import Column, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from ats.forms import CrispyMixin, QuickSelect
from ats.versioning import VersionedModelForm
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
        widgets = {"time_zone": QuickSelect}

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
