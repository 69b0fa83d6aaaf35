from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ats.admin import VersionedAdmin

from .models import Candidate, Registration, StageChange, WorkflowStage


@admin.register(WorkflowStage)
class WorkflowStageAdmin(admin.ModelAdmin):
    list_display = ["name", "name_nl", "position", "is_plan_interview", "is_closed"]
    list_editable = ["position"]
    list_display_links = ["name"]
    ordering = ["position", "pk"]
    search_fields = ["name", "name_nl"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # The plan-interview stage is what the interview doors look for; keep it.
        return not (obj and obj.is_plan_interview) and super().has_delete_permission(request, obj)


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["vacancy", "stage", "applied_at"]
    autocomplete_fields = ["vacancy"]
    show_change_link = True


@admin.register(Candidate)
class CandidateAdmin(VersionedAdmin):
    list_display = ["last_name", "first_name", "email", "city", "language", "wants_vcalendar",
                    "created_at"]
    list_filter = ["language", "wants_vcalendar", "created_at"]
    search_fields = ["first_name", "last_name", "email", "city"]
    inlines = [RegistrationInline]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    fields = ["changed_at", "from_stage", "to_stage", "changed_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["candidate", "vacancy", "stage", "applied_at", "stage_changed_at"]
    list_filter = ["stage", "vacancy__status", "vacancy__recruiter"]
    search_fields = ["candidate__first_name", "candidate__last_name", "candidate__email",
                     "vacancy__title"]
    list_select_related = ["candidate", "vacancy", "stage"]
    autocomplete_fields = ["candidate", "vacancy", "stage"]
    date_hierarchy = "applied_at"
    inlines = [StageChangeInline]
    actions = ["move_to_plan_interview"]

    @admin.action(description=_("Move to the plan-interview stage"))
    def move_to_plan_interview(self, request, queryset) -> None:
        stage = WorkflowStage.objects.plan_interview()
        for registration in queryset:
            registration.move_to(stage, by=request.user)
