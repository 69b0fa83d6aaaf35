"""People's and rooms' calendars: where they are read from, and the busy times read from them
(no titles, no descriptions: only when someone is busy)."""

from datetime import time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interviews.availability.secrets import EncryptedTextField
from interviews.planning.configuration import InterviewLocation

OWNER_FIELDS = ("user", "contact_person", "location")


def _one_owner() -> Q:
    """Exactly one of the owner columns is set."""
    options = []
    for name in OWNER_FIELDS:
        condition = Q(**{f"{name}__isnull": False})
        for other in OWNER_FIELDS:
            if other != name:
                condition &= Q(**{f"{other}__isnull": True})
        options.append(condition)
    return options[0] | options[1] | options[2]


class CalendarConnectionQuerySet(models.QuerySet):
    def writing_back(self) -> "CalendarConnectionQuerySet":
        """The calendars interviews are written into: CalDAV, with write-back switched on."""
        return self.filter(kind=CalendarConnection.Kind.CALDAV, write_back=True)


class CalendarConnection(models.Model):
    """One calendar of a recruiter (a user), a contact person or an interview location (a room):
    a read-only iCalendar feed, or a CalDAV account that can also be written to."""

    class Kind(models.TextChoices):
        FEED = "feed", _("iCalendar feed (secret address)")
        CALDAV = "caldav", _("CalDAV account")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True,
                             blank=True, on_delete=models.CASCADE,
                             related_name="calendar_connections")
    contact_person = models.ForeignKey(
        "vacancies.ContactPerson", verbose_name=_("contact person"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="calendar_connections")
    location = models.ForeignKey(InterviewLocation, verbose_name=_("interview location"),
                                 null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="calendar_connections")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FEED)
    # A feed's address is its password (anyone holding it reads the calendar): encrypted too.
    url = EncryptedTextField(_("address"))
    username = models.CharField(_("user name"), max_length=200, blank=True)
    password = EncryptedTextField(_("app password"), blank=True)
    write_back = models.BooleanField(
        _("write interviews into this calendar"), default=False,
        help_text=_("CalDAV only: interviews appear in this calendar, are updated on every "
                    "change and removed when cancelled."))
    last_attempt_at = models.DateTimeField(_("last tried"), null=True, blank=True)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    # When the worker reads it next: the one queued read that counts (sync.py).
    next_read_at = models.DateTimeField(_("next read"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CalendarConnectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar connection")
        verbose_name_plural = _("calendar connections")
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=_one_owner(),
                                              name="calendar_connection_one_owner")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.host}"

    def save(self, *args, **kwargs) -> None:
        # The worker moves next_read_at with updates of its own, while a form or the admin
        # holds an older copy of the row: saving that copy must not break the reading chain.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [field.name for field in self._meta.concrete_fields
                                       if not field.primary_key and field.name != "next_read_at"]
        super().save(*args, **kwargs)

    @property
    def owner(self):
        return self.user or self.contact_person or self.location

    @property
    def host(self) -> str:
        """Where the calendar lives, without the secret part of its address."""
        return urlsplit(self.url).hostname or ""

    @property
    def writes_back(self) -> bool:
        return self.kind == self.Kind.CALDAV and self.write_back

    @property
    def is_stale(self) -> bool:
        return read_long_ago(self.last_read_at)

    def replace_busy_blocks(self, intervals) -> None:
        """The calendar's busy times are now these (anything with start, end, tentative)."""
        self.busy_blocks.all().delete()
        BusyBlock.objects.bulk_create(
            BusyBlock(connection=self, start=interval.start, end=interval.end,
                      tentative=interval.tentative) for interval in intervals)


def read_long_ago(read_at) -> bool:
    """Busy times read more than a day ago (or never) may no longer be right."""
    return read_at is None or timezone.now() - read_at > timedelta(days=1)


class BusyBlock(models.Model):
    """A time when a calendar's owner is busy (or tentatively busy)."""

    connection = models.ForeignKey(CalendarConnection, on_delete=models.CASCADE,
                                   related_name="busy_blocks")
    start = models.DateTimeField()
    end = models.DateTimeField()
    tentative = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["connection", "start"]),
                   models.Index(fields=["start", "end"])]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M}"


class CalendarEvent(models.Model):
    """An interview as written into someone's calendar (write-back): where it went, so that a
    change replaces that event and a cancellation removes it. Kept by the interview's calendar
    UID rather than a key, so that an event outlives the interview's row until it is removed."""

    connection = models.ForeignKey(CalendarConnection, on_delete=models.CASCADE,
                                   related_name="written_events")
    uid = models.CharField(_("calendar UID"), max_length=100)
    href = models.CharField(_("address"), max_length=1000)
    etag = models.CharField(max_length=200, blank=True)
    # A digest of what was written: an interview that did not change is not written again.
    fingerprint = models.CharField(max_length=64)
    written_at = models.DateTimeField(_("written at"), auto_now=True)

    class Meta:
        verbose_name = _("event written into a calendar")
        verbose_name_plural = _("events written into calendars")
        constraints = [models.UniqueConstraint(fields=["uid", "connection"],
                                               name="calendar_event_once_per_calendar")]

    def __str__(self) -> str:
        return self.uid


def default_weekdays() -> list[int]:
    return [0, 1, 2, 3, 4]  # Monday to Friday (Python's weekday numbers)


class WorkingHours(models.Model):
    """When a recruiter or a contact person can be invited; without a row, Monday to Friday
    09:00–17:00 in their own time zone."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="working_hours")
    contact_person = models.OneToOneField(
        "vacancies.ContactPerson", null=True, blank=True, on_delete=models.CASCADE,
        related_name="working_hours")
    weekdays = models.JSONField(_("working days"), default=default_weekdays)
    start = models.TimeField(_("from"), default=time(9))
    end = models.TimeField(_("until"), default=time(17))

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, contact_person__isnull=True)
                | Q(user__isnull=True, contact_person__isnull=False),
                name="working_hours_one_owner"),
            models.CheckConstraint(condition=Q(start__lt=models.F("end")),
                                   name="working_hours_start_before_end"),
        ]

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"
