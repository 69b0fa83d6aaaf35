"""Standard documents and HTML profiles: installed, checked on save, previewed in admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from interviews.communication.merge import sample_values
from interviews.communication.models import HtmlProfile, StandardDocument
from interviews.communication.render import render_email
from interviews.outbox.models import Audience, Purpose
from tests.interviews.readable import LONG_MEMO, calendar_fields

pytestmark = pytest.mark.django_db


def test_ready_to_use_documents_for_every_audience_purpose_and_language():
    installed = set(StandardDocument.objects.values_list("audience", "purpose", "language"))
    people = [Audience.CANDIDATE, Audience.MANAGER, Audience.COMMITTEE]
    purposes = [Purpose.INVITATION, Purpose.CHANGE, Purpose.CANCELLATION, Purpose.REMINDER]
    expected = {(a, p, lang) for a in people for p in purposes for lang in ("nl", "en")}
    expected |= {(Audience.CANDIDATE, Purpose.CHOOSE_TIME, lang) for lang in ("nl", "en")}
    assert expected <= installed
    assert HtmlProfile.objects.filter(is_default=True).count() == 1
    for document in StandardDocument.objects.all():
        document.full_clean()  # every installed document passes its own checks


def test_an_unknown_merge_field_is_refused_with_its_name(admin_client):
    response = admin_client.post(reverse("admin:interviews_standarddocument_add"), {
        "name": "Broken", "audience": "candidate", "purpose": "invitation", "language": "en",
        "subject": "Hello {{ candidate_frist_name }}", "body": "<p>{{ vacancy }}</p>",
        "is_active": "on",
    })
    assert response.status_code == 200
    assert "Unknown merge field: {{ candidate_frist_name }}." in response.content.decode()
    assert not StandardDocument.objects.filter(name="Broken").exists()


@pytest.mark.parametrize("body", ["{% load static %}", "{{ memo }}", "{{ interview.memo }}",
                                  "{# note #}"])
def test_template_code_and_the_memo_are_refused(body):
    document = StandardDocument(name="X", audience="candidate", purpose="invitation",
                                language="en", subject="Hi", body=body)
    with pytest.raises(ValidationError):
        document.full_clean()


def test_guidelines_are_for_managers_not_candidates():
    document = StandardDocument(name="X", audience="candidate", purpose="invitation",
                                language="en", subject="Hi", body="{{ guidelines }}")
    with pytest.raises(ValidationError, match="not for candidates"):
        document.full_clean()
    document.audience = "manager"
    document.full_clean()


def test_a_profile_needs_exactly_one_content_slot():
    profile = HtmlProfile(name="Bad", layout="<html><body>no slot</body></html>")
    with pytest.raises(ValidationError, match="exactly once"):
        profile.full_clean()


def test_admin_shows_a_rendered_preview(admin_client):
    document = StandardDocument.objects.get(name="Interview invitation", language="en")
    change = admin_client.get(reverse("admin:interviews_standarddocument_change",
                                      args=[document.pk])).content.decode()
    assert "<iframe" in change and "sandbox" in change
    preview = admin_client.get(reverse("admin:interviews_standarddocument_preview",
                                       args=[document.pk]))
    html = preview.content.decode()
    assert "Dear Sophie" in html and "{{" not in html
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "script-src" not in preview["Content-Security-Policy"]
    profile = HtmlProfile.objects.get()
    html = admin_client.get(reverse("admin:interviews_htmlprofile_preview",
                                    args=[profile.pk])).content.decode()
    assert "Dear Sophie" in html and "{{" not in html  # a sample email in the profile


def test_rendering_escapes_values_and_sanitises_the_body():
    profile = HtmlProfile.objects.get()
    values = {**sample_values(), "location": "<script>alert(1)</script> & Co",
              "interviewer": '<img src=x onerror="alert(1)">'}
    rendered = render_email(
        subject="At {{ location }}\nBcc: evil@example.com",
        body='<p onclick="steal()">{{ location }} / {{ interviewer }}</p><script>x()</script>',
        profile=profile, values=values)
    assert "<script" not in rendered.html and "onclick" not in rendered.html
    assert "<img" not in rendered.html and "&lt;img src=x onerror=" in rendered.html  # text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in rendered.html
    assert "\n" not in rendered.subject and rendered.subject.endswith("Bcc: evil@example.com")
    assert "<script>alert(1)</script> & Co" in rendered.text  # plain text is inert as text


def test_the_plain_text_reads_well_on_its_own():
    profile = HtmlProfile.objects.get()
    rendered = render_email(
        subject="S", profile=profile, values=sample_values(),
        body='<p>Dear {{ candidate_first_name }},</p><ul><li>One</li><li>Two</li></ul>'
             '<p>See <a href="https://example.com/x">the route</a>.<br>Bye</p>')
    assert rendered.text == ("Dear Sophie,\n\n- One\n- Two\n\n"
                             "See the route (https://example.com/x).\nBye\n")


def test_text_typed_into_the_interview_cannot_add_lines_to_the_invitation(
    registration, make_interview
):
    from icalendar import Calendar

    from interviews.communication.ics import build_invitation
    from interviews.communication.merge import merge_context
    from interviews.communication.recipients import Recipient

    interview = make_interview(
        registration=registration,
        location_text="Room 1\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT",
        interviewer="<script>alert(1)</script>", memo=LONG_MEMO)
    recipient = Recipient(audience="candidate", name="Jeroen van Dijk",
                          email="jeroen@example.org", language="en",
                          time_zone="Europe/Amsterdam", wants_vcalendar=True)
    ics = build_invitation(interview, recipient, merge_context(interview, recipient),
                           cancel=False, summary="Interview")
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["ATTENDEE"]) == "mailto:jeroen@example.org"  # still exactly one
    assert str(event["LOCATION"]).startswith("Room 1\nATTENDEE:mailto:evil")  # as text
    assert "<script>alert(1)</script>" in str(event["DESCRIPTION"])  # text, never markup
    assert LONG_MEMO not in "\n".join(calendar_fields(ics))
