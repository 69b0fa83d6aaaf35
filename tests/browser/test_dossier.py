import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_recruiter_logs_in_and_sees_a_candidates_registrations(
    logged_in, live_server, registration, console_errors
):
    page = logged_in
    page.get_by_role("link", name="Candidates").click()
    page.get_by_role("link", name="Jeroen van Dijk").click()
    section = page.get_by_role("region", name="Registrations")
    expect(section.get_by_role("link", name="Senior Java Developer")).to_be_visible()
    expect(section.get_by_text("New", exact=True)).to_be_visible()
    page.get_by_role("button", name="Actions").click()
    expect(page.get_by_role("link", name="Edit details")).to_be_visible()
    assert console_errors == []
