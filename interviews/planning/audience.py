"""The sides of an interview that emails address (Interview.audiences and .attendees)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    MANAGER = "manager", _("Hiring manager")
    COMMITTEE = "committee", _("Selection committee")
    RECRUITER = "recruiter", _("Recruiter")
