from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .versioning import StaleEdit


def form_page(
    request: HttpRequest, form: ModelForm, *, title: str, cancel_url: str
) -> HttpResponse:
    """Save a valid POSTed model form and go to the object's page; else show the form again
    (also when someone else saved the object since the form was opened)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save()
        except StaleEdit as stale:  # they saved between the form's check and this save
            form.refuse_stale(stale.current)
        else:
            messages.success(request, _("“%s” has been saved.") % saved)
            return redirect(saved)
    return render(
        request, "form_page.html", {"form": form, "title": title, "cancel_url": cancel_url}
    )


@login_not_required
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: the app answers and its database does too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
