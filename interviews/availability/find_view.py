"""The interview form's "Find a time": the next free times for everyone, as JSON for its script."""

from datetime import timedelta

from django.http import HttpRequest, JsonResponse
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from ats.dates import format_datetime, format_time, format_weekday
from ats.params import whole_number
from interviews.availability.busy import Attendees
from interviews.availability.finding import proposals

SHORTEST, LONGEST, USUAL = 5, 720, 60  # minutes, as the interview form's duration


@require_GET
def find_a_time(request: HttpRequest) -> JsonResponse:
    """GET duration (minutes), user/contact/location (repeatable), candidate, interview: up to
    five starts, each as the date field takes it and as the recruiter reads it."""
    minutes = whole_number(request.GET.get("duration")) or USUAL
    duration = timedelta(minutes=min(max(minutes, SHORTEST), LONGEST))
    starts = proposals(Attendees.from_query(request.GET), duration)
    return JsonResponse({"proposals": [
        {"value": format_datetime(start),
         "label": f"{capfirst(format_weekday(start))} {format_datetime(start)}–"
                  f"{format_time(start + duration)}"}
        for start in starts]})
