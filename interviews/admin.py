from django.contrib import admin

from .models import InterviewGuideline, InterviewLocation, InterviewReason


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
