"""Dates and times as users read and type them: dd-mm-yyyy and 24-hour HH:MM (SPEC R4 Date).

The one formatter of the product: views, forms, emails, the .ics description and templates (the
`dates` template library) all write dates through these helpers, in the viewer's time zone unless
a recipient's zone is given.
"""

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Dates outside these years are typing errors; far outside, date arithmetic overflows (the end
# of an interview on 31-12-9999, a report of ten centuries).
FIRST_YEAR, LAST_YEAR = 1900, 2200
DATE_FORMAT, TIME_FORMAT = "%d-%m-%Y", "%H:%M"
DATETIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"
DAY_MONTH_FORMAT, MONTH_FORMAT = "%d-%m", "%m-%Y"
MINUTE = timedelta(minutes=1)


def _local(value: date, zone: tzinfo | None) -> date:
    """An aware date and time in `zone` (default: the current time zone); a date as it is."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value, zone)
    return value


def format_date(value: date, zone: tzinfo | None = None) -> str:
    """dd-mm-yyyy."""
    return _local(value, zone).strftime(DATE_FORMAT)


def format_time(value: datetime | time, zone: tzinfo | None = None) -> str:
    """HH:MM, 24-hour."""
    return _local(value, zone).strftime(TIME_FORMAT)


def format_datetime(value: datetime, zone: tzinfo | None = None) -> str:
    """dd-mm-yyyy HH:MM."""
    return _local(value, zone).strftime(DATETIME_FORMAT)


def format_day_month(value: date) -> str:
    """dd-mm: a day in a week whose year is shown elsewhere."""
    return value.strftime(DAY_MONTH_FORMAT)


def format_month(value: date) -> str:
    """mm-yyyy: a month in a table or a CSV file."""
    return value.strftime(MONTH_FORMAT)


def format_weekday(value: date, zone: tzinfo | None = None) -> str:
    """The name of the day of the week, in the active language (maandag, Monday)."""
    return date_format(_local(value, zone), "l")


def local_midnight(day: date) -> datetime:
    """The first instant of a day in the current time zone (Europe/Amsterdam by default)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def is_sane_date(day: date) -> bool:
    """A date (or date and time) in the years this application accepts."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def validate_sane_date(day: date) -> None:
    if not is_sane_date(day):
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s.")
            % {"first": format_date(date(FIRST_YEAR, 1, 1)),
               "last": format_date(date(LAST_YEAR, 12, 31))},
            code="out_of_range")


_WRITTEN_DATE = re.compile(r"\s*(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)")


def validate_existing_date(text: str) -> None:
    """Refuse a date written dd-mm-yyyy that the calendar does not have (31-02-2027), naming
    it: the notation was right, so repeating the notation would not say what is wrong."""
    written = _WRITTEN_DATE.match(text)
    if not written:
        return
    day, month, year = (int(part) for part in written.groups())
    try:
        date(year, month, day)
    except ValueError:
        raise ValidationError(_("%(date)s does not exist.") % {
            "date": f"{day:02d}-{month:02d}-{year:04d}"}, code="nonexistent_date") from None


def _exists(moment: datetime, zone: tzinfo) -> bool:
    """False for a wall-clock time skipped when the clocks go forward."""
    aware = moment.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == moment


def _twice(moment: datetime, zone: tzinfo) -> bool:
    """True for a wall-clock time that happens twice when the clocks go back."""
    return (moment.replace(tzinfo=zone, fold=0).utcoffset()
            != moment.replace(tzinfo=zone, fold=1).utcoffset())


def _edges(moment: datetime, inside) -> tuple[datetime, datetime]:
    """The first minute of the clock change around `moment`, and the first minute after it."""
    first, after = moment.replace(second=0, microsecond=0), moment + MINUTE
    while inside(first - MINUTE):
        first -= MINUTE
    while inside(after):
        after += MINUTE
    return first, after


def validate_local_time(moment: datetime, zone: tzinfo) -> None:
    """Refuse a wall-clock time (naive) that a clock change skips or repeats in `zone`,
    saying which it is and when the clocks change."""
    typed = format_datetime(moment)
    if not _exists(moment, zone):
        first, after = _edges(moment, lambda m: not _exists(m, zone))
        raise ValidationError(
            _("%(time)s does not exist: the clocks go forward from %(from)s to %(to)s. "
              "Choose another time.")
            % {"time": typed, "from": format_time(first),
               "to": format_time(after)}, code="nonexistent_time")
    if _twice(moment, zone):
        first, after = _edges(moment, lambda m: _twice(m, zone))
        raise ValidationError(
            _("%(time)s happens twice: the clocks go back from %(to)s to %(from)s. "
              "Choose a time before %(from)s or from %(to)s on.")
            % {"time": typed, "from": format_time(first),
               "to": format_time(after)}, code="ambiguous_time")
