"""The .ics of an invitation or a cancellation (an iTIP request calendars treat as a meeting),
and the same event as written into a person's own calendar (write-back)."""

from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event, vCalAddress, vText

from interviews.communication.merge import MergeContext
from interviews.communication.recipients import Recipient
from interviews.planning.configuration import written_location
from interviews.planning.models import Interview


def build_invitation(interview: Interview, recipient: Recipient, context: MergeContext, *,
                     cancel: bool, summary: str) -> str:
    """An iTIP request (or cancellation) that calendars treat as a meeting invitation; its
    description says what the email's merge fields (`context`) say."""
    calendar = _calendar()
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    calendar.add_component(_event(interview, recipient, context, cancel=cancel, summary=summary,
                                  stamp=timezone.now()))
    return calendar.to_ical().decode()


def build_calendar_entry(interview: Interview, recipient: Recipient, context: MergeContext, *,
                         summary: str) -> str:
    """The same event as the invitation, as a resource stored in the recipient's own calendar
    over CalDAV (write-back): no METHOD, which a calendar object resource must not carry
    (RFC 4791, 4.1). DTSTAMP is when the interview last changed, as RFC 5545 asks of an object
    without METHOD: an unchanged interview gives the same text."""
    calendar = _calendar()
    calendar.add_component(_event(interview, recipient, context, cancel=False, summary=summary,
                                  stamp=interview.updated_at or timezone.now()))
    return calendar.to_ical().decode()


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//ATS interview planning//EN")
    calendar.add("version", "2.0")
    return calendar


def _event(interview: Interview, recipient: Recipient, context: MergeContext, *, cancel: bool,
           summary: str, stamp: datetime) -> Event:
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    event = Event()
    event.add("uid", interview.calendar_uid)
    event.add("sequence", interview.sequence)
    event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
    event.add("dtstart", interview.start.astimezone(ZoneInfo("UTC")))
    event.add("dtend", interview.end.astimezone(ZoneInfo("UTC")))
    event.add("summary", summary)
    if where := _where(written_location(interview, recipient.language), context.video_link):
        event.add("location", where)
    if context.video_link:
        event.add("url", context.video_link)
    event.add("description", _description(context, recipient.language))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{organizer_email}")
    organizer.params["cn"] = vText(organizer_name or organizer_email)
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{recipient.email}")
    attendee.params["cn"] = vText(recipient.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("TRUE")
    event.add("attendee", attendee)
    return event


def _where(place: str, video_link: str) -> str:
    """The place and the link to join, where calendars show it and make it a link."""
    return ", ".join(part for part in (place, video_link) if part)


def _description(context: MergeContext, language: str) -> str:
    """What the calendar entry says: the facts, never the memo."""
    with translation.override(language):
        # The labels outside f-strings, where xgettext finds them.
        facts = [(_("Candidate"), context.candidate_name), (_("Vacancy"), context.vacancy),
                 (_("Reason"), context.reason), (_("Interviewer"), context.interviewer),
                 (_("Join online"), context.video_link),
                 (_("Recruiter"),
                  f"{context.recruiter_name} {context.recruiter_email}".strip())]
        lines = [f"{label}: {value}" for label, value in facts if value]
    return "\n".join(line for line in lines if line)
