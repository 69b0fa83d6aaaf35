from datetime import datetime, timedelta
from functools import cache

from crispy_forms.bootstrap import AppendedText, FieldWithButtons, StrictButton
from crispy_forms.layout import HTML, Column, Div, Field, Layout, Row
from django import forms
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ats.dates import (
    DATETIME_FORMAT,
    validate_existing_date,
    validate_local_time,
    validate_sane_date,
)
from ats.forms import (
    CrispyMixin,
    LoadedModelChoiceField,
    QuickSelect,
    QuickSelectMultiple,
    loaded_choices,
)
from candidates.models import Registration
from interviews.planning.configuration import (
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
)
from interviews.planning.models import Interview
from vacancies.models import ContactPerson

DATETIME_HINT = _("Write the date as dd-mm-yyyy HH:MM, for example 28-11-2026 14:30.")


class EuropeanDateTimeField(forms.DateTimeField):
    """dd-mm-yyyy HH:MM for every user; anything else is refused with the expected notation."""

    widget = forms.DateTimeInput(
        format=DATETIME_FORMAT,
        attrs={"placeholder": _("dd-mm-yyyy HH:MM"), "autocomplete": "off", "data-datepicker": "",
               "inputmode": "numeric",
               # The page's script says so when the typed or picked date is in a weekend.
               "data-saturday": _("%(date)s is a Saturday."),
               "data-sunday": _("%(date)s is a Sunday.")},
    )
    default_error_messages = {"invalid": DATETIME_HINT}

    def to_python(self, value):
        # Only the one notation: Django's field would also take ISO 8601 (2026-11-28 10:00).
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return from_current_timezone(value)
        try:
            parsed = datetime.strptime(str(value).strip(), DATETIME_FORMAT)
        except ValueError:
            validate_existing_date(str(value))
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        # Checked here, before the time zone is applied: year 1 or 9999 would overflow there.
        validate_sane_date(parsed)
        validate_local_time(parsed, timezone.get_current_timezone())
        return from_current_timezone(parsed)


