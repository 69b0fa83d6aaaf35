"""The workflow stages a fresh installation starts with (created by a migration).

Names are stored in English; the UI translates these default names and shows names that admins
typed themselves as they are.
"""

from django.utils.translation import gettext_noop

PLAN_INTERVIEW = gettext_noop("Plan interview")

DEFAULT_STAGES = [
    gettext_noop("New"),
    gettext_noop("Screening"),
    PLAN_INTERVIEW,
    gettext_noop("Interview planned"),
    gettext_noop("Offer"),
    gettext_noop("Hired"),
    gettext_noop("Rejected"),
]
CLOSED_STAGES = {gettext_noop("Hired"), gettext_noop("Rejected")}
