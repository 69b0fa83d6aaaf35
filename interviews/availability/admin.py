from django.contrib import admin

from interviews.availability.models import CalendarConnection, WorkingHours
from interviews.availability.writeback import follow_calendar


@admin.register(CalendarConnection)
class CalendarConnectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "contact_person", "location", "write_back",
                    "last_read_at", "last_error"]
    list_filter = ["kind", "write_back"]
    list_select_related = ["user", "contact_person", "location"]
    autocomplete_fields = ["contact_person"]
    readonly_fields = ["last_attempt_at", "last_read_at", "last_error"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if obj.writes_back or "write_back" in form.changed_data:
            follow_calendar(obj)  # its owner's interviews to come go in (or out)


@admin.register(WorkingHours)
class WorkingHoursAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "contact_person"]
    list_select_related = ["user", "contact_person"]
