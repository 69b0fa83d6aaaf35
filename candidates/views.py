from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ats.navigation import back_param, back_url
from ats.pagination import paginate
from ats.params import search_text, whole_number
from ats.views import form_page
from vacancies.models import Vacancy

from .forms import CandidateForm, MoveForm, RegistrationForm
from .models import Candidate, Registration


def candidate_list(request: HttpRequest) -> HttpResponse:
    candidates = Candidate.objects.annotate(
        registration_count=Count("registrations")
    ).order_by(*Candidate._meta.ordering)
    query = search_text(request.GET.get("q"))
    if query:
        candidates = candidates.filter(_candidate_search(query))
    return render(request, "candidates/candidate_list.html", {
        "page": paginate(request, candidates),
        "query": query,
    })


def _candidate_search(query: str) -> Q:
    condition = Q()
    for word in query.split():
        condition &= (Q(first_name__icontains=word) | Q(last_name__icontains=word)
                      | Q(email__icontains=word) | Q(city__icontains=word))
    return condition


def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(Candidate, pk=pk)
    registrations = candidate.registrations.select_related(
        "vacancy__hiring_manager", "stage"
    ).order_by("-applied_at")
    return render(request, "candidates/candidate_detail.html", {
        "candidate": candidate,
        "registrations": registrations,
        "plan_registrations": [r for r in registrations if r.stage.is_plan_interview],
    })


def candidate_create(request: HttpRequest) -> HttpResponse:
    return _candidate_form(request, Candidate())


def candidate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _candidate_form(request, get_object_or_404(Candidate, pk=pk))


def _candidate_form(request: HttpRequest, candidate: Candidate) -> HttpResponse:
    return form_page(
        request,
        CandidateForm(request.POST or None, instance=candidate),
        title=_("Edit candidate") if candidate.pk else _("New candidate"),
        cancel_url=candidate.get_absolute_url() if candidate.pk else reverse("candidate_list"),
    )


def registration_create(request: HttpRequest) -> HttpResponse:
    """Register a candidate on a vacancy; from a candidate or a vacancy dossier.

    Without a candidate the page first lets the user find one (a plain search, no JavaScript).
    """
    params = request.POST if request.method == "POST" else request.GET
    candidate = _get_or_none(Candidate, params.get("candidate"))
    vacancy = _get_or_none(Vacancy, params.get("vacancy"))
    back = params.get("back", "")
    if candidate is None:
        return _candidate_picker(request, vacancy, back)

    form = RegistrationForm(
        request.POST or None, initial={"candidate": candidate, "vacancy": vacancy}
    )
    if request.method == "POST" and form.is_valid():
        registration = form.save(commit=False)
        registration.register(by=request.user)
        messages.success(request, _("%(candidate)s is registered on %(vacancy)s.") % {
            "candidate": candidate, "vacancy": registration.vacancy.title})
        return redirect(back_url(back, registration.get_absolute_url()))
    return render(request, "candidates/registration_form.html", {
        "form": form,
        "candidate": candidate,
        "back": back,
        "cancel_url": back_url(back, candidate.get_absolute_url()),
    })


def _candidate_picker(request: HttpRequest, vacancy: Vacancy | None, back: str) -> HttpResponse:
    query = search_text(request.GET.get("q"))
    candidates = Candidate.objects.filter(_candidate_search(query))[:20] if query else []
    return render(request, "candidates/registration_pick_candidate.html", {
        "vacancy": vacancy,
        "query": query,
        "candidates": candidates,
        "back": back,
        "cancel_url": back_url(back, reverse("candidate_list")),
    })


def _get_or_none(model, pk: str | None):
    number = whole_number(pk)
    return None if number is None else model.objects.filter(pk=number).first()


def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.select_related("candidate", "vacancy__hiring_manager", "stage"),
        pk=pk,
    )
    history = registration.stage_changes.select_related("from_stage", "to_stage", "changed_by")
    return render(request, "candidates/registration_detail.html", {
        "registration": registration,
        "history": history,
        "move_form": MoveForm(initial={"stage": registration.stage.next_stage()
                                       or registration.stage}),
        "back": back_param("registration_detail", registration.pk),
    })


@require_POST
def registration_move(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("candidate"), pk=pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        stage = form.cleaned_data["stage"]
        registration.move_to(stage, by=request.user)
        messages.success(request, _("%(candidate)s moved to “%(stage)s”.") % {
            "candidate": registration.candidate, "stage": stage})
    else:
        messages.error(request, _("Choose a stage to move to."))
    return redirect(back_url(request.POST.get("back"), registration.get_absolute_url()))
