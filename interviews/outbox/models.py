"""The Message (one email to one recipient: the outbox and the communication log) and the
provider's delivery events."""

from datetime import datetime
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ats.dates import format_datetime, format_time
from interviews.planning.attendance import Audience
from interviews.planning.models import Interview


class Purpose(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    CHANGE = "change", _("Change")
    CANCELLATION = "cancellation", _("Cancellation")
    REMINDER = "reminder", _("Reminder")
    CHOOSE_TIME = "choose_time", _("Choose a time")
    REPLY = "reply", _("Candidate's answer")


class CalendarMethod(models.TextChoices):
    """The iTIP method of the invitation an email carries (its Content-Type says it too)."""

    REQUEST = "REQUEST", _("invitation (METHOD:REQUEST)")
    CANCEL = "CANCEL", _("cancellation (METHOD:CANCEL)")


class MessageQuerySet(models.QuerySet):
    def communicated(self) -> "MessageQuerySet":
        return self.exclude(status=Message.Status.FAILED)

    def due(self, now: datetime) -> "MessageQuerySet":
        """Ready for an attempt: new, retrying whose time has come, or abandoned with
        attempts left."""
        waiting = Q(status__in=[Message.Status.QUEUED, Message.Status.RETRYING]) & (
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        return self.filter(waiting | Q(_abandoned(now), attempts__lt=Message.max_attempts()))

    def abandoned_too_often(self, now: datetime) -> "MessageQuerySet":
        """Abandoned after the last attempt: the worker of every attempt stopped."""
        return self.filter(_abandoned(now), attempts__gte=Message.max_attempts())


def _abandoned(now: datetime) -> Q:
    """Claimed by a worker whose lease ran out: it stopped (or hangs) mid-delivery."""
    return Q(status=Message.Status.SENDING, lease_expires_at__lte=now)


def new_message_id() -> str:
    """An RFC 5322 Message-ID in the sender's domain, made once when the message is stored."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return make_msgid(domain=domain or "ats.invalid")


def _moment(when: datetime) -> str:
    """HH:MM in the viewer's time zone; with dd-mm-yyyy in front when it is not today."""
    today = timezone.localtime(when).date() == timezone.localdate()
    return format_time(when) if today else format_datetime(when)


class Message(models.Model):
    """One email to one recipient about one interview: the outbox and the communication log."""

    # Seconds to wait before each further attempt; after the last one the message is "failed".
    RETRY_DELAYS = (30, 120, 600)
    SUBJECT_LENGTH = 300

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRYING = "retrying", _("Retrying")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        DELIVERED = "delivered", _("Delivered")
        BOUNCED = "bounced", _("Bounced")

    class ErrorReason(models.TextChoices):
        """Why an attempt failed, in words a recruiter understands."""

        REFUSED = "refused", _("the mail server refused the connection")
        TIMEOUT = "timeout", _("the mail server did not answer in time")
        UNKNOWN_HOST = "unknown_host", _("the mail server's address could not be found")
        DISCONNECTED = "disconnected", _("the mail server broke off the connection")
        TLS = "tls", _("no secure connection to the mail server could be made")
        AUTHENTICATION = "authentication", _(
            "the mail server did not accept our login: the email settings need checking")
        RECIPIENT = "recipient", _(
            "the recipient's address was refused: check that the email address is right")
        SENDER = "sender", _("the mail server refused our sender address")
        REJECTED = "rejected", _("the mail server refused the message")
        INVALID_ADDRESS = "invalid_address", _("the email address is not valid")
        INTERRUPTED = "interrupted", _("the delivery was interrupted (the worker stopped)")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="messages",
                                  null=True, blank=True)
    registration = models.ForeignKey("candidates.Registration", on_delete=models.CASCADE,
                                     related_name="messages", null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    # As long as the longest name it copies (a user's first and last name: 150 + 1 + 150).
    recipient_name = models.CharField(_("recipient"), max_length=400)
    recipient_email = models.EmailField(_("email"))
    document = models.ForeignKey("interviews.StandardDocument", verbose_name=_("document"),
                                 on_delete=models.SET_NULL, null=True, related_name="+")
    document_name = models.CharField(_("document"), max_length=200)
    subject = models.CharField(_("subject"), max_length=SUBJECT_LENGTH)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"))
    ics = models.TextField(_("calendar invitation"), blank=True)
    calendar_method = models.CharField(_("calendar method"), max_length=7, blank=True,
                                       choices=CalendarMethod.choices)  # blank: no .ics
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    send_token = models.CharField(max_length=64, editable=False)
    # The Message-ID header of every attempt: a copy sent twice is one message to mail clients.
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True,
                                  default=new_message_id, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    # A worker that claims the message has it until then; after that, another may take it over.
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    error_reason = models.CharField(_("reason"), max_length=20, choices=ErrorReason.choices,
                                    blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=255, blank=True,
                                           db_index=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sent by"),
                                on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The same Send (one form, one token) can create each recipient's message once.
            models.UniqueConstraint(fields=["send_token", "recipient_email"],
                                    name="one_message_per_send_and_recipient")
        ]
        indexes = [models.Index(fields=["interview", "created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient_email}"

    def save(self, *args, **kwargs) -> None:
        # Merged with long names, a subject may outgrow its column: the email keeps the start.
        self.subject = Truncator(self.subject).chars(self.SUBJECT_LENGTH)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The dossier that shows the message: its interview, or for "choose a time" the
        registration."""
        return (self.interview or self.registration).get_absolute_url()

    @classmethod
    def max_attempts(cls) -> int:
        return len(cls.RETRY_DELAYS) + 1

    @property
    def is_final(self) -> bool:
        """Nothing more happens to it by itself: the screens stop asking for its status."""
        return self.status in {self.Status.SENT, self.Status.DELIVERED, self.Status.BOUNCED,
                               self.Status.FAILED}

    @property
    def is_retryable(self) -> bool:
        # A message whose worker stopped needs no button: it is taken up again by itself.
        return self.status == self.Status.FAILED

    def requeue(self) -> bool:
        """A failed message queued again, from its first attempt."""
        return bool(Message.objects.filter(pk=self.pk, status=self.Status.FAILED).update(
            status=self.Status.QUEUED, attempts=0, next_attempt_at=None, lease_expires_at=None,
            updated_at=timezone.now()))

    @property
    def reason(self) -> str:
        """Why the last attempt failed: in words when known, else the mail server's own."""
        if self.error_reason:
            return str(self.ErrorReason(self.error_reason).label)
        return Truncator(self.last_error).chars(160)

    @property
    def delivery_note(self) -> str:
        """What a recruiter reads under the status: when the next try is, or why it failed."""
        if self.status == self.Status.RETRYING and self.next_attempt_at:
            return gettext("Attempt %(attempt)s of %(attempts)s, next try at %(when)s: "
                           "%(reason)s") % {
                "attempt": self.attempts + 1, "attempts": self.max_attempts(),
                "when": _moment(self.next_attempt_at), "reason": self.reason}
        if self.status == self.Status.FAILED and self.reason:
            return gettext("Not sent: %(reason)s.") % {"reason": self.reason}
        return ""


class DeliveryEvent(models.Model):
    """A tracking event from the email provider; kept so the same event counts once."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="events")
    event_id = models.CharField(max_length=255, unique=True)
    event_type = models.CharField(max_length=30)
    occurred_at = models.DateTimeField(null=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["occurred_at", "pk"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"


class AlreadySent(Exception):
    """This Send (its token) was handled before: a double click, a reload, a second reminder."""
