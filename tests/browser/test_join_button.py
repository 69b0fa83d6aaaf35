"""A dashboard left open: "Join" appears 15 minutes before an online interview starts and goes
at its end, without a reload."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from interviews.planning.configuration import InterviewLocation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_join_appears_on_a_page_left_open_and_goes_at_the_end(
    page, live_server, logged_in, registration, make_interview, console_errors
):
    jitsi = InterviewLocation.objects.create(name="Online (Jitsi Meet)", video_provider="jitsi")
    interview = make_interview(registration=registration, location=jitsi,
                               location_text=jitsi.location_text,
                               when=timezone.now() + timedelta(minutes=20))
    page.clock.install()  # the page's timers run when the test moves the clock
    page.goto(f"{live_server.url}/")
    week = page.get_by_role("region", name="My interviews")
    join = week.get_by_role("link", name="Join")
    expect(join).to_be_hidden()

    page.clock.run_for("06:00")  # 14 minutes before the start
    expect(join).to_be_visible()
    expect(join).to_have_attribute("href", interview.video_link)
    if shots := os.environ.get("SCREENSHOTS"):
        page.screenshot(path=f"{shots}/dashboard-join.png", full_page=True)

    page.clock.run_for("01:15:00")  # past the end (an hour long)
    expect(join).to_be_hidden()
    assert console_errors == []
