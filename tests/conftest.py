"""Shared personas and data: a recruiter, an administrator and an outsider (no role)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers
from django.utils import timezone

from ats.access import RECRUITERS_GROUP
from candidates.models import Candidate, Registration, WorkflowStage
from vacancies.models import ContactPerson, Vacancy


@pytest.fixture
def recruiter(django_user_model):
    user = django_user_model.objects.create_user(
        "alice", "alice@example.com", "alice-password", first_name="Alice", last_name="Recruiter"
    )
    user.groups.add(Group.objects.get(name=RECRUITERS_GROUP))
    return user


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "root-password")


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user("charlie", "charlie@example.com", "charlie-pw")


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def manager_contact():
    return ContactPerson.objects.create(
        name="Marieke van der Linden", email="marieke@example.com", wants_vcalendar=True
    )


@pytest.fixture
def vacancy(manager_contact, recruiter):
    return Vacancy.objects.create(
        title="Senior Java Developer", reference="IT-1", status=Vacancy.Status.PUBLISHED,
        hiring_manager=manager_contact, recruiter=recruiter,
    )


@pytest.fixture
def candidate():
    return Candidate.objects.create(first_name="Jeroen", last_name="van Dijk",
                                    email="jeroen@example.org")


@pytest.fixture
def stages():
    return {stage.name: stage for stage in WorkflowStage.objects.all()}


@pytest.fixture
def registration(candidate, vacancy, stages, recruiter):
    registration = Registration(candidate=candidate, vacancy=vacancy, stage=stages["New"])
    registration.register(by=recruiter)
    return registration


@pytest.fixture
def hiring_manager(django_user_model, manager_contact):
    """A hiring manager who is also a user, but not a recruiter."""
    user = django_user_model.objects.create_user("bob", "bob@example.com", "bob-password")
    manager_contact.user = user
    manager_contact.save()
    return user


@pytest.fixture
def plan_interview(registration, stages, recruiter):
    """The registration, waiting in the plan-interview stage."""
    registration.move_to(stages["Plan interview"], by=recruiter)
    return registration


@pytest.fixture
def make_interview(recruiter):
    from interviews.planning.models import Interview

    def make(*, registration=None, candidate=None, when=None, **fields) -> Interview:
        interview = Interview(owner=recruiter, start=when or timezone.now() + timedelta(days=2),
                              **fields)
        if registration:
            interview.attach(registration)
        elif candidate:
            interview.candidate = candidate
        interview.save()
        return interview

    return make



# Rows the post_migrate signal puts back by itself after a flush.
RECREATED_AFTER_FLUSH = {"contenttypes.ContentType", "auth.Permission"}


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker) -> str:
    """What the migrations installed (stages, the Recruiters group…), saved before any test."""
    with django_db_blocker.unblock():
        rows = [row for model in apps.get_models()
                if model._meta.managed and model._meta.label not in RECREATED_AFTER_FLUSH
                for row in model._default_manager.all()]
        return serializers.serialize("json", rows)


@pytest.fixture
def migrated_db(migrated_data, transactional_db) -> None:
    """A transactional database (flushed after each test) with the migrations' rows put back:
    stages, the Recruiters group, the standard documents."""
    if not Group.objects.exists():
        for row in serializers.deserialize("json", migrated_data):
            row.save()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items) -> None:
    # Browser tests run against a live server in transactions that end with a flush; run them
    # after every test that relies on the data the migrations installed.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
