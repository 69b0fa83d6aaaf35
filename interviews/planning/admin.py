"""Django admin for interviews and their configuration; an interview edited here is saved
the way the interview form saves it (audit trail, calendar SEQUENCE, reminders, people's
calendars)."""

from datetime import timedelta

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from ats.dates import validate_sane_date
from interviews.availability.admin import CalendarConnectionInline, read_saved_connections
from interviews.availability.writeback import follow_interview
from interviews.communication.reminders import schedule_reminders
from interviews.planning.configuration import (
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
)
from interviews.planning.models import Interview, InterviewChange


@admin.register(InterviewLocation)
class InterviewLocationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_nl", "address", "time_zone", "video_provider", "is_active"]
    list_filter = ["is_active", "video_provider", "time_zone"]
    search_fields = ["name", "name_nl", "address"]
    # A plain field: admin's own URL widget would link even a refused http:// address.
    formfield_overrides = {models.URLField: {"widget": forms.URLInput(attrs={"size": 80})}}
    fieldsets = [
        (None, {"fields": ["name", "name_nl", "address", "time_zone", "is_active"]}),
        (_("Online"), {"fields": ["video_provider", "meeting_url"], "description": _(
            "Interviews here get a link to join: with Jitsi Meet a new room for each "
            "interview, or else the one meeting room entered here.")}),
    ]
    inlines = [CalendarConnectionInline]

    def save_formset(self, request, form, formset, change) -> None:
        super().save_formset(request, form, formset, change)
        read_saved_connections(formset)


@admin.register(InterviewReason)
class InterviewReasonAdmin(admin.ModelAdmin):
    list_display = ["name", "name_nl", "default_duration", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_nl"]


@admin.register(InterviewGuideline)
class InterviewGuidelineAdmin(admin.ModelAdmin):
    list_display = ["title", "title_nl", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "title_nl", "text", "text_nl"]


@admin.register(InterviewSettings)
class InterviewSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "selection_committee_enabled"]

    def has_add_permission(self, request) -> bool:
        return not InterviewSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class InterviewChangeInline(admin.TabularInline):
    model = InterviewChange
    extra = 0
    fields = ["changed_at", "field", "old_value", "new_value", "changed_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class InterviewAdminForm(forms.ModelForm):
    """The interview form's limits hold in the admin too: a start in a sane year, a duration
    the form accepts."""

    LONGEST = timedelta(hours=12)
    SHORTEST = timedelta(minutes=5)

    class Meta:
        model = Interview
        fields = "__all__"  # noqa: DJ007 — the admin shows every editable field

    def clean_start(self):
        start = self.cleaned_data["start"]
        validate_sane_date(start.date())
        return start

    def clean_duration(self):
        duration = self.cleaned_data["duration"]
        if not self.SHORTEST <= duration <= self.LONGEST:
            raise forms.ValidationError(
                _("Choose a duration between %(shortest)d and %(longest)d minutes."),
                params={"shortest": 5, "longest": 720}, code="out_of_range")
        return duration


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    form = InterviewAdminForm
    inlines = [InterviewChangeInline]
    list_display = ["start", "candidate", "vacancy", "reason", "kind", "contact_person",
                    "status", "owner"]
    list_filter = ["status", "kind", "reason", "location", "owner"]
    search_fields = ["candidate__first_name", "candidate__last_name", "vacancy__title",
                     "interviewer", "location_text"]
    list_select_related = ["candidate", "vacancy", "reason", "contact_person", "owner"]
    autocomplete_fields = ["candidate", "registration", "vacancy", "contact_person", "owner",
                           "location", "reason", "guidelines", "committee_members"]
    readonly_fields = ["calendar_uid", "video_room", "sequence", "version", "created_at",
                       "updated_at"]
    date_hierarchy = "start"
    actions = ["mark_held", "cancel"]

    @admin.action(description=_("Mark as held"))
    def mark_held(self, request, queryset) -> None:
        for interview in queryset:
            interview.set_status(Interview.Status.HELD, by=request.user)
            follow_interview(interview)

    @admin.action(description=_("Cancel interview"))
    def cancel(self, request, queryset) -> None:
        for interview in queryset:
            interview.set_status(Interview.Status.CANCELLED, by=request.user)
            follow_interview(interview)

    def save_model(self, request, obj, form, change) -> None:
        """As the interview form saves: a change of time or place goes into the audit trail
        and raises the calendar SEQUENCE, a change of status too, and the reminder moves."""
        follow_interview(obj)  # once the admin's transaction commits, committee included
        if not change:
            super().save_model(request, obj, form, change)
            schedule_reminders(obj)
            return
        status, obj.status = obj.status, form.initial["status"]
        sequence = obj.sequence
        obj.save_edit(expected_version=obj.version, by=request.user)
        obj.set_status(status, by=request.user)
        if obj.sequence != sequence and obj.status == Interview.Status.PLANNED:
            schedule_reminders(obj)

    def delete_model(self, request, obj) -> None:
        follow_interview(obj)  # its events are taken out of people's calendars
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for interview in queryset:
            follow_interview(interview)
        super().delete_queryset(request, queryset)
