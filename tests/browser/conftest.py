"""End-to-end tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest

from tests.browser.every_page import LOCALES, WIDTHS, fill_the_office

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are
# made between browser steps, never concurrently with them.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-US", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture(autouse=True)
def live_database(migrated_db):
    """The live server needs a transactional database with the migrations' rows."""


@pytest.fixture
def console_errors(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors


@pytest.fixture
def logged_in(page, live_server, recruiter):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("alice-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


@pytest.fixture
def busy_office(request, plan_interview, make_interview, manager_contact, hiring_manager,
                recruiter):
    """A day's work, with the candidate and the manager speaking the language given (the
    parameter: "en" or "nl"), for tests that walk every page."""
    return fill_the_office(language=request.param, registration=plan_interview,
                           make_interview=make_interview, manager_contact=manager_contact,
                           recruiter=recruiter)


@pytest.fixture
def sized_page(browser, request, busy_office):
    """A page as wide as the device given ("laptop" or "phone"), in the office's language:
    its own context, so that one test walks all pages in one."""
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 800},
                                  locale=LOCALES[busy_office["language"]],
                                  timezone_id="Europe/Amsterdam")
    yield context.new_page()
    context.close()
