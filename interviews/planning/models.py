import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ats.dates import format_datetime, format_time
from ats.versioning import StaleEdit, VersionedModel
from interviews.planning.attendance import Attendance
from interviews.planning.configuration import InterviewGuideline, InterviewLocation, InterviewReason


def new_calendar_uid() -> str:
    return f"{uuid.uuid4()}@ats-interviews"


def new_video_room() -> str:
    # Whoever knows a Jitsi room's name can join it: random, never made from names or ids.
    # Hex, as Jitsi folds room names to lower case.
    return f"interview-{secrets.token_hex(16)}"


class InterviewQuerySet(models.QuerySet):
    def planned(self) -> "InterviewQuerySet":
        return self.filter(status=Interview.Status.PLANNED)

    def upcoming(self) -> "InterviewQuerySet":
        return self.planned().filter(start__gte=timezone.now()).order_by("start", "pk")

    def for_user(self, user) -> "InterviewQuerySet":
        """Interviews the user owns, or attends as contact person or committee member."""
        # Plain columns on each side of the OR, so that every side can use its own index.
        contact = getattr(user, "contact_person", None)  # None when the user is no contact
        mine = Q(owner=user)
        if contact is not None:
            committee = Interview.committee_members.through.objects.filter(
                contactperson_id=contact.pk).values("interview_id")
            mine |= Q(contact_person_id=contact.pk) | Q(pk__in=committee)
        return self.filter(mine)

    def overlapping(self, start: datetime, end: datetime) -> "InterviewQuerySet":
        return self.alias(end=F("start") + F("duration")).filter(start__lt=end, end__gt=start)

    def conflicting_with(self, interview: "Interview", committee=()) -> "InterviewQuerySet":
        """Other planned interviews at the same time for the same people or place."""
        people = {p.pk for p in committee}
        if interview.contact_person_id:
            people.add(interview.contact_person_id)
        same = Q(pk__in=[])
        if interview.candidate_id:
            same |= Q(candidate_id=interview.candidate_id)
        if interview.location_id:
            same |= Q(location_id=interview.location_id)
        if people:
            same |= Q(contact_person__in=people) | Q(committee_members__in=people)
        return (
            self.planned().exclude(pk=interview.pk)
            .overlapping(interview.start, interview.end).filter(same).distinct()
        )

    def open_slots(self) -> "InterviewQuerySet":
        """Selection interviews of a vacancy that no candidate has taken yet (R6)."""
        return self.upcoming().filter(candidate__isnull=True, vacancy__isnull=False)

    def with_reoffered(self) -> "InterviewQuerySet":
        """Mark each interview whose time its vacancy offers again: another planned interview
        of the vacancy at the same start (the one a cancelled interview was freed into)."""
        again = Interview.objects.planned().filter(
            vacancy_id=OuterRef("vacancy_id"), start=OuterRef("start")).exclude(pk=OuterRef("pk"))
        return self.annotate(reoffered=Exists(again))

    def with_dossier_relations(self) -> "InterviewQuerySet":
        return self.select_related("candidate", "vacancy", "reason", "location", "contact_person")


