"""The outbox in Django admin: every Message with its status, searchable by Message-ID,
with Retry."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from interviews.outbox.delivery import retry
from interviews.outbox.models import Message


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
