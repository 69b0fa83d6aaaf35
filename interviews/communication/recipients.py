"""Who an email goes to: one Recipient per person told, from the interview's one attendance
rule (Interview.attendees)."""

from dataclasses import dataclass

from django.conf import settings

from ats.users import display_name
from interviews.planning.attendance import Audience
from interviews.planning.models import Interview


@dataclass(frozen=True)
class Recipient:
    audience: str
    name: str
    email: str
    language: str
    time_zone: str
    wants_vcalendar: bool
    contact_id: int | None = None  # the ContactPerson, for manager and committee recipients


def recipients_for(interview: Interview, audience: str) -> list[Recipient]:
    """Who an audience button addresses: the candidate, or the manager (+ the committee)."""
    return [
        Recipient(audience=role, name=str(person), email=person.email, language=person.language,
                  time_zone=person.time_zone, wants_vcalendar=person.wants_vcalendar,
                  contact_id=None if role == Audience.CANDIDATE else person.pk)
        for role, person in interview.attendees(audience)
    ]


def owner_recipient(interview: Interview) -> Recipient:
    """The recruiter who owns the interview, told of answers and written into their calendar:
    in the site's language and time zone (a user has neither of their own)."""
    owner = interview.owner
    return Recipient(audience=Audience.RECRUITER, name=display_name(owner), email=owner.email,
                     language=settings.LANGUAGE_CODE, time_zone=settings.TIME_ZONE,
                     wants_vcalendar=False)
