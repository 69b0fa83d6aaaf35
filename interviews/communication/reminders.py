"""The reminder before an interview: queued for each version of it, void after any change."""

from contextlib import suppress
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from interviews.communication.communicate import communicate_defaults
from interviews.outbox.models import AlreadySent, Purpose
from interviews.planning.models import Interview


@task()
def send_reminders(interview_id: int, sequence: int) -> str:
    """The reminder for one version of an interview; any change since then makes it void."""
    interview = Interview.objects.filter(pk=interview_id).first()
    if (interview is None or interview.sequence != sequence or interview.candidate_id is None
            or interview.status != Interview.Status.PLANNED):
        return "skipped"
    for audience in interview.audiences:
        with suppress(AlreadySent):  # this reminder went out already: once is enough
            communicate_defaults(interview=interview, audience=audience,
                                 purpose=Purpose.REMINDER, by=None,
                                 send_token=f"reminder-{interview.pk}-{sequence}-{audience}")
    return "sent"


def schedule_reminders(interview: Interview) -> None:
    """Queue the reminder for the interview as it is now (REMINDER_HOURS_BEFORE its start)."""
    run_after = interview.start - timedelta(hours=settings.REMINDER_HOURS_BEFORE)
    if interview.candidate_id is None or run_after <= timezone.now():
        return
    args = (interview.pk, interview.sequence)
    transaction.on_commit(lambda: send_reminders.using(run_after=run_after).enqueue(*args))
