from datetime import date, datetime, time

from django.utils import timezone


def local_midnight(day: date) -> datetime:
    """The first instant of a day in the current time zone (Europe/Amsterdam by default)."""
    return timezone.make_aware(datetime.combine(day, time.min))
