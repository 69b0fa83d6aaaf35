"""Reading a CalDAV account (Nextcloud, iCloud, Fastmail, Radicale...) with the `caldav` library.

Every calendar of the account is read, or only the one the address points at. The server gives
the events as stored (not expanded), so that calendars.py applies the same rules to them as to
a feed.
"""

import caldav
import icalendar
from caldav.lib import error
from django.conf import settings
from django.utils.translation import gettext as _

from interviews.availability.calendars import Window, parse
from interviews.availability.fetch import CalendarUnavailable, check, normalise, timed_out
from interviews.availability.models import CalendarConnection


def caldav_calendars(connection: CalendarConnection, window: Window) -> list[icalendar.Calendar]:
    """The events of the account's calendars in `window`, one iCalendar object each."""
    url = normalise(connection.url)
    check(url)  # the library connects on its own: at least the host is checked first
    try:
        with caldav.DAVClient(url=url, username=connection.username or None,
                              password=connection.password or None,
                              timeout=settings.CALENDAR_FETCH_TIMEOUT,
                              enable_rfc6764=False) as client:
            return [parse(found.data) for calendar in _calendars(client, url)
                    for found in calendar.search(start=window.start, end=window.end,
                                                 event=True, expand=False)]
    except CalendarUnavailable:
        raise
    except error.AuthorizationError:
        raise CalendarUnavailable(
            _("The server refused the address or the password (%(status)s).")
            % {"status": 401}) from None
    except error.NotFoundError:
        raise CalendarUnavailable(_("The server does not know this address (%(status)s).")
                                  % {"status": 404}) from None
    except Exception as problem:  # noqa: BLE001 — the library's and its HTTP client's errors
        raise _explain(problem) from None


def _calendars(client: caldav.DAVClient, url: str) -> list[caldav.Calendar]:
    """The calendar the address points at, or else every calendar of the account."""
    calendars = client.principal().calendars()
    chosen = [calendar for calendar in calendars if str(calendar.url).startswith(url)]
    return chosen or calendars


def _explain(problem: Exception) -> CalendarUnavailable:
    if "timeout" in type(problem).__name__.lower() or isinstance(problem, TimeoutError):
        return timed_out()
    return CalendarUnavailable(_("The server does not answer as a CalDAV server does."))
