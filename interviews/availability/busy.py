"""Who is busy when: the stored busy blocks of people's and rooms' calendars, and the
interviews planned in this app. Reads the database only (two queries), never a calendar server:
the worker keeps the blocks up to date (sync)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F, Q
from django.http import QueryDict

from ats.params import whole_number
from interviews.availability.models import BusyBlock, read_long_ago
from interviews.planning.models import Interview


@dataclass(frozen=True)
class Attendees:
    """The people and the room of an interview, by id; `interview` is the one being edited (its
    own time is not busy for it)."""

    users: frozenset[int] = frozenset()
    contacts: frozenset[int] = frozenset()
    locations: frozenset[int] = frozenset()
    candidate: int | None = None
    interview: int | None = None

    @classmethod
    def of(cls, interview: Interview, committee=()) -> "Attendees":
        """An interview's attendees as its form has them (the committee is not saved yet)."""
        contacts = {person.pk for person in committee}
        if interview.contact_person_id:
            contacts.add(interview.contact_person_id)
        return cls(users=frozenset({interview.owner_id} if interview.owner_id else ()),
                   contacts=frozenset(contacts),
                   locations=frozenset({interview.location_id} if interview.location_id else ()),
                   candidate=interview.candidate_id, interview=interview.pk)

    @classmethod
    def from_query(cls, query: QueryDict) -> "Attendees":
        """From a query string: user=, contact= and location= (each repeatable), candidate=,
        interview=; what is no id is left out."""
        def ids(name: str) -> frozenset[int]:
            return frozenset(n for n in map(whole_number, query.getlist(name)) if n)
        return cls(users=ids("user"), contacts=ids("contact"), locations=ids("location"),
                   candidate=whole_number(query.get("candidate")),
                   interview=whole_number(query.get("interview")))

    def keys(self) -> list[str]:
        return ([f"user:{pk}" for pk in sorted(self.users)]
                + [f"contact:{pk}" for pk in sorted(self.contacts)]
                + [f"location:{pk}" for pk in sorted(self.locations)]
                + ([f"candidate:{self.candidate}"] if self.candidate else []))


@dataclass(frozen=True, order=True)
class Busy:
    """One busy time of one attendee (`who`: "user:3", "contact:5", "location:2",
    "candidate:7"). `interview` is the id of an interview planned here; calendar blocks have
    None, and `stale` when their calendar was last read more than a day ago."""

    start: datetime
    end: datetime
    who: str
    tentative: bool = False
    interview: int | None = None
    stale: bool = field(default=False, compare=False)


def busy_times(attendees: Attendees, start: datetime, end: datetime) -> list[Busy]:
    """Every busy time of the attendees overlapping [start, end), sorted by start."""
    # By key: a calendar block (interview None) and a planned interview at the same time of
    # the same person would otherwise be compared on None < int.
    return sorted({*_calendar_blocks(attendees, start, end),
                   *_planned_interviews(attendees, start, end)},
                  key=lambda busy: (busy.start, busy.end, busy.who, busy.tentative,
                                    busy.interview or 0))


def _calendar_blocks(attendees: Attendees, start: datetime, end: datetime) -> list[Busy]:
    owners = (Q(connection__user__in=attendees.users)
              | Q(connection__contact_person__in=attendees.contacts)
              | Q(connection__location__in=attendees.locations))
    rows = (BusyBlock.objects.filter(owners, start__lt=end, end__gt=start)
            .values_list("start", "end", "tentative", "connection__user",
                         "connection__contact_person", "connection__location",
                         "connection__last_read_at"))
    blocks = []
    for block_start, block_end, tentative, user, contact, location, read_at in rows:
        who = (f"user:{user}" if user else f"contact:{contact}" if contact
               else f"location:{location}")
        stale = read_long_ago(read_at)
        blocks.append(Busy(block_start, block_end, who, tentative=tentative, stale=stale))
    return blocks


def _planned_interviews(attendees: Attendees, start: datetime, end: datetime) -> list[Busy]:
    """Planned interviews of the attendees (one row per matching person; the committee's rows
    come from the same query's join)."""
    same = Q(owner__in=attendees.users) | Q(contact_person__in=attendees.contacts) | Q(
        location__in=attendees.locations) | Q(committee_members__in=attendees.contacts)
    if attendees.candidate:
        same |= Q(candidate=attendees.candidate)
    rows = (Interview.objects.planned().overlapping(start, end).filter(same)
            .exclude(pk=attendees.interview or 0)
            .annotate(until=F("start") + F("duration"), member=F("committee_members"))
            .values_list("pk", "start", "until", "owner", "contact_person", "location",
                         "candidate", "member").order_by())
    busy = set()
    for pk, begins, ends, owner, contact, location, candidate, member in rows:
        for who, matches in ((f"user:{owner}", owner in attendees.users),
                             (f"contact:{contact}", contact in attendees.contacts),
                             (f"contact:{member}", member in attendees.contacts),
                             (f"location:{location}", location in attendees.locations),
                             (f"candidate:{candidate}",
                              candidate is not None and candidate == attendees.candidate)):
            if matches:
                busy.add(Busy(begins, ends, who, interview=pk))
    return list(busy)
