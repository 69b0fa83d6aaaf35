"""Standard documents and HTML profiles in Django admin, each with a rendered preview, and the
recruiter's profile on the user."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from interviews.communication.merge import MERGE_FIELDS, sample_values
from interviews.communication.models import (
    HtmlProfile,
    RecruiterProfile,
    StandardDocument,
    default_profile,
)
from interviews.communication.render import render_email
from interviews.communication.views import preview_view
from interviews.outbox.models import Audience, Purpose


def merge_field_help() -> str:
    return format_html("{}<ul>{}</ul>", _("Merge fields:"), format_html_join(
        "", "<li><code>{{{{ {} }}}}</code> – {}</li>", MERGE_FIELDS.items()))


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
        return document, default_profile()


@admin.register(HtmlProfile)
class HtmlProfileAdmin(PreviewMixin, admin.ModelAdmin):
    list_display = ["name", "is_default"]
    search_fields = ["name"]
    fields = ["name", "is_default", "logo_url", "layout", "css", "preview"]

    def preview_parts(self, profile):
        document = StandardDocument.objects.filter(
            audience=Audience.CANDIDATE, purpose=Purpose.INVITATION).first()
        return document or StandardDocument(subject="Subject", body="<p>Text</p>"), profile


class RecruiterProfileInline(admin.StackedInline):
    model = RecruiterProfile
    can_delete = False


admin.site.unregister(User)  # registered again with the recruiter's profile


@admin.register(User)
class RecruiterUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, RecruiterProfileInline]
