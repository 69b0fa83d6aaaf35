from django import template
from django.utils import timezone

from ats.navigation import back_param
from interviews.models import Interview

register = template.Library()


@register.inclusion_tag("interviews/steps.html")
def interview_steps(*, candidate=None, registration=None) -> dict:
    """The Steps section of a candidate or registration dossier: upcoming first, then past."""
    interviews = Interview.objects.with_dossier_relations()
    if registration is not None:
        interviews = interviews.filter(registration=registration)
        back, owner = "registration_detail", registration
        new_url_name = "interview_new_for_registration"
    else:
        interviews = interviews.filter(candidate=candidate)
        back, owner = "candidate_detail", candidate
        new_url_name = "interview_new_for_candidate"
    now = timezone.now()
    interviews = list(interviews)
    upcoming = sorted((i for i in interviews if i.start >= now), key=lambda i: i.start)
    past = [i for i in interviews if i.start < now]  # already newest first
    return {
        "steps": upcoming + past,
        "now": now,
        "new_url_name": new_url_name,
        "owner": owner,
        "back": back_param(back, owner.pk),
    }
