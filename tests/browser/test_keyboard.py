"""By keyboard alone: plan an interview from the workflow, inform the candidate, send (issue 11
part 2). The steps below press keys only: Tab, Enter, Escape, arrows and typing."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.outbox.models import Message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED_NAME = """() => {
  const element = document.activeElement;
  const label = element.labels && element.labels[0];
  const name = element.getAttribute("aria-label") || (label ? label.innerText : "")
    || element.innerText || "";
  return name.replace("*", "").trim();
}"""


def tab_to(page, name: str, *, most: int = 80) -> None:
    """Press Tab until the control called `name` has the focus, as a keyboard user does."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_NAME) == name:
            return
    raise AssertionError(f"Tab never reaches {name!r}")


def test_a_recruiter_plans_and_sends_an_invitation_without_the_mouse(
        logged_in, live_server, plan_interview, console_errors):
    page = logged_in
    page.goto(f"{live_server.url}/workflow/")
    tab_to(page, "Plan interview")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/interviews/new/"))
    page.wait_for_load_state("load")  # the form's script has shown the calendar button

    date = page.get_by_label("Date")
    expect(date).to_be_focused()  # the form opens in its first field
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Choose from the calendar")).to_be_focused()
    page.keyboard.press("Enter")
    calendar = page.locator(".flatpickr-calendar.open")
    expect(calendar.locator(".flatpickr-day.today")).to_be_focused()
    page.keyboard.press("Escape")  # changed my mind: back in the field, nothing written
    expect(calendar).to_have_count(0)
    expect(date).to_be_focused()
    expect(date).to_have_value("")

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")  # a week later
    page.keyboard.press("ArrowRight")  # and a day
    page.keyboard.press("Enter")  # that day; on to the hour
    page.keyboard.press("Enter")  # 12:00 will do
    expect(calendar).to_have_count(0)
    expect(date).to_be_focused()
    day = timezone.localdate() + timedelta(days=8)
    expect(date).to_have_value(f"{day:%d-%m-%Y} 12:00")

    tab_to(page, "Interviewer")
    page.keyboard.type("Pat Jansen")
    tab_to(page, "Save and communicate to candidate")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Communicate to the candidate")).to_be_visible()
    tab_to(page, "Send")
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"/communicate/"))
    message = Message.objects.get()
    assert message.status == Message.Status.QUEUED
    assert message.recipient_email == plan_interview.candidate.email
    assert "Pat Jansen" in message.text
    assert console_errors == []


def test_a_refused_form_puts_the_focus_in_the_first_field_in_error(logged_in, live_server):
    page = logged_in
    page.goto(f"{live_server.url}/candidates/new/")
    page.get_by_label("First name").fill("Ilse")
    page.get_by_label("Last name").fill("de Boer")
    page.get_by_label("Email").fill("ilse at example")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("Email")).to_be_focused()
    expect(page.get_by_label("Email")).to_have_value("ilse at example")
