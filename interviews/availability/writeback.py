"""Write-back: interviews written into the CalDAV calendars of the people who attend them.

Whoever has a CalDAV connection with write-back on (the interview's owner, its hiring manager
and committee members, by the interview's attendance rule) finds each of their interviews in
that calendar: the event their emailed invitation carries, with the same UID, replaced on every
change and removed on cancellation or when they no longer attend. An open selection interview
(no candidate yet) is written too: it is time the manager has promised, so their calendar
should show them busy, and the same event becomes the candidate's interview once taken.

The worker does the writing (never a request): `follow_interview` queues the task once the
caller's transaction commits, and the task brings every calendar in line with the database as
it is then, so running it twice changes nothing. A calendar that fails (a wrong password, a
time-out) gets `last_error` and is tried again at the next run; saving an interview never waits
for it.
"""

import hashlib

import caldav
from caldav.elements import dav
from caldav.lib import error as caldav_error
from caldav.lib.http_sync import requests as http
from django.conf import settings
from django.db import connection as database
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from interviews.availability.fetch import CalendarUnavailable, check, normalise
from interviews.availability.models import CalendarConnection, CalendarEvent
from interviews.communication.communicate import calendar_entry
from interviews.communication.recipients import Recipient, owner_recipient, recipients_for
from interviews.planning.attendance import Audience
from interviews.planning.models import Interview
from vacancies.models import ContactPerson

CALDAV_CALENDAR = "{urn:ietf:params:xml:ns:caldav}calendar"


class NotACalendar(Exception):
    """The address names neither a calendar nor an account with a calendar for events."""


# What a calendar server can answer instead of doing the write: recorded, tried again later.
WRITE_ERRORS = (caldav_error.DAVError, OSError, NotACalendar, CalendarUnavailable)


def follow_interview(interview: Interview) -> None:
    """Have people's calendars follow this interview (created, changed, cancelled) once the
    caller's transaction commits. Nothing is queued when no one writes back and the interview
    was never written anywhere."""
    uid = interview.calendar_uid
    if not CalendarConnection.objects.filter(
            Q(kind=CalendarConnection.Kind.CALDAV, write_back=True)
            | Q(written_events__uid=uid)).exists():
        return
    followed = next((callback for _, callback, _ in database.run_on_commit
                     if isinstance(callback, _Followed)), None)
    if followed is not None:
        followed.add(uid)
    else:  # outside a transaction, on_commit runs it at once
        # robust: a queue that is down is logged, and never undoes or fails the saving.
        transaction.on_commit(_Followed([uid]), robust=True)


class _Followed(set):
    """The interviews changed in one transaction: one write-back each once it commits."""

    def __call__(self) -> None:
        for uid in sorted(self):
            write_back_interview.enqueue(uid)


def follow_calendar(connection: CalendarConnection) -> None:
    """A connection was added or changed (write-back switched on or off): write the interviews
    to come of its owner into it, or take them out, once the caller's transaction commits."""
    pk = connection.pk
    transaction.on_commit(lambda: write_back_calendar.enqueue(pk), robust=True)


@task()
def write_back_interview(uid: str) -> None:
    """Bring every calendar in line with one interview (by its calendar UID, so that a deleted
    interview's events are removed too)."""
    writers = _Writers()
    try:
        _bring_in_line(uid, writers)
    finally:
        writers.close()


@task()
def write_back_calendar(connection_id: int) -> None:
    if connection := CalendarConnection.objects.filter(pk=connection_id).first():
        write_back_all(connection)


def write_back_all(connection: CalendarConnection) -> None:
    """Bring one calendar in line: every interview to come that its owner attends is in it,
    and what no longer belongs is taken out (an interview cancelled while the calendar could
    not be reached, or everything once write-back is switched off). What failed before is
    tried again here; what is already right is not written again."""
    uids = set(connection.written_events.values_list("uid", flat=True))
    if connection.writes_back:
        uids |= set(_attended_by(connection).values_list("calendar_uid", flat=True))
    writers = _Writers(only=connection)
    try:
        for uid in sorted(uids):
            _bring_in_line(uid, writers)
    finally:
        writers.close()


