"""The forms of the calendar pages: connecting a calendar, and working hours."""

from urllib.parse import urlsplit

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ats.dates import TIME_FORMAT
from ats.forms import CrispyMixin
from interviews.availability.models import CalendarConnection, WorkingHours

SCHEMES = {"http", "https", "webcal"}


class ConnectionForm(CrispyMixin, forms.ModelForm):
    """A calendar to read: a feed's secret address, or a CalDAV account. Editing one, an empty
    address or password keeps the stored one."""

    class Meta:
        model = CalendarConnection
        fields = ["kind", "url", "username", "password", "write_back"]
        widgets = {"kind": forms.RadioSelect,
                   "url": forms.TextInput(attrs={"inputmode": "url", "autocomplete": "off",
                                                 "spellcheck": "false"}),
                   "username": forms.TextInput(attrs={"autocomplete": "off"}),
                   # What was typed comes back with an error message (nothing typed is lost);
                   # what is stored never does (see __init__).
                   "password": forms.PasswordInput(attrs={"autocomplete": "new-password"},
                                                   render_value=True)}
        error_messages = {"url": {"required": _("Paste the calendar's address.")}}
        help_texts = {"url": _("The secret address in iCal format (ends in .ics, or starts "
                               "with webcal://), or the CalDAV server's address.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["url"].required = not self.instance.url
        for name in ("url", "password"):
            if getattr(self.instance, name):
                self.fields[name].help_text = _("Leave empty to keep the stored one.")
        # Never render a secret back: the widgets show what was typed in this request only.
        self.initial.pop("url", None)
        self.initial.pop("password", None)

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if not url:
            return self.instance.url
        parts = urlsplit(url)
        if parts.scheme.lower() not in SCHEMES or not parts.hostname:
            raise forms.ValidationError(
                _("Write an address that starts with https://, http:// or webcal://."),
                code="scheme")
        if parts.scheme.lower() == "webcal":  # the same feed, over the web
            url = "https" + url[len(parts.scheme):]
        return url

    def clean_password(self) -> str:
        return self.cleaned_data["password"] or self.instance.password

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("kind") == CalendarConnection.Kind.CALDAV:
            if not cleaned.get("username"):
                self.add_error("username", _("A CalDAV account needs its user name."))
            if not cleaned.get("password"):
                self.add_error("password", _("A CalDAV account needs its (app) password."))
        elif cleaned.get("write_back"):
            self.add_error("write_back",
                           _("Only a CalDAV account can be written to: a feed is read-only."))
        return cleaned


class WorkingHoursForm(CrispyMixin, forms.ModelForm):
    """The days and hours someone can be invited, in their own time zone."""

    weekdays = forms.TypedMultipleChoiceField(
        label=_("Working days"), choices=sorted(WEEKDAYS.items()), coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-inline"}),
        error_messages={"required": _("Choose at least one working day.")})
    start = forms.TimeField(
        label=pgettext_lazy("working hours", "From"), input_formats=[TIME_FORMAT],
        widget=forms.TimeInput(format=TIME_FORMAT, attrs={"placeholder": "09:00",
                                                          "inputmode": "numeric"}),
        error_messages={"invalid": _("Write the time as HH:MM, for example 09:00.")})
    end = forms.TimeField(
        label=pgettext_lazy("working hours", "Until"), input_formats=[TIME_FORMAT],
        widget=forms.TimeInput(format=TIME_FORMAT, attrs={"placeholder": "17:00",
                                                          "inputmode": "numeric"}),
        error_messages={"invalid": _("Write the time as HH:MM, for example 17:00.")})

    class Meta:
        model = WorkingHours
        fields = ["weekdays", "start", "end"]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start >= end:
            self.add_error("end", _("The end of the working day comes after its start."))
        return cleaned
