"""Retry of a failed message, from the recruiter's screens."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interviews.outbox.delivery import retry
from interviews.outbox.models import Message


@require_POST
def message_retry(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(Message.objects.select_related("interview", "registration"),
                                pk=pk)
    if retry(message):
        messages.success(request, _("The email to %s is queued again.") % message.recipient_name)
    else:
        messages.info(request, _("This email does not need another try."))
    return redirect(message)  # its interview, or the registration of a "choose a time" email
