"""The email body as formatted text, with merge fields as chips (issue 11, part 5)."""

import re

import pytest
from playwright.sync_api import expect

from interviews.outbox.models import Message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def screen(logged_in, live_server, registration, make_interview):
    interview = make_interview(registration=registration, kind="recruiter")
    logged_in.goto(f"{live_server.url}/interviews/{interview.pk}/communicate/candidate/")
    return logged_in


def test_the_recruiter_writes_formatted_text_with_a_merge_field_from_the_menu(
    screen, console_errors
):
    page = screen
    body = page.get_by_role("textbox", name="Body")
    expect(body).to_contain_text("Beste")
    expect(body.locator(".merge-chip").first).to_have_text("Candidate first name")
    expect(body).not_to_contain_text("{{")
    expect(body.get_by_role("link", name="Ik kom")).to_be_visible()

    body.get_by_text("Bedankt voor je sollicitatie").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Tot ziens, ")
    page.get_by_role("button", name="Insert merge field").click()
    page.get_by_role("button", name="Candidate first name").click()
    page.keyboard.type(". Neem je paspoort mee")
    page.keyboard.press("Shift+Control+ArrowLeft")  # the word "mee"
    page.get_by_role("button", name="Bold").click()
    expect(body.locator("strong").last).to_have_text("mee")

    preview = page.frame_locator("iframe[name=preview]")
    expect(preview.locator("strong", has_text="mee")).to_be_visible()
    expect(preview.get_by_text("Tot ziens, Jeroen. Neem je paspoort mee")).to_be_visible()

    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("is in the outbox")).to_be_visible()
    [message] = Message.objects.all()
    assert re.search(r"<strong[^>]*>mee</strong>", message.html)  # the profile styles it
    assert "Tot ziens, Jeroen. Neem je paspoort mee" in message.text
    assert "{{" not in message.html
    assert console_errors == []  # no CSP violation, no failing request


def test_another_document_shows_with_its_fields_as_chips_and_takes_a_link(screen, console_errors):
    page = screen
    body = page.get_by_role("textbox", name="Body")
    page.get_by_label("Purpose").select_option("cancellation")
    expect(body).to_contain_text("Helaas kan je gesprek")
    expect(body.locator(".merge-chip", has_text="Recruiter name")).to_be_visible()
    preview = page.frame_locator("iframe[name=preview]")
    expect(preview.get_by_text("Helaas kan je gesprek voor Senior Java Developer")).to_be_visible()

    body.get_by_text("Helaas kan je gesprek").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Lees de route")
    page.keyboard.press("Shift+Control+ArrowLeft")  # the word "route"
    page.once("dialog", lambda dialog: dialog.accept("https://example.com/route"))
    page.get_by_role("button", name="Add a link").click()
    expect(preview.get_by_role("link", name="route")).to_have_attribute(
        "href", "https://example.com/route")
    assert console_errors == []
