from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from candidates.models import Candidate, Registration, WorkflowStage
from interviews.availability.models import CalendarConnection

pytestmark = pytest.mark.django_db

MODELS = ["candidates.Candidate", "candidates.Registration", "candidates.StageChange",
          "vacancies.Vacancy", "vacancies.ContactPerson", "interviews.InterviewLocation",
          "interviews.InterviewReason", "interviews.InterviewGuideline", "auth.User",
          "interviews.CalendarConnection", "interviews.BusyBlock"]


def _counts() -> dict[str, int]:
    return {name: apps.get_model(name).objects.count() for name in MODELS}


def test_running_it_twice_gives_the_same_counts():
    call_command("seed_demo", verbosity=0)
    first = _counts()
    call_command("seed_demo", verbosity=0)
    assert _counts() == first
    assert first["candidates.Candidate"] >= 20


def test_it_fills_every_stage_and_the_demo_logins_work():
    call_command("seed_demo", verbosity=0)
    for stage in WorkflowStage.objects.all():
        assert Registration.objects.filter(stage=stage).exists(), stage.name
    def login(name: str):
        request = RequestFactory().post("/accounts/login/")
        return authenticate(request, username=name, password=name)

    assert login("recruiter").groups.filter(name="Recruiters").exists()
    assert login("admin").is_superuser
    manager = login("manager")
    assert manager.contact_person.managed_vacancies.exists()


def test_scale_adds_generated_candidates_up_to_the_number_asked():
    call_command("seed_demo", scale=30, verbosity=0)
    generated = Candidate.objects.filter(email__endswith="@generated.example")
    assert generated.count() == 30
    assert Registration.objects.filter(candidate__in=generated).count() == 60
    call_command("seed_demo", scale=30, verbosity=0)
    assert generated.count() == 30


def test_the_hiring_manager_is_busy_in_her_calendar_on_the_coming_working_days():
    call_command("seed_demo", verbosity=0)
    connection = CalendarConnection.objects.get(contact_person__name="Marieke van der Linden")
    assert connection.url.endswith("/dev/calendars/marieke.ics")
    assert connection.last_read_at and not connection.is_stale
    today = timezone.localdate()
    busy_days = {timezone.localtime(block.start).date()
                 for block in connection.busy_blocks.all()}
    coming = [today + timedelta(days=n) for n in range(1, 15)]
    assert {day for day in coming if day.weekday() < 5} <= busy_days
    # The worker reads the feed for real once the server is up.
    assert connection.next_read_at > timezone.now()