def _attended_by(connection: CalendarConnection):
    """The interviews to come of the connection's owner (a superset: `_entries` decides)."""
    upcoming = Interview.objects.upcoming()
    if connection.user_id:
        return upcoming.for_user(connection.user)
    if connection.contact_person_id:
        person = connection.contact_person_id
        return upcoming.filter(Q(contact_person=person) | Q(committee_members=person)).distinct()
    return upcoming.none()  # a room's calendar is read, never written


def _bring_in_line(uid: str, writers: "_Writers") -> None:
    interview = (Interview.objects.filter(calendar_uid=uid)
                 .select_related("owner", "candidate", "vacancy", "reason", "location",
                                 "contact_person").first())
    entries = {connection.pk: (connection, text)
               for connection, text in _entries(interview, writers.only)}
    written = {event.connection_id: event
               for event in CalendarEvent.objects.filter(uid=uid).select_related("connection")
               if writers.covers(event.connection)}
    for pk in sorted(entries.keys() | written.keys()):
        connection, text = entries.get(pk, (None, None))
        event = written.get(pk)
        writers.get(connection or event.connection).align(uid, text, event)


def _entries(interview: Interview | None, only: CalendarConnection | None = None,
             ) -> list[tuple[CalendarConnection, str]]:
    """Each calendar (or `only` this one) that should hold the interview, with what it should
    say; none for a cancelled (or deleted) interview."""
    if interview is None or interview.status == Interview.Status.CANCELLED:
        return []
    readers = _readers(interview)
    users = [pk for kind, pk in readers if kind == "user"]
    contacts = [pk for kind, pk in readers if kind == "contact"]
    connections = CalendarConnection.objects.writing_back().filter(
        Q(user__in=users) | Q(contact_person__in=contacts))
    if only is not None:
        connections = connections.filter(pk=only.pk)
    return [(connection, calendar_entry(interview, readers[_owner_key(connection)]))
            for connection in connections]


def _readers(interview: Interview) -> dict[tuple[str, int], Recipient]:
    """The people whose calendars get the interview, each as the recipient their entry is
    written for: the owner, and the hiring manager's side as they are told of it (the
    attendance rule), through their contact person or the user account linked to it."""
    attendees = recipients_for(interview, Audience.MANAGER)
    accounts = dict(ContactPerson.objects.filter(
        pk__in=[person.contact_id for person in attendees], user__isnull=False)
        .values_list("pk", "user_id"))
    readers = {}
    for person in attendees:
        readers[("contact", person.contact_id)] = person
        if person.contact_id in accounts:
            readers[("user", accounts[person.contact_id])] = person
    readers[("user", interview.owner_id)] = owner_recipient(interview)
    return readers


def _owner_key(connection: CalendarConnection) -> tuple[str, int]:
    if connection.user_id:
        return ("user", connection.user_id)
    return ("contact", connection.contact_person_id)


class _Writers:
    """One open calendar per connection for one run, `only` one connection's if given."""

    def __init__(self, only: CalendarConnection | None = None) -> None:
        self.only = only
        self.writers: dict[int, _Writer] = {}

    def covers(self, connection: CalendarConnection) -> bool:
        return self.only is None or connection.pk == self.only.pk

    def get(self, connection: CalendarConnection) -> "_Writer":
        if connection.pk not in self.writers:
            self.writers[connection.pk] = _Writer(connection)
        return self.writers[connection.pk]

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


