"""The merge fields of an email: one MergeContext per recipient, and the check of a document.

A MergeContext is computed once, in the recipient's language and time zone, and read by the HTML,
the plain text and the .ics alike. Its fields are the merge-field catalogue: the admin's help, the
communication screen's list and the check of unknown fields all read them, with the label and the
audience each field is for.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from html import escape
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ats.dates import format_date, format_time, format_weekday
from ats.users import display_name
from interviews.communication.recipients import Recipient
from interviews.outbox.models import Audience
from interviews.planning.configuration import written_location
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link

CANDIDATES, ATTENDEES = "candidates", "attendees"


def merge_field(name, label, *, only_for: str | None = None):
    """A merge field: empty unless filled, called `name` in the editor's menu and its chips,
    described by `label`, for everyone or `only_for` candidates or attendees (hiring manager
    and committee)."""
    return field(default="", metadata={"name": name, "label": label, "only_for": only_for})


@dataclass(frozen=True)
class MergeContext(Mapping):
    """What the merge fields say in one email to one recipient; reads as {field: text}."""

    recipient_name: str = merge_field(
        _("Recipient name"), _("the name of the person the email goes to"))
    candidate_name: str = merge_field(_("Candidate name"), _("the candidate's full name"))
    candidate_first_name: str = merge_field(
        _("Candidate first name"), _("the candidate's first name"))
    vacancy: str = merge_field(_("Vacancy"), _("the vacancy's title"))
    date: str = merge_field(_("Date"), _("the date of the interview, dd-mm-yyyy"))
    weekday: str = merge_field(
        _("Day of the week"), _("the day of the week, in the recipient's language"))
    start_time: str = merge_field(
        _("Start time"), _("the start time, HH:MM in the recipient's time zone"))
    end_time: str = merge_field(
        _("End time"), _("the end time, HH:MM in the recipient's time zone"))
    location: str = merge_field(_("Location"), _("where the interview takes place"))
    video_link: str = merge_field(
        _("Video link"), _("the link to join the interview online (online locations only)"))
    reason: str = merge_field(
        _("Reason"), _("why the interview is held (first interview, assessment…)"))
    interviewer: str = merge_field(_("Interviewer"), _("who holds the interview"))
    kind: str = merge_field(_("Who attends"), _("who attends: recruiter, hiring manager or both"))
    contact_person: str = merge_field(
        _("Contact person"), _("the hiring manager or contact person"))
    recruiter_name: str = merge_field(_("Recruiter name"), _("the recruiter's name"))
    recruiter_email: str = merge_field(_("Recruiter email"), _("the recruiter's email address"))
    recruiter_phone: str = merge_field(_("Recruiter phone"), _("the recruiter's phone number"))
    guidelines: str = merge_field(
        _("Guidelines"), _("the interview's guidelines (hiring manager and committee only)"),
        only_for=ATTENDEES)
    portal_link: str = merge_field(
        _("Manager portal link"),
        _("the link to the interview in the manager portal (hiring manager and committee only)"),
        only_for=ATTENDEES)
    accept_link: str = merge_field(
        _("“I'll be there” link"), _("the candidate's “I'll be there” link"),
        only_for=CANDIDATES)
    decline_link: str = merge_field(
        _("“I can't make it” link"), _("the candidate's “I can't make it” link"),
        only_for=CANDIDATES)
    cancellation_reason: str = merge_field(
        _("Reason for cancelling"), _("the reason given when cancelling (cancellation emails)"))
    scheduling_link: str = merge_field(
        _("“Choose a time” link"),
        _("the candidate's link to choose a time (“choose a time” documents)"),
        only_for=CANDIDATES)

    def __getitem__(self, name: str) -> str:
        if name not in MERGE_FIELDS:
            raise KeyError(name)
        return getattr(self, name)

    def __iter__(self):
        return iter(MERGE_FIELDS)

    def __len__(self) -> int:
        return len(MERGE_FIELDS)


MERGE_FIELDS = {f.name: f.metadata["label"] for f in fields(MergeContext)}
# What the editor's menu and chips call each field ("Candidate first name").
MERGE_FIELD_NAMES = {f.name: f.metadata["name"] for f in fields(MergeContext)}
FOR_ATTENDEES_ONLY = {f.name for f in fields(MergeContext) if f.metadata["only_for"] == ATTENDEES}
FOR_CANDIDATES_ONLY = {f.name for f in fields(MergeContext)
                       if f.metadata["only_for"] == CANDIDATES}


def merge_fields_for(audience: str) -> dict[str, str]:
    """The merge fields a document for `audience` may use, with their labels."""
    barred = FOR_ATTENDEES_ONLY if audience == Audience.CANDIDATE else FOR_CANDIDATES_ONLY
    return {name: label for name, label in MERGE_FIELDS.items() if name not in barred}


def _recruiter(user) -> dict[str, str]:
    profile = getattr(user, "recruiter_profile", None)
    return {"recruiter_name": display_name(user), "recruiter_email": user.email,
            "recruiter_phone": profile.phone if profile else ""}


def merge_context(interview: Interview, recipient: Recipient) -> MergeContext:
    """The merge fields of an email about an interview, for one recipient."""
    zone = ZoneInfo(recipient.time_zone)
    candidate = interview.candidate
    with translation.override(recipient.language):
        weekday, kind = format_weekday(interview.start, zone), str(interview.get_kind_display())
    personal = {}
    if recipient.audience == Audience.CANDIDATE:
        personal = {"accept_link": reply_link(interview, "accept"),
                    "decline_link": reply_link(interview, "decline")}
    elif recipient.contact_id is not None:  # an attendee; not the recruiter
        language = recipient.language
        personal = {"guidelines": "\n\n".join(
                        f"{g.display_title(language)}\n{g.display_text(language)}"
                        for g in interview.guidelines.all()),
                    "portal_link": portal_link(interview, recipient.contact_id)}
    return MergeContext(
        recipient_name=recipient.name,
        candidate_name=candidate.full_name if candidate else "",
        candidate_first_name=candidate.first_name if candidate else "",
        vacancy=interview.vacancy.title if interview.vacancy else "",
        date=format_date(interview.start, zone), weekday=weekday,
        start_time=format_time(interview.start, zone), end_time=format_time(interview.end, zone),
        location=written_location(interview, recipient.language),
        video_link=interview.video_link,
        reason=interview.reason.display_name(recipient.language) if interview.reason else "",
        interviewer=interview.interviewer, kind=kind,
        cancellation_reason=interview.cancellation_reason,
        contact_person=str(interview.contact_person or ""),
        **_recruiter(interview.owner), **personal)


def merge_values_for_registration(registration, *, by, link: str) -> MergeContext:
    """The merge fields of a "choose a time" email: there is no interview yet, only the
    registration."""
    candidate = registration.candidate
    return MergeContext(
        recipient_name=candidate.full_name, candidate_name=candidate.full_name,
        candidate_first_name=candidate.first_name, vacancy=registration.vacancy.title,
        scheduling_link=link, **_recruiter(by))


def sample_values() -> MergeContext:
    """Merge-field values for previews in Django admin: an interview at the office, so
    without a video link."""
    start = timezone.localtime().replace(hour=10, minute=0) + timedelta(days=3)
    return MergeContext(
        recipient_name="Sophie Mulder", candidate_name="Sophie Mulder",
        candidate_first_name="Sophie", vacancy="Senior Java Developer",
        date=format_date(start), weekday=format_weekday(start),
        start_time="10:00", end_time="11:00",
        location="Head office Utrecht, Catharijnesingel 42, 3511 GC Utrecht",
        reason="First interview",
        interviewer="Marieke van der Linden", kind=str(Interview.Kind.BOTH.label),
        contact_person="Marieke van der Linden", recruiter_name="Sanne de Vries",
        recruiter_email="sanne.devries@example.com", recruiter_phone="030-1234567",
        guidelines="STAR method\nAsk for concrete examples: situation, task, action, result.",
        portal_link="https://ats.example.com/portal/1/example/",
        accept_link="https://ats.example.com/reply/example/accept/",
        decline_link="https://ats.example.com/reply/example/decline/",
        scheduling_link="https://ats.example.com/choose/example/",
    )


MERGE_FIELD_PATTERN = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


_TEMPLATE_SYNTAX = re.compile(r"\{%|%\}|\{#|#\}")


def check_merge_fields(text: str, *, audience: str | None = None) -> None:
    """Refuse unknown merge fields (naming them) and any other template syntax."""
    if _TEMPLATE_SYNTAX.search(text):
        raise ValidationError(_("Only merge fields like {{ candidate_name }} are allowed here."))
    used = set(MERGE_FIELD_PATTERN.findall(text))
    unknown = sorted(name for name in used if name not in MERGE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Unknown merge field: %(fields)s."),
            params={"fields": _braced(unknown)},
        )
    if audience == Audience.CANDIDATE and (private := sorted(used & FOR_ATTENDEES_ONLY)):
        raise ValidationError(_("%(fields)s is not for candidates."),
                              params={"fields": _braced(private)})
    if audience and audience != Audience.CANDIDATE and (
            personal := sorted(used & FOR_CANDIDATES_ONLY)):
        raise ValidationError(_("%(fields)s is only for candidates."),
                              params={"fields": _braced(personal)})


def _braced(names: list[str]) -> str:
    return ", ".join(f"{{{{ {name} }}}}" for name in names)


def substitute(template: str, values: Mapping[str, str], *, html: bool) -> str:
    """Fill the merge fields of `template` from `values` (a MergeContext, or a notice's own
    fields): escaped for HTML, as they are for text."""
    def value(match: re.Match) -> str:
        text = values.get(match.group(1), "")
        return escape(text).replace("\n", "<br>\n") if html else text

    return MERGE_FIELD_PATTERN.sub(value, template)
