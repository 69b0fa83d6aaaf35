"""The outbox on recruiter screens: a failed email tried again, and the live status of emails."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ats.params import whole_number
from interviews.outbox.delivery import retry
from interviews.outbox.models import Message

# A page shows at most this many statuses at once; the ids asked for beyond it are ignored.
MOST_AT_ONCE = 100


@require_POST
def message_retry(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(Message.objects.select_related("interview", "registration"),
                                pk=pk)
    if retry(message):
        messages.success(request, _("The email to %s is queued again.") % message.recipient_name)
    else:
        messages.info(request, _("This email does not need another try."))
    return redirect(message)  # its interview, or the registration of a "choose a time" email


@require_GET
@never_cache
def message_statuses(request: HttpRequest) -> HttpResponse:
    """The current status of the emails a page shows (`?ids=1,2`, or `?interview=5` for all of
    an interview's), which the page's script puts in place until each is final."""
    ids = [whole_number(part) for part in request.GET.get("ids", "").split(",")[:MOST_AT_ONCE]]
    wanted = Q(pk__in=[pk for pk in ids if pk is not None])
    if interview := whole_number(request.GET.get("interview")):
        wanted |= Q(interview_id=interview)
    statuses = (Message.objects.filter(wanted).defer("text", "html", "ics")
                .order_by("created_at", "pk")[:MOST_AT_ONCE])
    return render(request, "interviews/message_status.html#statuses", {"statuses": statuses})
