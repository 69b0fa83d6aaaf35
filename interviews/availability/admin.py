from django.contrib import admin

from interviews.availability.models import CalendarConnection, WorkingHours


@admin.register(CalendarConnection)
class CalendarConnectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "contact_person", "location", "write_back",
                    "last_read_at", "last_error"]
    list_filter = ["kind", "write_back"]
    list_select_related = ["user", "contact_person", "location"]
    autocomplete_fields = ["contact_person"]
    readonly_fields = ["last_attempt_at", "last_read_at", "last_error"]


@admin.register(WorkingHours)
class WorkingHoursAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "contact_person"]
    list_select_related = ["user", "contact_person"]
