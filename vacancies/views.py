from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ats.pagination import paginate
from ats.params import search_text
from ats.views import form_page

from .forms import ContactPersonForm, VacancyForm
from .models import ContactPerson, Vacancy


def vacancy_list(request: HttpRequest) -> HttpResponse:
    vacancies = Vacancy.objects.select_related("hiring_manager", "recruiter").annotate(
        registration_count=Count("registrations")
    ).order_by(*Vacancy._meta.ordering)
    query = search_text(request.GET.get("q"))
    if query:
        vacancies = vacancies.filter(
            Q(title__icontains=query) | Q(reference__icontains=query) | Q(city__icontains=query)
        )
    status = request.GET.get("status", "")
    if status in Vacancy.Status.values:
        vacancies = vacancies.filter(status=status)
    return render(request, "vacancies/vacancy_list.html", {
        "page": paginate(request, vacancies),
        "query": query,
        "status": status,
        "statuses": Vacancy.Status.choices,
    })


def vacancy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = get_object_or_404(
        Vacancy.objects.select_related("hiring_manager", "recruiter"), pk=pk
    )
    registrations = vacancy.registrations.select_related("candidate", "stage").order_by(
        "stage__position", "-applied_at"
    )
    return render(request, "vacancies/vacancy_detail.html", {
        "vacancy": vacancy,
        "registrations": registrations,
    })


def vacancy_create(request: HttpRequest) -> HttpResponse:
    return _vacancy_form(request, Vacancy(recruiter=request.user))


def vacancy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _vacancy_form(request, get_object_or_404(Vacancy, pk=pk))


def _vacancy_form(request: HttpRequest, vacancy: Vacancy) -> HttpResponse:
    return form_page(
        request,
        VacancyForm(request.POST or None, instance=vacancy),
        title=_("Edit vacancy") if vacancy.pk else _("New vacancy"),
        cancel_url=vacancy.get_absolute_url() if vacancy.pk else reverse("vacancy_list"),
    )


def contact_list(request: HttpRequest) -> HttpResponse:
    contacts = ContactPerson.objects.select_related("user").annotate(
        vacancy_count=Count("managed_vacancies")
    ).order_by(*ContactPerson._meta.ordering)
    query = search_text(request.GET.get("q"))
    if query:
        contacts = contacts.filter(
            Q(name__icontains=query) | Q(email__icontains=query) | Q(department__icontains=query)
        )
    return render(request, "vacancies/contact_list.html", {
        "page": paginate(request, contacts),
        "query": query,
    })


def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_object_or_404(ContactPerson.objects.select_related("user"), pk=pk)
    return render(request, "vacancies/contact_detail.html", {
        "contact": contact,
        "vacancies": contact.managed_vacancies.select_related("recruiter"),
    })


def contact_create(request: HttpRequest) -> HttpResponse:
    return _contact_form(request, ContactPerson())


def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _contact_form(request, get_object_or_404(ContactPerson, pk=pk))


def _contact_form(request: HttpRequest, contact: ContactPerson) -> HttpResponse:
    return form_page(
        request,
        ContactPersonForm(request.POST or None, instance=contact),
        title=_("Edit contact person") if contact.pk else _("New contact person"),
        cancel_url=contact.get_absolute_url() if contact.pk else reverse("contact_list"),
    )
