"""What people's and the room's calendars say about an interview's time, for the overlap warning
on saving: "Marieke van der Linden is busy 10:00–11:00 in their calendar"."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ats.dates import format_datetime, format_time
from ats.users import display_name
from interviews.availability.busy import Attendees, Busy, busy_times
from interviews.planning.models import Interview

MOST = 5  # as many as the warning lists of planned interviews


def busy_in_calendars(interview: Interview, committee=()) -> list[str]:
    """One sentence per calendar block overlapping the interview (planned interviews are listed
    by the warning already), in the recruiter's time zone; two queries."""
    names = _names(interview, committee)
    blocks = [busy for busy in busy_times(Attendees.of(interview, committee), interview.start,
                                          interview.end) if busy.interview is None]
    return [_sentence(busy, names.get(busy.who, ""), interview.start) for busy in blocks[:MOST]]


def _names(interview: Interview, committee) -> dict[str, str]:
    names = {f"contact:{person.pk}": str(person) for person in committee}
    if interview.owner_id:
        names[f"user:{interview.owner_id}"] = display_name(interview.owner)
    if interview.contact_person_id:
        names[f"contact:{interview.contact_person_id}"] = str(interview.contact_person)
    if interview.location_id:
        names[f"location:{interview.location_id}"] = str(interview.location)
    return names


def _sentence(busy: Busy, name: str, day: datetime) -> str:
    values = {"name": name,
              "time": f"{_moment(busy.start, day)}–{_moment(busy.end, day)}"}
    if busy.who.startswith("location:"):
        text = (_("%(name)s is possibly booked %(time)s in its calendar") if busy.tentative
                else _("%(name)s is booked %(time)s in its calendar"))
    else:
        text = (_("%(name)s is possibly busy %(time)s in their calendar") if busy.tentative
                else _("%(name)s is busy %(time)s in their calendar"))
    return text % values


def _moment(moment: datetime, day: datetime) -> str:
    """The time alone on the interview's day; with the date on another (an all-day event)."""
    same_day = timezone.localdate(moment) == timezone.localdate(day)
    return format_time(moment) if same_day else format_datetime(moment)
