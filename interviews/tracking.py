"""Delivery status from the email provider, through django-anymail's tracking webhooks."""

from anymail.signals import tracking
from django.db import IntegrityError, transaction
from django.dispatch import receiver

from .models import DeliveryEvent, Message

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
