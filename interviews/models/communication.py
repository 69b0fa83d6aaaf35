"""Standard documents, HTML profiles and the outbox (DESIGN: "The flows")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ats.languages import Language

from .interview import Interview


class Audience(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    MANAGER = "manager", _("Hiring manager")
    COMMITTEE = "committee", _("Selection committee")
    RECRUITER = "recruiter", _("Recruiter")


class Purpose(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    CHANGE = "change", _("Change")
    CANCELLATION = "cancellation", _("Cancellation")
    REMINDER = "reminder", _("Reminder")
    CHOOSE_TIME = "choose_time", _("Choose a time")
    REPLY = "reply", _("Candidate's answer")


class StandardDocumentQuerySet(models.QuerySet):
    def active(self) -> "StandardDocumentQuerySet":
        return self.filter(is_active=True)

    def best_for(self, *, audience: str, purpose: str, language: str):
        return pick_document(self.active().filter(audience=audience, purpose=purpose),
                             audience=audience, purpose=purpose, language=language)


def pick_document(documents, *, audience: str, purpose: str, language: str):
    """The document to propose: active, right audience and purpose, the recipient's language
    first, then by name; None if there is none."""
    matching = [document for document in documents if document.is_active
                and document.audience == audience and document.purpose == purpose]
    return min(matching, key=lambda d: (d.language != language, d.name.lower()), default=None)


class StandardDocument(models.Model):
    """An email text with merge fields such as {{ candidate_first_name }} (emails.MERGE_FIELDS)."""

    name = models.CharField(_("name"), max_length=200)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(
        _("body"),
        help_text=_("HTML paragraphs with merge fields such as {{ candidate_first_name }}."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = StandardDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("standard document")
        verbose_name_plural = _("standard documents")
        ordering = ["audience", "purpose", "language", Lower("name")]
        constraints = [
            models.UniqueConstraint(fields=["name", "language"], name="unique_document_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_language_display()})"

    def clean(self) -> None:
        from interviews.emails import check_merge_fields

        errors = {}
        for field in ("subject", "body"):
            try:
                check_merge_fields(getattr(self, field), audience=self.audience)
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)


class HtmlProfile(models.Model):
    """A branded layout around a document, written by an admin (sanitised when rendered)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    layout = models.TextField(
        _("layout"),
        help_text=_("HTML with {{ content }} once where the document goes; {{ logo }} and "
                    "{{ subject }} may be used too."),
    )
    css = models.TextField(_("CSS"), blank=True,
                           help_text=_("Inlined into the HTML when the email is sent."))
    logo_url = models.URLField(_("logo URL"), blank=True,
                               help_text=_("An https address of the logo image."))
    is_default = models.BooleanField(_("default"), default=False)

    class Meta:
        verbose_name = _("HTML profile")
        verbose_name_plural = _("HTML profiles")
        ordering = ["-is_default", Lower("name")]
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True),
                                    name="one_default_html_profile")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.layout.count("{{ content }}") != 1:
            raise ValidationError({"layout": _("Write {{ content }} exactly once.")})


class RecruiterProfile(models.Model):
    """What emails say about the recruiter beyond the user's name and email."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="recruiter_profile")
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("recruiter profile")
        verbose_name_plural = _("recruiter profiles")

    def __str__(self) -> str:
        return str(self.user)


class MessageQuerySet(models.QuerySet):
    def communicated(self) -> "MessageQuerySet":
        return self.exclude(status=Message.Status.FAILED)


class Message(models.Model):
    """One email to one recipient about one interview: the outbox and the communication log."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        DELIVERED = "delivered", _("Delivered")
        BOUNCED = "bounced", _("Bounced")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="messages",
                                  null=True, blank=True)
    registration = models.ForeignKey("candidates.Registration", on_delete=models.CASCADE,
                                     related_name="messages", null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_email = models.EmailField(_("email"))
    document = models.ForeignKey(StandardDocument, verbose_name=_("document"),
                                 on_delete=models.SET_NULL, null=True, related_name="+")
    document_name = models.CharField(_("document"), max_length=200)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"))
    ics = models.TextField(_("calendar invitation"), blank=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    send_token = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
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

    @property
    def is_retryable(self) -> bool:
        stuck = self.status == self.Status.SENDING and (
            timezone.now() - self.updated_at).total_seconds() > 15 * 60
        return self.status == self.Status.FAILED or stuck

    def claim(self) -> bool:
        """Take the message for one delivery attempt; False when it is not (or no longer) due."""
        claimed = Message.objects.filter(
            pk=self.pk, status__in=[self.Status.QUEUED]
        ).update(status=self.Status.SENDING, attempts=F("attempts") + 1,
                 updated_at=timezone.now())
        if claimed:
            self.refresh_from_db()
        return bool(claimed)


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
