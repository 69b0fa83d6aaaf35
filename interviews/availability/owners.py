"""Whose calendars: a recruiter's (a user's) or a contact person's, and who may manage them.
(A room's calendars are managed in Django admin.)"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.urls import reverse

from ats.access import is_recruiter
from interviews.availability.models import CalendarConnection, WorkingHours
from vacancies.models import ContactPerson

Owner = AbstractBaseUser | ContactPerson


def _owned_by(owner: Owner) -> dict:
    return {"contact_person": owner} if isinstance(owner, ContactPerson) else {"user": owner}


def connections_of(owner: Owner) -> QuerySet[CalendarConnection]:
    return CalendarConnection.objects.filter(**_owned_by(owner))


def new_connection(owner: Owner) -> CalendarConnection:
    return CalendarConnection(**_owned_by(owner))


def working_hours_of(owner: Owner) -> WorkingHours:
    """Their working hours; without a row, the default (Monday to Friday 09:00–17:00), unsaved."""
    return WorkingHours.objects.filter(**_owned_by(owner)).first() or WorkingHours(
        **_owned_by(owner))


def time_zone_of(owner: Owner) -> ZoneInfo:
    """Working hours are in the owner's own time zone; recruiters work in the office's."""
    return ZoneInfo(owner.time_zone if isinstance(owner, ContactPerson) else settings.TIME_ZONE)


def may_manage(user, connection: CalendarConnection) -> bool:
    """A recruiter manages their own calendars and those of contact persons; a contact person
    who logs in manages their own."""
    if connection.user_id:
        return connection.user_id == user.pk and is_recruiter(user)
    if connection.contact_person_id:
        return is_recruiter(user) or connection.contact_person.user_id == user.pk
    return False  # a room's: Django admin


def page_of(user, connection: CalendarConnection) -> str:
    """Where the user manages this connection."""
    if connection.user_id:
        return reverse("my_calendars")
    if is_recruiter(user):
        return reverse("contact_calendars", args=[connection.contact_person_id])
    return reverse("portal_calendars")
