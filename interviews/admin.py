from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .communication import retry
from .communication_views import preview_view
from .emails import MERGE_FIELDS, render_email, sample_values
from .models import (
    Audience,
    HtmlProfile,
    Interview,
    InterviewChange,
    InterviewGuideline,
    InterviewLocation,
    InterviewReason,
    InterviewSettings,
    Message,
    Purpose,
    RecruiterProfile,
    StandardDocument,
)


def merge_field_help() -> str:
    return format_html("{}<ul>{}</ul>", _("Merge fields:"), format_html_join(
        "", "<li><code>{{{{ {} }}}}</code> – {}</li>", MERGE_FIELDS.items()))


@admin.register(InterviewLocation)
class InterviewLocationAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "time_zone", "is_active"]
    list_filter = ["is_active", "time_zone"]
    search_fields = ["name", "address"]


@admin.register(InterviewReason)
class InterviewReasonAdmin(admin.ModelAdmin):
    list_display = ["name", "default_duration", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


@admin.register(InterviewGuideline)
class InterviewGuidelineAdmin(admin.ModelAdmin):
    list_display = ["title", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "text"]


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


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    inlines = [InterviewChangeInline]
    list_display = ["start", "candidate", "vacancy", "reason", "kind", "contact_person",
                    "status", "owner"]
    list_filter = ["status", "kind", "reason", "location", "owner"]
    search_fields = ["candidate__first_name", "candidate__last_name", "vacancy__title",
                     "interviewer", "location_text"]
    list_select_related = ["candidate", "vacancy", "reason", "contact_person", "owner"]
    autocomplete_fields = ["candidate", "registration", "vacancy", "contact_person", "owner",
                           "location", "reason", "guidelines", "committee_members"]
    readonly_fields = ["calendar_uid", "sequence", "version", "created_at", "updated_at"]
    date_hierarchy = "start"
    actions = ["mark_held", "cancel"]

    @admin.action(description=_("Mark as held"))
    def mark_held(self, request, queryset) -> None:
        for interview in queryset:
            interview.set_status(Interview.Status.HELD, by=request.user)

    @admin.action(description=_("Cancel interview"))
    def cancel(self, request, queryset) -> None:
        for interview in queryset:
            interview.set_status(Interview.Status.CANCELLED, by=request.user)


class PreviewMixin:
    """A rendered preview (sample data, sandboxed frame) on the change page."""

    readonly_fields = ["preview"]

    def get_urls(self):
        name = f"{self.model._meta.app_label}_{self.model._meta.model_name}_preview"
        view = self.admin_site.admin_view(preview_view(self.preview_view))
        return [path("<int:pk>/preview/", view, name=name), *super().get_urls()]

    @admin.display(description=_("Preview"))
    def preview(self, obj) -> str:
        if not obj or not obj.pk:
            return _("Save first to see the preview.")
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_preview",
                      args=[obj.pk])
        return format_html('<iframe src="{}" sandbox title="{}" class="admin-email-preview" '
                           'width="640" height="520"></iframe>', url, _("Preview"))

    def preview_view(self, request, pk: int):
        obj = get_object_or_404(self.model, pk=pk)
        document, profile = self.preview_parts(obj)
        rendered = render_email(subject=document.subject, body=document.body, profile=profile,
                                values=sample_values())
        return HttpResponse(rendered.html)


@admin.register(StandardDocument)
class StandardDocumentAdmin(PreviewMixin, admin.ModelAdmin):
    list_display = ["name", "audience", "purpose", "language", "is_active"]
    list_filter = ["audience", "purpose", "language", "is_active"]
    search_fields = ["name", "subject", "body"]
    fieldsets = [
        (None, {"fields": ["name", "audience", "purpose", "language", "is_active"]}),
        (_("Text"), {"fields": ["subject", "body"],
                     "description": merge_field_help()}),
        (_("Preview"), {"fields": ["preview"]}),
    ]

    def preview_parts(self, document):
        return document, HtmlProfile.objects.order_by("-is_default", "pk").first()


@admin.register(HtmlProfile)
class HtmlProfileAdmin(PreviewMixin, admin.ModelAdmin):
    list_display = ["name", "is_default"]
    search_fields = ["name"]
    fields = ["name", "is_default", "logo_url", "layout", "css", "preview"]

    def preview_parts(self, profile):
        document = StandardDocument.objects.filter(
            audience=Audience.CANDIDATE, purpose=Purpose.INVITATION).first()
        return document or StandardDocument(subject="Subject", body="<p>Text</p>"), profile


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient_email", "subject", "audience", "purpose", "status",
                    "attempts", "sent_at"]
    list_filter = ["status", "audience", "purpose"]
    search_fields = ["recipient_email", "recipient_name", "subject", "message_id",
                     "provider_message_id"]
    list_select_related = ["interview"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in Message._meta.fields]
    actions = ["retry_delivery"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Retry delivery"))
    def retry_delivery(self, request, queryset) -> None:
        for message in queryset:
            retry(message)


class RecruiterProfileInline(admin.StackedInline):
    model = RecruiterProfile
    can_delete = False


admin.site.unregister(User)


@admin.register(User)
class RecruiterUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, RecruiterProfileInline]
