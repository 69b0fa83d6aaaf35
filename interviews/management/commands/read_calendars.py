"""`manage.py read_calendars`: queue a read of every calendar that is due (availability/sync.py).

Each calendar's reads keep themselves going; this takes up those whose chain broke (a lost
task, a worker stopped at the wrong moment). `make run` runs it at start; run it at each
deployment, or as often as you like: it never queues a calendar twice.
"""

from django.core.management.base import BaseCommand

from interviews.availability.sync import queue_due


class Command(BaseCommand):
    help = "Queue a read of every calendar connection that is due."

    def handle(self, *args, verbosity: int, **options) -> None:
        queued = queue_due()
        if verbosity > 0:
            self.stdout.write(f"Queued {queued} calendar read(s).")
