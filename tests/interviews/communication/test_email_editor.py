"""The email editor's rules on the server: the fields it offers, what a body it writes becomes,
and lines whose merge fields are all empty (issue 11, part 5)."""

import pytest
from django.core.exceptions import ValidationError

from interviews.communication.editor import merge_menu
from interviews.communication.merge import MERGE_FIELDS, check_merge_fields, sample_values
from interviews.communication.models import HtmlProfile, StandardDocument
from interviews.communication.render import render_email
from interviews.outbox.models import Audience, Message
from tests.parsed_html import elements, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_interviewer(registration, make_interview, manager_contact):
    """An interview with a place but nobody named to hold it."""
    return make_interview(registration=registration, kind="both", contact_person=manager_contact,
                          location_text="Catharijnesingel 42, Utrecht", interviewer="")


def send(client, interview, audience: str, body: str | None = None):
    page = client.get(f"/interviews/{interview.pk}/communicate/{audience}/")
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    if body is not None:
        data[next(name for name in data if name.endswith("-body"))] = body
    return client.post(f"/interviews/{interview.pk}/communicate/{audience}/", data)


def render(body: str, **values):
    return render_email(subject="S", body=body, profile=HtmlProfile.objects.first(),
                        values={**sample_values(), **values})


@pytest.mark.usefixtures("migrated_db")  # the worker picks up what was committed
def test_without_an_interviewer_the_with_line_is_left_out_of_what_arrives(
    recruiter_client, no_interviewer, manager_contact, smtp_server, run_worker
):
    manager_contact.language = "en"
    manager_contact.save()
    send(recruiter_client, no_interviewer, "candidate")
    send(recruiter_client, no_interviewer, "manager")
    run_worker()
    dutch, english = sorted(smtp_server.messages,
                            key=lambda message: "jeroen" not in str(message["To"]))
    for received, where, with_ in ((dutch, "Waar:", "Met:"), (english, "Where:", "With:")):
        plain = received.get_body(("plain",)).get_content()
        html = text(received.get_body(("html",)).get_content())
        for part in (plain, html):
            assert where in part and "Catharijnesingel 42, Utrecht" in part
            assert with_ not in part


def test_a_line_stays_when_one_of_its_merge_fields_has_a_value_or_it_has_none():
    mail = render("<p>Mail {{ recruiter_email }} or call {{ recruiter_phone }}.<br>"
                  "With: {{ interviewer }}<br>Bring your passport.</p>"
                  "<p>Room: {{ location }}</p><ul><li>{{ guidelines }}</li><li>Coffee</li></ul>",
                  recruiter_phone="", interviewer=" ", location="", guidelines="")
    assert "Mail sanne.devries@example.com or call ." in mail.text
    assert "Bring your passport." in mail.text and "Coffee" in mail.text
    assert "With:" not in mail.text and "Room:" not in mail.text
    assert len(elements(mail.html, "li")) == 1
    assert len(elements(mail.html, "br")) == 1  # the one between the two lines that stay


def test_a_paragraph_whose_lines_all_go_leaves_no_empty_paragraph():
    kept = render("<p>Hello</p><p>With: {{ interviewer }}</p>")
    dropped = render("<p>Hello</p><p>With: {{ interviewer }}</p>", interviewer="")
    assert len(elements(dropped.html, "p")) == len(elements(kept.html, "p")) - 1


def test_the_menu_offers_each_audience_exactly_the_fields_its_emails_may_use():
    for audience in Audience.values:
        offered = {name for name, _label in merge_menu(audience)}
        for name in MERGE_FIELDS:
            body = f"<p>{{{{ {name} }}}}</p>"
            if name in offered:
                check_merge_fields(body, audience=audience)
            else:
                with pytest.raises(ValidationError):
                    check_merge_fields(body, audience=audience)
    labels = dict(merge_menu(Audience.CANDIDATE))
    assert labels["candidate_first_name"] == "Candidate first name"


def test_the_screen_lists_the_fields_by_label_in_its_menu(recruiter_client, no_interviewer):
    html = recruiter_client.get(
        f"/interviews/{no_interviewer.pk}/communicate/candidate/").content.decode()
    assert 'data-merge-field="candidate_first_name">Candidate first name</button>' in html
    assert 'data-merge-field="portal_link"' not in html  # not for candidates
    assert '"candidate_first_name": "Candidate first name"' in html  # labels for the chips


def test_a_body_as_the_editor_writes_it_is_sent_sanitised(recruiter_client, no_interviewer):
    body = ('<p>Hoi {{ candidate_first_name }},<br><strong>tot</strong> <em>dan</em></p>'
            '<ul><li>een</li><li>twee</li></ul><ol><li>drie</li></ol>'
            '<p><a href="https://example.com/route" rel="noopener noreferrer" target="_blank">'
            'route</a> <a href="javascript:steal()">klik</a><img src=x onerror="steal()"></p>')
    assert send(recruiter_client, no_interviewer, "candidate", body).status_code == 302
    html = Message.objects.get().html
    assert "Hoi Jeroen," in text(html)
    assert {"strong", "em", "ul", "ol", "li", "a"} <= {e.tag for e in elements(html)}
    assert [e.attrs["href"] for e in elements(html, "a") if "route" in e.attrs.get("href", "")]
    assert "steal" not in html and "javascript" not in html and "target" not in html


def test_an_unknown_field_in_an_edited_body_is_refused_next_to_the_body(
    recruiter_client, no_interviewer
):
    response = send(recruiter_client, no_interviewer, "candidate",
                    "<p>Hoi {{ candidate_frist_name }}, <strong>tot dan</strong></p>")
    html = response.content.decode()
    assert 'id="error_1_id_candidate-nl-body"' in html
    assert "Unknown merge field: {{ candidate_frist_name }}." in html
    assert not Message.objects.exists()


def test_the_admin_keeps_the_raw_html_of_a_document(admin_client):
    document = StandardDocument.objects.get(name="Uitnodiging gesprek")
    response = admin_client.get(f"/admin/interviews/standarddocument/{document.pk}/change/")
    [textarea] = [e for e in elements(response.content.decode(), "textarea")
                  if e.attrs.get("name") == "body"]
    assert "data-body-editor" not in textarea.attrs
    assert "{{ interviewer }}" in response.content.decode()
