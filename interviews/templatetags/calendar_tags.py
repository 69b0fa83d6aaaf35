"""People's calendars where other apps show them: the contact dossier's section."""

from django import template
from django.utils.dates import WEEKDAYS_ABBR

from ats.dates import format_time
from interviews.availability import owners
from interviews.availability.models import WorkingHours
from vacancies.models import ContactPerson

register = template.Library()


@register.inclusion_tag("availability/contact_section.html", takes_context=True)
def contact_calendars(context, contact: ContactPerson) -> dict:
    """The calendars and working hours of a contact person, for their dossier."""
    return {"request": context["request"], "contact": contact,
            "connections": owners.connections_of(contact),
            "hours": owners.working_hours_of(contact), "time_zone": owners.time_zone_of(contact),
            "back": f"contact_detail:{contact.pk}", "csrf_token": context.get("csrf_token")}


@register.filter
def working_days(hours: WorkingHours) -> str:
    """"Mon, Tue, Wed, Thu, Fri 09:00–17:00"."""
    days = ", ".join(str(WEEKDAYS_ABBR[day]) for day in sorted(hours.weekdays))
    return f"{days} {format_time(hours.start)}–{format_time(hours.end)}"
