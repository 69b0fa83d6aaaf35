"""What comes back from candidates and attendees: picks, feedback (issue: the loop)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ats.dates import format_date
from interviews.planning.models import Interview


class InterviewFeedback(models.Model):
    """A hiring manager's or committee member's own notes, apart from the recruiter's report."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="feedback")
    contact_person = models.ForeignKey("vacancies.ContactPerson", on_delete=models.CASCADE,
                                       verbose_name=_("from"), related_name="feedback")
    text = models.TextField(_("feedback"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["updated_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["interview", "contact_person"],
                                               name="one_feedback_per_attendee")]

    def __str__(self) -> str:
        return f"{self.contact_person} – {self.interview}"


class SchedulingInvitation(models.Model):
    """A candidate's signed link to choose one of the vacancy's selection interviews."""

    registration = models.ForeignKey("candidates.Registration", on_delete=models.CASCADE,
                                     related_name="scheduling_invitations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    interview = models.ForeignKey(Interview, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("chosen interview"))

    class Meta:
        verbose_name = _("scheduling invitation")
        verbose_name_plural = _("scheduling invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.registration} ({format_date(self.created_at)})"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()
