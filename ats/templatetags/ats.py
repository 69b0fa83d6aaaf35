"""The project's template helpers: European dates and times, a user's name, `?back=` links.

Templates write dates only through these filters (never `|date:"..."`), so every page shows
dd-mm-yyyy and HH:MM from the one formatter in ats/dates.py.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ats import dates, navigation, users

register = template.Library()


def _or_empty(format_value):
    def wrapped(value):
        return format_value(value) if value not in (None, "") else ""
    wrapped.__name__ = format_value.__name__
    wrapped.__doc__ = format_value.__doc__
    return wrapped


for _format in (dates.format_date, dates.format_time, dates.format_datetime,
                dates.format_day_month, dates.format_month,
                dates.format_weekday):
    register.filter(_format.__name__, _or_empty(_format), expects_localtime=True)


@register.filter
def display_name(user) -> str:
    return users.display_name(user)


@register.simple_tag
def back_param(name: str, pk: int | None = None) -> str:
    """The return target of a door: `{% back_param "vacancy_detail" vacancy.pk as back %}`."""
    return navigation.back_param(name, pk)


@register.simple_tag
def url_back(name: str, *args, back: str = "", **query) -> str:
    """A URL by name carrying a return target (after any other parameters):
    `{% url_back "registration_create" candidate=candidate.pk back=back %}`."""
    url = reverse(name, args=args)
    return navigation.with_back(f"{url}?{urlencode(query)}" if query else url, back)
