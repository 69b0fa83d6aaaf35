"""Strings of Django itself that its Dutch catalogue does not translate yet.

Marking them here puts them in our catalogue (locale/nl), which takes precedence over Django's.
"""

from django.utils.translation import gettext_noop

MISSING_IN_DJANGO = [
    gettext_noop("- Select an option -"),  # the empty choice of every select (Django 6.x)
]
