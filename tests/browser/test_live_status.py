"""Live status after Send: back at the door, the email's status moves from "Queued" to "Sent"
in place, without a reload, once the worker has delivered it to a real SMTP server."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.interviews import conftest as mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The real SMTP server (aiosmtpd) and the worker of the delivery tests.
smtp_port, smtp_server, run_worker = mail.smtp_port, mail.smtp_server, mail.run_worker

POLL_MS = 2000  # how often the page asks while a status is not final


def is_status_request(request) -> bool:
    return "/messages/status/" in request.url


@pytest.mark.parametrize(("door", "where"), [("registration", "Steps"), ("dashboard", None)])
def test_after_send_the_status_turns_from_queued_to_sent_without_a_reload(
    logged_in, live_server, registration, make_interview, smtp_server, run_worker,
    console_errors, door, where
):
    interview = make_interview(registration=registration, kind="recruiter",
                               when=timezone.now() + timedelta(days=2))
    page = logged_in
    if door == "registration":
        page.goto(f"{live_server.url}{registration.get_absolute_url()}")
        page.get_by_role("region", name="Steps").get_by_role("link").filter(
            has_text=timezone.localtime(interview.start).strftime("%d-%m-%Y %H:%M")).click()
    else:
        page.goto(f"{live_server.url}/")
        page.get_by_role("region", name="Coming up").get_by_role("link").first.click()
    page.get_by_role("button", name="Save and communicate to candidate").click()
    expect(page.get_by_role("heading", name="Communicate to the candidate")).to_be_visible()

    # The page's timers run only when the test moves the clock: the worker below never runs
    # while the page asks (on SQLite the test and the server share one connection).
    page.clock.install()
    with page.expect_response(lambda response: is_status_request(response.request)):
        page.get_by_role("button", name="Send").click()  # the page asks once on arrival
    page.wait_for_url(f"{live_server.url}{registration.get_absolute_url() if where else '/'}")
    said = page.get_by_role("alert").filter(has_text="is in the outbox")
    expect(said).to_contain_text("Jeroen van Dijk: Queued")
    page.evaluate("window.notReloaded = true")
    steps = page.get_by_role("region", name="Steps") if where else None
    if steps:
        expect(steps).to_contain_text("Jeroen van Dijk: Queued")

    run_worker()
    assert [m["To"] for m in smtp_server.messages] == ["Jeroen van Dijk <jeroen@example.org>"]
    page.clock.run_for(POLL_MS)
    expect(said).to_contain_text("Jeroen van Dijk: Sent")
    if steps:
        expect(steps).to_contain_text("Jeroen van Dijk: Sent")
    assert page.evaluate("window.notReloaded") is True

    asked_again = []
    page.on("request", lambda request: is_status_request(request) and asked_again.append(1))
    page.clock.run_for(10 * POLL_MS)  # final: the page stops asking
    page.evaluate("new Promise((done) => setTimeout(done, 0))")
    assert asked_again == []
    # The fake clock's script is refused in the preview, a sandboxed frame without scripts.
    assert [e for e in console_errors if not e.startswith("Blocked script execution")] == []
