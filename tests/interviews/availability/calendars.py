"""Stored busy times for the tests of planning on free time: a calendar read a moment ago."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from interviews.availability.models import BusyBlock, CalendarConnection

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(day: str, clock: str = "00:00", zone: ZoneInfo = AMSTERDAM) -> datetime:
    """An aware moment from "2037-03-02" and "09:30", by default on Amsterdam's clock."""
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zone)


def busy_in_calendar(owner, start: datetime, end: datetime, *, tentative: bool = False) -> None:
    """`owner` (a user, contact person or interview location) has a busy block there."""
    field = {"User": "user", "ContactPerson": "contact_person",
             "InterviewLocation": "location"}[type(owner).__name__]
    connection, _ = CalendarConnection.objects.get_or_create(
        **{field: owner}, defaults={"url": "https://calendar.example.com/feed.ics",
                                    "last_read_at": timezone.now()})
    BusyBlock.objects.create(connection=connection, start=start, end=end, tentative=tentative)
