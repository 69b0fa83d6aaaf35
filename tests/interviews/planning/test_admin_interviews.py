"""An interview edited in Django admin is saved the way the interview form saves it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.parsed_html import form_values

pytestmark = pytest.mark.django_db
REMINDER_TASK = "interviews.communication.reminders.send_reminders"


@pytest.fixture
def change_form(admin_client, registration, make_interview):
    interview = make_interview(registration=registration, when=timezone.now() + timedelta(days=3))
    url = reverse("admin:interviews_interview_change", args=[interview.pk])
    data = form_values(admin_client.get(url).content.decode(), "interview_form")
    return interview, url, data


def test_moving_an_interview_in_the_admin_updates_calendars_the_log_and_the_reminder(
    admin_client, change_form, django_capture_on_commit_callbacks
):
    interview, url, data = change_form
    later = timezone.localtime(interview.start + timedelta(days=1))
    data["start_0"], data["start_1"] = [later.strftime("%d-%m-%Y")], [later.strftime("%H:%M:%S")]
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, {**data, "_save": "Save"}).status_code == 302
    interview.refresh_from_db()
    assert interview.sequence == 1  # calendars replace the entry
    assert list(interview.changes.values_list("field", flat=True)) == ["time"]
    [reminder] = DBTaskResult.objects.filter(task_path=REMINDER_TASK)
    assert reminder.args_kwargs["args"] == [interview.pk, 1]


def test_the_admin_refuses_a_start_in_year_9999_and_a_huge_duration(admin_client, change_form):
    interview, url, data = change_form
    data["start_0"], data["duration"] = ["31-12-9999"], ["99999999 00:00:00"]
    html = admin_client.post(url, {**data, "_save": "Save"}).content.decode()
    assert "Choose a date between 01-01-1900 and 31-12-2200." in html
    assert "Choose a duration between 5 and 720 minutes." in html
    interview.refresh_from_db()
    assert interview.start.year < 9999 and interview.sequence == 0
