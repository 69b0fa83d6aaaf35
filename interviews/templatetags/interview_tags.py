from django import template
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from ats.navigation import back_param
from interviews.outbox.models import Message, Purpose
from interviews.planning import configuration
from interviews.planning.models import Interview, InterviewChange

register = template.Library()


@register.filter
def written_location(interview: Interview) -> str:
    """Where the interview takes place, in the reader's language."""
    return configuration.written_location(interview)


# A long history shows its latest past interviews; "Show all" opens the rest.
RECENT_PAST = 10


@register.inclusion_tag("interviews/steps.html", takes_context=True)
def interview_steps(context, *, candidate=None, registration=None) -> dict:
    """The Steps section of a candidate or registration dossier: every upcoming interview
    first, then the past ones, newest first (the latest RECENT_PAST unless all are asked for)."""
    request = context["request"]
    if registration is not None:
        owned = Interview.objects.filter(registration=registration)
        back, owner = "registration_detail", registration
        new_url_name = "interview_new_for_registration"
    else:
        owned = Interview.objects.filter(candidate=candidate)
        back, owner = "candidate_detail", candidate
        new_url_name = "interview_new_for_candidate"
    interviews = owned.with_dossier_relations().annotate(
        feedback_count=Count("feedback")).prefetch_related(
        Prefetch("messages", queryset=Message.objects.order_by("created_at", "pk")),
        Prefetch("changes", to_attr="replies", queryset=InterviewChange.objects.filter(
            field=InterviewChange.Field.REPLY).order_by("changed_at", "pk")))
    now = timezone.now()
    show_all = request.GET.get("steps") == "all"
    if not show_all:  # still one query: the upcoming ones and one more past than shown
        recent = owned.filter(start__lt=now).order_by("-start", "-pk")[:RECENT_PAST + 1]
        interviews = interviews.filter(Q(start__gte=now) | Q(pk__in=recent.values("pk")))
    interviews = list(interviews)
    for interview in interviews:
        # The latest message to each recipient tells where the communication stands.
        interview.communication = list({m.recipient_email: m for m in interview.messages.all()}
                                       .values())
    upcoming = sorted((i for i in interviews if i.start >= now), key=lambda i: i.start)
    past = sorted((i for i in interviews if i.start < now), key=lambda i: (i.start, i.pk),
                  reverse=True)  # newest first (a query that counts has no default order)
    hidden = not show_all and len(past) > RECENT_PAST
    invitations = (registration.scheduling_invitations.select_related("interview")
                   if registration is not None else [])
    link_emails = (registration.messages.filter(purpose=Purpose.CHOOSE_TIME)
                   .order_by("created_at", "pk") if registration is not None else [])
    return {
        "invitations": invitations,
        "link_emails": link_emails,
        "steps": upcoming + past[:RECENT_PAST] if hidden else upcoming + past,
        "more_steps": hidden,
        "now": now,
        "new_url_name": new_url_name,
        "owner": owner,
        "back": back_param(back, owner.pk),
    }


@register.inclusion_tag("interviews/selection_interviews.html")
def selection_interviews(vacancy) -> dict:
    """The vacancy's selection interviews: open ones, who took the others, and the cancelled
    ones, with their time freed again or not (R6)."""
    interviews = (Interview.objects.filter(vacancy=vacancy, start__gte=timezone.now())
                  .with_reoffered().select_related("candidate", "location", "contact_person")
                  .order_by("start"))
    return {"vacancy": vacancy, "interviews": interviews,
            "back": back_param("vacancy_detail", vacancy.pk)}


@register.inclusion_tag("interviews/join_button.html")
def join_button(interview: Interview) -> dict:
    """"Join" for an online interview that has not ended: shown from JOIN_EARLY before the
    start; join-button.js reveals and hides it on a page left open."""
    now = timezone.now()
    link = interview.video_link if interview.end > now else ""
    return {"link": link, "visible": bool(link) and interview.can_join(now),
            "opens": interview.start - Interview.JOIN_EARLY, "ends": interview.end}
