"""The calendar pages (a recruiter's own, a contact person's; the manager portal's door is in
portal.views) and the busy times of a day for the interview form's strip."""

from datetime import date, datetime, time

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from ats.access import recruiter_not_required
from ats.dates import format_datetime, format_time, is_sane_date
from ats.navigation import back_url
from interviews.availability import owners
from interviews.availability.busy import Attendees, Busy, busy_times
from interviews.availability.forms import ConnectionForm, WorkingHoursForm
from interviews.availability.models import CalendarConnection
from interviews.availability.sync import read_soon
from interviews.availability.writeback import follow_calendar
from vacancies.models import ContactPerson

# The strip of the interview form: the working day, in the recruiter's time zone.
STRIP_FROM, STRIP_UNTIL = time(8), time(19)


# A feed's address and an app password are secrets: error reports leave them out.
SECRETS = ("calendar-url", "calendar-password")


@sensitive_post_parameters(*SECRETS)
@never_cache
def calendars_page(request: HttpRequest, owner: owners.Owner, *, title: str,
                   dossier: ContactPerson | None = None) -> HttpResponse:
    """One page for everyone's calendars and working hours: GET shows them, POST adds a
    calendar ("connect") or saves the working hours ("hours")."""
    action = request.POST.get("action") if request.method == "POST" else None
    connect = ConnectionForm(request.POST if action == "connect" else None, prefix="calendar",
                             instance=owners.new_connection(owner))
    hours = WorkingHoursForm(request.POST if action == "hours" else None, prefix="hours",
                             instance=owners.working_hours_of(owner))
    if action == "connect" and connect.is_valid():
        connection = connect.save()
        read_soon(connection)
        follow_calendar(connection)  # with write-back on, the interviews to come go in
        messages.success(request, _("The calendar at %(host)s is connected: its busy times "
                                    "are read in a moment.") % {"host": connection.host})
        return redirect(request.path)
    if action == "hours" and hours.is_valid():
        hours.save()
        messages.success(request, _("The working hours have been saved."))
        return redirect(request.path)
    return render(request, "availability/calendars_page.html", {
        "title": title, "owner": owner, "connect": connect, "hours": hours, "dossier": dossier,
        "connections": owners.connections_of(owner),
        "time_zone": owners.time_zone_of(owner),
    })


def my_calendars(request: HttpRequest) -> HttpResponse:
    """A recruiter's own calendars and working hours."""
    return calendars_page(request, request.user, title=_("My calendars"))


def contact_calendars(request: HttpRequest, pk: int) -> HttpResponse:
    """A contact person's calendars, managed by a recruiter."""
    contact = get_object_or_404(ContactPerson, pk=pk)
    return calendars_page(request, contact, dossier=contact,
                          title=_("Calendars of %(name)s") % {"name": contact.name})


def _managed(request: HttpRequest, pk: int) -> CalendarConnection:
    connection = get_object_or_404(CalendarConnection.objects.select_related("contact_person"),
                                   pk=pk)
    if not owners.may_manage(request.user, connection):
        raise PermissionDenied
    return connection


def _back(request: HttpRequest, connection: CalendarConnection) -> str:
    back = request.POST.get("back") or request.GET.get("back")
    return back_url(back, owners.page_of(request.user, connection))


@recruiter_not_required
@sensitive_post_parameters(*SECRETS)
@never_cache
def calendar_edit(request: HttpRequest, pk: int) -> HttpResponse:
    connection = _managed(request, pk)
    form = ConnectionForm(request.POST or None, instance=connection, prefix="calendar")
    if request.method == "POST" and form.is_valid():
        read_soon(form.save())
        follow_calendar(connection)  # write-back switched on or off: interviews go in or out
        messages.success(request, _("The calendar at %(host)s has been saved: its busy times "
                                    "are read again in a moment.") % {"host": connection.host})
        return redirect(_back(request, connection))
    return render(request, "availability/calendar_edit.html", {
        "connection": connection, "form": form, "back": request.GET.get("back", ""),
        "back_url": _back(request, connection)})


@recruiter_not_required
def calendar_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    connection = _managed(request, pk)  # refused before the method: an outsider learns nothing
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    read_soon(connection)
    messages.success(request, _("The calendar at %(host)s is read again in a moment: refresh "
                                "this page to see the result.") % {"host": connection.host})
    return redirect(_back(request, connection))


@recruiter_not_required
def calendar_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET); the answer posts here."""
    connection = _managed(request, pk)
    if request.method == "POST":
        connection.delete()
        messages.success(request, _("The calendar at %(host)s has been removed, with the busy "
                                    "times read from it.") % {"host": connection.host})
        return redirect(_back(request, connection))
    return render(request, "availability/calendar_remove.html", {
        "connection": connection, "back": request.GET.get("back", ""),
        "back_url": _back(request, connection)})


def busy_of_day(request: HttpRequest) -> JsonResponse:
    """The busy times of an interview's attendees on one day (?day=yyyy-mm-dd&user=&contact=
    &location=&candidate=&interview=), from 08:00 to 19:00 in the recruiter's time zone:
    stored blocks and planned interviews only, in two queries."""
    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = None
    if day is None or not is_sane_date(day):  # year 1 in UTC would be year 0
        return JsonResponse({"error": "day: yyyy-mm-dd"}, status=400)
    start, end = (timezone.make_aware(datetime.combine(day, moment))
                  for moment in (STRIP_FROM, STRIP_UNTIL))
    busy = busy_times(Attendees.from_query(request.GET), start, end)
    return JsonResponse({"day": day.isoformat(), "from": format_time(STRIP_FROM),
                         "until": format_time(STRIP_UNTIL),
                         "busy": [_as_json(each, day) for each in busy]})


def _as_json(busy: Busy, day: date) -> dict:
    """A busy time placed on the strip: minutes after 08:00 on the local clock (negative, or
    past the end, when it reaches beyond the strip), and its times as the recruiter reads them."""
    def minutes(moment: datetime) -> int:
        local = timezone.localtime(moment)
        return ((local.date() - day).days * 1440 + local.hour * 60 + local.minute
                - STRIP_FROM.hour * 60)

    def written(moment: datetime) -> str:
        local = timezone.localtime(moment)
        return format_time(local) if local.date() == day else format_datetime(local)

    return {"who": busy.who, "start": written(busy.start), "end": written(busy.end),
            "from_minute": minutes(busy.start), "until_minute": minutes(busy.end),
            "tentative": busy.tentative, "stale": busy.stale, "interview": busy.interview}
