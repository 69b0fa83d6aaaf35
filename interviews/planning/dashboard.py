"""The home page: the user's interviews this week and coming up (SPEC R4 Kind)."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ats.access import is_recruiter, recruiter_not_required
from ats.dates import is_sane_date, local_midnight
from candidates.models import Registration
from interviews.planning.models import Interview
from vacancies.models import ContactPerson, Vacancy


@recruiter_not_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Recruiters and hiring managers who are users; a manager sees only their interviews."""
    recruiter = is_recruiter(request.user)
    if not recruiter and not ContactPerson.objects.filter(user=request.user).exists():
        raise PermissionDenied
    today = timezone.localdate()
    monday = _monday(request.GET.get("week"), today)
    mine = Interview.objects.for_user(request.user).with_dossier_relations()
    week = list(
        mine.exclude(status=Interview.Status.CANCELLED)
        .filter(start__gte=local_midnight(monday),
                start__lt=local_midnight(monday + timedelta(days=7)))
        .order_by("start", "pk")
    )
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        days.append({"date": day, "is_today": day == today,
                     "interviews": [i for i in week if timezone.localdate(i.start) == day]})
    context = {
        "today": today,
        "days": days,
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "previous_week": (monday - timedelta(days=7)).isoformat(),
        "next_week": (monday + timedelta(days=7)).isoformat(),
        "this_week": monday == _monday(None, today),
        "upcoming": list(mine.upcoming()[:15]),
        "recruiter": recruiter,
    }
    if recruiter:
        context.update(_office_figures(request.user))
    return render(request, "interviews/dashboard.html", context)


def _office_figures(user) -> dict:
    stages = Registration.objects.per_stage()
    return {
        "stages": stages,
        # By the stage's id, so the (stage, stage_changed_at) index gives the 8 longest waiting.
        "waiting": Registration.objects.filter(stage__in=[s for s in stages if s.is_plan_interview])
        .select_related("candidate", "vacancy").order_by("stage_changed_at")[:8],
        "my_vacancies": Vacancy.objects.open().filter(recruiter=user).count(),
    }


def _monday(value: str | None, today: date) -> date:
    try:
        day = date.fromisoformat(value) if value else today
    except ValueError:
        day = today
    if not is_sane_date(day):  # a week in year 1 or 9999 has no neighbours to link to
        day = today
    return day - timedelta(days=day.weekday())

