"""Who may see what: recruiters (members of the "Recruiters" group) and staff use the app.

Access is denied by default. LoginRequiredMiddleware sends anonymous users to the login page; the
middleware below then refuses every logged-in user who is not a recruiter, except on views that
say otherwise with a decorator. Django admin does its own staff check.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpRequest

RECRUITERS_GROUP = "Recruiters"


def is_recruiter(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    cached = getattr(user, "in_recruiters_group", None)
    if cached is None:
        cached = user.in_recruiters_group = user.groups.filter(name=RECRUITERS_GROUP).exists()
    return cached


class RecruiterAwareBackend(ModelBackend):
    """Django's ModelBackend that learns whether the user of a session is a recruiter in the
    same query that loads them: one query fewer on every page."""

    def get_user(self, user_id):
        User = get_user_model()
        membership = Group.objects.filter(user=OuterRef("pk"), name=RECRUITERS_GROUP)
        user = (User._default_manager.annotate(in_recruiters_group=Exists(membership))
                .filter(pk=user_id).first())
        return user if user is not None and self.user_can_authenticate(user) else None


def recruiter_not_required(view: Callable) -> Callable:
    """Open a view to every logged-in user; the view decides what they may see."""
    view.recruiter_required = False
    return view


class RecruiterRequiredMiddleware:
    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None
        if not getattr(view_func, "recruiter_required", True):
            return None
        if request.resolver_match and request.resolver_match.namespace == "admin":
            return None
        if is_recruiter(request.user):
            return None
        raise PermissionDenied


def roles(request: HttpRequest) -> dict:
    return {"is_recruiter": is_recruiter(request.user) if hasattr(request, "user") else False}
