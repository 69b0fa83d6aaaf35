from crispy_forms.layout import Column, Row
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import pgettext_lazy

from ats.access import RECRUITERS_GROUP
from ats.forms import CrispyMixin, QuickSelect
from ats.users import display_name
from ats.versioning import VersionedModelForm

from .models import ContactPerson, Vacancy


def recruiter_users():
    return (
        get_user_model()
        .objects.filter(Q(groups__name=RECRUITERS_GROUP) | Q(is_staff=True), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class RecruiterChoiceField(forms.ModelChoiceField):
    widget = QuickSelect

    def label_from_instance(self, obj) -> str:
        return display_name(obj)


class VacancyForm(CrispyMixin, VersionedModelForm):
    layout = (
        Row(Column("title", css_class="col-md-8"), Column("reference", css_class="col-md-4")),
        Row(Column("department"), Column("city"), Column("hours_per_week")),
        Row(Column("status"), Column("hiring_manager"), Column("recruiter")),
        "description",
        "version",
    )

    class Meta:
        model = Vacancy
        fields = ["title", "reference", "department", "city", "hours_per_week", "status",
                  "hiring_manager", "recruiter", "description"]
        field_classes = {"recruiter": RecruiterChoiceField}
        labels = {"city": pgettext_lazy("vacancy", "City")}  # Dutch: Standplaats
        widgets = {"description": forms.Textarea(attrs={"rows": 5}),
                   "hiring_manager": QuickSelect}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recruiter"].queryset = recruiter_users()


class ContactPersonForm(CrispyMixin, VersionedModelForm):
    layout = (
        Row(Column("name"), Column("job_title")),
        Row(Column("email"), Column("phone")),
        Row(Column("department"), Column("language"), Column("time_zone")),
        "wants_vcalendar",
        "version",
    )

    class Meta:
        model = ContactPerson
        fields = ["name", "job_title", "email", "phone", "department", "language", "time_zone",
                  "wants_vcalendar"]
        widgets = {"time_zone": QuickSelect}
