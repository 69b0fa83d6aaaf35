"""The one place that knows every app's URLs."""

from collections.abc import Callable

import anymail.urls
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from ats.access import recruiter_not_required
from ats.forms import LoginForm
from ats.views import health
from interviews.outbox.tracking import refused_unless_configured

admin.site.site_header = _("ATS administration")
admin.site.site_title = _("ATS administration")
admin.site.index_title = _("Configuration")

def public(patterns: list, guard: Callable = lambda view: view) -> list:
    """URL patterns that need no login (they authenticate the caller themselves)."""
    return [URLPattern(p.pattern, login_not_required(guard(p.callback)), p.default_args, p.name)
            for p in patterns]


urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                     authentication_form=LoginForm),
        name="login",
    ),
    path(
        "accounts/logout/", recruiter_not_required(auth_views.LogoutView.as_view()), name="logout"
    ),
    path(
        "accounts/password/",
        recruiter_not_required(auth_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        recruiter_not_required(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz/", health, name="health"),
    path("admin/", admin.site.urls),
    # Email providers post delivery events here; refused unless ANYMAIL_WEBHOOK_SECRET is set.
    path("anymail/", include(public(anymail.urls.urlpatterns, refused_unless_configured))),
    path("", include("interviews.urls")),
    path("", include("candidates.urls")),
    path("", include("vacancies.urls")),
]

if settings.DEBUG:  # `make run`: the demo people's calendar feeds (devtools/demo_calendar.py)
    urlpatterns.append(path("", include("devtools.urls")))
