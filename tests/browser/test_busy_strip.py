"""The interview form's strip of busy times: the hiring manager's calendar shows on the chosen
day, and moving the date moves the strip without reloading the page."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.availability.models import BusyBlock, CalendarConnection

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def busy_manager(plan_interview, manager_contact):
    """Marieke (the hiring manager) is busy from 10:00 to 11:00 in a week's time, and
    tentatively from 15:00 to 16:00."""
    day = timezone.localdate() + timedelta(days=7)
    connection = CalendarConnection.objects.create(
        contact_person=manager_contact, url="https://calendar.example.org/s3cr3t.ics",
        last_read_at=timezone.now())
    for start, tentative in ((time(10), False), (time(15), True)):
        begins = timezone.make_aware(datetime.combine(day, start))
        BusyBlock.objects.create(connection=connection, start=begins,
                                 end=begins + timedelta(hours=1), tentative=tentative)
    return day


def test_the_strip_shows_the_managers_busy_time_and_follows_the_date(
        logged_in, live_server, plan_interview, busy_manager, console_errors):
    page = logged_in
    page.goto(f"{live_server.url}/registrations/{plan_interview.pk}/interviews/new/")
    strip = page.locator("#busy-strip")
    # Before a date is chosen: the next working day, and how to see another.
    expect(strip).to_contain_text("Type or pick a date to see who is busy that day.")
    expect(strip.locator("[data-strip-day]")).not_to_have_text("")
    expect(strip.locator(".busy-row")).not_to_have_count(0)
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Date").fill(f"{busy_manager:%d-%m-%Y} 14:00")
    marieke = strip.locator(".busy-row", has_text="Marieke van der Linden")
    expect(marieke.locator(".busy-block")).to_have_count(2)
    expect(marieke.locator(".busy-block.is-tentative")).to_have_count(1)
    expect(marieke.locator(".busy-chosen")).to_have_count(1)
    said = strip.locator("[data-strip-list]")
    expect(said).to_contain_text(
        "Marieke van der Linden: busy 10:00–11:00 (calendar); busy 15:00–16:00 "
        "(calendar, tentative)")
    expect(said).to_contain_text("Alice Recruiter: no busy times known")
    page.screenshot(path="/tmp/busy-strip.png", full_page=True)

    next_day = busy_manager + timedelta(days=1)
    page.get_by_label("Date").fill(f"{next_day:%d-%m-%Y} 14:00")
    expect(strip.locator("[data-strip-day]")).to_have_text(f"{next_day:%d-%m-%Y}")
    expect(marieke.locator(".busy-block")).to_have_count(0)
    expect(said).to_contain_text("Marieke van der Linden: no busy times known")
    page.get_by_label("Contact person").select_option(index=0)  # nobody
    expect(marieke).to_have_count(0)
    expect(said).not_to_contain_text("Marieke")
    assert page.evaluate("window.notReloaded") is True
    assert console_errors == []
