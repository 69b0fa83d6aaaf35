"""From iCalendar data to busy intervals: the one place the rules of reading a calendar live,
for feeds and CalDAV alike.

Recurring events are expanded (RRULE, EXDATE, moved instances), Google's X-WR-TIMEZONE feeds
repaired first; transparent ("free") and cancelled events are no busy time, tentative ones are
tentatively busy. All-day events and floating times are read in the owner's time zone. Our own
interviews coming back through someone's calendar are left out: busy_times() counts them already.
Nothing but start, end and tentative is kept.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from interviews.availability.fetch import CalendarUnavailable, not_a_calendar
from interviews.availability.models import CalendarConnection
from interviews.planning.models import Interview


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime
    tentative: bool


@dataclass(frozen=True)
class Window:
    """The stretch of time read, and the time zone of dates and floating times in it."""

    start: datetime
    end: datetime
    zone: tzinfo

    @classmethod
    def around_now(cls, zone: tzinfo) -> "Window":
        now = timezone.now()
        return cls(now - timedelta(days=1), now + timedelta(days=settings.CALENDAR_SYNC_DAYS),
                   zone)


def owner_zone(connection: CalendarConnection) -> tzinfo:
    """The time zone the owner lives in: a contact person's or a room's own, else the office's."""
    owner = connection.contact_person or connection.location
    return ZoneInfo(getattr(owner, "time_zone", "") or settings.TIME_ZONE)


def parse(data: bytes | str) -> icalendar.Calendar:
    """The calendar in `data`; CalendarUnavailable when it is none."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if not text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCALENDAR"):
        raise not_a_calendar(web_page=text.lstrip().startswith("<"))
    try:
        return x_wr_timezone.to_standard(icalendar.Calendar.from_ical(text))
    except Exception:  # noqa: BLE001 — any malformed calendar gives the same reason
        raise not_a_calendar() from None


def busy_intervals(calendars: Iterable[icalendar.Calendar], window: Window) -> list[Interval]:
    """The busy time in `calendars` within `window`, in time order."""
    found: list[tuple[str, Interval]] = []
    for calendar in calendars:
        events = _occurrences(calendar, window)
        found += [(str(event.get("UID", "")), interval) for event in events
                  if (interval := _interval(event, window.zone)) is not None]
    ours = set(Interview.objects.filter(calendar_uid__in={uid for uid, _ in found if uid})
               .values_list("calendar_uid", flat=True))
    return sorted((interval for uid, interval in found if uid not in ours),
                  key=lambda interval: (interval.start, interval.end))


# More occurrences than anyone's working life holds in two months: a rule such as "every
# second" would otherwise keep the worker busy for hours and fill the table.
MAX_OCCURRENCES = 10_000


def _occurrences(calendar: icalendar.Calendar, window: Window) -> list[icalendar.Event]:
    """The events and the occurrences of recurring ones within `window`, in time order."""
    events = []
    try:
        for event in recurring_ical_events.of(calendar, skip_bad_series=True).after(
                window.start):
            if _starts(event, window) >= window.end:
                break
            if len(events) == MAX_OCCURRENCES:
                raise CalendarUnavailable(_(
                    "The calendar has more than %(count)s events in the coming weeks: it "
                    "cannot be read.") % {"count": f"{MAX_OCCURRENCES:,}".replace(",", ".")})
            events.append(event)
    except CalendarUnavailable:
        raise
    except Exception:  # noqa: BLE001 — a broken recurrence rule in someone's data
        raise not_a_calendar() from None
    return events


def _starts(event: icalendar.Event, window: Window) -> datetime:
    try:
        return _moment(event.start, window.zone)
    except (icalendar.IncompleteComponent, icalendar.InvalidCalendar):
        return window.start  # no start: left to _interval, which skips it


def _interval(event: icalendar.Event, zone: tzinfo) -> Interval | None:
    if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
        return None
    status = str(event.get("STATUS", "")).upper()
    if status == "CANCELLED":
        return None
    try:
        start, end = _moment(event.start, zone), _moment(event.end, zone)
    except (icalendar.IncompleteComponent, icalendar.InvalidCalendar):
        return None  # an event without a start is no busy time
    if end <= start:
        return None
    return Interval(start, end, tentative=status == "TENTATIVE")


def _moment(value: date | datetime, zone: tzinfo) -> datetime:
    """An aware datetime: a date is its midnight, and a floating time is read, in `zone`."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(ZoneInfo("UTC"))
