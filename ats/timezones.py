import zoneinfo
from functools import cache

from django.utils.translation import gettext_lazy as _

# The zones of the people an office in the Netherlands writes to most; the rest follow.
USUAL = [
    "Europe/Amsterdam", "Europe/Brussels", "Europe/Luxembourg", "Europe/Berlin", "Europe/Paris",
    "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Rome",
    "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen",
    "Europe/Helsinki", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest", "Europe/Bucharest",
    "Europe/Athens", "Europe/Istanbul",
]


def time_zone_label(name: str) -> str:
    """The place first, so that typing a city's first letters in the list finds it:
    "New York (America/New_York)"."""
    return f"{name.rsplit('/', 1)[-1].replace('_', ' ')} ({name})"


@cache
def time_zone_choices() -> list:
    """Every IANA time zone of a place (Europe/Amsterdam, not "UTC" or "EST5EDT"), the usual
    European ones first, then the rest by place name."""
    places = {name for name in zoneinfo.available_timezones() if "/" in name}
    usual = [name for name in USUAL if name in places]
    rest = sorted(places - set(usual), key=time_zone_label)
    return [
        (_("Usual in Europe"), [(name, time_zone_label(name)) for name in usual]),
        (_("All time zones"), [(name, time_zone_label(name)) for name in rest]),
    ]
