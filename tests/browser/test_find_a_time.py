"""Planning an interview with "Find a time": the proposals fill the date, and are saved."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.planning.models import Interview
from tests.interviews.availability.calendars import busy_in_calendar
from vacancies.models import ContactPerson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PROPOSAL = re.compile(r"^\w+ (\d\d-\d\d-\d{4} \d\d:\d\d)–\d\d:\d\d$")


def open_the_form(page, live_server, registration):
    page.goto(f"{live_server.url}/registrations/{registration.pk}/interviews/new/")
    expect(page.get_by_role("heading", name="Plan interview")).to_be_visible()


def test_a_recruiter_plans_an_interview_at_the_first_proposed_time(
        logged_in, live_server, plan_interview, console_errors):
    ContactPerson.objects.create(name="Sanne Bakker", email="sanne@example.com")
    page = logged_in
    open_the_form(page, live_server, plan_interview)
    page.get_by_label("Kind").select_option(label="With both")
    page.get_by_label("Contact person").select_option(label="Sanne Bakker")
    later = timezone.localdate() + timedelta(days=20)  # beyond the fortnight searched
    page.get_by_label("Date").fill(f"{later:%d-%m-%Y} 10:00")
    strip = page.locator("#busy-strip")
    expect(strip.locator("[data-strip-day]")).to_have_text(f"{later:%d-%m-%Y}")
    page.get_by_role("button", name="Find a time").click()
    choices = page.get_by_role("list", name="Free times").get_by_role("button")
    expect(choices).to_have_count(5)
    first = choices.first
    expect(first).to_be_focused()  # the keyboard goes on to the choices
    label = first.inner_text()
    value = PROPOSAL.fullmatch(label).group(1)
    first.press("Enter")
    date = page.get_by_label("Date")
    expect(date).to_have_value(value)
    expect(date).to_be_focused()
    expect(page.get_by_role("status")).to_have_text(f"Date set to {label}.")
    # The strip moved to the chosen day without a reload, the interview's time marked on it.
    expect(strip.locator("[data-strip-day]")).to_have_text(value[:10])
    sanne = strip.locator(".busy-row", has_text="Sanne Bakker")
    expect(sanne.locator(".busy-chosen")).to_have_count(1)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("has been saved")).to_be_visible()
    interview = Interview.objects.get()
    assert timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M") == value
    assert interview.contact_person.name == "Sanne Bakker"
    assert console_errors == []


def test_escape_leaves_the_proposals_and_nothing_free_is_said(
        logged_in, live_server, plan_interview, manager_contact):
    page = logged_in
    open_the_form(page, live_server, plan_interview)
    page.get_by_role("button", name="Find a time").click()
    expect(page.get_by_role("list", name="Free times").get_by_role("button").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Find a time")).to_be_focused()
    expect(page.get_by_role("list", name="Free times")).to_be_hidden()
    now = timezone.now()
    busy_in_calendar(manager_contact, now - timedelta(days=1), now + timedelta(days=20))
    page.get_by_role("button", name="Find a time").click()
    expect(page.get_by_role("status")).to_have_text("No free time in the next 14 days.")
    expect(page.get_by_label("Date")).to_have_value("")