class Interview(Attendance, VersionedModel):
    """An interview: a step in a candidate's history."""

    class Kind(models.TextChoices):
        RECRUITER = "recruiter", _("With recruiter")
        MANAGER = "manager", _("With hiring manager")
        BOTH = "both", _("With both")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Reply(models.TextChoices):
        NONE = "", _("No answer yet")
        ACCEPTED = "accepted", _("Will be there")
        DECLINED = "declined", _("Cannot make it")

    candidate = models.ForeignKey(
        "candidates.Candidate", verbose_name=_("candidate"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="interviews",
    )
    registration = models.ForeignKey(
        "candidates.Registration", verbose_name=_("registration"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="interviews",
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy", verbose_name=_("vacancy"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="interviews",
    )
    start = models.DateTimeField(_("date"))
    duration = models.DurationField(_("duration"), default=timedelta(minutes=60))
    location = models.ForeignKey(
        InterviewLocation, verbose_name=_("interview location"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="interviews",
    )
    location_text = models.CharField(_("location"), max_length=300, blank=True)
    reason = models.ForeignKey(
        InterviewReason, verbose_name=_("reason"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="interviews",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RECRUITER)
    contact_person = models.ForeignKey(
        "vacancies.ContactPerson", verbose_name=_("contact person"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="interviews",
    )
    interviewer = models.CharField(_("interviewer"), max_length=200, blank=True)
    guidelines = models.ManyToManyField(
        InterviewGuideline, verbose_name=_("guidelines"), blank=True, related_name="interviews"
    )
    memo = models.TextField(
        _("memo"), blank=True, help_text=_("Private: never shown to candidates or attendees.")
    )
    report = models.TextField(_("report"), blank=True)
    committee_members = models.ManyToManyField(
        "vacancies.ContactPerson", verbose_name=_("selection committee members"), blank=True,
        related_name="committee_interviews",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT,
        related_name="owned_interviews",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    calendar_uid = models.CharField(
        _("calendar UID"), max_length=100, unique=True, default=new_calendar_uid, editable=False
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    # Its own room at a Jitsi location, kept when the interview moves; empty in rows saved
    # before rooms existed, until first asked for (video_link).
    video_room = models.CharField(_("video room"), max_length=60, blank=True,
                                  default=new_video_room, editable=False)
    link_version = models.PositiveIntegerField(
        default=0, editable=False,
        help_text="Raised to revoke every portal link issued so far (re-issuing).")
    # Given when cancelling; the cancellation emails may include it.
    cancellation_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    candidate_reply = models.CharField(_("candidate's answer"), max_length=10, blank=True,
                                       choices=Reply.choices, default=Reply.NONE)
    replied_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["-start", "-pk"]
        indexes = [
            # Ranges of dates; with status and reason in the index, the report counts a year
            # of interviews without reading the table (SQLite: 200 ms → 86 ms).
            models.Index(fields=["start", "status", "reason"], name="interview_start_idx"),
            models.Index(fields=["candidate", "start"]),
            models.Index(fields=["registration", "start"]),
            models.Index(fields=["contact_person", "start"]),
            models.Index(fields=["owner", "start"]),
            models.Index(fields=["location", "start"]),
            # Each registration's next planned interview (the workflow's sort and filters):
            # the first entry of this index, read without touching the table.
            models.Index(fields=["registration", "start", "id"], name="interview_upcoming_idx",
                         condition=models.Q(status="planned")),
        ]

    # What each interview has of its own, never copied to another (a series, a freed time).
    OWN_FIELDS = frozenset({"id", "calendar_uid", "video_room"})
    JOIN_EARLY = timedelta(minutes=15)  # how long before the start "Join" shows

    def __str__(self) -> str:
        who = self.candidate or self.vacancy or _("interview")
        return f"{who} – {format_datetime(self.start)}"

    def get_absolute_url(self) -> str:
        return reverse("interview_edit", args=[self.pk])

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    @property
    def is_open_slot(self) -> bool:
        return self.candidate_id is None and self.vacancy_id is not None

    @property
    def video_link(self) -> str:
        """The link to join this interview online; empty when held in person or cancelled."""
        location = self.location
        if location is None or not location.is_online or self.status == self.Status.CANCELLED:
            return ""
        return location.video_link(room=self._video_room())

    def _video_room(self) -> str:
        if not self.video_room and self.pk:
            # Saved before rooms existed: one room, also when two requests ask at once.
            Interview.objects.filter(pk=self.pk, video_room="").update(
                video_room=new_video_room())
            self.video_room = (Interview.objects.filter(pk=self.pk)
                               .values_list("video_room", flat=True).get())
        return self.video_room or new_video_room()

    def can_join(self, now: datetime | None = None) -> bool:
        """Online, and from JOIN_EARLY before the start until the end."""
        now = now or timezone.now()
        return bool(self.video_link) and self.start - self.JOIN_EARLY <= now < self.end

    def attach(self, registration) -> None:
        """A registration fixes the candidate and the vacancy."""
        self.registration = registration
        self.candidate_id = registration.candidate_id
        self.vacancy_id = registration.vacancy_id

    @transaction.atomic
    def save_edit(self, *, expected_version: int | None, save_m2m=None, by=None) -> None:
        """Save a form's changes unless someone else saved in between (optimistic locking)."""
        changes = []
        if self.pk:
            self.claim_version(expected_version)
            before = Interview(**Interview.objects.filter(pk=self.pk).values(
                "start", "duration", "location_text").get())
            changes = [(field, old, new) for field, old, new in (
                ("time", before.when_text, self.when_text),
                ("place", before.location_text, self.location_text)) if old != new]
            if changes:
                self.sequence += 1  # calendars replace an entry only for a higher SEQUENCE
        self.save()
        if save_m2m:
            save_m2m()
        for field, old, new in changes:
            self.changes.create(field=field, old_value=old, new_value=new, changed_by=by)

    @property
    def when_text(self) -> str:
        return f"{format_datetime(self.start)}–{format_time(self.end)}"

    def set_status(self, status: str, *, by=None, reason: str = "") -> None:
        """A new status; a cancellation keeps its `reason` until planned again."""
        if status == self.status:
            return
        self.changes.create(field="status", old_value=self.status, new_value=status,
                            changed_by=by)
        self.status = status
        self.cancellation_reason = reason if status == self.Status.CANCELLED else ""
        if status == self.Status.CANCELLED:
            self.sequence += 1  # calendars must see the cancellation as newer than the invite
        self.version += 1
        self.save(update_fields=["status", "sequence", "version", "cancellation_reason",
                                 "updated_at"])

    # What a freed time keeps of the cancelled selection interview; the memo and the report
    # were about the candidate who had it.
    REOFFERED_FIELDS = ("vacancy_id", "start", "duration", "location_id", "location_text",
                        "reason_id", "kind", "contact_person_id", "interviewer", "owner_id")

    @transaction.atomic
    def reoffer(self) -> "Interview | None":
        """Free the time of a cancelled selection interview: a new open one, same place and
        people, for the vacancy's candidates to take; the cancelled one stays in its
        candidate's history. None when this is no cancelled future selection interview, or
        its time is offered again already."""
        cancelled = (Interview.objects.select_for_update().with_reoffered()
                     .filter(pk=self.pk, status=self.Status.CANCELLED, vacancy__isnull=False,
                             start__gt=timezone.now()).first())
        if cancelled is None or cancelled.reoffered:
            return None
        freed = Interview.objects.create(
            **{name: getattr(cancelled, name) for name in self.REOFFERED_FIELDS})
        freed.guidelines.set(cancelled.guidelines.all())
        freed.committee_members.set(cancelled.committee_members.all())
        return freed

    @transaction.atomic
    def set_reply(self, reply: str) -> "InterviewChange | None":
        """The candidate's answer, the last one counting; each change of answer goes into the
        audit trail with its time. None when it is the answer already (a second click)."""
        before = (Interview.objects.select_for_update().filter(pk=self.pk)
                  .values_list("candidate_reply", flat=True).get())
        if before == reply:
            return None
        now = timezone.now()
        Interview.objects.filter(pk=self.pk).update(candidate_reply=reply, replied_at=now)
        self.candidate_reply, self.replied_at = reply, now
        return self.changes.create(field=InterviewChange.Field.REPLY, old_value=before,
                                   new_value=reply, changed_at=now)


StaleInterview = StaleEdit  # someone else saved the interview after this edit began


class InterviewChange(models.Model):
    """The audit trail: who changed an interview's time, place or status, and when; and each
    answer of the candidate (changed_by is empty then: the candidate has no login)."""

    class Field(models.TextChoices):
        TIME = "time", _("Time")
        PLACE = "place", _("Place")
        STATUS = "status", _("Status")
        REPLY = "reply", _("Candidate's answer")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("what"), max_length=10, choices=Field.choices)
    old_value = models.CharField(_("before"), max_length=300, blank=True)
    new_value = models.CharField(_("after"), max_length=300, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"),
                                   on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("interview change")
        verbose_name_plural = _("interview changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {self.old_value} → {self.new_value}"

    def display(self, value: str) -> str:
        labels = {self.Field.STATUS: Interview.Status, self.Field.REPLY: Interview.Reply}.get(
            self.field)
        return str(labels(value).label) if labels and value in labels.values else value
