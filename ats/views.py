from django.contrib import messages
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def form_page(
    request: HttpRequest, form: ModelForm, *, title: str, cancel_url: str
) -> HttpResponse:
    """Save a valid POSTed model form and go to the object's page; else show the form again."""
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("“%s” has been saved.") % saved)
        return redirect(saved)
    return render(
        request, "form_page.html", {"form": form, "title": title, "cancel_url": cancel_url}
    )
