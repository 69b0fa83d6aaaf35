from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ats.names import TranslatedName, in_language
from ats.timezones import time_zone_choices

NAME_EN, NAME_NL = _("name (English)"), _("name (Dutch)")
NAME_NL_HELP = _("Left empty, the English name is shown.")


class ActiveQuerySet(models.QuerySet):
    def active(self) -> "ActiveQuerySet":
        return self.filter(is_active=True)


class VideoProvider(models.TextChoices):
    """How people join an interview at an online location."""

    NONE = "", _("None: people meet in person")
    JITSI = "jitsi", _("Jitsi Meet: a new room for every interview")
    FIXED = "fixed", _("A fixed meeting room (Teams, Zoom, Webex…)")


def jitsi_room_url(room: str) -> str:
    return f"{settings.JITSI_SERVER_URL.rstrip('/')}/{room}"


class InterviewLocation(TranslatedName, models.Model):
    """A configured place; choosing it fills the interview's free-text location. An online
    place gives each interview held there a link to join."""

    name = models.CharField(NAME_EN, max_length=200, unique=True)
    name_nl = models.CharField(NAME_NL, max_length=200, blank=True, help_text=NAME_NL_HELP)
    address = models.TextField(_("address"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=time_zone_choices, default=settings.TIME_ZONE
    )
    video_provider = models.CharField(
        _("online meeting"), max_length=10, choices=VideoProvider.choices, blank=True,
        default=VideoProvider.NONE)
    meeting_url = models.URLField(
        _("meeting-room URL"), max_length=500, blank=True,
        # A link in every invitation: never one that sends people's browsers in the clear.
        # Its own code: a form would take "invalid" for its "Enter a valid URL.".
        validators=[URLValidator(schemes=["https"], code="https_only",
                                 message=_("Enter an https:// address."))],
        help_text=_("For a fixed meeting room: the https:// address of the personal room in "
                    "Teams, Zoom or Webex."))
    is_active = models.BooleanField(_("active"), default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview location")
        verbose_name_plural = _("interview locations")
        ordering = [Lower("name"), "pk"]

    def __str__(self) -> str:
        return self.display_name()

    def clean(self) -> None:
        fixed = self.video_provider == VideoProvider.FIXED
        if fixed and not self.meeting_url:
            raise ValidationError(
                {"meeting_url": _("Enter the address of the meeting room.")})
        if self.meeting_url and not fixed:
            raise ValidationError(
                {"meeting_url": _("Only a fixed meeting room has an address; choose it as "
                                  "the online meeting, or leave the address empty.")})

    @property
    def is_online(self) -> bool:
        return self.video_provider != VideoProvider.NONE

    def video_link(self, room: str) -> str:
        """The link to join an interview held here: the interview's own `room` on the Jitsi
        server, or the fixed meeting room; empty for a place people meet in person."""
        if self.video_provider == VideoProvider.JITSI:
            return jitsi_room_url(room)
        return self.meeting_url if self.video_provider == VideoProvider.FIXED else ""

    @property
    def location_text(self) -> str:
        """What goes into the free-text location when this place is chosen (in the reader's
        language)."""
        return self.text_in()

    def text_in(self, language: str | None = None) -> str:
        name = self.display_name(language)
        address = ", ".join(line.strip() for line in self.address.splitlines() if line.strip())
        return f"{name}, {address}" if address else name

    def written_for(self, typed: str, language: str | None = None) -> str:
        """An interview's free-text location as `language` reads it: this place's own text
        when the recruiter kept it (in whichever language it was filled in), else what they
        typed, as they typed it."""
        own = {self.text_in("en"), self.text_in("nl")}
        return self.text_in(language) if typed in own else typed


def written_location(interview, language: str | None = None) -> str:
    """Where an interview takes place, in the reader's language (see written_for)."""
    location = interview.location
    typed = interview.location_text
    return location.written_for(typed, language) if location else typed


class InterviewReason(TranslatedName, models.Model):
    """Why an interview is held (first interview, assessment…); for reporting and sorting."""

    name = models.CharField(NAME_EN, max_length=100, unique=True)
    name_nl = models.CharField(NAME_NL, max_length=100, blank=True, help_text=NAME_NL_HELP)
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
        return self.display_name()


class InterviewGuideline(models.Model):
    """Guidance for the people who hold an interview, e.g. tips on the STAR method."""

    title = models.CharField(_("title (English)"), max_length=200, unique=True)
    text = models.TextField(_("text (English)"))
    title_nl = models.CharField(_("title (Dutch)"), max_length=200, blank=True,
                                help_text=_("Left empty, the English title is shown."))
    text_nl = models.TextField(_("text (Dutch)"), blank=True,
                               help_text=_("Left empty, the English text is shown."))
    is_active = models.BooleanField(_("active"), default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview guideline")
        verbose_name_plural = _("interview guidelines")
        ordering = [Lower("title"), "pk"]

    def __str__(self) -> str:
        return self.display_title()

    def display_title(self, language: str | None = None) -> str:
        return in_language(self.title, self.title_nl, language)

    def display_text(self, language: str | None = None) -> str:
        return in_language(self.text, self.text_nl, language)


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
