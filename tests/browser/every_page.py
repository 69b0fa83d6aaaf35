"""Every page a recruiter, a hiring manager and a candidate reach, with the data that fills them:
the walk the accessibility and phone tests share."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from interviews.availability.models import BusyBlock, CalendarConnection
from interviews.outbox.models import Message
from interviews.planning.models import Interview
from interviews.portal.links import portal_link, reply_link, scheduling_link
from interviews.portal.models import SchedulingInvitation

PASSWORDS = {"alice": "alice-password", "bob": "bob-password"}
WIDTHS = {"laptop": 1280, "phone": 390}
LOCALES = {"en": "en-US", "nl": "nl-NL"}


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    who: str = "alice"  # the user logged in, or "" for a visitor with a link
    # The email preview is the email as sent: a 600 px layout, shown in a frame that scrolls.
    fits_a_phone: bool = True


def site_path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def message(interview: Interview, status: str, **fields) -> Message:
    return Message.objects.create(
        interview=interview, audience="candidate", purpose="invitation", status=status,
        recipient_name=interview.candidate.full_name, recipient_email=interview.candidate.email,
        document_name="Invitation", subject="Your interview", text="T", html="<p>T</p>",
        send_token=f"token-{status}", **fields)


def slot(vacancy, owner, days: int) -> Interview:
    """An open selection interview a candidate may choose."""
    return Interview.objects.create(vacancy=vacancy, owner=owner, kind="both",
                                    start=timezone.now() + timedelta(days=days),
                                    contact_person=vacancy.hiring_manager, location_text="Utrecht")


def fill_the_office(*, language: str, registration, make_interview, manager_contact,
                    recruiter) -> dict:
    """A day's worth of data in the recipients' language: interviews past and coming, messages
    in every state, open selection times, an invitation to choose one."""
    candidate, vacancy = registration.candidate, registration.vacancy
    for person in (candidate, manager_contact):
        person.language = language
        person.save()
    coming = make_interview(registration=registration, kind="both", interviewer="Pat Jansen",
                            contact_person=manager_contact, location_text="Utrecht")
    held = make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          when=timezone.now() - timedelta(days=1))
    message(coming, "sent", sent_at=timezone.now())
    message(coming, "retrying", attempts=1, next_attempt_at=timezone.now() + timedelta(minutes=2),
            error_reason="timeout")
    message(coming, "failed", attempts=4, error_reason="recipient")
    slot(vacancy, recruiter, 3), slot(vacancy, recruiter, 4)
    invitation = SchedulingInvitation.objects.create(
        registration=registration, expires_at=timezone.now() + timedelta(days=3))
    calendar = CalendarConnection.objects.create(
        contact_person=manager_contact, url="https://calendar.example.org/s3cr3t.ics",
        last_read_at=timezone.now() - timedelta(days=2), last_attempt_at=timezone.now(),
        last_error="401 Unauthorized")
    BusyBlock.objects.create(connection=calendar, start=coming.start - timedelta(hours=2),
                             end=coming.start - timedelta(hours=1), tentative=True)
    return {"coming": coming, "held": held, "invitation": invitation, "calendar": calendar,
            "registration": registration, "language": language}


def every_page(office: dict) -> list[Page]:
    coming, held, registration = office["coming"], office["held"], office["registration"]
    candidate, vacancy = registration.candidate, registration.vacancy
    contact, calendar = coming.contact_person, office["calendar"]
    return [
        Page("login", "/accounts/login/", who=""),
        Page("reply: accept", site_path(reply_link(coming, "accept")), who=""),
        Page("reply: decline", site_path(reply_link(coming, "decline")), who=""),
        Page("choose a time", site_path(scheduling_link(office["invitation"])), who=""),
        Page("bad link", "/choose/no-such-link/", who=""),
        Page("portal: signed link", site_path(portal_link(coming, contact.pk)), who=""),
        Page("portal: home", "/portal/", who="bob"),
        Page("portal: interview with feedback", f"/portal/interviews/{held.pk}/", who="bob"),
        Page("portal: my calendars", "/portal/calendars/", who="bob"),
        Page("dashboard (manager)", "/", who="bob"),
        Page("dashboard", "/"),
        Page("workflow", "/workflow/"),
        Page("candidates", "/candidates/"),
        Page("candidate dossier", f"/candidates/{candidate.pk}/"),
        Page("candidate form: new", "/candidates/new/"),
        Page("candidate form: edit", f"/candidates/{candidate.pk}/edit/"),
        Page("registration dossier", f"/registrations/{registration.pk}/"),
        Page("registration: pick a candidate", f"/registrations/new/?vacancy={vacancy.pk}"),
        Page("registration form", f"/registrations/new/?candidate={candidate.pk}"),
        Page("vacancies", "/vacancies/"),
        Page("vacancy dossier", f"/vacancies/{vacancy.pk}/"),
        Page("vacancy form: new", "/vacancies/new/"),
        Page("vacancy form: edit", f"/vacancies/{vacancy.pk}/edit/"),
        Page("contact persons", "/contacts/"),
        Page("contact dossier", f"/contacts/{contact.pk}/"),
        Page("contact form: new", "/contacts/new/"),
        Page("contact form: edit", f"/contacts/{contact.pk}/edit/"),
        Page("interview form: workflow door",
             f"/registrations/{registration.pk}/interviews/new/?back=workflow"),
        Page("interview form: registration door",
             f"/registrations/{registration.pk}/interviews/new/"),
        Page("interview form: candidate door", f"/candidates/{candidate.pk}/interviews/new/"),
        Page("interview form: vacancy door", f"/vacancies/{vacancy.pk}/interviews/new/"),
        Page("interview form: edit", f"/interviews/{coming.pk}/"),
        Page("cancel an interview", f"/interviews/{coming.pk}/cancel/"),
        Page("communicate: candidate", f"/interviews/{coming.pk}/communicate/candidate/"),
        Page("communicate: manager", f"/interviews/{coming.pk}/communicate/manager/"),
        Page("communicate: preview", f"/interviews/{coming.pk}/communicate/candidate/preview/",
             fits_a_phone=False),
        Page("series", f"/vacancies/{vacancy.pk}/interviews/series/"),
        Page("link to a selection time", f"/registrations/{registration.pk}/link/"),
        Page("choose-a-time form", f"/registrations/{registration.pk}/choose-time/"),
        Page("report", "/reports/interviews/"),
        Page("change password", "/accounts/password/"),
        Page("my calendars", "/calendars/"),
        Page("contact's calendars", f"/contacts/{contact.pk}/calendars/"),
        Page("calendar: edit", f"/calendars/{calendar.pk}/"),
        Page("calendar: remove", f"/calendars/{calendar.pk}/remove/"),
    ]


def log_in(page, base_url: str, who: str) -> None:
    """Log in as `who` (or out, for ""), through the login form as people do."""
    page.context.clear_cookies()
    if not who:
        return
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(who)
    page.locator("input[name=password]").fill(PASSWORDS[who])
    page.locator("form[action$='/accounts/login/'] [type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def visit_all(page, base_url: str, pages: list[Page]):
    """Open each page as its user, in the order given (logging in only when the user changes),
    and yield it once loaded."""
    current = None
    for each in pages:
        if each.who != current:
            log_in(page, base_url, each.who)
            current = each.who
        page.goto(f"{base_url}{each.path}")
        page.wait_for_load_state("load")
        yield each
