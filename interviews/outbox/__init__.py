"""The outbox: every email of the product is a Message row, posted in the caller's transaction
and delivered by the task worker — claimed with a lease, sent over the mailer, retried with
back-off, taken over when a worker dies, marked delivered or bounced by the provider's webhook.

Owns: Message, DeliveryEvent, Audience, Purpose. May import: planning.models and the apps
below interviews, never what writes the emails (communication, portal, reports).
"""
