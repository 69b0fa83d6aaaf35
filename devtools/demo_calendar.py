"""A hiring manager's calendar for the demo, as the iCalendar feed Google or Outlook would
publish: a weekly team meeting, a fortnightly review, lunch-time blocks and some one-off
meetings over the coming weeks, always around today so that a new user sees busy times in the
interview form at once. `make run` serves it at /dev/calendars/<name>.ics (DEBUG only)."""

import hashlib
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# (weekday, start, minutes, rule): Monday's team meeting, Wednesday's fortnightly review.
RECURRING = [(0, time(9, 30), 60, {"FREQ": "WEEKLY"}),
             (2, time(14, 0), 90, {"FREQ": "WEEKLY", "INTERVAL": 2}),
             (4, time(16, 0), 60, {"FREQ": "WEEKLY"})]
ONE_OFF_STARTS = [time(9, 0), time(10, 30), time(11, 0), time(13, 30), time(15, 0)]


def demo_feed(name: str, today: date) -> bytes:
    """The feed of `name` as it stands on `today` (the same for the same day and name)."""
    calendar = Calendar()
    calendar.add("prodid", "-//ATS demo//Demo calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{name} (demo)")
    monday = today - timedelta(days=today.weekday())
    for weekday, start, minutes, rule in RECURRING:
        calendar.add_component(_event(name, monday + timedelta(days=weekday), start, minutes,
                                      rule=rule))
    seed = int(hashlib.sha256(f"{name}:{monday}".encode()).hexdigest(), 16)
    rng = random.Random(seed)
    for offset in range(21):
        day = today + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for start in rng.sample(ONE_OFF_STARTS, k=rng.choice([1, 2, 2, 3])):
            calendar.add_component(_event(name, day, start, rng.choice([30, 60, 60, 90]),
                                          tentative=rng.random() < 0.2))
    return calendar.to_ical()


def _event(name: str, day: date, start: time, minutes: int, *, rule=None,
           tentative: bool = False) -> Event:
    begins = datetime.combine(day, start, AMSTERDAM)
    event = Event()
    event.add("uid", f"{name}-{begins:%Y%m%dT%H%M}@demo-calendar")
    event.add("dtstamp", datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC")))
    event.add("dtstart", begins)
    event.add("dtend", begins + timedelta(minutes=minutes))
    event.add("summary", "Busy")  # the app stores no titles; a real feed would have one
    if rule:
        event.add("rrule", rule)
    if tentative:
        event.add("status", "TENTATIVE")
    return event
