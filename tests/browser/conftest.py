"""End-to-end tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers

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


# Rows the post_migrate signal puts back by itself after a flush.
RECREATED_AFTER_FLUSH = {"contenttypes.ContentType", "auth.Permission"}


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker) -> str:
    """What the migrations installed (stages, the Recruiters group…), saved before any test."""
    with django_db_blocker.unblock():
        rows = [row for model in apps.get_models()
                if model._meta.label not in RECREATED_AFTER_FLUSH
                for row in model._default_manager.all()]
        return serializers.serialize("json", rows)


@pytest.fixture(autouse=True)
def restore_migrated_data(migrated_data, transactional_db) -> None:
    """The live server needs a transactional database, which is flushed after each test."""
    if not Group.objects.exists():
        for row in serializers.deserialize("json", migrated_data):
            row.save()
