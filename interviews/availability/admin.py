from django.contrib import admin

from interviews.availability.forms import ConnectionForm
from interviews.availability.models import OWNER_FIELDS, CalendarConnection, WorkingHours
from interviews.availability.sync import read_soon
from interviews.availability.writeback import follow_calendar


class AdminConnectionForm(ConnectionForm):
    """The pages' form, with its owner: secrets as password inputs, never rendered back."""

    class Meta(ConnectionForm.Meta):
        fields = [*OWNER_FIELDS, *ConnectionForm.Meta.fields]


@admin.register(CalendarConnection)
class CalendarConnectionAdmin(admin.ModelAdmin):
    form = AdminConnectionForm
    list_display = ["__str__", "user", "contact_person", "location", "write_back",
                    "last_read_at", "last_error"]
    list_filter = ["kind", "write_back"]
    list_select_related = ["user", "contact_person", "location"]
    autocomplete_fields = ["contact_person"]
    readonly_fields = ["last_attempt_at", "last_read_at", "last_error"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        read_soon(obj)
        if obj.writes_back or "write_back" in form.changed_data:
            follow_calendar(obj)  # its owner's interviews to come go in (or out)


class CalendarConnectionInline(admin.StackedInline):
    """A room's calendars, on the interview location's admin page."""

    model = CalendarConnection
    form = ConnectionForm
    fields = [*ConnectionForm.Meta.fields, "last_read_at", "last_attempt_at", "last_error"]
    readonly_fields = ["last_attempt_at", "last_read_at", "last_error"]
    extra = 0
    fk_name = "location"


def read_saved_connections(formset) -> None:
    """After the admin saved an inline of calendars: read the new and changed ones at once."""
    if formset.model is CalendarConnection:
        for connection in formset.new_objects + [obj for obj, _ in formset.changed_objects]:
            read_soon(connection)


@admin.register(WorkingHours)
class WorkingHoursAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "contact_person"]
    list_select_related = ["user", "contact_person"]
