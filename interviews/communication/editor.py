"""What the body editor offers: each merge field by a label a recruiter reads ("Candidate first
name"), and the fields an audience's emails may use (the same ones check_merge_fields lets pass).
"""

from django.utils.translation import gettext_lazy as _

from interviews.communication.merge import FOR_ATTENDEES_ONLY, FOR_CANDIDATES_ONLY, MERGE_FIELDS
from interviews.outbox.models import Audience

LABELS = {
    "recipient_name": _("Recipient name"),
    "candidate_name": _("Candidate name"),
    "candidate_first_name": _("Candidate first name"),
    "vacancy": _("Vacancy"),
    "date": _("Date"),
    "weekday": _("Day of the week"),
    "start_time": _("Start time"),
    "end_time": _("End time"),
    "location": _("Location"),
    "interviewer": _("Interviewer"),
    "kind": _("Who attends"),
    "contact_person": _("Contact person"),
    "recruiter_name": _("Recruiter name"),
    "recruiter_email": _("Recruiter email"),
    "recruiter_phone": _("Recruiter phone"),
    "guidelines": _("Guidelines"),
    "portal_link": _("Manager portal link"),
    "accept_link": _("“I'll be there” link"),
    "decline_link": _("“I can't make it” link"),
    "scheduling_link": _("“Choose a time” link"),
}


def merge_menu(audience: str) -> list[tuple[str, str]]:
    """(name, label) of the merge fields an email to this audience may use."""
    private = FOR_ATTENDEES_ONLY if audience == Audience.CANDIDATE else FOR_CANDIDATES_ONLY
    return [(name, LABELS[name]) for name in MERGE_FIELDS if name not in private]


def merge_labels() -> dict[str, str]:
    """Every field's label, for the page's script: a loaded document shows its fields as chips."""
    return {name: str(label) for name, label in LABELS.items()}
