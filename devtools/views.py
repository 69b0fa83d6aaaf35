from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from devtools.demo_calendar import demo_feed


def demo_calendar(request: HttpRequest, name: str) -> HttpResponse:
    """A demo person's calendar feed, as a calendar app fetches it (no login: a feed's address
    is its key). Served by `make run` (DEBUG) only."""
    return HttpResponse(demo_feed(name, timezone.localdate()),
                        content_type="text/calendar; charset=utf-8")
