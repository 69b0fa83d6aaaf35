"""Build the emails about an interview: merge fields, the HTML profile, the .ics invitation.

One builder serves the preview on the communication screen and the Message rows that are sent,
so what the recruiter checks is what the recipient gets. Rendering is a plain substitution of a
fixed set of {{ fields }} — no template language — so a document cannot run code or read data.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from email.headerregistry import Address
from email.utils import parseaddr
from html import escape
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event, vCalAddress, vText

from .email_html import email_page, sanitise
from .links import portal_link, reply_link
from .models import Audience, HtmlProfile, Interview, Message

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
}
FOR_ATTENDEES_ONLY = {"guidelines", "portal_link"}
FOR_CANDIDATES_ONLY = {"accept_link", "decline_link", "scheduling_link"}

_FIELD = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_TEMPLATE_SYNTAX = re.compile(r"\{%|%\}|\{#|#\}")
_SLOT = re.compile(r"\{\{ (logo|subject|content) \}\}")


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


def substitute(template: str, values: dict[str, str], *, html: bool) -> str:
    def value(match: re.Match) -> str:
        text = values.get(match.group(1), "")
        return escape(text).replace("\n", "<br>\n") if html else text

    return _FIELD.sub(value, template)


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render_email(*, subject: str, body: str, profile: HtmlProfile,
                 values: dict[str, str]) -> Rendered:
    # A subject is one line: a newline typed or merged in can never start another header.
    subject = " ".join(substitute(subject, values, html=False).split())
    content = sanitise(substitute(body, values, html=True))
    logo = (f'<img src="{escape(profile.logo_url)}" alt="" height="40">'
            if profile.logo_url else "")
    slots = {"logo": logo, "subject": escape(subject), "content": content}
    # One pass, so text inside a filled slot is never taken for another slot.
    page = _SLOT.sub(lambda match: slots[match.group(1)], profile.layout)
    return Rendered(subject=subject, text=html_to_text(content),
                    html=email_page(page, css=profile.css, title=subject))


class _TextWriter(HTMLParser):
    """HTML to a plain text that reads well on its own: paragraphs, lists, links."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "table", "tr", "ul", "ol"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "a":
            self.href = dict(attrs).get("href")

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.href:
            self.parts.append(f" ({self.href})")
            self.href = None

    def handle_data(self, data) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    writer = _TextWriter()
    writer.feed(html)
    text = "".join(writer.parts)
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def build_invitation(interview: Interview, recipient: Recipient, *, cancel: bool,
                     summary: str) -> str:
    """An iTIP request (or cancellation) that calendars treat as a meeting invitation."""
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    calendar = Calendar()
    calendar.add("prodid", "-//ATS interview planning//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    event = Event()
    event.add("uid", interview.calendar_uid)
    event.add("sequence", interview.sequence)
    event.add("dtstamp", timezone.now().astimezone(ZoneInfo("UTC")))
    event.add("dtstart", interview.start.astimezone(ZoneInfo("UTC")))
    event.add("dtend", interview.end.astimezone(ZoneInfo("UTC")))
    event.add("summary", summary)
    if interview.location_text:
        event.add("location", interview.location_text)
    event.add("description", _description(interview, recipient))
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
    calendar.add_component(event)
    return calendar.to_ical().decode()


def _description(interview: Interview, recipient: Recipient) -> str:
    """What the calendar entry says: the facts, never the memo."""
    values = merge_values(interview, recipient)
    with translation.override(recipient.language):
        lines = [
            f"{_('Candidate')}: {values['candidate_name']}" if values["candidate_name"] else "",
            f"{_('Vacancy')}: {values['vacancy']}" if values["vacancy"] else "",
            f"{_('Interviewer')}: {values['interviewer']}" if values["interviewer"] else "",
            f"{_('Recruiter')}: {values['recruiter_name']} {values['recruiter_email']}".strip(),
        ]
    return "\n".join(line for line in lines if line)


class InterviewEmail(EmailMultiAlternatives):
    """Adds the iTIP method to the text/calendar part's Content-Type (Outlook looks for it)."""

    calendar_method: str | None = None

    def message(self, **kwargs):
        message = super().message(**kwargs)
        if self.calendar_method:
            for part in message.walk():
                if part.get_content_type() == "text/calendar":
                    part.set_param("method", self.calendar_method)
        return message


def _invitation_as_attachment() -> bool:
    # Several ESPs refuse a text/calendar alternative part; with them the invitation travels
    # as an attachment, which Gmail, Outlook and Apple Mail also offer to add to the calendar.
    backend = settings.MAILERS["default"].get("BACKEND", "")
    return backend.startswith("anymail.")


def email_address(name: str, email: str) -> str:
    """A header address for any display name: quoted (or encoded) as a period, comma, colon,
    quote, @ or a non-ASCII letter requires; the one place that writes a name with an address."""
    return str(Address(display_name=name, addr_spec=email))


def sender_address() -> str:
    """DEFAULT_FROM_EMAIL as an operator may write it (`Werving B.V. <werving@example.com>`)."""
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return email_address(name, email)


def build_email(message: Message) -> EmailMultiAlternatives:
    """The email for one stored Message: text, HTML, and the invitation when it has one."""
    email = InterviewEmail(
        subject=message.subject,
        body=message.text,
        from_email=sender_address(),
        to=[email_address(message.recipient_name, message.recipient_email)],
        headers={"Message-ID": message.message_id},  # the same on every attempt
    )
    email.attach_alternative(message.html, "text/html")
    if message.ics:
        method = "CANCEL" if "METHOD:CANCEL" in message.ics else "REQUEST"
        if _invitation_as_attachment():
            email.attach("invitation.ics", message.ics, "text/calendar")
        else:
            email.calendar_method = method
            email.attach_alternative(message.ics, "text/calendar")
    return email


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

