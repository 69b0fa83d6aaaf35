"""Delivery status from the email provider, through django-anymail's tracking webhooks."""

import logging
from collections.abc import Callable
from functools import wraps

from anymail.signals import tracking
from anymail.utils import get_anymail_setting
from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden

from interviews.outbox.models import DeliveryEvent, Message

logger = logging.getLogger(__name__)

# What an event means for the message; events not listed (opened, clicked…) change nothing.
STATUS_FOR_EVENT = {
    "delivered": Message.Status.DELIVERED,
    "bounced": Message.Status.BOUNCED,
    "rejected": Message.Status.BOUNCED,
    "failed": Message.Status.BOUNCED,
}


@receiver(tracking)
def record_delivery_event(sender, event, esp_name, **kwargs) -> None:
    message = Message.objects.filter(provider_message_id=event.message_id).first()
    if message is None:
        return
    # Some providers give their events no id; the same event then has the same type and time.
    event_id = event.event_id or f"{event.event_type}:{event.message_id}:{event.timestamp}"
    try:
        with transaction.atomic():
            DeliveryEvent.objects.create(
                message=message, event_id=f"{esp_name}:{event_id}"[:255],
                event_type=event.event_type, occurred_at=event.timestamp,
                description=event.description or event.mta_response or "",
            )
    except IntegrityError:
        return  # the provider sent this event before: it counts once
    status = STATUS_FOR_EVENT.get(event.event_type)
    if status:
        Message.objects.filter(pk=message.pk).exclude(status=Message.Status.BOUNCED).update(
            status=status)


def webhook_secret() -> str:
    return get_anymail_setting("webhook_secret", default="") or ""


def refused_unless_configured(view: Callable) -> Callable:
    """An anymail webhook that answers only when ANYMAIL_WEBHOOK_SECRET is set, and refuses (never
    fails with a server error) when the provider's own webhook key is missing."""
    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not webhook_secret():
            logger.warning("Webhook call refused: ANYMAIL_WEBHOOK_SECRET is not set.")
            return HttpResponseForbidden()
        try:
            return view(request, *args, **kwargs)
        except ImproperlyConfigured as error:  # raised by anymail before it reads the request
            logger.error("Webhook call refused: %s", error)
            return HttpResponseForbidden()
        except (ValueError, LookupError, TypeError, AttributeError) as error:
            # A body that is not what the provider sends (JSON errors are ValueErrors): the
            # caller's mistake, answered as one, never a server error.
            logger.warning("Webhook call refused, unreadable body: %r", error)
            return HttpResponseBadRequest()
    return guarded


@register(Tags.security, deploy=True)
def check_webhook_secret(app_configs, **kwargs) -> list[Warning]:
    backend = settings.MAILERS.get("default", {}).get("BACKEND", "")
    if not backend.startswith("anymail.") or webhook_secret():
        return []
    return [Warning(
        "An email provider is configured without ANYMAIL_WEBHOOK_SECRET: its tracking webhook "
        "refuses every delivery event.",
        hint="Set ANYMAIL_WEBHOOK_SECRET=user:password and give the provider those basic-auth "
             "credentials (README, \"Delivery status\").",
        id="ats.W001",
    )]
