from django import template
from django.db.models import Count, Prefetch
from django.utils import timezone

from ats.navigation import back_param
from interviews.models import Interview, Message

register = template.Library()


@register.inclusion_tag("interviews/steps.html")
def interview_steps(*, candidate=None, registration=None) -> dict:
    """The Steps section of a candidate or registration dossier: upcoming first, then past."""
    interviews = Interview.objects.with_dossier_relations().annotate(
        feedback_count=Count("feedback")).prefetch_related(
        Prefetch("messages", queryset=Message.objects.order_by("created_at", "pk")))
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
    for interview in interviews:
        # The latest message to each recipient tells where the communication stands.
        interview.communication = list({m.recipient_email: m for m in interview.messages.all()}
                                       .values())
    upcoming = sorted((i for i in interviews if i.start >= now), key=lambda i: i.start)
    past = [i for i in interviews if i.start < now]  # already newest first
    invitations = (registration.scheduling_invitations.select_related("interview")
                   if registration is not None else [])
    return {
        "invitations": invitations,
        "steps": upcoming + past,
        "now": now,
        "new_url_name": new_url_name,
        "owner": owner,
        "back": back_param(back, owner.pk),
    }


@register.inclusion_tag("interviews/selection_interviews.html")
def selection_interviews(vacancy) -> dict:
    """The vacancy's selection interviews: open ones and who took the others (R6)."""
    interviews = (Interview.objects.filter(vacancy=vacancy, start__gte=timezone.now())
                  .select_related("candidate", "location", "contact_person").order_by("start"))
    return {"vacancy": vacancy, "interviews": interviews}