class MinutesField(forms.IntegerField):
    """A duration typed in minutes, from 5 minutes up to 12 hours."""

    shortest, longest = 5, 720

    def prepare_value(self, value):
        return int(value.total_seconds() // 60) if isinstance(value, timedelta) else value

    def to_python(self, value):
        # The range is checked on the number: a timedelta of 10^14 minutes overflows.
        minutes = super().to_python(value)
        if minutes is None:
            return None
        if not self.shortest <= minutes <= self.longest:
            raise forms.ValidationError(
                _("Choose a duration between %(shortest)d and %(longest)d minutes.")
                % {"shortest": self.shortest, "longest": self.longest}, code="out_of_range")
        return timedelta(minutes=minutes)


class DataSelect(QuickSelect):
    """A select whose options carry one attribute of their object, for the page's script:
    choosing an interview location fills Location, a reason fills Duration."""

    def __init__(self, *args, data: tuple[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.data_name, self.data_attribute = data

    def create_option(self, name, value, *args, **kwargs) -> dict:
        option = super().create_option(name, value, *args, **kwargs)
        if instance := getattr(value, "instance", None):
            option["attrs"][f"data-{self.data_name}"] = getattr(instance, self.data_attribute)
        return option


def start_with_picker(name: str = "start") -> FieldWithButtons:
    """The date field with its calendar button rendered around it by the server, so the
    page's script never has to move the field (moving it while someone types there loses
    what they typed). The script shows the button and attaches the picker."""
    label = _("Choose from the calendar")
    return FieldWithButtons(name, StrictButton(
        '<i class="bi bi-calendar3" aria-hidden="true"></i>', css_class="btn-outline-secondary",
        data_picker_button="", hidden="", aria_label=label, title=label))


class InterviewForm(CrispyMixin, forms.ModelForm):
    start = EuropeanDateTimeField(label=_("Date"), help_text=DATETIME_HINT)
    duration = MinutesField(
        label=_("Duration"), required=False,
        help_text=_("Minutes; left empty, the reason's usual duration is used."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    layout = (
        Row(Column(start_with_picker(), css_class="col-md-7"),
            Column(AppendedText("duration", _("min")), css_class="col-md-5")),
        # People's busy times on the chosen day, and "Find a time" (interviews/availability).
        HTML('{% include "availability/find_a_time.html" %}'),
        HTML('{% include "availability/busy_strip.html" %}'),
        Row(Column("location", css_class="col-md-5"),
            Column("location_text", css_class="col-md-7")),
        Row(Column("reason"), Column("kind")),
        Row(Column("contact_person"), Column("interviewer")),
        "guidelines",
        Div(Field("memo", rows=3), css_class="private-field"),
        Field("report", rows=5),
        "committee_members",
        "version",
    )

    class Meta:
        model = Interview
        # "committee_members" joins these when the module is on: see for_settings().
        fields = ["start", "duration", "location", "location_text", "reason", "kind",
                  "contact_person", "interviewer", "guidelines", "memo", "report"]
        labels = {"location_text": _("Location"), "memo": _("Memo (private)")}
        field_classes = {"contact_person": LoadedModelChoiceField}
        widgets = {
            "location": DataSelect(data=("location-text", "location_text")),
            "reason": DataSelect(data=("minutes", "default_duration")),
            "guidelines": forms.CheckboxSelectMultiple,
            "contact_person": QuickSelect,
            "committee_members": QuickSelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["location"].queryset = InterviewLocation.objects.active()
        self.fields["reason"].queryset = InterviewReason.objects.active()
        self.fields["guidelines"].queryset = InterviewGuideline.objects.active()
        self.fields["contact_person"].queryset = ContactPerson.objects.all()
        people = self.fields["contact_person"].load()  # the committee's choices too
        if "memo" in self.fields:
            self.fields["memo"].help_text = _(
                "Private: never shown to the candidate, the hiring manager or the committee.")
        if self.instance.candidate_id and not self.instance.registration_id:
            self._add_registration_choice()
        first = "registration" if "registration" in self.fields else "start"
        self.fields[first].widget.attrs["autofocus"] = True  # keyboard users start typing
        if "committee_members" in self.fields:
            committee = self.fields["committee_members"]
            committee.queryset = ContactPerson.objects.all()
            committee.choices = loaded_choices(committee, people)
        else:
            self.helper.layout = Layout(*(item for item in self.layout
                                          if item != "committee_members"))

    @classmethod
    def for_settings(cls) -> type["InterviewForm"]:
        """This form, with the selection committee field when the module is on (R5)."""
        if InterviewSettings.load().selection_committee_enabled:
            return _with_committee(cls)
        return cls

    def _add_registration_choice(self) -> None:
        """From the candidate dossier: optionally tie the interview to a registration."""
        self.fields["registration"] = forms.ModelChoiceField(
            label=_("Registration"), required=False, empty_label=_("None (general interview)"),
            queryset=Registration.objects.filter(candidate_id=self.instance.candidate_id)
            .select_related("vacancy"),
        )
        self.fields["registration"].label_from_instance = lambda r: r.vacancy.title
        self.helper.layout.insert(0, "registration")

    def starts_in_the_past(self) -> bool:
        """A new or moved start before now: the recruiter confirms it (a typing error, or an
        interview recorded afterwards); editing a past interview otherwise asks nothing."""
        start, before = self.cleaned_data.get("start"), self.initial.get("start")
        if not start or start >= timezone.now():
            return False
        return before is None or start != before.replace(second=0, microsecond=0)

    def clean(self) -> dict:
        cleaned = super().clean()
        if registration := cleaned.get("registration"):
            self.instance.attach(registration)
            if not cleaned.get("contact_person"):
                cleaned["contact_person"] = registration.vacancy.hiring_manager
        location = cleaned.get("location")
        if location and not cleaned.get("location_text"):
            cleaned["location_text"] = location.location_text
        if not cleaned.get("duration"):
            reason = cleaned.get("reason")
            cleaned["duration"] = timedelta(minutes=reason.default_duration if reason else 60)
        kind = cleaned.get("kind")
        if kind in {Interview.Kind.MANAGER, Interview.Kind.BOTH} and not cleaned.get(
            "contact_person"
        ):
            self.add_error(
                "contact_person",
                _("Choose the contact person: the hiring manager attends this interview."),
            )
        return cleaned


@cache
def _with_committee(form_class: type[InterviewForm]) -> type[InterviewForm]:
    """The form class with the committee field; made once per class, not on every request
    (and without it, loading the form does not query the committee members at all)."""
    meta = type("Meta", (form_class.Meta,),
                {"fields": [*form_class.Meta.fields, "committee_members"]})
    return type(form_class.__name__, (form_class,), {"Meta": meta, "__module__": __name__})


class CancellationForm(forms.Form):
    """The step before cancelling an interview: an optional reason for the emails."""

    reason = forms.CharField(
        label=_("Reason (optional)"), required=False,
        max_length=Interview._meta.get_field("cancellation_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The cancellation emails include it as you write it here."))
