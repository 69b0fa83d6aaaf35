"""The demo logins on the login page, in development (DEBUG=1) and only for the demo users that
exist (after `manage.py seed_demo`)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from devtools.demo_data import USERS


def _role(spec: dict) -> str:
    if spec.get("recruiter"):
        return _("Recruiter")
    return _("Administrator") if spec.get("is_superuser") else _("Hiring manager")


def existing_demo_logins() -> list[dict]:
    names = set(get_user_model().objects.filter(
        username__in=[spec["username"] for spec in USERS.values()], is_active=True,
    ).values_list("username", flat=True))
    return [{"role": _role(spec), "username": spec["username"], "password": spec["password"]}
            for spec in USERS.values() if spec["username"] in names]


def demo_logins(request) -> dict:
    """A callable, so that only a page that shows the logins (the login page) looks them up."""
    return {"demo_logins": existing_demo_logins} if settings.DEBUG else {}
