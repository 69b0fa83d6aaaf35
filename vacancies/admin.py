from django.contrib import admin

from ats.admin import VersionedAdmin

from .models import ContactPerson, Vacancy


@admin.register(ContactPerson)
class ContactPersonAdmin(VersionedAdmin):
    list_display = ["name", "email", "job_title", "department", "language", "wants_vcalendar",
                    "user"]
    list_filter = ["language", "wants_vcalendar", "department"]
    search_fields = ["name", "email", "department"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]


@admin.register(Vacancy)
class VacancyAdmin(VersionedAdmin):
    list_display = ["title", "reference", "status", "hiring_manager", "recruiter", "city",
                    "created_at"]
    list_filter = ["status", "recruiter", "department"]
    search_fields = ["title", "reference", "city", "hiring_manager__name"]
    list_select_related = ["hiring_manager", "recruiter"]
    autocomplete_fields = ["hiring_manager", "recruiter"]
    date_hierarchy = "created_at"
