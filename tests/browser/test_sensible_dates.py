"""A weekend date is allowed, and said: the hint follows what is typed, in the recruiter's
language, and never stops the Save."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.planning.models import Interview

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def next_weekday(weekday: int) -> str:
    """The next such day (Monday 0 … Sunday 6) at least a week from today, dd-mm-yyyy."""
    day = timezone.localdate() + timedelta(days=7)
    return (day + timedelta(days=(weekday - day.weekday()) % 7)).strftime("%d-%m-%Y")


@pytest.mark.parametrize(("language", "saturday", "sunday", "date_label", "save"), [
    ("en", "{} is a Saturday.", "{} is a Sunday.", "Date", "Save"),
    ("nl", "{} is een zaterdag.", "{} is een zondag.", "Datum", "Opslaan"),
])
def test_a_weekend_date_shows_a_hint_that_does_not_block_saving(
    logged_in, live_server, registration, console_errors, language, saturday, sunday,
    date_label, save
):
    page = logged_in
    page.goto(f"{live_server.url}/registrations/{registration.pk}/interviews/new/")
    if language != "en":  # the language switcher in the navigation bar
        with page.expect_navigation():
            page.get_by_label("Language").first.select_option(language)
    date = page.get_by_label(date_label)
    hint = page.locator("#id_start_weekend")

    date.fill(f"{next_weekday(5)} 10:00")
    expect(hint).to_have_text(saturday.format(next_weekday(5)))
    date.fill(f"{next_weekday(0)} 10:00")
    expect(hint).to_have_text("")
    date.fill(f"{next_weekday(6)} 10:00")
    expect(hint).to_have_text(sunday.format(next_weekday(6)))

    page.get_by_role("button", name=save, exact=True).click()
    page.wait_for_url(f"{live_server.url}{registration.get_absolute_url()}")
    saved = Interview.objects.get()
    assert timezone.localtime(saved.start).strftime("%d-%m-%Y") == next_weekday(6)
    assert console_errors == []
