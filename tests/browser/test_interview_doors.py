"""The four doors to the interview form, in an American-English browser (R2, R3, R4 Date)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.planning.configuration import InterviewLocation
from interviews.planning.models import Interview

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def office(plan_interview):
    InterviewLocation.objects.create(name="Head office", address="Catharijnesingel 42\nUtrecht")
    return plan_interview


def pick_next_months_15th(page) -> str:
    page.get_by_role("button", name="Choose from the calendar").click()
    calendar = page.locator(".flatpickr-calendar.open")
    calendar.locator(".flatpickr-next-month").click()
    calendar.locator(".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)",
                     has_text=re.compile(r"^15$")).click()
    page.keyboard.press("Escape")
    return page.get_by_label("Date").input_value()


def test_the_workflow_door_with_the_picker(logged_in, live_server, office, console_errors):
    page = logged_in
    page.get_by_role("link", name="Workflow").click()
    page.get_by_role("link", name="Plan interview", exact=True).click()
    expect(page.get_by_role("heading", name="Plan interview")).to_be_visible()
    picked = pick_next_months_15th(page)
    assert re.fullmatch(r"15-\d\d-\d{4} 12:00", picked), picked
    page.get_by_label("Interview location").select_option(label="Head office")
    expect(page.get_by_label("Location", exact=True)).to_have_value(
        "Head office, Catharijnesingel 42, Utrecht")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/workflow/$"))
    expect(page.get_by_text("has been saved")).to_be_visible()
    interview = Interview.objects.get()
    assert timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M") == picked
    assert console_errors == []


def test_a_us_date_typed_is_refused_with_the_expected_notation(logged_in, live_server, office):
    page = logged_in
    page.goto(f"{live_server.url}{office.get_absolute_url()}")
    page.get_by_role("link", name="Plan interview").first.click()
    page.get_by_label("Date").fill("11/28/2026 10:00")
    page.get_by_label("Interviewer").fill("Pat Jansen")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#error_1_id_start")).to_contain_text("dd-mm-yyyy HH:MM")
    expect(page.get_by_label("Date")).to_have_value("11/28/2026 10:00")
    expect(page.get_by_label("Interviewer")).to_have_value("Pat Jansen")
    assert not Interview.objects.exists()


def test_the_candidate_door_typing_the_date(logged_in, live_server, office):
    page = logged_in
    candidate = office.candidate
    page.goto(f"{live_server.url}{candidate.get_absolute_url()}")
    steps = page.get_by_role("region", name="Steps")
    steps.get_by_role("link", name="New").click()
    page.get_by_label("Date").fill("15-12-2037 09:30")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{candidate.get_absolute_url()}")
    expect(steps.get_by_role("link", name="15-12-2037 09:30")).to_be_visible()


def test_the_actions_menu_door(logged_in, live_server, office):
    page = logged_in
    page.goto(f"{live_server.url}{office.candidate.get_absolute_url()}")
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Plan interview").click()
    page.get_by_label("Date").fill("16-12-2037 14:00")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{office.candidate.get_absolute_url()}")
    page.get_by_role("button", name="Actions").click()
    expect(page.get_by_role("link", name="Plan interview")).to_have_count(0)  # moved on


def test_the_registration_door(logged_in, live_server, office):
    page = logged_in
    page.goto(f"{live_server.url}{office.get_absolute_url()}")
    page.get_by_role("link", name="Plan interview").click()
    pick_next_months_15th(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{office.get_absolute_url()}")
    expect(page.get_by_text("Interview planned").first).to_be_visible()


def test_the_vacancy_door_and_editing_from_the_steps(logged_in, live_server, office):
    page = logged_in
    vacancy_url = f"{live_server.url}{office.vacancy.get_absolute_url()}"
    page.goto(vacancy_url)
    page.get_by_role("link", name="Plan interview").click()
    page.get_by_label("Date").fill("17-12-2037 11:15")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(vacancy_url)
    # R7: from the candidate's Steps, the date opens the same form; the date stays editable.
    page.goto(f"{live_server.url}{office.candidate.get_absolute_url()}")
    page.get_by_role("link", name="17-12-2037 11:15").click()
    expect(page.get_by_label("Date")).to_have_value("17-12-2037 11:15")
    page.get_by_label("Date").fill("18-12-2037 11:15")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("link", name="18-12-2037 11:15")).to_be_visible()
    start = Interview.objects.get().start
    assert timezone.localtime(start) - timezone.localtime(start).replace(hour=0, minute=0) == \
        timedelta(hours=11, minutes=15)


def test_a_date_typed_before_the_scripts_run_is_kept(logged_in, live_server, office,
                                                     console_errors):
    """On a slow connection people type before the page's scripts have run; the calendar
    button that the script then brings must not take the date away."""
    page = logged_in
    held = []
    page.route("**/js/interview-form*.js", lambda route: held.append(route))  # held back
    page.goto(f"{live_server.url}{office.get_absolute_url()}")
    page.get_by_role("link", name="Plan interview").click()
    page.get_by_label("Date").fill("17-12-2037 11:15")
    page.wait_for_timeout(100)
    assert held, "the form's script was not requested"
    held[0].continue_()
    expect(page.get_by_role("button", name="Choose from the calendar")).to_be_visible()
    expect(page.get_by_label("Date")).to_have_value("17-12-2037 11:15")
    expect(page.get_by_label("Date")).to_be_focused()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{office.get_absolute_url()}")
    assert timezone.localtime(Interview.objects.get().start).strftime("%d-%m-%Y %H:%M") == \
        "17-12-2037 11:15"
    assert console_errors == []
