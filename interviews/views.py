from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from candidates.models import Registration, WorkflowStage
from vacancies.models import Vacancy


def dashboard(request: HttpRequest) -> HttpResponse:
    counts = dict(Registration.objects.values_list("stage").annotate(n=Count("pk")).order_by())
    stages = list(WorkflowStage.objects.all())
    for stage in stages:
        stage.count = counts.get(stage.pk, 0)
    waiting = (
        Registration.objects.in_plan_interview_stage()
        .select_related("candidate", "vacancy")
        .order_by("stage_changed_at")[:10]
    )
    return render(request, "interviews/dashboard.html", {
        "stages": stages,
        "waiting": waiting,
        "open_vacancies": Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).count(),
        "my_vacancies": Vacancy.objects.open().filter(recruiter=request.user).count(),
    })
