"""TODO docstring."""

import re
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from interviews.outbox.models import Audience
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link

MERGE_FIELDS = {
    "recipient_name": _("the name of the person the email goes to"),
    "candidate_name": _("the candidate's full name"),
    "candidate_first_name": _("the candidate's first name"),
    "vacancy": _("the vacancy's title"),
    "date": _("the date of the interview, dd-mm-yyyy"),
    "weekday": _("the day of the week, in the recipient's language"),
    "start_time": _("the start time, HH:MM in the recipient's time zone"),
    "end_time": _("the end time, HH:MM in the recipient's time zone"),
    "location": _("where the interview takes place"),
    "interviewer": _("who holds the interview"),
    "kind": _("who attends: recruiter, hiring manager or both"),
    "contact_person": _("the hiring manager or contact person"),
    "recruiter_name": _("the recruiter's name"),
    "recruiter_email": _("the recruiter's email address"),
    "recruiter_phone": _("the recruiter's phone number"),
    "guidelines": _("the interview's guidelines (hiring manager and committee only)"),
    "portal_link": _("the link to the interview in the manager portal (hiring manager and "
                     "committee only)"),
    "accept_link": _("the candidate's “I'll be there” link"),
    "decline_link": _("the candidate's “I can't make it” link"),
    "scheduling_link": _("the candidate's link to choose a time (“choose a time” documents)"),
    "cancellation_reason": _("the reason given when cancelling (cancellation emails)"),
}


FOR_ATTENDEES_ONLY = {"guidelines", "portal_link"}


FOR_CANDIDATES_ONLY = {"accept_link", "decline_link", "scheduling_link"}


_FIELD = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


_TEMPLATE_SYNTAX = re.compile(r"\{%|%\}|\{#|#\}")


def check_merge_fields(text: str, *, audience: str | None = None) -> None:
    """Refuse unknown merge fields (naming them) and any other template syntax."""
    if _TEMPLATE_SYNTAX.search(text):
        raise ValidationError(_("Only merge fields like {{ candidate_name }} are allowed here."))
    unknown = sorted({name for name in _FIELD.findall(text) if name not in MERGE_FIELDS})
    if unknown:
        raise ValidationError(
            _("Unknown merge field: %(fields)s."),
            params={"fields": _braced(unknown)},
        )
    used = set(_FIELD.findall(text))
    if audience == Audience.CANDIDATE and (private := sorted(used & FOR_ATTENDEES_ONLY)):
        raise ValidationError(_("%(fields)s is not for candidates."),
                              params={"fields": _braced(private)})
    if audience and audience != Audience.CANDIDATE and (
            personal := sorted(used & FOR_CANDIDATES_ONLY)):
        raise ValidationError(_("%(fields)s is only for candidates."),
                              params={"fields": _braced(personal)})


def _braced(names: list[str]) -> str:
    return ", ".join(f"{{{{ {name} }}}}" for name in names)


@dataclass(frozen=True)
class Recipient:
    audience: str
    name: str
    email: str
    language: str
    time_zone: str
    wants_vcalendar: bool
    contact_id: int | None = None  # the ContactPerson, for manager and committee recipients


def recipients_for(interview: Interview, audience: str, *, committee: bool) -> list[Recipient]:
    """Who an audience button addresses: the candidate, or the manager (+ the committee)."""
    if audience == Audience.CANDIDATE:
        people = [(Audience.CANDIDATE, interview.candidate)] if interview.candidate else []
    else:
        people = [(Audience.MANAGER, interview.contact_person)] if interview.contact_person else []
        if committee:
            people += [(Audience.COMMITTEE, member)
                       for member in interview.committee_members.all()]
    return [
        Recipient(audience=role, name=str(person), email=person.email, language=person.language,
                  time_zone=person.time_zone, wants_vcalendar=person.wants_vcalendar,
                  contact_id=None if role == Audience.CANDIDATE else person.pk)
        for role, person in people
    ]


def merge_values(interview: Interview, recipient: Recipient) -> dict[str, str]:
    zone = ZoneInfo(recipient.time_zone)
    start, end = interview.start.astimezone(zone), interview.end.astimezone(zone)
    owner = interview.owner
    profile = getattr(owner, "recruiter_profile", None)
    with translation.override(recipient.language):
        values = {
            "recipient_name": recipient.name,
            "candidate_name": interview.candidate.full_name if interview.candidate else "",
            "candidate_first_name": interview.candidate.first_name if interview.candidate else "",
            "vacancy": interview.vacancy.title if interview.vacancy else "",
            "date": start.strftime("%d-%m-%Y"),
            "weekday": date_format(start, "l"),
            "start_time": start.strftime("%H:%M"),
            "end_time": end.strftime("%H:%M"),
            "location": interview.location_text,
            "interviewer": interview.interviewer,
            "kind": str(interview.get_kind_display()),
            "contact_person": str(interview.contact_person or ""),
            "recruiter_name": owner.get_full_name() or owner.get_username(),
            "recruiter_email": owner.email,
            "recruiter_phone": profile.phone if profile else "",
            "guidelines": "",
            "cancellation_reason": interview.cancellation_reason,
        }
    if recipient.audience == Audience.CANDIDATE:
        values["accept_link"] = reply_link(interview, "accept")
        values["decline_link"] = reply_link(interview, "decline")
    elif recipient.contact_id is not None:  # an attendee; not the recruiter
        values["guidelines"] = "\n\n".join(
            f"{g.title}\n{g.text}" for g in interview.guidelines.all())
        values["portal_link"] = portal_link(interview, recipient.contact_id)
    return values


def merge_values_for_registration(registration, *, by, link: str) -> dict[str, str]:
    """Values for a "choose a time" email: there is no interview yet, only the registration."""
    candidate = registration.candidate
    profile = getattr(by, "recruiter_profile", None)
    return {
        "recipient_name": candidate.full_name, "candidate_name": candidate.full_name,
        "candidate_first_name": candidate.first_name, "vacancy": registration.vacancy.title,
        "recruiter_name": by.get_full_name() or by.get_username(), "recruiter_email": by.email,
        "recruiter_phone": profile.phone if profile else "", "scheduling_link": link,
    }


def sample_values() -> dict[str, str]:
    """Merge-field values for previews in Django admin."""
    start = timezone.localtime().replace(hour=10, minute=0) + timedelta(days=3)
    return {
        "recipient_name": "Sophie Mulder", "candidate_name": "Sophie Mulder",
        "candidate_first_name": "Sophie", "vacancy": "Senior Java Developer",
        "date": start.strftime("%d-%m-%Y"), "weekday": date_format(start, "l"),
        "start_time": "10:00", "end_time": "11:00",
        "location": "Head office Utrecht, Catharijnesingel 42, 3511 GC Utrecht",
        "interviewer": "Marieke van der Linden", "kind": str(Interview.Kind.BOTH.label),
        "contact_person": "Marieke van der Linden", "recruiter_name": "Sanne de Vries",
        "recruiter_email": "sanne.devries@example.com", "recruiter_phone": "030-1234567",
        "guidelines": "STAR method\nAsk for concrete examples: situation, task, action, result.",
        "portal_link": "https://ats.example.com/portal/1/example/",
        "accept_link": "https://ats.example.com/reply/example/accept/",
        "decline_link": "https://ats.example.com/reply/example/decline/",
        "scheduling_link": "https://ats.example.com/choose/example/",
    }


def substitute(template: str, values: dict[str, str], *, html: bool) -> str:
    def value(match: re.Match) -> str:
        text = values.get(match.group(1), "")
        return escape(text).replace("\n", "<br>\n") if html else text

    return _FIELD.sub(value, template)
