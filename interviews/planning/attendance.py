"""Who attends an interview and who is told of it: the one rule, read by the communication
screen, reminders, bookings, the interview form's buttons and the dashboard."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from interviews.planning.configuration import InterviewSettings


class Audience(models.TextChoices):
    """The sides of an interview that emails address (and the recruiter, told of answers)."""

    CANDIDATE = "candidate", _("Candidate")
    MANAGER = "manager", _("Hiring manager")
    COMMITTEE = "committee", _("Selection committee")
    RECRUITER = "recruiter", _("Recruiter")


def roles_of(audience: str) -> list[str]:
    """The roles on one side: the candidate; or the hiring manager and the committee."""
    return [Audience.CANDIDATE] if audience == Audience.CANDIDATE else [
        Audience.MANAGER, Audience.COMMITTEE]


class Attendance:
    """Interview's rule of attendance (kept apart from the model's fields and queries)."""

    @property
    def audiences(self) -> list[str]:
        """Who is told of the interview and of each change: the candidate, and the hiring
        manager's side too when the kind includes the manager."""
        if self.kind in {self.Kind.MANAGER, self.Kind.BOTH}:
            return [Audience.CANDIDATE, Audience.MANAGER]
        return [Audience.CANDIDATE]

    def attendees(self, audience: str) -> list[tuple[str, object]]:
        """The people of one side, by role: the candidate; or the hiring manager and (with the
        selection committee switched on) its members."""
        if audience not in self.audiences:
            return []
        if audience == Audience.CANDIDATE:
            return [(Audience.CANDIDATE, self.candidate)] if self.candidate_id else []
        people = [(Audience.MANAGER, self.contact_person)] if self.contact_person_id else []
        if InterviewSettings.load().selection_committee_enabled:
            people += [(Audience.COMMITTEE, member) for member in self.committee_members.all()]
        return people
