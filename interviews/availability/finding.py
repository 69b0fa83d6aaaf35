"""Free times for everyone of an interview: "Find a time" in the interview form, a series of
selection interviews placed on free times, and self-scheduling's check that the interviewers are
still free. Reads stored rows only: the working hours in one query and the busy times of the
whole window in two (busy.py), however many times are tried."""

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import CharField, Value
from django.utils import timezone

from interviews.availability.busy import Attendees, busy_times
from interviews.availability.models import WorkingHours, default_weekdays
from interviews.planning.models import Interview
from vacancies.models import ContactPerson

STEP = timedelta(minutes=15)
WINDOW = timedelta(days=14)
PROPOSALS = 5
# Proposals a day, and how far apart on one day: see proposals().
PER_DAY, APART = 2, timedelta(hours=3)


@dataclass(frozen=True)
class Hours:
    """When one person can be invited, on their own clock."""

    zone: ZoneInfo
    weekdays: frozenset[int] = frozenset(default_weekdays())
    start: time = time(9)
    end: time = time(17)

    def allow(self, start: datetime, end: datetime) -> bool:
        """The whole of [start, end) on one working day, within the hours. On the wall clock
        of the person's zone, so 09:00 stays 09:00 when the clocks change."""
        first, last = start.astimezone(self.zone), end.astimezone(self.zone)
        return (first.weekday() in self.weekdays and last.date() == first.date()
                and self.start <= first.time() and last.time() <= self.end)


def working_hours(attendees: Attendees) -> list[Hours]:
    """The hours of the attendees who are people, in one query (contacts without a row of their
    own get the default in their zone). Users share the default hours in the office's zone; with
    no people at all the default applies too: someone asks, and nobody wants proposals at night."""
    office = settings.TIME_ZONE
    contacts = (ContactPerson.objects.filter(pk__in=attendees.contacts).order_by()
                .values_list(Value("contact", output_field=CharField()), "time_zone",
                             "working_hours__weekdays", "working_hours__start",
                             "working_hours__end"))
    users = (WorkingHours.objects.filter(user__in=attendees.users).order_by()
             .values_list(Value("user", output_field=CharField()),
                          Value(office, output_field=CharField()), "weekdays", "start", "end"))
    rows = list(contacts.union(users, all=True).order_by())
    hours = [Hours(ZoneInfo(zone)) if weekdays is None else
             Hours(ZoneInfo(zone), frozenset(weekdays), start, end)
             for _kind, zone, weekdays, start, end in rows]
    users_with_hours = sum(kind == "user" for kind, *_rest in rows)
    if users_with_hours < len(attendees.users) or not rows:
        hours.append(Hours(ZoneInfo(office)))
    return hours


class FreeTime:
    """Everyone's working hours and busy times over a window, loaded once; tentative busy
    times count as busy (better a question less than an interview someone cannot attend)."""

    def __init__(self, attendees: Attendees, start: datetime, end: datetime, *,
                 hours: bool = True) -> None:
        self.hours = working_hours(attendees) if hours else []
        merged: list[list[datetime]] = []
        for busy in busy_times(attendees, start, end):
            if merged and busy.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], busy.end)
            else:
                merged.append([busy.start, busy.end])
        self._starts = [block[0] for block in merged]
        self._ends = [block[1] for block in merged]

    def is_free(self, start: datetime, duration: timedelta) -> bool:
        end = start + duration
        if not all(person.allow(start, end) for person in self.hours):
            return False
        # The first busy block that ends after `start` is the only one that can overlap.
        index = bisect_right(self._ends, start)
        return index == len(self._starts) or self._starts[index] >= end


def next_quarter(moment: datetime) -> datetime:
    """`moment` rounded up to a quarter hour (of UTC: every zone's quarters are the same)."""
    step = STEP.total_seconds()
    return datetime.fromtimestamp(-(-moment.timestamp() // step) * step, tz=moment.tzinfo)


def free_starts(free: FreeTime, duration: timedelta, start: datetime,
                end: datetime) -> Iterator[datetime]:
    moment = next_quarter(start)
    while moment < end:
        if free.is_free(moment, duration):
            yield moment
        moment += STEP


def proposals(attendees: Attendees, duration: timedelta, *,
              now: datetime | None = None) -> list[datetime]:
    """The next five starts, from now over the next 14 days, when everyone is free.

    Not simply the earliest five: those are usually 09:00, 09:15, 09:30… of one day, and a
    recruiter who offers times to a manager or a candidate wants real alternatives. So at most
    two a day, the second at least three hours after the first (a morning and an afternoon):
    five proposals then span at least three days, and the earliest free time still comes first.
    """
    start = next_quarter(now or timezone.now())
    end = start + WINDOW
    free = FreeTime(attendees, start, end + duration)
    chosen: list[datetime] = []
    for moment in free_starts(free, duration, start, end):
        day = [other for other in chosen
               if timezone.localdate(other) == timezone.localdate(moment)]
        if len(day) >= PER_DAY or (day and moment - day[-1] < APART):
            continue
        chosen.append(moment)
        if len(chosen) == PROPOSALS:
            break
    return chosen


def series_starts(attendees: Attendees, duration: timedelta, *, first: datetime, count: int,
                  gap: timedelta) -> list[datetime]:
    """Starts for `count` interviews from `first` on, each as soon as everyone is free after the
    previous one and its gap: back to back while everyone is free, otherwise from the next free
    quarter hour. Fewer when the 14 days from `first` hold no more."""
    end = first + WINDOW
    free = FreeTime(attendees, first, end + duration)
    starts: list[datetime] = []
    moment = first
    while len(starts) < count and moment < end:
        if free.is_free(moment, duration):
            starts.append(moment)
            moment += duration + gap
        else:
            moment = next_quarter(moment + timedelta(microseconds=1))
    return starts


def interviewers(interview: Interview) -> Attendees:
    """Who must be free for an open selection interview: its contact person, its committee and
    its room (prefetch the committee). Not the owner: the recruiter need not attend."""
    everyone = Attendees.of(interview, interview.committee_members.all())
    return replace(everyone, users=frozenset(), candidate=None)


def still_free(interviews: Iterable[Interview]) -> list[Interview]:
    """The planned interviews whose interviewers have no other busy time at their time, in two
    queries for all. The given interviews do not make each other busy: they are the choices."""
    interviews = list(interviews)
    if not interviews:
        return []
    wanted = {interview.pk: interviewers(interview) for interview in interviews}
    everyone = Attendees(
        contacts=frozenset().union(*(who.contacts for who in wanted.values())),
        locations=frozenset().union(*(who.locations for who in wanted.values())))
    busy = [block for block in busy_times(everyone, min(i.start for i in interviews),
                                          max(i.end for i in interviews))
            if block.interview not in wanted]
    people = {pk: set(who.keys()) for pk, who in wanted.items()}
    return [interview for interview in interviews
            if not any(block.who in people[interview.pk]
                       and block.start < interview.end and block.end > interview.start
                       for block in busy)]
