"""Standard documents, HTML profiles, the recruiter's profile and the one default profile."""


from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ats.languages import Language
from interviews.outbox.models import Audience, Purpose


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
    """An email text with merge fields such as {{ candidate_first_name }} (merge.MergeContext)."""

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
        from interviews.communication.merge import check_merge_fields

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


def default_profile(profiles: list[HtmlProfile] | None = None) -> HtmlProfile | None:
    """The HTML profile of emails sent without a recruiter choosing one, and the one a form
    proposes: the profile marked default, else the oldest; among `profiles` if they were loaded
    already."""
    if profiles is None:
        return HtmlProfile.objects.order_by("-is_default", "pk").first()
    return min(profiles, key=lambda profile: (not profile.is_default, profile.pk), default=None)
