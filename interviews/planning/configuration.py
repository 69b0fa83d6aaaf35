from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ats.timezones import time_zone_choices


class ActiveQuerySet(models.QuerySet):
    def active(self) -> "ActiveQuerySet":
        return self.filter(is_active=True)


class InterviewLocation(models.Model):
    """A configured place; choosing it fills the interview's free-text location."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    address = models.TextField(_("address"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=time_zone_choices, default=settings.TIME_ZONE
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview location")
        verbose_name_plural = _("interview locations")
        ordering = [Lower("name"), "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def location_text(self) -> str:
        """What goes into the free-text location when this place is chosen."""
        address = ", ".join(line.strip() for line in self.address.splitlines() if line.strip())
        return f"{self.name}, {address}" if address else self.name


class InterviewReason(models.Model):
    """Why an interview is held (first interview, assessment…); for reporting and sorting."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    default_duration = models.PositiveSmallIntegerField(
        _("default duration (minutes)"), default=60
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview reason")
        verbose_name_plural = _("interview reasons")
        ordering = ["position", Lower("name"), "pk"]

    def __str__(self) -> str:
        return self.name


class InterviewGuideline(models.Model):
    """Guidance for the people who hold an interview, e.g. tips on the STAR method."""

    title = models.CharField(_("title"), max_length=200, unique=True)
    text = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview guideline")
        verbose_name_plural = _("interview guidelines")
        ordering = [Lower("title"), "pk"]

    def __str__(self) -> str:
        return self.title


class InterviewSettings(models.Model):
    """Switches admins flip in Django admin; there is one row."""

    selection_committee_enabled = models.BooleanField(
        _("selection committee module"),
        default=False,
        help_text=_("Interviews can have selection committee members who are invited too."),
    )

    class Meta:
        verbose_name = _("interview settings")
        verbose_name_plural = _("interview settings")

    def __str__(self) -> str:
        return str(_("Interview settings"))

    @classmethod
    def load(cls) -> "InterviewSettings":
        return cls.objects.get_or_create(pk=1)[0]
