"""Reading people's calendars into busy blocks, by the worker (never in a request)."""

from interviews.availability.models import CalendarConnection


def read_soon(connection: CalendarConnection) -> None:
    """Queue a read of this calendar now: a new connection, or "Refresh now"."""
    # Filled in by the sync work (issue 12): enqueues the read task on commit.
