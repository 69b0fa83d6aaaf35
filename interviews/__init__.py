"""Interview planning: one Django app, one package per capability.

Data flows down this list; a package may import the ones below it, never those above:

- ``portal``        pages outside the login: signed links, manager portal, feedback,
                    "choose a time", the candidate's answers (posts emails through communication)
- ``reports``       the interviews-per-reason report and its CSV
- ``communication`` standard documents, HTML profiles, the one builder (merge values -> HTML,
                    text, .ics), the communication screen and its preview, reminders
- ``outbox``        the Message and its whole life: post, claim with a lease, deliver, retry,
                    tracking webhooks — every email of the product passes through it
- ``planning``      the Interview and its configuration, the interview form and its doors,
                    conflicts, the Steps, the dashboard and the Workflow tab

Exceptions, each one module wide: ``communication.merge`` writes the portal's signed links
(``portal.links``) into emails, and the interview form (``planning.views``,
``planning.selection``) schedules reminders and takes a slot through the modules above it.
``interviews.models`` and ``interviews.admin`` only gather the packages' models and admin for
Django. Outside the app: ``interviews -> candidates -> vacancies -> ats``.
"""