class _Writer:
    """One connection's calendar: opened on the first write; after a failure it is left alone
    for the rest of the run (its events stay as recorded, to be tried again)."""

    def __init__(self, connection: CalendarConnection) -> None:
        self.connection = connection
        self.client: caldav.DAVClient | None = None
        self.calendar: caldav.Calendar | None = None
        self.failed = False

    def align(self, uid: str, text: str | None, event: CalendarEvent | None) -> None:
        """Write `text` (None: remove the interview) unless the calendar has it already."""
        if self.failed:
            return
        try:
            if text is None:
                self._delete(event)
            elif event is None or event.fingerprint != _digest(text):
                self._put(uid, text, event)
        except WRITE_ERRORS as problem:
            self.failed = True
            self.connection.last_error = _failure(problem)[:300]
            self.connection.save(update_fields=["last_error"])

    def _put(self, uid: str, text: str, event: CalendarEvent | None) -> None:
        calendar = self._open()
        resource = caldav.Event(self.client, url=event.href if event else None, parent=calendar)
        try:
            # The bytes as built: no SEQUENCE raised by the library (the interview's counts).
            resource.save(raw_data=text.encode())
        except caldav_error.UidConflictError:
            # The person accepted the emailed invitation into this calendar: that event, with
            # the same UID, is the one to keep up to date.
            resource = caldav.Event(self.client, url=calendar.get_event_by_uid(uid).url,
                                    parent=calendar)
            resource.save(raw_data=text.encode())
        CalendarEvent.objects.update_or_create(
            connection=self.connection, uid=uid,
            defaults={"href": str(resource.url), "etag": resource.etag or "",
                      "fingerprint": _digest(text)})

    def _delete(self, event: CalendarEvent) -> None:
        calendar = self._open()
        caldav.Event(self.client, url=event.href, parent=calendar).delete()  # a 404 is gone too
        event.delete()

    def _open(self) -> caldav.Calendar:
        if self.calendar is None:
            url = normalise(self.connection.url)
            check(url)  # the same guard as reading: http(s), and no private address unless allowed
            self.client = caldav.DAVClient(
                url=url, username=self.connection.username or None,
                password=self.connection.password or None,
                timeout=settings.CALENDAR_FETCH_TIMEOUT)
            self.calendar = _calendar(self.client, url)
        return self.calendar

    def close(self) -> None:
        if self.client is not None:
            self.client.close()


def _calendar(client: caldav.DAVClient, url: str) -> caldav.Calendar:
    """The calendar at `url`; when `url` names an account (a principal, or the server's root)
    rather than one calendar, the account's first calendar that takes events (VEVENT)."""
    calendar = client.calendar(url=url)
    kinds = calendar.get_properties([dav.ResourceType()]).get(dav.ResourceType.tag) or []
    if CALDAV_CALENDAR in (kinds if isinstance(kinds, list) else [kinds]):
        return calendar
    for candidate in client.principal().calendars():
        if "VEVENT" in candidate.get_supported_components():
            return candidate
    raise NotACalendar


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _failure(problem: Exception) -> str:
    """Why writing failed, for the connection's owner; never the address or the password."""
    if isinstance(problem, caldav_error.AuthorizationError):
        return _("Writing interviews: the calendar refused the user name or app password "
                 "(%(status)s).") % {"status": problem.status or 401}
    if isinstance(problem, caldav_error.DAVError):
        return _("Writing interviews: the calendar refused the interview (%(status)s).") % {
            "status": problem.status or "?"}
    if isinstance(problem, NotACalendar):
        return _("Writing interviews: no calendar for events was found at this address.")
    if isinstance(problem, CalendarUnavailable):
        return _("Writing interviews: %(reason)s") % {"reason": problem.reason}
    if isinstance(problem, TimeoutError | http.exceptions.Timeout):
        seconds = settings.CALENDAR_FETCH_TIMEOUT
        return ngettext("Writing interviews: the calendar did not answer within %(seconds)d "
                        "second.",
                        "Writing interviews: the calendar did not answer within %(seconds)d "
                        "seconds.", seconds) % {"seconds": seconds}
    return _("Writing interviews: the calendar could not be reached.")
