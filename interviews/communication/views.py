"""The communication screen: purpose, documents and profile per recipient group, the preview
(the same builder as Send, in a locked iframe), and Send."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.csp import CSP
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override

from ats.navigation import back_url, with_back
from ats.params import whole_number
from interviews.communication.communicate import (
    calendar_method,
    communicate,
    default_purpose,
    draft,
    recipient_groups,
)
from interviews.communication.editor import merge_labels, merge_menu
from interviews.communication.forms import CommunicationForm
from interviews.communication.merge import merge_fields_for
from interviews.communication.models import StandardDocument
from interviews.outbox.models import AlreadySent, Audience, CalendarMethod, Purpose
from interviews.planning.models import Interview

AUDIENCES = {"candidate": Audience.CANDIDATE, "manager": Audience.MANAGER}


def calendar_part(method: str | None) -> str:
    """What the calendar part of an email is, in the recruiter's words."""
    return str(CalendarMethod(method).label if method else gettext_lazy("none"))


def _setup(request: HttpRequest, pk: int, audience: str):
    if audience not in AUDIENCES:
        raise Http404
    interview = get_object_or_404(
        Interview.objects.with_dossier_relations().select_related("owner__recruiter_profile"),
        pk=pk)
    if AUDIENCES[audience] not in interview.audiences:
        raise PermissionDenied
    params = request.POST if request.method == "POST" else request.GET
    purpose = params.get("purpose")
    if purpose not in Purpose.values:
        purpose = default_purpose(interview, audience)
    groups = recipient_groups(interview, audience)
    data = request.POST if request.method == "POST" else None
    form = CommunicationForm(data, groups=groups, purpose=purpose)
    return interview, groups, form


def communicate_view(request: HttpRequest, pk: int, audience: str) -> HttpResponse:
    interview, groups, form = _setup(request, pk, audience)
    back = request.POST.get("back") or request.GET.get("back", "")
    interview_url = with_back(interview.get_absolute_url(), back)
    if request.method == "POST" and "load" in request.POST:
        form = _with_chosen_documents(request, groups)
    elif request.method == "POST" and form.is_valid() and groups:
        try:
            sent = communicate(interview=interview, purpose=form.cleaned_data["purpose"],
                               profile=form.cleaned_data["profile"], choices=form.choices(),
                               by=request.user, send_token=form.cleaned_data["send_token"])
        except AlreadySent:
            messages.info(request, _("This message was already sent; nothing was sent twice."))
        else:
            messages.success(request, _in_the_outbox(sent))
            _warn_of_other_purposes(request, form)
        return redirect(back_url(back, interview_url))
    return render(request, "interviews/communicate.html", {
        "interview": interview,
        "audience": audience,
        "groups": groups,
        "form": form,
        "back": back,
        "cancel_url": interview_url,
        "merge_fields": merge_fields_for(audience).items(),
        "merge_menu": merge_menu(audience),
        "merge_labels": merge_labels(),
    })


def _in_the_outbox(sent: list) -> str:
    """What Send says at the door it returns to, with each email's status, which the page's
    script keeps up to date until it is final."""
    said = ngettext("The email to %(names)s is in the outbox.",
                    "The emails to %(names)s are in the outbox.", len(sent),
                    ) % {"names": ", ".join(m.recipient_name for m in sent)}
    return format_html("{}{}", said, render_to_string("interviews/message_status.html#statuses",
                                                      {"statuses": sent}))


def _warn_of_other_purposes(request: HttpRequest, form: CommunicationForm) -> None:
    """A document chosen for another purpose went out with the chosen purpose's calendar
    part: say so, in case the recruiter meant the other purpose."""
    purpose = form.cleaned_data["purpose"]
    for document in form.documents_for_another_purpose():
        messages.warning(request, " ".join([
            _("“%(document)s” is a document for “%(its)s”, but it was sent for “%(purpose)s”.")
            % {"document": document.name, "its": document.get_purpose_display(),
               "purpose": Purpose(purpose).label},
            _("The purpose decides the calendar part: %(calendar)s.") % {
                "calendar": calendar_part(calendar_method(purpose))},
        ]))


def _with_chosen_documents(request: HttpRequest, groups) -> CommunicationForm:
    """Without JavaScript, "Use this document" reloads the subject and body of the choice."""
    data = request.POST.copy()
    for group in groups:
        document = StandardDocument.objects.filter(pk=data.get(f"{group.key}-document")).first()
        if document:
            data[f"{group.key}-subject"], data[f"{group.key}-body"] = document.subject, \
                document.body
    return CommunicationForm(data, groups=groups, purpose=data.get("purpose"))


# The preview is the email itself, in a sandboxed frame of the communication screen: its inline
# styles are allowed, scripts never, and only this site may frame it.
PREVIEW_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": ["https:", "data:"],
    "frame-ancestors": [CSP.SELF],
}


def preview_view(view):
    """Serve an email's HTML as a page that only this site may frame, and without scripts."""
    return xframe_options_sameorigin(csp_override(PREVIEW_CSP)(view))


@preview_view
def communicate_preview(request: HttpRequest, pk: int, audience: str) -> HttpResponse:
    interview, groups, form = _setup(request, pk, audience)
    index = whole_number(request.POST.get("preview_group") or request.GET.get("group") or "0",
                         minimum=0)
    group = groups[index] if index is not None and index < len(groups) else None
    typed = form.draft_input(group) if group else None
    if typed is None:
        advice = _("Correct the marked fields to see the preview.")
        return HttpResponse(f"<p>{escape(advice)}</p>")
    subject, body, profile = typed
    with translation.override(group.recipients[0].language):
        mail = draft(interview, group.recipients[0], subject=subject, body=body, profile=profile,
                     purpose=form.cleaned_data["purpose"] if form.is_bound else
                     form.fields["purpose"].initial)
    # Written outside the f-string: xgettext does not find strings inside one.
    labels = {"to": _("To"), "subject": _("Subject"), "calendar": _("Calendar")}
    header = (
        '<div style="font:13px Arial,sans-serif;background:#eef1f5;padding:8px 12px;'
        'border-bottom:1px solid #ccd;">'
        f"<div><b>{escape(labels['to'])}:</b> {escape(group.recipients[0].name)} "
        f"&lt;{escape(group.recipients[0].email)}&gt;</div>"
        f"<div><b>{escape(labels['subject'])}:</b> {escape(mail.subject)}</div>"
        f"<div><b>{escape(labels['calendar'])}:</b> {escape(calendar_part(mail.calendar_method))}"
        "</div></div>"
    )
    return HttpResponse(_insert_after_body(mail.html, header))


def _insert_after_body(html: str, header: str) -> str:
    start = html.find("<body")
    if start < 0:
        return header + html
    end = html.index(">", start) + 1
    return html[:end] + header + html[end:]
