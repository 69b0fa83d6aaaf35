"""What recruiters do that makes signed links: a "choose a time" email, and re-issued links."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from candidates.models import Registration
from interviews.communication.models import HtmlProfile, StandardDocument, default_profile
from interviews.outbox.models import Purpose
from interviews.planning.models import Interview
from interviews.portal.booking import bookable_slots, invite_to_choose


class ChooseTimeForm(forms.Form):
    document = forms.ModelChoiceField(label=gettext_lazy("Standard document"), queryset=None,
                                      empty_label=None)
    profile = forms.ModelChoiceField(label=gettext_lazy("HTML profile"),
                                     queryset=HtmlProfile.objects.all(), empty_label=None)

    def __init__(self, *args, language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        documents = StandardDocument.objects.active().filter(purpose=Purpose.CHOOSE_TIME)
        self.fields["document"].queryset = documents
        self.fields["document"].initial = StandardDocument.objects.best_for(
            audience="candidate", purpose=Purpose.CHOOSE_TIME, language=language)
        self.fields["profile"].initial = default_profile()


def registration_choose_time(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the candidate a link to pick one of the open selection interviews themselves."""
    registration = get_object_or_404(
        Registration.objects.select_related("candidate", "vacancy"), pk=pk)
    form = ChooseTimeForm(request.POST or None, language=registration.candidate.language)
    # What the candidate will be offered: the open times whose manager is still free.
    open_slots = len(bookable_slots(registration.vacancy))
    if request.method == "POST" and form.is_valid() and open_slots:
        document = form.cleaned_data["document"]
        invite_to_choose(registration=registration, document=document,
                         profile=form.cleaned_data["profile"], subject=document.subject,
                         body=document.body, by=request.user)
        messages.success(request, _("%s gets a link to choose a time.") % registration.candidate)
        return redirect(registration)
    return render(request, "interviews/choose_time.html", {
        "registration": registration, "form": form, "open_slots": open_slots,
    })


@require_POST
def interview_reissue_links(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke every portal link of the interview; new emails carry new ones."""
    interview = get_object_or_404(Interview, pk=pk)
    Interview.objects.filter(pk=pk).update(link_version=interview.link_version + 1)
    messages.success(request, _("The earlier portal links no longer work. Send the hiring "
                                "manager the interview again for a new link."))
    return redirect(interview.get_absolute_url())
